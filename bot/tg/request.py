"""PTB's HTTPX request, posting JSON bodies instead of form-encoded ones.

PTB sends parameters form-encoded, which percent-encodes every byte of a reply in Python:
about a quarter of a millisecond for a 3 KB Chinese answer, on every message. The Bot API
accepts `application/json` for every method that uploads no file, so those go as one JSON
document; uploads (charts) stay multipart, exactly as PTB sends them.
"""

import asyncio
import json
from typing import Any

import httpx
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, HTTPXRequest, RequestData

JSON_HEADERS = {"Content-Type": "application/json"}


class JsonHTTPXRequest(HTTPXRequest):
    """HTTPXRequest that sends file-less calls as `application/json`.

    Calls beyond the connection pool wait here, in an asyncio semaphore, rather than in
    httpcore's pool, which rescans every waiting request each time a connection frees up:
    with a few hundred replies in flight that scan cost more than the replies themselves.
    """

    def __init__(self, connection_pool_size: int = 1, **kwargs: Any) -> None:
        super().__init__(connection_pool_size=connection_pool_size, **kwargs)
        self._free_connections = asyncio.Semaphore(connection_pool_size)

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: object = BaseRequest.DEFAULT_NONE,
        write_timeout: object = BaseRequest.DEFAULT_NONE,
        connect_timeout: object = BaseRequest.DEFAULT_NONE,
        pool_timeout: object = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """See BaseRequest.do_request; only the body's encoding differs from PTB's."""
        async with self._free_connections:
            return await self._do_request(
                url,
                method,
                request_data,
                read_timeout,
                write_timeout,
                connect_timeout,
                pool_timeout,
            )

    async def _do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None,
        read_timeout: object,
        write_timeout: object,
        connect_timeout: object,
        pool_timeout: object,
    ) -> tuple[int, bytes]:
        if request_data is None or request_data.contains_files:
            return await super().do_request(
                url,
                method,
                request_data,
                read_timeout,  # type: ignore[arg-type]
                write_timeout,  # type: ignore[arg-type]
                connect_timeout,  # type: ignore[arg-type]
                pool_timeout,  # type: ignore[arg-type]
            )
        if self._client.is_closed:
            raise RuntimeError("This HTTPXRequest is not initialized!")
        defaults = self._client.timeout
        timeout = httpx.Timeout(
            connect=_given(connect_timeout, defaults.connect),
            read=_given(read_timeout, defaults.read),
            write=_given(write_timeout, defaults.write),
            pool=_given(pool_timeout, defaults.pool),
        )
        # ASCII-only JSON: a lone surrogate in a text is escaped, never an encoding crash.
        body = json.dumps(request_data.parameters).encode()
        try:
            response = await self._client.request(
                method=method,
                url=url,
                headers={"User-Agent": self.USER_AGENT, **JSON_HEADERS},
                timeout=timeout,
                content=body,
            )
        except httpx.TimeoutException as error:
            if isinstance(error, httpx.PoolTimeout):
                raise TimedOut(
                    "Pool timeout: all connections are busy; the request was not sent."
                ) from error
            raise TimedOut from error
        except httpx.HTTPError as error:
            raise NetworkError(f"httpx.{error.__class__.__name__}: {error}") from error
        return response.status_code, response.content


def _given(value: object, default: float | None) -> float | None:
    """A timeout the caller gave, else the client's default (PTB passes DefaultValue)."""
    return value if isinstance(value, int | float) or value is None else default
