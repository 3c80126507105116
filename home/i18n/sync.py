"""The translation status report's "Sync and translate": bring an outdated translation up to
date with the English page, then open it in the translation editor.

wagtail-localize's own "Sync translated pages" form only refreshes the source and then lands on
the English page's listing; opening "Edit translation" first shows the old English text with no
hint that it changed. This action does both steps for one translation, and the editor of an
outdated translation now says so (`warn_if_outdated`).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import pgettext
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from .translation_status import TranslationState, state_of


@require_POST
def sync_and_translate(request: HttpRequest, translation_id: int) -> HttpResponse:
    """Refresh the source from the live English page and save a draft of the translated page
    from it (synchronised values such as numbers and slugs come over; strings keep their
    translations, new ones read in English until translated), then redirect to the
    translation editor. Only for someone who may edit the translated page."""
    translation = get_object_or_404(
        Translation.objects.select_related("source", "target_locale"),
        pk=translation_id,
        enabled=True,
    )
    page = get_object_or_404(
        Page,
        translation_key=translation.source.object_id,
        locale=translation.target_locale,
    )
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied

    with transaction.atomic():
        translation.source.update_from_db()
        # A revision only. wagtail-localize's save_target(publish=False) would also write the
        # page's row, which is what visitors see: English text on the live Chinese page.
        draft = translation.source.get_ephemeral_translated_instance(
            translation.target_locale, fallback=True
        )
        try:
            # Its own savepoint: a refused draft leaves the refreshed source in place.
            with transaction.atomic():
                draft.save_revision(user=request.user)
        except ValidationError:
            messages.warning(
                request,
                pgettext(
                    "translation status",
                    "Synced with the source page, but some translations are not valid, so no "
                    "draft was saved: correct them here.",
                ),
            )
        else:
            messages.success(
                request,
                pgettext(
                    "translation status",
                    "Synced with the source page: translate the changed text, then publish.",
                ),
            )
    return redirect("wagtailadmin_pages:edit", page.pk)


def warn_if_outdated(request: HttpRequest, page: Page) -> None:
    """`before_edit_page` hook, run before wagtail-localize's (which answers with its editor):
    opening an outdated translation says so, and where to sync it."""
    source_locale = Locale.get_default()
    if request.method != "GET" or page.locale_id == source_locale.pk:
        return
    source = page.get_translation_or_none(source_locale)
    if source is None or state_of(source, page.locale) != TranslationState.OUTDATED:
        return
    report = reverse("home_translation_status")
    query = urlencode({"state": TranslationState.OUTDATED, "locale": page.locale.language_code})
    messages.warning(
        request,
        pgettext(
            "translation status",
            "This translation is outdated: the source page has changed since it was last "
            "synced, or some of its text is not translated. Sync it from the translation "
            "status report first.",
        ),
        buttons=[
            messages.button(
                f"{report}?{query}", pgettext("translation status", "Translation status")
            )
        ],
    )
