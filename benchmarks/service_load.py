"""A bounded load test of the HTTP API against this machine only (issue 14).

Starts ``scoring.service`` under uvicorn on 127.0.0.1 (a free port) in a subprocess, then:

1. one client, one request at a time (``--serial`` requests): the latency of /api/evaluate
   when nothing else is waiting;
2. ``--clients`` concurrent clients (asyncio, httpx.AsyncClient, one keep-alive connection
   each) sending ``--requests`` requests in all to /api/evaluate.

Prints throughput, p50/p90/p99 latency and the error count of each phase, then stops the
server. It stops by itself: after the requests are done or after ``--max-seconds``.
The clients run on the same machine as the server and share its cores.

    python benchmarks/service_load.py [--clients 50] [--requests 20000] [--serial 2000]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

RULE = "满意度90%及以上得满分，每5%扣2分，低于75%不得分"
ROW = {"target": "90%", "weight": "10", "comparator": "≥", "unit": "%"}
ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(port: int) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "uvicorn", "--factory", "scoring.service:create_app", "--host", "127.0.0.1",
           "--port", str(port), "--log-level", "warning", "--no-access-log"]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.Popen(cmd, env=env)
    deadline = time.monotonic() + 30
    while True:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=1).status_code == 200:
                return proc
        except httpx.TransportError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            raise SystemExit("the server did not start")
        time.sleep(0.1)


def body(rng: random.Random) -> dict[str, str]:
    return {"rule": RULE, "actual": f"{rng.randint(6000, 10000) / 100}%", **ROW}


def percentile(xs: list[float], q: float) -> float:
    s = sorted(xs)
    return s[min(len(s) - 1, int(q * len(s)))]


def report(name: str, latencies: list[float], errors: int, seconds: float) -> None:
    n = len(latencies)
    ms = [x * 1000 for x in latencies]
    print(f"{name}: {n:,} requests in {seconds:.2f} s = {n / seconds:,.0f} req/s; "
          f"latency p50 {statistics.median(ms):.2f} ms, p90 {percentile(ms, 0.90):.2f} ms, "
          f"p99 {percentile(ms, 0.99):.2f} ms, max {max(ms):.2f} ms; errors {errors}")  # fmt: skip


def serial(url: str, n: int, deadline: float) -> None:
    rng = random.Random(1)
    latencies: list[float] = []
    errors = 0
    with httpx.Client(timeout=10) as client:
        client.post(url, json=body(rng))  # warm up: parse and cache the rule
        start = time.perf_counter()
        for _ in range(n):
            if time.monotonic() > deadline:
                break
            t = time.perf_counter()
            r = client.post(url, json=body(rng))
            latencies.append(time.perf_counter() - t)
            if r.status_code != 200 or "points" not in r.json():
                errors += 1
        seconds = time.perf_counter() - start
    report("1 client, serial", latencies, errors, seconds)


async def concurrent(url: str, clients: int, total: int, deadline: float) -> None:
    latencies: list[float] = []
    errors = 0
    left = total

    async def worker(k: int) -> None:
        nonlocal errors, left
        rng = random.Random(k)
        limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
        async with httpx.AsyncClient(timeout=30, limits=limits) as client:
            while left > 0 and time.monotonic() < deadline:
                left -= 1
                t = time.perf_counter()
                try:
                    r = await client.post(url, json=body(rng))
                    ok = r.status_code == 200 and "points" in r.json()
                except httpx.HTTPError:
                    ok = False
                latencies.append(time.perf_counter() - t)
                if not ok:
                    errors += 1

    start = time.perf_counter()
    await asyncio.gather(*(worker(k) for k in range(clients)))
    seconds = time.perf_counter() - start
    report(f"{clients} concurrent clients", latencies, errors, seconds)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--requests", type=int, default=20000)
    ap.add_argument("--serial", type=int, default=2000, help="requests of the one-client phase")
    ap.add_argument("--max-seconds", type=float, default=300, help="stop each phase after this long")
    args = ap.parse_args()
    port = free_port()
    proc = start_server(port)
    url = f"http://127.0.0.1:{port}/api/evaluate"
    try:
        print(f"server: uvicorn, 1 process, 127.0.0.1:{port}; {os.cpu_count()} cores shared with the clients")
        print(f"POST /api/evaluate {RULE!r} with random outcomes 60%–100%")
        serial(url, args.serial, time.monotonic() + args.max_seconds)
        asyncio.run(concurrent(url, args.clients, args.requests, time.monotonic() + args.max_seconds))
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
