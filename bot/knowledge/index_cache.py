"""Keep the built search index on disk, keyed by the content and the code that builds it.

Building the index takes a few hundred milliseconds; loading it takes a few. The key hashes
every content file and the search and tokenizer sources, so any change rebuilds it. A cache
that cannot be read or written is simply skipped.
"""

import hashlib
import logging
import os
import time
from pathlib import Path
from typing import Any

import numpy as np

from bot.knowledge import centroids, search, tokens
from bot.knowledge.content import Content
from bot.knowledge.search import SearchIndex

log = logging.getLogger(__name__)


def cache_dir() -> Path:
    """$PILLARBOT_CACHE, else the user's cache folder."""
    override = os.environ.get("PILLARBOT_CACHE")
    if override:
        return Path(override)
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "pillarbot"


def content_key(content: Content) -> str:
    """A hash of every content file and of the code that turns them into an index."""
    digest = hashlib.sha256()
    for path in sorted(
        p for p in content.root.rglob("*") if p.is_file() and p.suffix in (".md", ".yaml")
    ):
        digest.update(str(path.relative_to(content.root)).encode())
        digest.update(path.read_bytes())
    for module in (search, tokens, centroids):
        digest.update(Path(module.__file__ or "").read_bytes())
    return digest.hexdigest()[:24]


def load_index(content: Content, folder: Path | None = None) -> SearchIndex:
    """The index for this content: from the cache when it matches, else built (and saved)."""
    folder = folder or cache_dir()
    path = folder / f"index-{content_key(content)}.npz"
    try:
        with np.load(path, allow_pickle=False) as arrays:
            return SearchIndex(content, cached={name: arrays[name] for name in arrays.files})
    except (OSError, ValueError, KeyError):
        pass
    index = SearchIndex(content)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp.npz")
        save: Any = np.savez  # numpy's stubs type **arrays as its bool keyword
        save(partial, **index.arrays())
        partial.replace(path)
        _remove_stale(folder, keep=path)
    except OSError as exc:
        log.debug("search index not cached: %s", exc)
    return index


STALE_AFTER_DAYS = 7


def _remove_stale(folder: Path, keep: Path) -> None:
    """Delete cached indexes of other content that nothing has written for a week (every
    content edit leaves one behind; another checkout's recent one is kept)."""
    cutoff = time.time() - STALE_AFTER_DAYS * 86400
    for old in folder.glob("index-*.npz"):
        try:
            if old != keep and old.stat().st_mtime < cutoff:
                old.unlink()
        except OSError:
            pass
