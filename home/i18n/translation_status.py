"""Where each page's translations stand: up to date, outdated, missing or draft.

`translation_statuses()` is the single place that decides a translation's state; the admin
report ("Reports → Translation status") and the tests both call it. It reads everything in a
fixed number of queries (three, plus the locales), whatever the number of pages, so the report
stays cheap on a large site.

The states, for a page P of the source locale (English) and another locale L:

- **missing**: L has no page with P's translation key (an alias of P does not count: it only
  mirrors the English page, and wagtail-localize offers to translate it).
- **draft**: L's page exists but is not live, or has a saved draft not yet published, or (for
  a wagtail-localize translation) strings were translated in the translation editor or by PO
  upload after the page was last rebuilt from them (StringTranslation.updated_at is later than
  the last TranslationLog): translated text waiting to be published.
- **outdated**: L's page is live with nothing unpublished, but it does not reflect the current
  English text, because
  * P was published after the translation was last synced with it, i.e.
    ``P.last_published_at > min(TranslationSource.last_updated_at, last TranslationLog)``
    (wagtail-localize extracts the source from P's live content, so publishing is what
    changes it; the log covers a sync that refreshed the source but has not rebuilt L's page
    yet). For a page in L that wagtail-localize does not manage (translation stopped, or made
    by hand) the comparison is with that page's own `last_published_at`; or
  * some string segments of the current source have no usable (error-free) translation, so L's
    page shows the English text there (e.g. after a sync published with "Publish immediately",
    or a submission published before anyone translated it).
- **up to date**: none of the above: translated, published, and synced since P last changed.

The checks run in that order, so a page that is both a draft and outdated reads "draft": its
next step is to publish what was translated.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import models
from django.db.models import Count, Exists, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import pgettext_lazy
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationLog,
)


class TranslationState(models.TextChoices):
    UP_TO_DATE = "up_to_date", pgettext_lazy("translation status", "Up to date")
    OUTDATED = "outdated", pgettext_lazy("translation status", "Outdated")
    MISSING = "missing", pgettext_lazy("translation status", "Missing")
    DRAFT = "draft", pgettext_lazy("translation status", "Draft")


@dataclass(frozen=True)
class LocaleStatus:
    """One page's translation into one locale."""

    locale: Locale
    state: str
    page_id: int | None = None  # the translated page, if any
    translation_id: int | None = None  # wagtail-localize Translation, if managed
    untranslated: int = 0  # string segments without a usable translation
    source_page_id: int | None = None

    @property
    def label(self) -> str:
        return TranslationState(self.state).label

    @property
    def edit_url(self) -> str | None:
        """The translation's editor (wagtail-localize's, for a managed translation)."""
        if self.page_id is None:
            return None
        return reverse("wagtailadmin_pages:edit", args=[self.page_id])

    @property
    def translate_url(self) -> str | None:
        """wagtail-localize's submit form with this locale ticked, for a missing translation."""
        if self.state != TranslationState.MISSING or self.source_page_id is None:
            return None
        url = reverse("wagtail_localize:submit_page_translation", args=[self.source_page_id])
        return f"{url}?{urlencode({'select_locale': self.locale.language_code})}"

    @property
    def sync_url(self) -> str | None:
        """ "Sync and translate" (a POST, see `home/i18n/sync.py`), for an outdated managed
        translation: the report offers it in place of the editor, which would show old text."""
        if self.state != TranslationState.OUTDATED or self.translation_id is None:
            return None
        return reverse("home_sync_and_translate", args=[self.translation_id])


@dataclass
class PageTranslationStatus:
    """A page of the source locale and its state in each other locale."""

    page_id: int
    title: str
    depth: int
    content_type_id: int
    live: bool
    statuses: list[LocaleStatus] = field(default_factory=list)

    @property
    def edit_url(self) -> str:
        return reverse("wagtailadmin_pages:edit", args=[self.page_id])

    def status_for(self, locale: Locale | str) -> LocaleStatus | None:
        code = locale if isinstance(locale, str) else locale.language_code
        return next((s for s in self.statuses if s.locale.language_code == code), None)


def decide_state(
    *,
    exists: bool,
    live: bool = False,
    has_unpublished_changes: bool = False,
    source_published_at: datetime.datetime | None = None,
    source_synced_at: datetime.datetime | None = None,
    rebuilt_at: datetime.datetime | None = None,
    strings_updated_at: datetime.datetime | None = None,
    untranslated: int = 0,
) -> str:
    """The state from the facts gathered by `translation_statuses` (see the module docstring).

    `source_published_at`: when the source page was last published; `source_synced_at`: when
    wagtail-localize last extracted the source (None if it does not manage the translation);
    `rebuilt_at`: when the translated page was last rebuilt from the source (its last publish,
    for an unmanaged translation); `strings_updated_at`: when a translated string last changed.
    """
    if not exists:
        return TranslationState.MISSING
    if not live or has_unpublished_changes:
        return TranslationState.DRAFT
    if strings_updated_at and rebuilt_at and strings_updated_at > rebuilt_at:
        return TranslationState.DRAFT
    synced_at = _earliest(source_synced_at, rebuilt_at)
    if source_published_at and (synced_at is None or source_published_at > synced_at):
        return TranslationState.OUTDATED
    if untranslated:
        return TranslationState.OUTDATED
    return TranslationState.UP_TO_DATE


def _earliest(*values: datetime.datetime | None) -> datetime.datetime | None:
    known = [value for value in values if value is not None]
    return min(known) if known else None


def translation_statuses(
    pages: models.QuerySet | None = None,
    source_locale: Locale | None = None,
    target_locales: Iterable[Locale] | None = None,
) -> list[PageTranslationStatus]:
    """Every page of `source_locale` (default: the default locale) among `pages` (default:
    all), in tree order, with its state in each of `target_locales` (default: every other
    locale). Three queries, plus one for each of `source_locale` and `target_locales` not given."""
    if source_locale is None:
        source_locale = Locale.get_default()
    if target_locales is None:
        target_locales = Locale.objects.exclude(pk=source_locale.pk).order_by("language_code")
    targets = [locale for locale in target_locales if locale.pk != source_locale.pk]
    target_ids = [locale.pk for locale in targets]

    source_pages = (Page.objects.all() if pages is None else pages).filter(
        locale=source_locale, depth__gt=1
    )
    keys = source_pages.values("translation_key")

    # 1. The source pages.
    rows = list(
        source_pages.order_by("path").values(
            "id",
            "title",
            "draft_title",
            "depth",
            "content_type_id",
            "live",
            "translation_key",
            "last_published_at",
        )
    )

    # 2. Their pages in the other locales (aliases only mirror the source: not translations).
    targets_by_key = {
        (row["translation_key"], row["locale_id"]): row
        for row in Page.objects.filter(
            translation_key__in=keys, locale_id__in=target_ids, alias_of__isnull=True
        ).values(
            "id",
            "translation_key",
            "locale_id",
            "live",
            "has_unpublished_changes",
            "last_published_at",
        )
    }

    # 3. The wagtail-localize translations that manage them, with when each was last rebuilt,
    # when its strings last changed, and how many current segments lack a translation.
    last_rebuilt = TranslationLog.objects.filter(
        source_id=OuterRef("source_id"), locale_id=OuterRef("target_locale_id")
    ).order_by("-created_at")
    last_string_change = StringTranslation.objects.filter(
        context__object_id=OuterRef("source__object_id"), locale_id=OuterRef("target_locale_id")
    ).order_by("-updated_at")
    usable_translation = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=OuterRef(OuterRef("target_locale_id")),
        has_error=False,
    )
    untranslated_count = (
        StringSegment.objects.filter(source_id=OuterRef("source_id"))
        .exclude(Exists(usable_translation))
        .order_by()
        .values("source_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    translations_by_key = {
        (row["source__object_id"], row["target_locale_id"]): row
        for row in Translation.objects.filter(
            enabled=True,
            source__locale=source_locale,
            source__object_id__in=keys,
            target_locale_id__in=target_ids,
        )
        .annotate(
            rebuilt_at=Subquery(last_rebuilt.values("created_at")[:1]),
            strings_updated_at=Subquery(last_string_change.values("updated_at")[:1]),
            untranslated=Coalesce(Subquery(untranslated_count), 0),
        )
        .values(
            "id",
            "source__object_id",
            "target_locale_id",
            "source__last_updated_at",
            "rebuilt_at",
            "strings_updated_at",
            "untranslated",
        )
    }

    result = []
    for row in rows:
        item = PageTranslationStatus(
            page_id=row["id"],
            title=row["draft_title"] or row["title"],
            depth=row["depth"],
            content_type_id=row["content_type_id"],
            live=row["live"],
        )
        for locale in targets:
            key = (row["translation_key"], locale.pk)
            target = targets_by_key.get(key)
            translation = translations_by_key.get(key)
            if target is None:
                item.statuses.append(
                    LocaleStatus(locale, TranslationState.MISSING, source_page_id=row["id"])
                )
                continue
            if translation is not None:
                source_synced_at = translation["source__last_updated_at"]
                rebuilt_at = translation["rebuilt_at"] or target["last_published_at"]
                strings_updated_at = translation["strings_updated_at"]
                untranslated = translation["untranslated"]
            else:
                # Not managed by wagtail-localize: the page was last brought in line with the
                # source when it was last published.
                source_synced_at = None
                rebuilt_at = target["last_published_at"]
                strings_updated_at = None
                untranslated = 0
            state = decide_state(
                exists=True,
                live=target["live"],
                has_unpublished_changes=target["has_unpublished_changes"],
                source_published_at=row["last_published_at"],
                source_synced_at=source_synced_at,
                rebuilt_at=rebuilt_at,
                strings_updated_at=strings_updated_at,
                untranslated=untranslated,
            )
            item.statuses.append(
                LocaleStatus(
                    locale,
                    state,
                    page_id=target["id"],
                    translation_id=translation["id"] if translation else None,
                    untranslated=untranslated,
                    source_page_id=row["id"],
                )
            )
        result.append(item)
    return result


def state_of(page: Page, locale: Locale) -> str:
    """The state of `page`'s translation into `locale` (a convenience over
    `translation_statuses`, for code that asks about one page)."""
    statuses = translation_statuses(
        Page.objects.filter(pk=page.pk), source_locale=page.locale, target_locales=[locale]
    )
    if not statuses:
        raise ValueError(f"{page!r} is not a page of its locale's tree")
    return statuses[0].statuses[0].state
