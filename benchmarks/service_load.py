"""A bounded load test of the HTTP API against this machine only (issue 14).

Starts ``scoring.service`` under uvicorn on 127.0.0.1 (a free port) in a subprocess, then:

1. one client, one request at a time (``--serial`` requests): the latency of /api/evaluate
   when nothing else is waiting (after one request that parses and keeps the rule);
2. ``--clients`` concurrent clients (asyncio, one keep-alive connection each, prepared
   HTTP/1.1 requests) sending ``--requests`` requests in all to /api/evaluate.

Prints throughput, p50/p90/p99 latency and the error count of each phase, then stops the
server. It stops by itself: after the requests are done or after ``--max-seconds``.
The clients run on the same machine as the server and share its cores.

    python benchmarks/service_load.py [--clients 50] [--requests 20000] [--serial 2000]
"""

from __future__ import annotations

import argparse
import asyncio
import json
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


def request_bytes(port: int, rng: random.Random) -> bytes:
    payload = json.dumps(body(rng), ensure_ascii=False).encode()
    head = (f"POST /api/evaluate HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(payload)}\r\n\r\n")  # fmt: skip
    return head.encode() + payload


async def read_response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = next(int(v) for k, _, v in (line.partition(":") for line in lines[1:]) if k.lower() == "content-length")
    return status, await reader.readexactly(length)


async def concurrent(port: int, clients: int, total: int, deadline: float, name: str = "") -> None:
    """``clients`` keep-alive connections, each sending its next request when its answer is in.
    The client side writes prepared HTTP/1.1 requests on asyncio streams and reads the answers by
    Content-Length (a general-purpose client would cost more CPU than the server does)."""
    latencies: list[float] = []
    errors = 0
    left = total

    async def worker(k: int) -> None:
        nonlocal errors, left
        rng = random.Random(k)
        prepared = [request_bytes(port, rng) for _ in range(64)]
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            i = 0
            while left > 0 and time.monotonic() < deadline:
                left -= 1
                t = time.perf_counter()
                try:
                    writer.write(prepared[i % len(prepared)])
                    status, payload = await read_response(reader)
                    ok = status == 200 and b'"points"' in payload
                except (OSError, asyncio.IncompleteReadError, ValueError, StopIteration):
                    ok = False
                    writer.close()
                    reader, writer = await asyncio.open_connection("127.0.0.1", port)
                latencies.append(time.perf_counter() - t)
                errors += not ok
                i += 1
        finally:
            writer.close()

    start = time.perf_counter()
    await asyncio.gather(*(worker(k) for k in range(clients)))
    seconds = time.perf_counter() - start
    report(name or f"{clients} concurrent clients", latencies, errors, seconds)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--requests", type=int, default=20000)
    ap.add_argument("--serial", type=int, default=2000, help="requests of the one-client phase")
    ap.add_argument("--max-seconds", type=float, default=300, help="stop each phase after this long")
    args = ap.parse_args()
    port = free_port()
    proc = start_server(port)
    try:
        httpx.post(f"http://127.0.0.1:{port}/api/evaluate", json=body(random.Random(0)), timeout=10)  # parse once
        print(f"server: uvicorn, 1 process, 127.0.0.1:{port}; {os.cpu_count()} cores shared with the clients")
        print(f"POST /api/evaluate {RULE!r} with random outcomes 60%–100%")
        asyncio.run(
            concurrent(port, 1, args.serial, time.monotonic() + args.max_seconds, "1 client, one request at a time")
        )
        asyncio.run(concurrent(port, args.clients, args.requests, time.monotonic() + args.max_seconds))
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
