"""Serve a built site on 127.0.0.1, with gzip and the cache lifetime GitHub Pages sends: for the
tests, the PDF books and the bench."""

from __future__ import annotations

import gzip
import socket
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache, partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from io import BytesIO
from pathlib import Path

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")
# GitHub Pages sends every file with ten minutes' freshness, and it cannot be changed (GitHub
# Support, quoted in layer5io/layer5#3627). As there, a browser takes the stylesheets and scripts
# of a site's next page from its cache: without it, the tests' Chromium fetched and compiled them
# again for every page (the page-by-page axe run: 0.90 CPU-seconds a page against 0.74).
CACHE_CONTROL = "max-age=600"


@lru_cache(maxsize=2048)
def _gzipped(path: str, mtime_ns: int) -> bytes:
    """Compress each file once: link checking fetches the same pages and assets many times."""
    return gzip.compress(Path(path).read_bytes(), compresslevel=6)


class _Handler(SimpleHTTPRequestHandler):
    # Keep-alive, as GitHub Pages serves: a page's assets come over a few connections instead of
    # one each (HTTP/1.0), so a loaded test machine opens far fewer. Every response, gzip or not,
    # has its Content-Length; an idle connection is closed after a minute.
    protocol_version = "HTTP/1.1"
    timeout = 60

    def __init__(self, *args: object, headers: dict[str, str], **kwargs: object) -> None:
        self.extra_headers = headers
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def end_headers(self) -> None:
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # quiet test output
        pass

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts_gzip and path.is_file() and path.suffix in COMPRESSIBLE):
            return super().send_head()
        body = _gzipped(str(path), path.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return BytesIO(body)


class _Server(ThreadingHTTPServer):
    # Four test workers' browsers open many connections at once; socketserver's default backlog
    # of 5 made the kernel drop some while the serving thread waited for the CPU.
    request_queue_size = 128

    def handle_error(self, request: object, client_address: object) -> None:
        # A browser that closes a connection mid-response (a page left before an asset arrived)
        # is normal; anything else is still reported.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def free_port() -> int:
    """A port on 127.0.0.1 that is free now: a site can be built for its address before it is served."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serve(directory: Path, port: int = 0, headers: dict[str, str] | None = None) -> Iterator[str]:
    """`directory` served until the block ends; `headers` are added to every response, and may
    replace its `Cache-Control`."""
    every = {"Cache-Control": CACHE_CONTROL, **(headers or {})}
    server = _Server(("127.0.0.1", port), partial(_Handler, directory=str(directory), headers=every))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
