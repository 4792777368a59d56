"""Conditional GET: send the validators saved last time, so an unchanged source costs a 304."""

import urllib.error
import urllib.request
from dataclasses import dataclass

MAX_BYTES = 5_000_000


class FetchError(Exception):
    """A source could not be read (network, HTTP status, size); the message is for editors."""


@dataclass(frozen=True)
class Fetched:
    """A response: 200 with a body, or 304 (not modified) without one."""

    status: int
    body: bytes
    etag: str | None
    last_modified: str | None
    content_type: str


def conditional_get(
    url: str,
    etag: str | None,
    last_modified: str | None,
    user_agent: str,
    timeout: float,
) -> Fetched:
    """GET `url` with If-None-Match / If-Modified-Since when known."""
    headers = {"User-Agent": user_agent, "Accept-Encoding": "identity"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read(MAX_BYTES + 1)
            if len(body) > MAX_BYTES:
                raise FetchError(f"response larger than {MAX_BYTES} bytes")
            return Fetched(
                status=response.status,
                body=body,
                etag=response.headers.get("ETag"),
                last_modified=response.headers.get("Last-Modified"),
                content_type=response.headers.get("Content-Type", ""),
            )
    except urllib.error.HTTPError as error:
        if error.code == 304:
            return Fetched(304, b"", etag, last_modified, "")
        raise FetchError(f"HTTP {error.code} {error.reason}") from None
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        raise FetchError(f"cannot connect: {reason}") from None
