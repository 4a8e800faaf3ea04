"""Load test: N concurrent clients asking gold-set questions through POST /api/ask for a bounded time.

    REPORTQA_TRUSTED_PROXIES=127.0.0.1 reportqa serve --docs samples/report --port 7870 &
    python benchmarks/load.py --url http://127.0.0.1:7870 --clients 10 50 200 --seconds 20

Each simulated client has its own address (X-Forwarded-For from the 198.18.0.0/15 benchmark range, believed only
because the server trusts 127.0.0.1 as a proxy), so the per-client rate limit applies per client as in production.
Traffic goes to 127.0.0.1 only. Prints, per level: requests, throughput, latency p50/p95/p99 of answered requests,
and outcomes by kind (200, 429, 4xx, 5xx, timeout, connection error).
"""

import argparse
import asyncio
import json
import random
import time
from collections import Counter
from pathlib import Path

import httpx


async def _client(number: int, url: str, questions: list[str], deadline: float, results: list) -> None:  # type: ignore[type-arg]
    address = f"198.18.{number // 250}.{number % 250 + 1}"
    async with httpx.AsyncClient(timeout=30.0) as client:
        while time.monotonic() < deadline:
            started = time.monotonic()
            try:
                reply = await client.post(
                    f"{url}/api/ask",
                    json={"question": random.choice(questions)},
                    headers={"x-forwarded-for": address},
                )
                kind = str(reply.status_code) if reply.status_code in (200, 429) else f"{reply.status_code // 100}xx"
                if reply.status_code == 429:
                    await asyncio.sleep(float(reply.headers.get("retry-after", "1")))  # a polite client backs off
            except httpx.TimeoutException:
                kind = "timeout"
            except httpx.TransportError:
                kind = "connection error"
            results.append((kind, time.monotonic() - started))


def _percentile(values: list[float], share: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(share * len(values)))] * 1000 if values else 0.0


async def run(url: str, clients: int, seconds: float, questions: list[str]) -> str:
    results: list[tuple[str, float]] = []
    deadline = time.monotonic() + seconds
    await asyncio.gather(*(_client(n, url, questions, deadline, results) for n in range(clients)))
    answered = [latency for kind, latency in results if kind == "200"]
    kinds = Counter(kind for kind, _ in results)
    return (
        f"{clients:>4} clients: {len(results):>5} requests, {len(answered) / seconds:6.1f} answers/s, "
        f"p50 {_percentile(answered, 0.5):7.0f} ms, p95 {_percentile(answered, 0.95):7.0f} ms, "
        f"p99 {_percentile(answered, 0.99):7.0f} ms, outcomes {dict(sorted(kinds.items()))}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="http://127.0.0.1:7870")
    parser.add_argument("--clients", type=int, nargs="+", default=[10, 50, 200])
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--gold", type=Path, default=Path("eval/gold.jsonl"))
    args = parser.parse_args()
    if not args.url.startswith(("http://127.", "http://localhost", "http://[::1]")):
        parser.error("the load test only targets this machine (127.0.0.0/8, localhost)")
    questions = [json.loads(line)["question"] for line in args.gold.read_text(encoding="utf-8").splitlines()]
    for clients in args.clients:
        print(asyncio.run(run(args.url, clients, args.seconds, questions)), flush=True)


if __name__ == "__main__":
    main()
