"""`POST /api/v2/forms/<id>/submit/`: a submission of a form page, as JSON (the form's fields
are described in the page's detail, home/api/form_fields.py).

The submit endpoint is CSRF-exempt: it reads only `application/json` bodies (anything else is a
415), which a cross-site HTML form cannot send and a cross-site script can send only after a
CORS preflight that only `CORS_ALLOWED_ORIGINS` pass; and it ignores cookies, so a forged
request could do nothing a visitor cannot do by hand. It shares the page's validation, honeypot
and rate limit (home/forms/spam.py).
"""

from __future__ import annotations

import json
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, JsonResponse
from django.urls import path
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.datastructures import MultiValueDict
from django.views.decorators.csrf import csrf_exempt
from wagtail.contrib.forms.models import FormMixin, FormSubmission
from wagtail.models import Page

from home.forms.spam import TOO_MANY_SUBMISSIONS, Outcome, receive

from .filters import MAX_INTEGER


def error(status: int, message: str) -> JsonResponse:
    return JsonResponse({"message": str(message)}, status=status)


def form_data(body: Any, known: set[str]) -> tuple[MultiValueDict | None, dict]:
    """The JSON object as the form's POST data, or None and the errors of its shape: values
    are strings, numbers, booleans or null, or lists of strings for multiple choices."""
    data, errors = MultiValueDict(), {}
    for name, value in body.items():
        if name not in known:
            errors[name] = [translation.gettext("Unknown field.")]
        elif isinstance(value, list) and all(isinstance(item, str) for item in value):
            data.setlist(name, value)
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        elif value is None:
            data[name] = ""
        elif isinstance(value, str | int | float):
            data[name] = str(value)
        else:
            errors[name] = [translation.gettext("Enter a text, a number or a list of texts.")]
    return (None if errors else data), errors


def visible_form_page(pk: int) -> Any:
    if pk > MAX_INTEGER:
        return None
    page = Page.objects.live().public().filter(pk=pk).specific().first()
    return page if isinstance(page, FormMixin) else None


@csrf_exempt
def submit(request: HttpRequest, pk: int) -> JsonResponse:
    """One submission of form page `pk`, in the page's language: 201 `{"status": "received"}`,
    or 400 `{"errors": {field: [messages]}}`, 429 or another `{"message": …}` error."""
    response = _submit(request, pk)
    add_never_cache_headers(response)
    return response


def _submit(request: HttpRequest, pk: int) -> JsonResponse:
    if request.method != "POST":
        response = error(405, "only POST")
        response["Allow"] = "POST"
        return response
    page = visible_form_page(pk)
    if page is None:
        return error(404, "not found")
    if request.content_type != "application/json":
        return error(415, "send the submission as application/json")
    try:
        body = json.loads(request.body)
    except RequestDataTooBig:
        return error(413, "submission too large")
    except (ValueError, RecursionError):  # including bad UTF-8
        return error(400, "malformed JSON")
    if not isinstance(body, dict):
        return error(400, "the submission must be a JSON object of field names and values")

    with translation.override(page.locale.language_code):
        form = page.get_form(page=page, user=AnonymousUser())
        data, errors = form_data(body, set(form.fields))
        if data is None:
            return JsonResponse({"errors": errors}, status=400)
        form = page.get_form(data, page=page, user=AnonymousUser())
        outcome = receive(page, form, request)
        if outcome is Outcome.LIMITED:
            return error(429, TOO_MANY_SUBMISSIONS)
        if outcome is Outcome.INVALID:
            errors = {
                name: [item["message"] for item in items]
                for name, items in form.errors.get_json_data().items()
            }
            return JsonResponse({"errors": errors}, status=400)
    return JsonResponse({"status": "received"}, status=201)


class FormSubmissionEndpoint:
    """Registered with the API router as `forms` (home/wagtail_hooks.py)."""

    model = FormSubmission

    @classmethod
    def get_urlpatterns(cls) -> list:
        return [path("<int:pk>/submit/", submit, name="submit")]

    @classmethod
    def openapi_paths(cls, generator: Any, name: str) -> dict:
        from .openapi.components import obj

        answer = {
            "anyOf": [
                {"type": "string"},
                {"type": "number"},
                {"type": "boolean"},
                {"type": "array", "items": {"type": "string"}},
            ]
        }
        errors = obj(
            {
                "errors": {
                    "type": "object",
                    "additionalProperties": {"type": "array", "items": {"type": "string"}},
                }
            }
        )
        json_body = {
            "application/json": {"schema": {"type": "object", "additionalProperties": answer}}
        }
        responses = generator.responses(
            {
                "201": {
                    "description": "Received",
                    "content": {
                        "application/json": {"schema": obj({"status": {"const": "received"}})}
                    },
                },
                "400": {
                    "description": "Field errors in the page's language, or malformed JSON",
                    "content": {
                        "application/json": {
                            "schema": {"oneOf": [errors, generator.components.error()]}
                        }
                    },
                },
            },
            404,
            405,
            413,
            415,
            429,
        )
        operation = {
            "operationId": "form_submit",
            "summary": "Send a form page's form: field names (`form_fields[].name`) to answers",
            "tags": [name],
            "parameters": [
                {
                    "name": "id",
                    "in": "path",
                    "required": True,
                    "schema": {"type": "integer", "minimum": 0},
                }
            ],
            "requestBody": {"required": True, "content": json_body},
            "responses": responses,
        }
        return {"{id}/submit/": {"post": operation}}
