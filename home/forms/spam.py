"""What every form submission goes through, whether posted to the page or to the API: a
per-address rate limit, a honeypot, then Wagtail's validation and storage."""

from __future__ import annotations

import enum

from django import forms
from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import is_ratelimited

# A plausible name, so that bots fill it in; people never see it (see FormPage's template).
HONEYPOT_FIELD = "hp_website"
RATE_LIMIT_GROUP = "home.forms.submit"
TOO_MANY_SUBMISSIONS = _(
    "Too many submissions from your address. Please wait a few minutes and try again."
)


class Outcome(enum.Enum):
    STORED = "stored"
    DISCARDED = "discarded"  # the honeypot was filled in: looks accepted, is not kept
    INVALID = "invalid"
    LIMITED = "limited"


def honeypot_field() -> forms.Field:
    return forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )


def rate_limited(request: HttpRequest) -> bool:
    """Counts this attempt; true once the address has used up its budget (one budget for all
    forms, page and API alike, so switching between them gains nothing)."""
    return is_ratelimited(
        request,
        group=RATE_LIMIT_GROUP,
        key="ip",
        rate=settings.FORM_SUBMISSION_RATE,
        method="POST",
        increment=True,
    )


def receive(page, form: forms.Form, request: HttpRequest) -> Outcome:
    """Check, then store (and notify by e-mail) one submission of `form` to `page`."""
    if rate_limited(request):
        form.is_valid()  # so the form can still be shown with what was typed
        return Outcome.LIMITED
    if not form.is_valid():
        return Outcome.INVALID
    if form.cleaned_data.pop(HONEYPOT_FIELD, ""):
        return Outcome.DISCARDED
    page.process_form_submission(form)
    return Outcome.STORED
