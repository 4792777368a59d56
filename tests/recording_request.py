"""An in-process BaseRequest for handler tests: no sockets, the same fake Bot API."""

import json
from typing import Any

from telegram.request import BaseRequest, RequestData

from tests.fake_telegram import FakeTelegram


class RecordingRequest(BaseRequest):
    """Answers PTB's requests from a FakeTelegram, recording every call on it."""

    def __init__(self, fake: FakeTelegram) -> None:
        self.fake = fake

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    @property
    def read_timeout(self) -> float | None:
        return 1.0

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = None,
        write_timeout: Any = None,
        connect_timeout: Any = None,
        pool_timeout: Any = None,
    ) -> tuple[int, bytes]:
        if "/file/bot" in url:  # a file download (getFile's path under the file URL)
            return self.fake.download(url)
        api_method = url.rsplit("/", 1)[-1]
        params: dict[str, Any] = {}
        files: dict[str, bytes] = {}
        if request_data is not None:
            params = {
                name: self.fake.value(name, raw)
                for name, raw in request_data.json_parameters.items()
            }
            for name, part in (request_data.multipart_data or {}).items():
                content = part[1] if isinstance(part, tuple) else part
                if isinstance(content, bytes):
                    files[name] = content
        if api_method == "getUpdates":
            params["timeout"] = 0
        status, body = self.fake.dispatch(api_method, params, files)
        return status, json.dumps(body).encode()
