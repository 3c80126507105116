"""New pages start in the source language (English) and are then translated.

A page created directly in the Chinese tree has no English source: wagtail-localize does not
manage it, the translation report never lists it, and the English site has no counterpart for
the language switch. The admin refuses to create one and points to the English parent instead.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import pgettext
from wagtail.admin import messages
from wagtail.models import Locale, Page


def refuse_outside_source_locale(
    request: HttpRequest, parent_page: Page, page_class: type[Page]
) -> HttpResponse | None:
    """`before_create_page` hook: a new page under a page of another locale than the default is
    refused, with a link to add it under the parent's English translation, if there is one."""
    source_locale = Locale.get_default()
    if parent_page.is_root() or parent_page.locale_id == source_locale.pk:
        return None
    source_parent = parent_page.get_translation_or_none(source_locale)
    buttons = []
    if source_parent is not None:
        buttons.append(
            messages.button(
                reverse("wagtailadmin_pages:add_subpage", args=[source_parent.pk]),
                pgettext("translation status", "Add it in %(language)s")
                % {"language": source_locale.get_display_name()},
            )
        )
    messages.error(
        request,
        pgettext(
            "translation status",
            "Create pages in %(language)s, then translate them: a page created here has no "
            "source to translate from.",
        )
        % {"language": source_locale.get_display_name()},
        buttons=buttons,
    )
    return redirect("wagtailadmin_explore", parent_page.pk)
