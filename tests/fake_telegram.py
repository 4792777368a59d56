"""A local Bot API server that behaves like Telegram's for what pillarbot uses.

It runs over real HTTP on 127.0.0.1 in a thread of the test process; tests push updates as a
user would and read what the bot sent. It follows the traps seen when PTB 22 met an
off-the-shelf emulator: getMe has is_bot, dates are seconds, edits return the Message,
callback queries carry chat_instance, getUpdates honours its timeout, errors are 4xx with
ok:false and a description, sendPhoto is multipart. Every HTML text is checked against
Telegram's rules; violations are kept in `violations`.
"""

import contextlib
import email.parser
import email.policy
import itertools
import json
import re
import socket
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self

from tests.telegram_html import problems

BOT_ID = 777000
BOT_USERNAME = "pillar_test_bot"
STRING_FIELDS = {
    "text",
    "caption",
    "parse_mode",
    "callback_query_id",
    "inline_query_id",
    "url",
    "secret_token",
    "description",
    "language_code",
    "data",
    "switch_pm_text",
    "switch_pm_parameter",
    "next_offset",
    "message_text",
    "title",
    "action",
    "short_description",
    "name",
    "drop_pending_updates",
}


@dataclass
class Sent:
    """One call the bot made that a user would see."""

    method: str
    chat_id: int | None
    message_id: int | None
    text: str
    params: dict[str, Any]
    photo: bytes | None = None
    received: float | None = None  # perf_counter() when the request had fully arrived


@dataclass
class FakeTelegram:
    """The server's state and the driver API the tests use."""

    token: str
    updates: list[dict[str, Any]] = field(default_factory=list)
    sent: list[Sent] = field(default_factory=list)
    calls: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    commands: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    webhook: dict[str, Any] = field(default_factory=dict)
    callback_answers: list[dict[str, Any]] = field(default_factory=list)
    inline_answers: list[dict[str, Any]] = field(default_factory=list)
    messages: dict[tuple[int, int], dict[str, Any]] = field(default_factory=dict)
    fail_methods: set[str] = field(default_factory=set)
    content_types: list[tuple[str, str]] = field(default_factory=list)  # (method, type)
    chat_actions: list[tuple[int, str]] = field(default_factory=list)  # (chat id, action)
    check_html: bool = True
    blocked_chats: set[int] = field(default_factory=set)  # sendMessage answers 403
    retry_after: int = 0  # the next sendMessage answers 429 with this many seconds
    throttled_until: float | None = None  # perf_counter() when the last 429 ends
    send_delay: float = 0.0  # slow mode: seconds each sendMessage takes after it is recorded
    migrated_chats: dict[int, int] = field(default_factory=dict)  # group id -> supergroup id
    bad_gateways: int = 0  # the next sendMessage calls answer 502
    documents: dict[str, bytes] = field(default_factory=dict)  # file_id -> what a user sent

    def __post_init__(self) -> None:
        self._lock = threading.Condition()
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(100)
        self._callback_ids = itertools.count(1)
        self._server: ThreadingHTTPServer | None = None
        self._request = threading.local()  # per connection thread: when its request arrived
        self._stopped = False
        self._connections: set[socket.socket] = set()  # open client connections

    # ----- lifecycle -----
    def start(self) -> Self:
        """Listen on a free port of 127.0.0.1."""
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def setup(self) -> None:
                super().setup()
                # Headers and body go out in separate writes: without this, Nagle's
                # algorithm and the client's delayed ACK add ~40 ms to every call.
                self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                with fake._lock:
                    fake._connections.add(self.connection)

            def finish(self) -> None:
                with fake._lock:
                    fake._connections.discard(self.connection)
                super().finish()

            def do_POST(self) -> None:
                fake._serve(self)

            do_GET = do_POST  # noqa: N815

            def log_message(self, *args: Any) -> None:
                return

        self._server = _Server(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        """Stop serving and end long polls (the next call finds nothing listening)."""
        with self._lock:
            self._stopped = True
            self._lock.notify_all()
        if self._server:
            self._server.shutdown()
            self._server.server_close()
        with self._lock:  # kept-alive connections too: the bot must find the server gone
            for connection in self._connections:
                with contextlib.suppress(OSError):  # already closed by the client
                    connection.shutdown(socket.SHUT_RDWR)

    @property
    def url(self) -> str:
        """The root URL to give the bot as TELEGRAM_API_BASE."""
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    # ----- driver API -----
    def user(self, user_id: int, language_code: str | None = "en") -> dict[str, Any]:
        """A Telegram user object."""
        user = {"id": user_id, "is_bot": False, "first_name": f"User{user_id}"}
        if language_code:
            user["language_code"] = language_code
        return user

    def _user_message(
        self, user_id: int, language_code: str | None, chat: dict[str, Any] | None
    ) -> dict[str, Any]:
        """A message from a user, in their private chat unless `chat` says otherwise."""
        return {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": chat or {"id": user_id, "type": "private", "first_name": f"User{user_id}"},
            "from": self.user(user_id, language_code),
        }

    def push_text(
        self,
        user_id: int,
        text: str,
        language_code: str | None = "en",
        chat: dict[str, Any] | None = None,
        reply_to: dict[str, Any] | None = None,
    ) -> int:
        """A user sends a text message; returns the update id."""
        message = {**self._user_message(user_id, language_code, chat), "text": text}
        if text.startswith("/"):
            command = text.split()[0]
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        if reply_to is not None:
            message["reply_to_message"] = reply_to
        self._keep(message)
        return self._push({"message": message})

    def push_photo(
        self,
        user_id: int,
        caption: str | None,
        language_code: str | None = "en",
        chat: dict[str, Any] | None = None,
    ) -> int:
        """A user sends a photo, with or without a caption."""
        message = self._user_message(user_id, language_code, chat)
        message["photo"] = [
            {"file_id": f"p{user_id}", "file_unique_id": f"up{user_id}", "width": 90, "height": 90}
        ]
        if caption is not None:
            message["caption"] = caption
        self._keep(message)
        return self._push({"message": message})

    def push_document(
        self, user_id: int, file_name: str, data: bytes, language_code: str | None = "en"
    ) -> int:
        """A user sends a file (no caption); the bot can fetch it with getFile."""
        file_id = f"d{len(self.documents) + 1}"
        self.documents[file_id] = data
        message = self._user_message(user_id, language_code, None)
        message["document"] = {
            "file_id": file_id,
            "file_unique_id": f"u{file_id}",
            "file_name": file_name,
            "file_size": len(data),
        }
        self._keep(message)
        return self._push({"message": message})

    def download(self, path: str) -> tuple[int, bytes]:
        """A file as the Bot API's file URL serves it: (HTTP status, body)."""
        data = self.documents.get(path.rsplit("/", 1)[-1])
        return (404, b"Not Found") if data is None else (200, data)

    def push_edit(self, chat_id: int, message_id: int, text: str) -> int:
        """The user edits the text of a message they sent earlier."""
        message = {**self.messages[(chat_id, message_id)], "text": text}
        message["edit_date"] = int(time.time())
        self._keep(message)
        return self._push({"edited_message": message})

    def push_added_to_group(
        self, user_id: int, chat: dict[str, Any], language_code: str | None = "en"
    ) -> int:
        """A user adds the bot to a group (the my_chat_member update Telegram sends)."""
        bot = {"id": BOT_ID, "is_bot": True, "first_name": "Pillar", "username": BOT_USERNAME}
        change = {
            "chat": chat,
            "from": self.user(user_id, language_code),
            "date": int(time.time()),
            "old_chat_member": {"status": "left", "user": bot},
            "new_chat_member": {"status": "member", "user": bot},
        }
        return self._push({"my_chat_member": change})

    def last_user_message(self, chat_id: int) -> dict[str, Any]:
        """The newest message a user sent in a chat."""
        return max(
            (
                m
                for (chat, _), m in self.messages.items()
                if chat == chat_id and "from" in m and m["from"]["id"] != BOT_ID
            ),
            key=lambda m: m["message_id"],
        )

    def _keep(self, message: dict[str, Any]) -> None:
        with self._lock:
            self.messages[(message["chat"]["id"], message["message_id"])] = message

    def push_voice(
        self, user_id: int, language_code: str | None = "en", chat: dict[str, Any] | None = None
    ) -> int:
        """A user sends a voice note (no text)."""
        voice = {"file_id": f"v{user_id}", "file_unique_id": f"uv{user_id}", "duration": 3}
        message = {**self._user_message(user_id, language_code, chat), "voice": voice}
        return self._push({"message": message})

    def push_callback(
        self, user_id: int, sent: "Sent", data: str, language_code: str | None = "en"
    ) -> int:
        """A user presses a button under a message the bot sent."""
        message = self.messages[(sent.chat_id or 0, sent.message_id or 0)]
        query = {
            "id": str(next(self._callback_ids)),
            "from": self.user(user_id, language_code),
            "message": message,
            "chat_instance": f"ci-{user_id}",
            "data": data,
        }
        return self._push({"callback_query": query})

    def push_inline(
        self,
        user_id: int,
        query: str,
        language_code: str | None = "en",
        query_id: str | None = None,
    ) -> int:
        """A user types `@bot query` in any chat."""
        inline = {
            "id": query_id or str(next(self._callback_ids)),
            "from": self.user(user_id, language_code),
            "query": query,
            "offset": "",
        }
        return self._push({"inline_query": inline})

    def wait_for(self, predicate: Any, timeout: float = 20.0) -> Any:
        """Wait until predicate() is truthy; return its value."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                value = predicate()
                if value:
                    return value
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError(
                        f"condition not met within {timeout}s; sent: {[s.method for s in self.sent][-8:]}"
                    )
                self._lock.wait(min(remaining, 0.2))

    def sent_to(self, chat_id: int, method: str | None = None) -> list[Sent]:
        """What the bot sent to a chat."""
        return [
            s for s in self.sent if s.chat_id == chat_id and (method is None or s.method == method)
        ]

    def wait_sent(
        self, chat_id: int, count: int, method: str | None = None, timeout: float = 20.0
    ) -> list[Sent]:
        """Wait until the chat has at least `count` sends; return them all."""
        return self.wait_for(
            lambda: (found := self.sent_to(chat_id, method)) and len(found) >= count and found,
            timeout,
        )

    def _push(self, body: dict[str, Any]) -> int:
        with self._lock:
            update_id = next(self._update_ids)
            self.updates.append({"update_id": update_id, **body})
            self._lock.notify_all()
            return update_id

    # ----- HTTP -----
    def _serve(self, request: BaseHTTPRequestHandler) -> None:
        path = urllib.parse.urlsplit(request.path).path
        # PTB percent-encodes the token's colon in file URLs (not in method URLs).
        if urllib.parse.unquote(path).startswith(f"/file/bot{self.token}/"):
            status, data = self.download(path)
            request.send_response(status)
            request.send_header("Content-Length", str(len(data)))
            request.end_headers()
            request.wfile.write(data)
            return
        match = re.fullmatch(r"/bot([^/]+)/(\w+)", path)
        length = int(request.headers.get("Content-Length") or 0)
        body = request.rfile.read(length) if length else b""
        self._request.received = time.perf_counter()
        if not match:
            return self._reply(
                request, 404, {"ok": False, "error_code": 404, "description": "Not Found"}
            )
        token, method = match.groups()
        content_type = request.headers.get("Content-Type", "")
        with self._lock:
            self.content_types.append((method, content_type.split(";")[0]))
        if token != self.token:
            return self._reply(
                request, 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
            )
        params, files = self._parse(content_type, body)
        self._reply(request, *self.dispatch(method, params, files))

    def dispatch(
        self, method: str, params: dict[str, Any], files: dict[str, bytes]
    ) -> tuple[int, dict[str, Any]]:
        """Run one Bot API method; (HTTP status, response body)."""
        with self._lock:
            self.calls.append(method)
        handler = getattr(self, f"_api_{method}", None)
        if handler is None:
            return 404, {
                "ok": False,
                "error_code": 404,
                "description": "Not Found: method not found",
            }
        if method in self.fail_methods:
            return 400, {
                "ok": False,
                "error_code": 400,
                "description": "Bad Request: chat not found",
            }
        try:
            return 200, {"ok": True, "result": handler(params, files)}
        except ApiError as error:
            body: dict[str, Any] = {
                "ok": False,
                "error_code": error.code,
                "description": error.description,
            }
            if error.retry_after is not None:
                body["parameters"] = {"retry_after": error.retry_after}
            if error.migrate_to is not None:
                body["parameters"] = {"migrate_to_chat_id": error.migrate_to}
            return error.code, body

    @staticmethod
    def _reply(request: BaseHTTPRequestHandler, status: int, payload: dict[str, Any]) -> None:
        data = json.dumps(payload).encode()
        try:
            request.send_response(status)
            request.send_header("Content-Type", "application/json")
            request.send_header("Content-Length", str(len(data)))
            request.end_headers()
            request.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a long poll cancelled at shutdown)

    @staticmethod
    def value(name: str, raw: str) -> Any:
        if name in STRING_FIELDS:
            return raw
        try:
            return json.loads(raw)
        except ValueError:
            return raw

    def _parse(self, content_type: str, body: bytes) -> tuple[dict[str, Any], dict[str, bytes]]:
        if content_type.startswith("multipart/form-data"):
            message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
                f"Content-Type: {content_type}\r\n\r\n".encode() + body
            )
            params: dict[str, Any] = {}
            files: dict[str, bytes] = {}
            for part in message.iter_parts():
                name = part.get_param("name", header="content-disposition")
                raw = part.get_payload(decode=True)
                payload = raw if isinstance(raw, bytes) else b""
                if part.get_filename():
                    files[str(name)] = payload
                else:
                    params[str(name)] = self.value(str(name), payload.decode())
            return params, files
        if content_type.startswith("application/json"):
            return (json.loads(body or b"{}"), {})
        pairs = urllib.parse.parse_qsl(body.decode(), keep_blank_values=True)
        return {name: self.value(name, value) for name, value in pairs}, {}

    # ----- Bot API methods -----
    def _api_getMe(self, params: dict[str, Any], files: dict[str, bytes]) -> dict[str, Any]:
        return {
            "id": BOT_ID,
            "is_bot": True,
            "first_name": "Pillar",
            "username": BOT_USERNAME,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,
        }

    def _api_deleteWebhook(self, params: dict[str, Any], files: dict[str, bytes]) -> bool:
        self.webhook = {}
        return True

    def _api_setWebhook(self, params: dict[str, Any], files: dict[str, bytes]) -> bool:
        self.webhook = params
        return True

    def _api_setMyCommands(self, params: dict[str, Any], files: dict[str, bytes]) -> bool:
        key = params.get("language_code") or json.dumps(params.get("scope") or {"type": "default"})
        self.commands[key] = params["commands"]
        return True

    def _api_getUpdates(
        self, params: dict[str, Any], files: dict[str, bytes]
    ) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        timeout = float(params.get("timeout") or 0)
        deadline = time.monotonic() + timeout
        with self._lock:
            if offset:
                # Like Telegram: asking from an offset confirms, and forgets, the earlier updates.
                self.updates = [u for u in self.updates if u["update_id"] >= offset]
            while True:
                pending = [u for u in self.updates if u["update_id"] >= offset]
                remaining = deadline - time.monotonic()
                if pending or remaining <= 0 or self._stopped:
                    return pending[: int(params.get("limit") or 100)]
                self._lock.wait(min(remaining, 1.0))

    def _check(self, text: str, limit: int, method: str) -> None:
        if not self.check_html:
            return
        for problem in problems(text, limit):
            self.violations.append(f"{method}: {problem}: {text[:80]!r}")
        if problems(text, limit):
            raise ApiError(400, "Bad Request: can't parse entities")

    def _record(
        self,
        method: str,
        params: dict[str, Any],
        message: dict[str, Any],
        photo: bytes | None = None,
    ) -> dict[str, Any]:
        with self._lock:
            chat_id = message["chat"]["id"]
            self.messages[(chat_id, message["message_id"])] = message
            self.sent.append(
                Sent(
                    method,
                    chat_id,
                    message["message_id"],
                    message.get("text") or message.get("caption") or "",
                    params,
                    photo,
                    getattr(self._request, "received", None),
                )
            )
            self._lock.notify_all()
        return message

    def _new_message(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = int(params["chat_id"])
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group"},
            "from": {
                "id": BOT_ID,
                "is_bot": True,
                "first_name": "Pillar",
                "username": BOT_USERNAME,
            },
        }
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        thread = params.get("reply_parameters") or {}
        replied = self.messages.get((chat_id, int(thread.get("message_id") or 0)))
        if replied is not None:  # like Telegram: the replied-to message, one level deep
            message["reply_to_message"] = {
                k: v for k, v in replied.items() if k != "reply_to_message"
            }
        return message

    def _api_sendMessage(self, params: dict[str, Any], files: dict[str, bytes]) -> dict[str, Any]:
        with self._lock:
            if self.retry_after:
                seconds, self.retry_after = self.retry_after, 0
                self.throttled_until = time.perf_counter() + seconds
                raise ApiError(429, f"Too Many Requests: retry after {seconds}", seconds)
            if self.bad_gateways:
                self.bad_gateways -= 1
                raise ApiError(502, "Bad Gateway")
        if int(params["chat_id"]) in self.migrated_chats:
            raise ApiError(
                400,
                "Bad Request: group chat was upgraded to a supergroup chat",
                migrate_to=self.migrated_chats[int(params["chat_id"])],
            )
        if int(params["chat_id"]) in self.blocked_chats:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        text = str(params.get("text") or "")
        if params.get("parse_mode") == "HTML":
            self._check(text, 4096, "sendMessage")
        elif len(text) > 4096 or not text:
            raise ApiError(
                400,
                "Bad Request: message is too long"
                if text
                else "Bad Request: message text is empty",
            )
        self._check_markup(params)
        message = self._new_message(params)
        message["text"] = text
        recorded = self._record("sendMessage", params, message)
        if self.send_delay:
            time.sleep(self.send_delay)
        return recorded

    def _api_sendPhoto(self, params: dict[str, Any], files: dict[str, bytes]) -> dict[str, Any]:
        photo = files.get("photo")
        if not photo:
            raise ApiError(400, "Bad Request: there is no photo in the request")
        caption = str(params.get("caption") or "")
        if caption:
            self._check(caption, 1024, "sendPhoto caption")
        message = self._new_message(params)
        message["photo"] = [
            {
                "file_id": f"photo-{message['message_id']}",
                "file_unique_id": f"u{message['message_id']}",
                "width": 700,
                "height": 400,
            }
        ]
        if caption:
            message["caption"] = caption
        return self._record("sendPhoto", params, message, photo)

    def _existing(self, params: dict[str, Any]) -> dict[str, Any]:
        key = (int(params["chat_id"]), int(params["message_id"]))
        if key not in self.messages:
            raise ApiError(400, "Bad Request: message to edit not found")
        return self.messages[key]

    def _api_editMessageText(
        self, params: dict[str, Any], files: dict[str, bytes]
    ) -> dict[str, Any]:
        message = dict(self._existing(params))
        text = str(params.get("text") or "")
        self._check(text, 4096, "editMessageText")
        self._check_markup(params)
        if text == message.get("text") and params.get("reply_markup") == message.get(
            "reply_markup"
        ):
            raise ApiError(400, "Bad Request: message is not modified")
        message["text"] = text
        message["edit_date"] = int(time.time())
        message["reply_markup"] = params.get("reply_markup")
        return self._record("editMessageText", params, message)

    def _api_editMessageReplyMarkup(
        self, params: dict[str, Any], files: dict[str, bytes]
    ) -> dict[str, Any]:
        message = dict(self._existing(params))
        self._check_markup(params)
        if params.get("reply_markup") == message.get("reply_markup"):
            raise ApiError(400, "Bad Request: message is not modified")
        message["reply_markup"] = params.get("reply_markup")
        message["edit_date"] = int(time.time())
        return self._record("editMessageReplyMarkup", params, message)

    def _api_editMessageMedia(
        self, params: dict[str, Any], files: dict[str, bytes]
    ) -> dict[str, Any]:
        message = dict(self._existing(params))
        media = params.get("media") or {}
        attached = str(media.get("media", "")).removeprefix("attach://")
        photo = files.get(attached)
        if not photo:
            raise ApiError(400, "Bad Request: can't find the attached file")
        if media.get("caption"):
            self._check(str(media["caption"]), 1024, "editMessageMedia caption")
            message["caption"] = media["caption"]
        message["edit_date"] = int(time.time())
        return self._record("editMessageMedia", params, message, photo)

    def _api_getFile(self, params: dict[str, Any], files: dict[str, bytes]) -> dict[str, Any]:
        file_id = str(params.get("file_id"))
        if file_id not in self.documents:
            raise ApiError(400, "Bad Request: invalid file_id")
        return {
            "file_id": file_id,
            "file_unique_id": f"u{file_id}",
            "file_size": len(self.documents[file_id]),
            "file_path": f"documents/{file_id}",
        }

    def _api_answerCallbackQuery(self, params: dict[str, Any], files: dict[str, bytes]) -> bool:
        with self._lock:
            self.callback_answers.append(params)
            self._lock.notify_all()
        return True

    def _api_answerInlineQuery(self, params: dict[str, Any], files: dict[str, bytes]) -> bool:
        results = params.get("results") or []
        if len(results) > 50:
            raise ApiError(400, "Bad Request: too many inline query results")
        for result in results:
            content = result.get("input_message_content") or {}
            self._check(str(content.get("message_text", "")), 4096, "answerInlineQuery")
        with self._lock:
            self.inline_answers.append(params)
            self._lock.notify_all()
        return True

    def _api_sendChatAction(self, params: dict[str, Any], files: dict[str, bytes]) -> bool:
        with self._lock:
            self.chat_actions.append((int(params["chat_id"]), str(params["action"])))
        return True

    def _check_markup(self, params: dict[str, Any]) -> None:
        markup = params.get("reply_markup") or {}
        for row in markup.get("inline_keyboard", []):
            for button in row:
                data = button.get("callback_data")
                if data is not None and not 1 <= len(str(data).encode()) <= 64:
                    self.violations.append(f"callback_data of {len(str(data).encode())} bytes")
                    raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")


class _Server(ThreadingHTTPServer):
    """One thread per connection; a backlog for a bot that opens hundreds at once."""

    daemon_threads = True
    request_queue_size = 512  # socketserver's 5 drops connections under load (bench/)


class ApiError(Exception):
    """An error the Bot API reports with a status and a description."""

    def __init__(
        self,
        code: int,
        description: str,
        retry_after: int | None = None,
        migrate_to: int | None = None,
    ) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.retry_after = retry_after
        self.migrate_to = migrate_to
