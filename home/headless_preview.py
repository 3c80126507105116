"""Draft previews for headless front ends, on top of wagtail-headless-preview.

Every page type mixes in `HeadlessPreviewPageMixin`. The editor's preview keeps the HTML site's
own rendering as the default mode and, when `HEADLESS_PREVIEW_URL` is set, offers a second mode,
"Front end": it stores the draft as a `PagePreview` row under a signed token and redirects the
preview panel to the front end of the page's language with `?content_type=…&token=…`. The front
end then reads `/api/v2/page_preview/` (home/api/preview.py), which calls `preview_page()`.

What this adds to the plugin (0.9.0):
- its token is signed but never expires (it unsigns without `max_age`) and says nothing about
  the content; ours also carries a digest of the stored draft and expires after
  `HEADLESS_PREVIEW_MAX_AGE` seconds;
- its `serve_preview` ignores the preview mode; ours only goes headless in "Front end" mode;
- its client URLs are per site hostname; ours are per locale (`{locale}` in the URL).
"""

from __future__ import annotations

import hashlib
import re
from typing import TYPE_CHECKING

from csp.constants import SELF
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.http import HttpRequest, HttpResponse, HttpResponseNotFound
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail_headless_preview.models import HeadlessPreviewMixin, PagePreview

if TYPE_CHECKING:
    from wagtail.models import Locale

FRONT_END_MODE = "front-end"
# `app_label.model`, as the plugin writes it in preview URLs.
CONTENT_TYPE_FORMAT = re.compile(r"[a-z_][a-z0-9_]{0,99}\.[a-z_][a-z0-9_]{0,99}")
MAX_TOKEN_LENGTH = 255  # PagePreview.token's max_length


def preview_max_age() -> int:
    """Seconds a preview token stays valid (1 hour unless settings say otherwise)."""
    return int(getattr(settings, "HEADLESS_PREVIEW_MAX_AGE", 3600))


def client_url(locale: Locale) -> str:
    """The front end's preview address for pages in `locale`; empty when none is configured."""
    url = getattr(settings, "HEADLESS_PREVIEW_URL", "")
    return url.replace("{locale}", locale.language_code) if url else ""


def content_digest(content_json: str) -> str:
    return hashlib.sha256(content_json.encode()).hexdigest()[:32]


class HeadlessPreviewPageMixin(HeadlessPreviewMixin):
    """Mixed into every page type, before `Page` (and before `RoutablePageMixin`)."""

    @property
    def preview_modes(self) -> list[tuple[str, str]]:
        modes = list(super().preview_modes)
        # Without a configured front end the mode is hidden rather than pointing nowhere.
        if getattr(settings, "HEADLESS_PREVIEW_URL", ""):
            modes.append((FRONT_END_MODE, _("Front end")))
        return modes

    def serve_preview(self, request: HttpRequest, mode_name: str) -> HttpResponse:
        response = self._serve_preview(request, mode_name)
        # The admin shows the preview in a frame of its own. The preview passes through the
        # public site's CSP (its request carries the page's path, not /admin/), which forbids
        # every frame: let the site's own pages frame it (django-csp reads this attribute).
        response._csp_replace = {"frame-ancestors": [SELF]}
        return response

    def _serve_preview(self, request: HttpRequest, mode_name: str) -> HttpResponse:
        if mode_name == FRONT_END_MODE:
            if not client_url(self.locale):
                # Reached by a stale link while the mode is hidden: say why, point nowhere.
                return HttpResponseNotFound(
                    gettext("No front end is configured for previews (HEADLESS_PREVIEW_URL)."),
                    content_type="text/plain; charset=utf-8",
                )
            return super().serve_preview(request, mode_name)
        # Skip the plugin's version, which would go headless in every mode.
        return super(HeadlessPreviewMixin, self).serve_preview(request, mode_name)

    def get_client_root_url(self, request: HttpRequest) -> str:
        return client_url(self.locale)

    def create_page_preview(self) -> PagePreview:
        """The plugin's, with the draft's digest signed into the token (so a token only ever
        opens the content it was made for)."""
        content = self.to_json()
        if self.pk is None:
            identifier = f"parent_id={self.get_parent().pk};page_type={self._meta.label}"
        else:
            identifier = f"id={self.pk}"
        token = self.get_preview_signer().sign(f"{identifier};sha256={content_digest(content)}")
        preview, _ = PagePreview.objects.update_or_create(
            token=token, defaults={"content_type": self.content_type, "content_json": content}
        )
        return preview


class PreviewError(Exception):
    """Why a preview request cannot be answered; `status` is the HTTP status to answer with."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


def preview_model(content_type: str) -> type[Page]:
    """The page model named `app_label.model`, if it is one that can be previewed."""
    if not CONTENT_TYPE_FORMAT.fullmatch(content_type):
        raise PreviewError("content_type must be a page type as app_label.model")
    try:
        model = apps.get_model(content_type)
    except (LookupError, ValueError) as error:
        raise PreviewError(f"unknown content_type: {content_type}", 404) from error
    if not (issubclass(model, Page) and issubclass(model, HeadlessPreviewPageMixin)):
        raise PreviewError(f"not a page type with previews: {content_type}", 404)
    return model


def preview_page(content_type: str, token: str) -> Page:
    """The draft stored under `token`, checked: signed by us, not expired, for a page of
    `content_type`, and with exactly the content the token was made for."""
    model = preview_model(content_type)
    if not token or len(token) > MAX_TOKEN_LENGTH:
        raise PreviewError("token must be a preview token")
    try:
        signed = model.get_preview_signer().unsign(token, max_age=preview_max_age())
    except signing.SignatureExpired as error:
        raise PreviewError("the preview token has expired: preview again", 403) from error
    except signing.BadSignature as error:
        raise PreviewError("invalid preview token", 403) from error
    identifier, _, digest = signed.rpartition(";sha256=")
    preview = PagePreview.objects.filter(
        content_type=ContentType.objects.get_for_model(model, for_concrete_model=False),
        token=token,
    ).first()
    if preview is None or not identifier:
        raise PreviewError("no preview of this content_type for this token", 404)
    if content_digest(preview.content_json) != digest:
        raise PreviewError("invalid preview token", 403)
    page = preview.as_page()
    if type(page) is not model or (page.pk is not None and identifier != f"id={page.pk}"):
        raise PreviewError("invalid preview token", 403)
    return page
