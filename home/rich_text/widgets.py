"""The rich-text editor's widget, refusing content it cannot read with a form error.

Draftail posts its content as JSON. Wagtail converts it while reading the form, before any
validation, so a tampered or truncated POST (not JSON, or JSON of the wrong shape) was a 500.
Here such input becomes `UnreadableContent`, which the form field refuses when it cleans it:
the editor sees a message on that field and nothing is saved.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.rich_text import DraftailRichTextArea

# What the conversion of malformed JSON raises (e.g. a list where an object belongs).
CONVERSION_ERRORS = (ValueError, TypeError, KeyError, AttributeError, IndexError)


class UnreadableContent:
    """Stands for posted editor content that is not the editor's JSON. Form fields turn values
    into text first (`str()`), so that is where it refuses itself with a validation error."""

    def __str__(self) -> str:
        raise ValidationError(
            _("This text could not be read. Reload the page and enter it again."),
            code="unreadable_rich_text",
        )


class CheckedDraftailRichTextArea(DraftailRichTextArea):
    def value_from_datadict(self, data: Any, files: Any, name: str) -> Any:
        try:
            return super().value_from_datadict(data, files, name)
        except CONVERSION_ERRORS:
            return UnreadableContent()

    def format_value(self, value: Any) -> Any:
        # Shown again with the error: an empty editor, since the posted text cannot be shown.
        return super().format_value(None if isinstance(value, UnreadableContent) else value)
