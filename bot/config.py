"""Settings from the environment, read once into a typed object."""

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_API_BASE = "https://api.telegram.org"


class SettingsError(Exception):
    """A required setting is missing or malformed (the message says which, never its value)."""


def default_db_path() -> Path:
    """$PILLARBOT_DB, else the user's data folder."""
    override = os.environ.get("PILLARBOT_DB")
    if override:
        return Path(override)
    data = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data) / "pillarbot" / "pillarbot.db"


@dataclass(frozen=True)
class WebhookSettings:
    """Where the webhook listens and what Telegram is told."""

    url: str
    secret: str
    listen: str = "127.0.0.1"
    port: int = 8443
    path: str = "telegram"


@dataclass(frozen=True)
class Settings:
    """Everything `pillarbot run` needs."""

    token: str = field(repr=False)
    api_base: str = DEFAULT_API_BASE
    db_path: Path = field(default_factory=default_db_path)
    admins: frozenset[int] = frozenset()
    webhook: WebhookSettings | None = None
    send_rate: float = 30.0  # messages a second, all chats together
    group_rate: float = 20.0  # messages a minute to one group
    digest_senders: int = 1  # digest messages in flight at once


def _rate(name: str, default: float) -> float:
    raw = os.environ.get(name, "").strip()
    try:
        value = float(raw) if raw else default
    except ValueError as exc:
        raise SettingsError(f"{name} must be a number") from exc
    if not 0 < value < 1000:
        raise SettingsError(f"{name} must be between 0 and 1000")
    return value


def _admins(raw: str) -> frozenset[int]:
    try:
        return frozenset(int(part) for part in raw.replace(" ", "").split(",") if part)
    except ValueError as exc:
        raise SettingsError("PILLARBOT_ADMINS must be comma-separated numeric user ids") from exc


def load_settings(webhook: bool = False) -> Settings:
    """Read the environment; a missing token fails with a clear message."""
    token = os.environ.get("TELEGRAM_BOT_TOKEN", "").strip()
    if not token:
        raise SettingsError(
            "TELEGRAM_BOT_TOKEN is not set. Create a bot with @BotFather and export its token; "
            "see README, 'Running on Telegram'."
        )
    hook = None
    if webhook:
        url = os.environ.get("PILLARBOT_WEBHOOK_URL", "").strip()
        secret = os.environ.get("PILLARBOT_WEBHOOK_SECRET", "").strip()
        if not url or not secret:
            raise SettingsError(
                "webhook mode needs PILLARBOT_WEBHOOK_URL and PILLARBOT_WEBHOOK_SECRET"
            )
        try:
            port = int(os.environ.get("PILLARBOT_WEBHOOK_PORT", "8443"))
        except ValueError as exc:
            raise SettingsError("PILLARBOT_WEBHOOK_PORT must be a number") from exc
        hook = WebhookSettings(
            url=url,
            secret=secret,
            listen=os.environ.get("PILLARBOT_WEBHOOK_LISTEN", "127.0.0.1"),
            port=port,
            path=os.environ.get("PILLARBOT_WEBHOOK_PATH", "telegram").strip("/"),
        )
    return Settings(
        token=token,
        api_base=os.environ.get("TELEGRAM_API_BASE", DEFAULT_API_BASE).rstrip("/"),
        db_path=default_db_path(),
        admins=_admins(os.environ.get("PILLARBOT_ADMINS", "")),
        webhook=hook,
        send_rate=_rate("PILLARBOT_SEND_RATE", 30.0),
        group_rate=_rate("PILLARBOT_GROUP_RATE", 20.0),
        digest_senders=int(_rate("PILLARBOT_DIGEST_SENDERS", 1)),
    )
