"""Real app servers for the tests that need them: gunicorn with the project's gunicorn.conf.py,
as ops run it."""

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_gunicorn(test_class, env):
    """Start gunicorn with env on a free loopback port, stopped when test_class's tests end;
    its address, once /healthz answers."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "newsroom.wsgi"],
        cwd=PROJECT,
        env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    test_class.addClassCleanup(process.wait, 10)
    test_class.addClassCleanup(process.terminate)
    address = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            urllib.request.urlopen(f"{address}/healthz", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    return address
