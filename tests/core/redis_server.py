"""A real redis-server of the test's own, on a free port, that a test can stop and start."""

import signal
import socket
import subprocess
import time

import redis

START_ATTEMPTS = 100
START_PAUSE_SECONDS = 0.05


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RedisServer:
    def __init__(self, port):
        self.port = port
        self.url = f"redis://127.0.0.1:{port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1",
             "--save", "", "--appendonly", "no", "--daemonize", "no"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        client = self.client()
        for _ in range(START_ATTEMPTS):
            try:
                if client.ping():
                    return
            except redis.ConnectionError:
                time.sleep(START_PAUSE_SECONDS)
        self.stop()
        raise RuntimeError(f"redis-server did not start on port {self.port}")

    def client(self):
        return redis.Redis(port=self.port, socket_connect_timeout=0.2)

    def freeze(self):
        """Stop the server's process without closing its port: a hung server."""
        self.process.send_signal(signal.SIGSTOP)

    def thaw(self):
        self.process.send_signal(signal.SIGCONT)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.thaw()
            self.process.terminate()
            self.process.wait(timeout=10)
        self.process = None
