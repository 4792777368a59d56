"""Keyed hashes of user ids: rows can be found again for /forget, yet hold no user id."""

import hashlib
import hmac
import secrets

from sqlite_utils import Database

KEY_NAME = "pseudonym_key"


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

    def of(self, user_id: int) -> str:
        """The pseudonym of a user id."""
        return hmac.new(self._key, str(user_id).encode(), hashlib.sha256).hexdigest()[:32]
