"""Ids in stored rich text: `<a linktype="page" id="…">` holds whatever an importer or a
tampered form wrote, so every reader of it (site, editor, API) goes through `entity_id`. The
link handlers that use it are in `links.py`."""

from __future__ import annotations

from typing import Any

MAX_ID = 2**63 - 1  # the largest value of a 64-bit id column


def entity_id(value: Any) -> int | None:
    """The id a link refers to, or None when it cannot be a row's id."""
    text = str(value) if value is not None else ""
    if not (text.isascii() and text.isdecimal()):
        return None
    number = int(text)
    return number if 0 < number <= MAX_ID else None
