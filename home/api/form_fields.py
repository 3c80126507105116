"""A form page's `form_fields` in the API: what a front end needs to build the form and post it
to the submit endpoint (home/api/forms.py)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from wagtail.contrib.forms.forms import FormBuilder

from home.forms.types import CHOICE_TYPES

from .fields import ReadOnlyField


class FormFieldsAPIField(ReadOnlyField):
    """`form_fields`: what a front end needs to build the form and post it back."""

    def __init__(self, *args, honeypot: str, **kwargs) -> None:
        self.honeypot = honeypot
        super().__init__(*args, **kwargs)

    def get_attribute(self, instance: Any) -> Any:
        return instance

    def openapi_schema(self, components: Any) -> dict:
        from .openapi.components import STRING, obj

        field = obj(
            {
                "name": STRING,
                "label": STRING,
                "type": STRING,
                "required": {"type": "boolean"},
                "help_text": STRING,
                "choices": {"type": "array", "items": STRING},
                "default": STRING,
            }
        )
        return components.ref(
            "FormFields",
            lambda: obj(
                {
                    "submit_url": STRING,
                    "honeypot": STRING,
                    "fields": {"type": "array", "items": field},
                }
            ),
        )

    def to_representation(self, page: Any) -> dict:
        return {
            "submit_url": reverse("wagtailapi_v2:forms:submit", args=[page.pk]),
            "honeypot": self.honeypot,
            "fields": [describe_field(field) for field in page.get_form_fields()],
        }


def describe_field(field: Any) -> dict:
    builder = FormBuilder([])
    choices = field.field_type in CHOICE_TYPES
    return {
        "name": field.clean_name,
        "label": field.label,
        "type": field.field_type,
        "required": field.required,
        "help_text": field.help_text,
        "choices": [value for value, _ in builder.get_formatted_field_choices(field)]
        if choices
        else [],
        "default": field.default_value,
    }
