"""Characters that carry no meaning in text a user types or content holds."""

import re

# C0 and C1 controls (tab and newline excepted), zero-width and direction marks, bidi
# embeddings, overrides and isolates, and the byte-order mark: each becomes a space.
CONTROL_CHARS = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]"
)
