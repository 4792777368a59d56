"""A local HTTP server for the watcher's tests: fixture feeds and pages, ETag and
Last-Modified honoured like a real web server, every request recorded. Nothing else is
contacted."""

import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Resource:
    """What one path answers."""

    body: bytes
    status: int = 200
    content_type: str = "application/rss+xml; charset=utf-8"
    etag: str | None = None
    last_modified: str | None = None


@dataclass
class FeedServer:
    """Serve `resources` on 127.0.0.1; `requests` lists (path, headers) of every request."""

    resources: dict[str, Resource] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    not_modified: int = 0

    def __post_init__(self) -> None:
        self._server: ThreadingHTTPServer | None = None

    def start(self) -> "FeedServer":
        """Listen on a free port in a thread."""
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                owner._answer(self)

            def log_message(self, *args: Any) -> None:
                return None

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        """Stop listening."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def url(self, path: str) -> str:
        """The address of a path on this server."""
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}{path}"

    def count(self, path: str) -> int:
        """How many requests a path had."""
        return sum(1 for seen, _ in self.requests if seen == path)

    def _answer(self, request: BaseHTTPRequestHandler) -> None:
        self.requests.append((request.path, dict(request.headers.items())))
        resource = self.resources.get(request.path)
        if resource is None:
            self._send(request, 404, b"not found", "text/plain")
            return
        if resource.status == 200 and self._unchanged(request, resource):
            self.not_modified += 1
            request.send_response(304)
            request.end_headers()
            return
        headers = {}
        if resource.etag:
            headers["ETag"] = resource.etag
        if resource.last_modified:
            headers["Last-Modified"] = resource.last_modified
        self._send(request, resource.status, resource.body, resource.content_type, headers)

    @staticmethod
    def _unchanged(request: BaseHTTPRequestHandler, resource: Resource) -> bool:
        etag = request.headers.get("If-None-Match")
        since = request.headers.get("If-Modified-Since")
        if resource.etag and etag:
            return etag == resource.etag
        return bool(resource.last_modified and since == resource.last_modified)

    @staticmethod
    def _send(
        request: BaseHTTPRequestHandler,
        status: int,
        body: bytes,
        content_type: str,
        headers: dict[str, str] | None = None,
    ) -> None:
        request.send_response(status)
        request.send_header("Content-Type", content_type)
        request.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            request.send_header(name, value)
        request.end_headers()
        request.wfile.write(body)


def rss(*items: tuple[str, str, str]) -> bytes:
    """An RSS 2.0 document with (title, link, pubDate) items."""
    body = "".join(
        f"<item><title>{title}</title><link>{link}</link><guid>{link}</guid>"
        f"<pubDate>{date}</pubDate><description>{title}.</description></item>"
        for title, link, date in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>Fixture newsroom</title><link>https://example.gov/</link>{body}"
        "</channel></rss>"
    ).encode()


def atom(*entries: tuple[str, str, str]) -> bytes:
    """An Atom document with (title, link, updated) entries."""
    body = "".join(
        f'<entry><title>{title}</title><link href="{link}"/><id>{link}</id>'
        f"<updated>{updated}</updated><summary>{title}</summary></entry>"
        for title, link, updated in entries
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Fixture register</title><id>urn:fixture</id>"
        f"<updated>2026-01-01T00:00:00Z</updated>{body}</feed>"
    ).encode()


def page(*links: tuple[str, str]) -> bytes:
    """An HTML list page with (text, href) links and some navigation around them."""
    items = "".join(f'<li><a href="{href}">{text}</a></li>' for text, href in links)
    return (
        '<html><head><meta charset="utf-8"><title>政策</title></head><body>'
        '<nav><a href="/">首页</a><a href="/en/">English</a></nav>'
        f"<ul>{items}</ul></body></html>"
    ).encode()
