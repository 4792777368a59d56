"""The channel-independent engine: a message in, a Reply out."""

from bot.engine.core import Engine, Message
from bot.engine.reply import Button, Reply, SourceRef

__all__ = ["Button", "Engine", "Message", "Reply", "SourceRef"]
