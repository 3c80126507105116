"""The glossary the translation step reads: English → Chinese for every demo text.

The data files give every text as `{ en = "…", zh = "…" }`; the glossary learns all of them, so
a Chinese page is made by looking up each of its English source segments.
"""

from typing import Any

from wagtail_localize.strings import StringValue, extract_strings


def is_text(value: Any) -> bool:
    """A bilingual text of the data files: `{ en = "…", zh = "…" }`."""
    return isinstance(value, dict) and "en" in value


def english(value: Any) -> Any:
    """`value` with every bilingual text replaced by its English."""
    if is_text(value):
        return value["en"]
    if isinstance(value, dict):
        return {key: english(item) for key, item in value.items()}
    if isinstance(value, list):
        return [english(item) for item in value]
    return value


class Glossary:
    """English → Chinese, keyed as wagtail-localize stores segment strings (HTML-escaped plain
    text for fields and blocks, inline HTML for rich-text paragraphs), so a segment's
    `string.data` can be looked up directly."""

    def __init__(self) -> None:
        self._index: dict[str, str] = {}

    def learn(self, data: Any) -> None:
        """Every bilingual text found anywhere in `data` (a data file's contents)."""
        if is_text(data):
            self.add(data["en"], data.get("zh", ""))
        elif isinstance(data, dict | list):
            for item in data.values() if isinstance(data, dict) else data:
                self.learn(item)

    def add(self, english: str, chinese: str) -> None:
        if not english.strip() or not chinese.strip():
            raise ValueError(f"Empty text in {{ en = {english!r}, zh = {chinese!r} }}")
        # As a plain-text segment (CharField, TextField, CharBlock, TextBlock, table cell).
        self._put(
            StringValue.from_plaintext(english).data,
            StringValue.from_plaintext(chinese).data,
            english,
        )
        # As one paragraph or list item of rich text (links become `<a id="a1">`).
        source, target = _rich_text_strings(english), _rich_text_strings(chinese)
        if len(source) == 1 and len(target) == 1:
            self._put(source[0], target[0], english)

    def _put(self, key: str, value: str, english: str) -> None:
        if self._index.setdefault(key, value) != value:
            raise ValueError(f"Two Chinese texts for {english!r}")

    def chinese_for(self, data: str) -> str | None:
        """The Chinese segment data for an English segment's data, or None."""
        return self._index.get(data)


def _rich_text_strings(inline_html: str) -> list[str]:
    _template, strings = extract_strings(f"<p>{inline_html}</p>")
    return [string.data for string, _attrs in strings]
