"""The hidden Row check of a Findings row: what termcheck wrote in the cells a suggested fix reads.

Sorting one column on its own (Excel's "continue with the current selection") or typing over a cell moves Found,
Expected or the target span away from the finding they belong to. `review apply --write-fixed` compares each
Apply fix row with its Row check and skips, naming it, a row whose cells no longer agree, so the fix it writes is
always the one termcheck suggested for that finding. The value is four short keyed BLAKE2 digests: of the
finding's identity (id, check code, file, segment, segment hash), and of each of Found, Expected and Target span
with that identity, so that a skipped row can say which column changed. It guards against mistakes, not against
someone who means to forge a row: the key is no secret.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

KEY = b"termcheck row check 1"
_KEYED = hashlib.blake2b(digest_size=4, key=KEY)  # copied for each digest: cheaper than keying anew
IDENTITY = "Finding"  # what `changed` reports where the identity cells no longer belong together
CHECKED = ("Found", "Expected", "Target span")


def _digest(text: str) -> str:
    digest = _KEYED.copy()
    digest.update(text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def row_check(identity: Sequence[str], checked: Sequence[str]) -> str:
    """The Row check of a finding's identity cells and its Found, Expected and Target span cells, as written."""
    who = _digest("\x1f".join(identity))
    cells = (_digest(f"{who}\x1f{name}\x1f{value}") for name, value in zip(CHECKED, checked, strict=True))
    return ".".join([who, *cells])


def changed(check: str, identity: Sequence[str], checked: Sequence[str]) -> list[str]:
    """The cells that no longer agree with the row's check: [IDENTITY] where the identity cells do not (or the
    check is damaged), else the names of the checked cells that changed; [] where all agree."""
    parts = check.split(".")
    now = row_check(identity, checked).split(".")
    if len(parts) != len(now) or parts[0] != now[0]:
        return [IDENTITY]
    return [name for name, was, is_ in zip(CHECKED, parts[1:], now[1:], strict=True) if was != is_]
