"""Translation overrides: the non-text values of a translation (link targets, image and
document ids) that wagtail-localize lets a translator replace. They are checked whenever one
is saved, whoever saves it, because the target page is published from them as they are."""

from __future__ import annotations

import json
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext
from wagtail_localize.models import OverridableSegment, SegmentOverride
from wagtail_localize.views.edit_translation import edit_override as localize_edit_override

from home.rich_text import entity_id
from home.safe_urls import validate_safe_url


def check_override(sender: type, instance: SegmentOverride, **kwargs: Any) -> None:
    """pre_save: an override must be a safe link target, and an id where the source has one."""
    value = json.loads(instance.data_json)
    source = OverridableSegment.objects.filter(context_id=instance.context_id).first()
    if source is not None and isinstance(source.data, int):
        if entity_id(value) is None:
            raise ValidationError(gettext("Choose an item; this value is not one."), code="not_id")
    elif isinstance(value, str):
        validate_safe_url(value)


def edit_override(
    request: HttpRequest, translation_id: int, overridable_segment_id: int
) -> HttpResponse:
    """wagtail-localize's override endpoint, answering a refused value with a 400 and its
    reason instead of a server error."""
    try:
        return localize_edit_override(
            request, translation_id=translation_id, overridable_segment_id=overridable_segment_id
        )
    except ValidationError as error:
        return JsonResponse({"value": error.messages}, status=400)
