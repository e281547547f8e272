"""Real servers for the tests that need them: gunicorn with the project's gunicorn.conf.py,
as ops run it, and private Redis servers.

Tests never use the machine's Redis nor a fixed port: each Redis here is a redis-server of the
test's own, on a free loopback port, with a bounded maxmemory and no persistence unless asked,
checked to be the server answering, and stopped (its directory removed) when its tests end,
at exit if they never got to it, and by the kernel if the test process dies.
"""

import atexit
import ctypes
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.request
from pathlib import Path

import redis

PROJECT = Path(__file__).resolve().parent.parent
LOOPBACK = "127.0.0.1"


def free_port():
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        return probe.getsockname()[1]


_closed = []


def closed_port():
    """A loopback port where nothing listens, and nothing can: this process keeps it bound
    without listening until it exits, so connecting is refused at once."""
    if not _closed:
        holder = socket.socket()
        holder.bind((LOOPBACK, 0))
        _closed.append(holder)
        atexit.register(holder.close)
    return _closed[0].getsockname()[1]


def _die_with_parent():
    # Linux: the server gets SIGTERM if the test process dies without running atexit.
    ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def start_gunicorn(test_class, env):
    """Start gunicorn with env on a free loopback port, stopped when test_class's tests end;
    its address, once /healthz answers."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "newsroom.wsgi"],
        cwd=PROJECT,
        env={**env, "GUNICORN_BIND": f"{LOOPBACK}:{port}"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    test_class.addClassCleanup(process.wait, 10)
    test_class.addClassCleanup(process.terminate)
    address = f"http://{LOOPBACK}:{port}"
    for _ in range(150):
        try:
            urllib.request.urlopen(f"{address}/healthz", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    return address


def redis_server_binary():
    """The redis-server to run; SkipTest without one, except under CI (CI set), which must
    run the Redis tests."""
    binary = shutil.which("redis-server")
    if binary:
        return binary
    message = "redis-server is not installed (Debian: apt-get install redis-server)"
    if os.environ.get("CI"):
        raise RuntimeError(f"CI must run the Redis tests: {message}")
    raise unittest.SkipTest(message)


class PortTaken(Exception):
    """Another process has the port, or answers on it."""


_running = set()


@atexit.register
def _close_every_redis():
    for server in list(_running):
        server.close()


class RedisServer:
    """A redis-server of the test's own on a free loopback port.

        with RedisServer(maxmemory="2mb", policy="noeviction") as server:
            caches = {"pages": {"BACKEND": "django_redis.cache.RedisCache",
                                "LOCATION": server.url}}

    By default it holds at most 64 MB (allkeys-lru, as the README advises for production),
    saves no snapshot and keeps no append-only file. save (e.g. "3600 1", snapshots then go
    to server.directory) and appendonly=True turn persistence on; options are more
    redis-server arguments. start() picks the port and checks that the server answering
    PING there is the process it started (INFO's process_id and tcp_port); stop() stops it
    but keeps its port and directory, so start() (or restart()) brings it back on the same
    port from the same directory, with whatever snapshot or append-only file it left there;
    close() stops it and removes the directory."""

    def __init__(
        self, *, maxmemory="64mb", policy="allkeys-lru", save="", appendonly=False, options=()
    ):
        self.arguments = [
            "--bind", LOOPBACK,
            "--maxmemory", maxmemory,
            "--maxmemory-policy", policy,
            "--save", save,
            "--appendonly", "yes" if appendonly else "no",
            *options,
        ]  # fmt: skip
        self.port = None
        self.directory = None
        self.process = None
        self._log = None

    @property
    def url(self):
        """redis://127.0.0.1:<port>/0"""
        return f"redis://{LOOPBACK}:{self.port}/0"

    def client(self, **options):
        """A redis-py client for this server (use it in a with block, to close it)."""
        return redis.Redis(host=LOOPBACK, port=self.port, **options)

    def __enter__(self):
        try:
            return self.start()
        except BaseException:
            self.close()
            raise

    def __exit__(self, *exc_info):
        self.close()

    def start(self):
        if self.process is not None:
            raise RuntimeError(f"redis-server is already running on port {self.port}")
        binary = redis_server_binary()
        if self.directory is None:
            self.directory = tempfile.mkdtemp(prefix="newsroom-test-redis-")
        _running.add(self)
        if self.port is not None:  # started again: the same port, or fail
            self._launch(binary)
            return self
        for _ in range(5):
            self.port = free_port()
            try:
                self._launch(binary)
                return self
            except PortTaken:
                self.port = None
        raise RuntimeError("redis-server found no free port in 5 tries")

    def stop(self, crash=False):
        """Stop the server: shut down (saving a snapshot if save asks for one), or with
        crash=True killed, so nothing more reaches its snapshot or append-only file."""
        process, self.process = self.process, None
        if process is not None:
            if process.poll() is None:
                process.send_signal(signal.SIGKILL if crash else signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if self._log is not None:
            self._log.close()
            self._log = None

    def restart(self, crash=False):
        """Stop and start again: the same port, the same directory."""
        self.stop(crash=crash)
        return self.start()

    def close(self):
        """Stop the server and remove its directory."""
        self.stop()
        if self.directory is not None:
            shutil.rmtree(self.directory, ignore_errors=True)
            self.directory = None
        _running.discard(self)

    def log(self):
        """What the server wrote to its log in this directory."""
        path = Path(self.directory or "", "redis.log")
        return path.read_text(errors="replace") if path.is_file() else ""

    def _launch(self, binary):
        # Open while it runs; each start writes it anew.
        self._log = open(Path(self.directory, "redis.log"), "wb")  # noqa: SIM115
        self.process = subprocess.Popen(
            [binary, "--port", str(self.port), "--dir", self.directory, *self.arguments],
            cwd=self.directory,
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            preexec_fn=_die_with_parent if sys.platform == "linux" else None,
        )
        try:
            self._wait_until_it_answers()
        except BaseException:
            self.stop(crash=True)
            raise

    def _wait_until_it_answers(self):
        deadline = time.monotonic() + 15
        while True:
            if self.process.poll() is not None:
                log = self.log()
                if "Address already in use" in log:
                    raise PortTaken(self.port)
                raise RuntimeError(
                    f"redis-server exited ({self.process.returncode}) on port {self.port}:\n"
                    + log[-2000:]
                )
            try:
                with self.client(socket_connect_timeout=0.5, socket_timeout=2) as client:
                    info = client.info("server")
            except redis.RedisError:
                if time.monotonic() > deadline:
                    raise RuntimeError(
                        f"redis-server did not answer on port {self.port}:\n{self.log()[-2000:]}"
                    ) from None
                time.sleep(0.05)
                continue
            if (info.get("process_id"), info.get("tcp_port")) != (self.process.pid, self.port):
                # Another Redis answers on this port: never use it, nor write to it.
                raise PortTaken(self.port)
            return


def start_redis(test_class, **options):
    """A RedisServer(**options), started, closed when test_class's tests end; call it in
    setUpClass before super().setUpClass()."""
    server = RedisServer(**options)
    test_class.addClassCleanup(server.close)
    return server.start()


class PagesOnOwnRedis:
    """Test case mixin: the "pages" cache on a Redis server of the class's own
    (redis_options as RedisServer takes them), emptied before each test."""

    redis_options = {}

    @classmethod
    def setUpClass(cls):
        cls.redis = start_redis(cls, **cls.redis_options)
        super().setUpClass()

    def setUp(self):
        from django.conf import settings
        from django.core.cache import caches

        from pagecache import generation

        super().setUp()
        pages_cache = {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": self.redis.url,
            "OPTIONS": {"IGNORE_EXCEPTIONS": False},
        }
        self.enterContext(self.settings(CACHES={**settings.CACHES, "pages": pages_cache}))
        # Whatever listened for bumps on another server stops with its test.
        self.addCleanup(generation.listener.stop)
        caches["pages"].clear()
        # A test may leave the store paused after the errors it provokes.
        self.addCleanup(setattr, generation, "store", generation.Store())
