"""Per-client rate limiting for the public API, keyed by the client's address as the trusted proxies report it."""

import ipaddress
import threading
import time

from starlette.requests import Request


def client_address(request: Request, trusted_proxies: list[str]) -> str:
    """The caller's address. X-Forwarded-For is believed only when the direct peer is a trusted proxy, and then
    only up to the first address that is not itself a trusted proxy, so a client cannot forge its way out."""
    peer = request.client.host if request.client else "unknown"
    if not _trusted(peer, trusted_proxies):
        return peer
    chain = [a.strip() for a in request.headers.get("x-forwarded-for", "").split(",") if a.strip()]
    for address in reversed(chain):
        if not _trusted(address, trusted_proxies):
            return address
    return chain[0] if chain else peer


def _trusted(address: str, trusted_proxies: list[str]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in ipaddress.ip_network(proxy, strict=False) for proxy in trusted_proxies)


class RateLimiter:
    """A token bucket per client: `per_minute` requests a minute, bursts up to `burst`. In memory, per process
    (each replica limits on its own; put the proxy's limit in front for a global one)."""

    def __init__(self, per_minute: int, burst: int | None = None, max_clients: int = 100_000) -> None:
        self.rate = per_minute / 60.0
        self.capacity = float(burst or max(per_minute // 2, 1))
        self.max_clients = max_clients
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def allow(self, client: str) -> bool:
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(client, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - last) * self.rate)
            allowed = tokens >= 1.0
            self._buckets[client] = (tokens - 1.0 if allowed else tokens, now)
            if len(self._buckets) > self.max_clients:  # forget the idle ones; bounded memory under attack
                idle = sorted(self._buckets, key=lambda key: self._buckets[key][1])[: self.max_clients // 10]
                for key in idle:
                    del self._buckets[key]
            return allowed
