"""What wagtail-localize keeps the same in every language instead of offering for translation.

By default it offers every CharField and CharBlock to the translator, so a page's slug, a key
figure such as "122" or a year in a table were strings to translate: after the English number
changed, the Chinese translation stayed "outdated" until someone retyped the digits. Values
without words are not text; they are copied from the English page on each sync instead.
"""

from __future__ import annotations

from wagtail.models import Page
from wagtail_localize.fields import BaseTranslatableField, SynchronizedField


def has_words(value: str) -> bool:
    """Whether `value` has anything to translate: a letter in any script. A number, a year or a
    phone number ("122", "50+", "(86)512-65884028") reads the same in every language."""
    return any(character.isalpha() for character in value)


class SynchronizedSlug(SynchronizedField):
    """The page's slug, the same in every language: /zh-hans/organizations/smsa/ mirrors
    /en/organizations/smsa/. Not overridable: wagtail-localize runs a translated slug through an
    ASCII-only slugify, so Chinese typed there would be dropped.

    A locale's home page is the exception: it sits beside the English one under the tree's root,
    so Wagtail gave its copy a language suffix ("home-zh-hans"), which it keeps."""

    def __init__(self) -> None:
        super().__init__("slug", overridable=False)

    def is_synchronized(self, page: Page) -> bool:
        return page.depth > 2 and super().is_synchronized(page)


def synchronised_page_fields(*names: str) -> list[BaseTranslatableField]:
    """A page model's `override_translatable_fields`: its slug and the fields `names` (codes,
    numbers, contact details) are synchronised rather than translated."""
    return [SynchronizedSlug(), *(SynchronizedField(name) for name in names)]
