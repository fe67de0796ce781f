"""``newsgraph serve`` for real: a uvicorn process on 127.0.0.1 that answers pages and the
API from the store, and stops on a signal."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time

import httpx


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_answers_on_localhost(web_db):
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsgraph.cli", "serve", "--db", str(web_db), "--port", str(port)],
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert proc.stderr.readline().startswith(
            f"serving {web_db} read-only at http://127.0.0.1:{port}/"
        )
        response = None
        for _ in range(200):  # until uvicorn listens
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/api/articles?limit=1")
                break
            except httpx.TransportError:
                time.sleep(0.05)
        assert response is not None, "newsgraph serve did not listen"
        assert response.status_code == 200 and response.json()["total"] == 5
        assert httpx.get(f"http://127.0.0.1:{port}/").status_code == 200
    finally:
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=30) == 0
