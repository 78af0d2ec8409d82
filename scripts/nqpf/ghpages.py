"""Serve a built site the way GitHub Pages serves it, for tests and benchmarks.

Python's ``http.server`` differs from GitHub Pages in ways that change what a
test or a measurement sees: it serves from ``/`` rather than a project
sub-path, answers a missing page with a bare error instead of the site's
``404.html``, and sends neither gzip nor cache headers (Lighthouse then costs
the site performance points that the real host would not). This server mounts
the site under a sub-path such as ``/nqpf/``, redirects a folder without its
trailing slash, answers anything missing with ``404.html`` and status 404,
and gzips text with ``Cache-Control: max-age=600`` and an ETag, as Pages does.

It binds to loopback only. :class:`PagesServer` is a context manager::

    with PagesServer(site_dir, prefix="/nqpf/") as server:
        urlopen(server.url + "sources/")
"""

from __future__ import annotations

import email.utils
import gzip
import hashlib
import mimetypes
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

# What GitHub Pages sends for every file.
CACHE_CONTROL = "max-age=600"

_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "application/javascript; charset=utf-8",
    ".mjs": "application/javascript; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".jsonld": "application/ld+json; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".svg": "image/svg+xml",
    ".txt": "text/plain; charset=utf-8",
    ".csv": "text/csv; charset=utf-8",
    ".ics": "text/calendar; charset=utf-8",
    ".webmanifest": "application/manifest+json",
    ".map": "application/json; charset=utf-8",
}
_COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/ld+json", "application/xml", "image/svg+xml",
                 "application/manifest+json")


def content_type(path: Path) -> str:
    return _TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"


class _Handler(BaseHTTPRequestHandler):
    server: PagesServer.HTTPServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass

    def do_HEAD(self) -> None:  # noqa: N802 - http.server's naming
        self._answer(send_body=False)

    def do_GET(self) -> None:  # noqa: N802
        self._answer(send_body=True)

    def _answer(self, send_body: bool) -> None:
        pages: PagesServer = self.server.pages
        path = unquote(urlsplit(self.path).path)
        status, file = HTTPStatus.OK, None
        if path.startswith(pages.prefix) or path + "/" == pages.prefix:
            if path + "/" == pages.prefix:
                return self._redirect(pages.prefix)
            file = pages.resolve(path[len(pages.prefix):])
            if file is not None and file.is_dir():
                if not path.endswith("/"):
                    return self._redirect(path + "/")
                file = file / "index.html"
        if file is None or not file.is_file():
            status, file = HTTPStatus.NOT_FOUND, pages.root / "404.html"
            if not file.is_file():
                return self._send(status, b"Not found\n", "text/plain; charset=utf-8", send_body)
        body = file.read_bytes()
        ctype = content_type(file)
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        if status == HTTPStatus.OK and self.headers.get("If-None-Match") == etag:
            return self._send(HTTPStatus.NOT_MODIFIED, b"", None, False, etag=etag, modified=file)
        self._send(status, body, ctype, send_body, etag=etag, modified=file)

    def _redirect(self, location: str) -> None:
        self.send_response(HTTPStatus.MOVED_PERMANENTLY)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send(self, status: HTTPStatus, body: bytes, ctype: str | None, send_body: bool, etag: str | None = None,
              modified: Path | None = None) -> None:
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        compress = self.server.pages.gzip and wants_gzip and ctype is not None and ctype.startswith(_COMPRESSIBLE) and body
        if compress:
            body = self.server.pages.gzipped(body)
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Cache-Control", CACHE_CONTROL)
        if etag:
            self.send_header("ETag", etag)
        if modified is not None:
            self.send_header("Last-Modified", email.utils.formatdate(modified.stat().st_mtime, usegmt=True))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)


class PagesServer:
    """A threaded loopback server for ``root`` under ``prefix``; the port is
    bound on creation (so a site can be built for its URL), and requests are
    answered once the server is entered as a context manager."""

    class HTTPServer(ThreadingHTTPServer):
        daemon_threads = True
        pages: PagesServer

    def __init__(self, root: Path, prefix: str = "/", *, port: int = 0, gzip: bool = True):
        if not (prefix.startswith("/") and prefix.endswith("/")):
            raise ValueError(f"prefix must start and end with '/': {prefix!r}")
        self.root = Path(root)
        self.prefix = prefix
        self.gzip = gzip
        self._httpd = self.HTTPServer(("127.0.0.1", port), _Handler)
        self._httpd.pages = self
        self._thread: threading.Thread | None = None
        self._gzip_cache: dict[bytes, bytes] = {}
        self._lock = threading.Lock()

    @property
    def port(self) -> int:
        return self._httpd.server_address[1]

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def url(self) -> str:
        """The site's base URL, ending in ``/``."""
        return self.origin + self.prefix

    def resolve(self, relative: str) -> Path | None:
        """The file or folder for a path below the prefix; ``None`` outside the root."""
        candidate = (self.root / relative).resolve()
        root = self.root.resolve()
        return candidate if candidate == root or candidate.is_relative_to(root) else None

    def gzipped(self, body: bytes) -> bytes:
        key = hashlib.sha1(body).digest()
        with self._lock:
            if key not in self._gzip_cache:
                self._gzip_cache[key] = gzip.compress(body, compresslevel=6, mtime=0)
            return self._gzip_cache[key]

    def start(self) -> PagesServer:
        if self._thread is None:
            self._thread = threading.Thread(target=self._httpd.serve_forever, name="pages-server", daemon=True)
            self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join()
            self._thread = None
        self._httpd.server_close()

    def __enter__(self) -> PagesServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
