"""Keyed hashes of user ids: rows can be found again for /forget, yet hold no user id."""

import hashlib
import hmac
import secrets

from sqlite_utils import Database

KEY_NAME = "pseudonym_key"
REMEMBERED = 10_000  # pseudonyms kept in memory; past that the memory starts again


class Pseudonyms:
    """The same user id always gives the same pseudonym in one installation (its key is
    random, made once and kept in the `meta` table), and no id can be read back from it."""

    def __init__(self, db: Database) -> None:
        rows = list(db.query("select value from meta where name = ?", [KEY_NAME]))
        if rows:
            key = str(rows[0]["value"])
        else:
            key = secrets.token_hex(32)
            db.table("meta").insert({"name": KEY_NAME, "value": key}, pk="name")
        self._key = bytes.fromhex(key)
        self._known: dict[int, str] = {}

    def of(self, user_id: int) -> str:
        """The pseudonym of a user id (remembered for the users seen lately)."""
        known = self._known.get(user_id)
        if known is None:
            if len(self._known) >= REMEMBERED:
                self._known.clear()
            known = hmac.new(self._key, str(user_id).encode(), hashlib.sha256).hexdigest()[:32]
            self._known[user_id] = known
        return known
