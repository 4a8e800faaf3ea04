"""Load test: N concurrent clients asking gold-set questions through POST /api/ask for a bounded time, as JSON
requests or as streams (what the widget does).

    REPORTQA_TRUSTED_PROXIES=127.0.0.1 reportqa serve --docs samples/report --port 7870 &
    python benchmarks/load.py --url http://127.0.0.1:7870 --clients 10 100 200 --seconds 20 --mode json stream

Each simulated client has its own address (X-Forwarded-For from the 198.18.0.0/15 benchmark range, believed only
because the server trusts 127.0.0.1 as a proxy), so the per-client rate limit applies per client as in production.
Traffic goes to 127.0.0.1 only. Prints, per level: requests, throughput, latency p50/p95/p99 of answered requests,
p95 to an answer or a refusal (what a person waits for either way), the slowest request of any outcome, the
slowest of the /api/health checks made every 0.5 s meanwhile (what a load balancer sees), and outcomes by kind:
200 (a stream counts only when its `done` event arrived), 429, 4xx, 5xx, `stream error` (an `error` event), `cut`
(a stream that ended with neither), timeout, connection error.
"""

import argparse
import asyncio
import json
import random
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import httpx

Mode = Literal["json", "stream"]


def _kind(status: int) -> str:
    return str(status) if status in (200, 429) else f"{status // 100}xx"


async def _ask(
    client: httpx.AsyncClient, url: str, question: str, headers: dict[str, str], mode: Mode
) -> tuple[str, float]:
    """One question; its outcome and, for a 429, how long the server asks the client to wait."""
    if mode == "json":
        reply = await client.post(f"{url}/api/ask", json={"question": question}, headers=headers)
        return _kind(reply.status_code), float(reply.headers.get("retry-after", "0"))
    headers = {**headers, "accept": "text/event-stream"}
    async with client.stream("POST", f"{url}/api/ask", json={"question": question}, headers=headers) as reply:
        if reply.status_code != 200:
            await reply.aread()
            return _kind(reply.status_code), float(reply.headers.get("retry-after", "0"))
        last = ""
        async for line in reply.aiter_lines():
            if line.startswith("event: "):
                last = line.removeprefix("event: ")
        return {"done": "200", "error": "stream error"}.get(last, "cut"), 0.0


async def _client(
    number: int, client: httpx.AsyncClient, url: str, questions: list[str], deadline: float, mode: Mode, results: list
) -> None:  # type: ignore[type-arg]
    headers = {"x-forwarded-for": f"198.18.{number // 250}.{number % 250 + 1}"}
    while time.monotonic() < deadline:
        started = time.monotonic()
        wait = 0.0
        try:
            kind, wait = await _ask(client, url, random.choice(questions), headers, mode)
        except httpx.TimeoutException:
            kind = "timeout"
        except httpx.TransportError:
            kind = "connection error"
        results.append((kind, time.monotonic() - started))
        await asyncio.sleep(min(wait, max(deadline - time.monotonic(), 0)))  # backs off as Retry-After says


def _percentile(values: list[float], share: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(share * len(values)))] * 1000 if values else 0.0


@dataclass
class Level:
    clients: int
    mode: Mode
    seconds: float
    results: list[tuple[str, float]]
    health: list[float]  # seconds each /api/health probe took during the run (one every HEALTH_EVERY s)

    @property
    def outcomes(self) -> dict[str, int]:
        return dict(sorted(Counter(kind for kind, _ in self.results).items()))

    def p95_answer_or_refusal(self) -> float:
        return _percentile([latency for kind, latency in self.results if kind in ("200", "429")], 0.95)

    def __str__(self) -> str:
        answered = [latency for kind, latency in self.results if kind == "200"]
        return (
            f"{self.clients:>4} {self.mode:<6} clients: {len(self.results):>5} requests, "
            f"{len(answered) / self.seconds:6.1f} answers/s, p50 {_percentile(answered, 0.5):6.0f} ms, "
            f"p95 {_percentile(answered, 0.95):6.0f} ms, p99 {_percentile(answered, 0.99):6.0f} ms, "
            f"p95 answer or refusal {self.p95_answer_or_refusal():6.0f} ms, "
            f"slowest request {self.slowest() * 1000:6.0f} ms, slowest of {len(self.health)} health checks "
            f"{max(self.health, default=0.0) * 1000:5.0f} ms, outcomes {self.outcomes}"
        )

    def slowest(self) -> float:
        """The longest any request waited, whatever its outcome (an answer, a refusal, an error)."""
        return max((latency for _, latency in self.results), default=0.0)


HEALTH_EVERY = 0.5


async def _probe_health(url: str, deadline: float, took: list[float]) -> None:
    """What a load balancer sees meanwhile: /api/health, on its own connection."""
    async with httpx.AsyncClient(timeout=30.0) as client:
        while time.monotonic() < deadline:
            started = time.monotonic()
            try:
                (await client.get(f"{url}/api/health")).raise_for_status()
                took.append(time.monotonic() - started)
            except httpx.HTTPError:
                took.append(float("inf"))
            await asyncio.sleep(HEALTH_EVERY)


async def run(url: str, clients: int, seconds: float, questions: list[str], mode: Mode = "json") -> Level:
    results: list[tuple[str, float]] = []
    health: list[float] = []
    # Each simulated client has its own connection, as browsers do. The clients are made before the clock starts:
    # making 200 (an SSL context each) costs the load generator seconds of CPU, which would count as latency.
    clients_made = [httpx.AsyncClient(timeout=30.0) for _ in range(clients)]
    try:
        deadline = time.monotonic() + seconds
        await asyncio.gather(
            _probe_health(url, deadline, health),
            *(_client(n, client, url, questions, deadline, mode, results) for n, client in enumerate(clients_made)),
        )
    finally:
        await asyncio.gather(*(client.aclose() for client in clients_made))
    return Level(clients, mode, seconds, results, health)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="http://127.0.0.1:7870")
    parser.add_argument("--clients", type=int, nargs="+", default=[10, 50, 200])
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--gold", type=Path, default=Path("eval/gold.jsonl"))
    parser.add_argument("--mode", nargs="+", choices=["json", "stream"], default=["json"])
    args = parser.parse_args()
    if not args.url.startswith(("http://127.", "http://localhost", "http://[::1]")):
        parser.error("the load test only targets this machine (127.0.0.0/8, localhost)")
    questions = [json.loads(line)["question"] for line in args.gold.read_text(encoding="utf-8").splitlines()]
    for mode in args.mode:
        for clients in args.clients:
            print(asyncio.run(run(args.url, clients, args.seconds, questions, mode)), flush=True)


if __name__ == "__main__":
    main()
