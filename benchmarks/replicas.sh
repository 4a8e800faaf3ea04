#!/usr/bin/env bash
# Scale out on one machine: two `reportqa serve` processes, stateless and read-only over one index, behind nginx
# on 127.0.0.1, then the load script through nginx. Needs Debian's nginx. Everything stops at the end.
#
#   bash benchmarks/replicas.sh [seconds per level] [clients...]     e.g. bash benchmarks/replicas.sh 20 10 50 200
#
# nginx here passes the load script's X-Forwarded-For through (each simulated client has its own address); in
# production (deploy/nginx.conf) nginx sets it to the real peer address instead.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"; shift || true
levels=("${@:-10 50 200}")
work="$(mktemp -d)"
pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

reportqa ingest --docs samples/report --index "$work/index" >/dev/null
for port in 7871 7872; do
  REPORTQA_DOCS_DIR=samples/report REPORTQA_INDEX_DIR="$work/index" REPORTQA_TRUSTED_PROXIES=127.0.0.1 \
    GRADIO_ANALYTICS_ENABLED=False reportqa serve --host 127.0.0.1 --port "$port" >"$work/app-$port.log" 2>&1 &
  pids+=($!)
done
cat >"$work/nginx.conf" <<CONF
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
worker_processes 2;
events { worker_connections 2048; }
http {
  access_log off;
  client_body_temp_path $work/body; proxy_temp_path $work/proxy; fastcgi_temp_path $work/fastcgi;
  uwsgi_temp_path $work/uwsgi; scgi_temp_path $work/scgi;
  upstream reportqa { least_conn; server 127.0.0.1:7871; server 127.0.0.1:7872; keepalive 64; }
  server {
    listen 127.0.0.1:7870;
    location / {
      proxy_pass http://reportqa;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header X-Forwarded-For \$http_x_forwarded_for;
      proxy_buffering off;
      proxy_read_timeout 90s;
    }
  }
}
CONF
for port in 7871 7872; do
  until curl -sf "http://127.0.0.1:$port/api/health" | grep -q '"ok"'; do sleep 1; done
done
nginx -c "$work/nginx.conf" -p "$work"
until curl -sf http://127.0.0.1:7870/api/health >/dev/null; do sleep 0.5; done
# shellcheck disable=SC2068
python benchmarks/load.py --url http://127.0.0.1:7870 --clients ${levels[@]} --seconds "$seconds"
