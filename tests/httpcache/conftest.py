import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


class FakeVarnish(ThreadingHTTPServer):
    """Answers PURGE like deploy/varnish/newsroom.vcl, and remembers what it was sent."""

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.purges: list[dict] = []
        self.refuse = False

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def purged_keys(self) -> set[str]:
        return {key for purge in self.purges for key in purge["keys"]}


class _Handler(BaseHTTPRequestHandler):
    def do_PURGE(self):
        if self.server.refuse:
            self.send_response(503)
        else:
            self.server.purges.append(
                {
                    "keys": self.headers.get("xkey-purge", "").split(),
                    "epoch": int(self.headers["X-Epoch"]),
                }
            )
            self.send_response(200)
            self.send_header("X-Purged", "1")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def fake_varnish(settings):
    server = FakeVarnish()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.HTTP_CACHE_URLS = [server.url]
    yield server
    server.shutdown()
    server.server_close()
