"""Visitors' access to restricted pages: Wagtail's page-password form, rate limited."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext
from django_ratelimit.decorators import ratelimit
from wagtail import views as wagtail_views
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import Page, PageViewRestriction


def _restriction_key(group: str, request: HttpRequest) -> str:
    # One budget per client address and restricted page, so guessing one page's password does
    # not lock a visitor out of another.
    return f"{request.META.get(settings.RATELIMIT_IP_META_KEY, '')}:{request.path}"


@ratelimit(key=_restriction_key, rate=settings.PAGE_PASSWORD_RATE, method="POST", block=False)
def authenticate_with_password(
    request: HttpRequest, page_view_restriction_id: int, page_id: int
) -> HttpResponse:
    """Wagtail's view, refusing to check passwords once a client has tried too many."""
    if not getattr(request, "limited", False):
        return wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    restriction = get_object_or_404(PageViewRestriction, id=page_view_restriction_id)
    page = get_object_or_404(Page, id=page_id).specific
    form = PasswordViewRestrictionForm(
        instance=restriction, initial={"return_url": request.POST.get("return_url", "")}
    )
    form.cleaned_data = {}  # an unbound form takes an error only once it has cleaned data
    form.add_error(
        None, gettext("Too many attempts. Please wait a minute before trying the password again.")
    )
    response = page.serve_password_required_response(request, form, request.path)
    response.status_code = 429
    return response
