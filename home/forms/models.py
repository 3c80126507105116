"""The form page and its fields (imported by home/models.py, so they belong to `home`).

Translation: `FormField` is a `TranslatableMixin` child of the page, so wagtail-localize
extracts each field's label, help text, choices and default value as segments of the page and
copies the rows into the translation; `clean_name` is synchronised, so a field keeps its name
in every language and the submissions of both pages line up column by column.
"""

from __future__ import annotations

import logging
import smtplib

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.forms.forms import FormBuilder as WagtailFormBuilder
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.api.form_fields import FormFieldsAPIField
from home.headless_preview import HeadlessPreviewPageMixin
from home.i18n.synchronised import synchronised_page_fields
from home.panels import tabbed
from home.routing import RoutedPageMixin
from home.safe_urls import UNSAFE_URL_MESSAGE, is_safe_url, validate_safe_url
from home.search.terms import bilingual_search_fields

from .spam import HONEYPOT_FIELD, TOO_MANY_SUBMISSIONS, Outcome, honeypot_field, receive
from .types import CHOICE_TYPES

logger = logging.getLogger(__name__)


class FormBuilder(WagtailFormBuilder):
    """Wagtail's form builder, with links limited to safe schemes and a honeypot field."""

    def create_date_field(self, field, options):
        # The browser's date picker; it sends ISO dates, which Django reads in any language.
        options.setdefault("widget", forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
        return super().create_date_field(field, options)

    def create_datetime_field(self, field, options):
        widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
        options.setdefault("widget", widget)
        return super().create_datetime_field(field, options)

    def create_url_field(self, field, options):
        url_field = super().create_url_field(field, options)
        url_field.validators.append(validate_safe_url)
        return url_field

    @property
    def formfields(self):
        fields = super().formfields
        fields[HONEYPOT_FIELD] = honeypot_field()
        return fields


class FormField(TranslatableMixin, AbstractFormField):
    """One question of a form page, in the page's language."""

    page = ParentalKey("home.FormPage", on_delete=models.CASCADE, related_name="form_fields")

    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("help_text"),
        TranslatableField("choices"),
        TranslatableField("default_value"),
        # The name keys the stored answers: the same in every language.
        SynchronizedField("clean_name"),
        SynchronizedField("field_type"),
        SynchronizedField("required"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("form field")
        verbose_name_plural = _("form fields")

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.field_type in CHOICE_TYPES and not self.choices.strip():
            errors["choices"] = _("List the choices, one per line.")
        if (self.clean_name or self.get_field_clean_name()) == HONEYPOT_FIELD:
            errors["label"] = _("This label is reserved by the site. Please choose another.")
        if self.field_type == "url" and not is_safe_url(self.default_value):
            errors["default_value"] = UNSAFE_URL_MESSAGE
        if errors:
            raise ValidationError(errors)


class FormPage(RoutedPageMixin, HeadlessPreviewPageMixin, AbstractEmailForm):
    """A form visitors fill in (contact, expression of interest): its answers are kept and
    listed under Forms in the admin, and optionally e-mailed."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
        help_text=_("Shown above the form: what it is for and what happens next."),
    )
    thank_you_text = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown once a visitor has sent the form."),
    )

    form_builder = FormBuilder

    # Addresses are the same in every language; the subject is translated.
    override_translatable_fields = synchronised_page_fields("to_address", "from_address")

    search_fields = bilingual_search_fields(Page.search_fields + [index.SearchField("intro")])
    api_fields = [
        APIField("intro"),
        APIField("thank_you_text"),
        APIField("form_fields", serializer=FormFieldsAPIField(honeypot=HONEYPOT_FIELD)),
    ]
    # One query per page for its fields: in a page's detail only (see home/api/views.py).
    api_detail_only_fields = ["form_fields"]

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Form fields"), min_num=1),
        FieldPanel("thank_you_text"),
    ]
    details_panels = [
        FormSubmissionsPanel(),
        MultiFieldPanel(
            [
                FieldPanel("to_address"),
                FieldRowPanel(
                    [
                        FieldPanel("from_address", help_text=_("Empty: the site's own address.")),
                        FieldPanel(
                            "subject", help_text=_("Empty: “New submission: <page title>”.")
                        ),
                    ]
                ),
            ],
            heading=_("Notification e-mail"),
            help_text=_("Leave the addresses empty to keep submissions in the admin only."),
        ),
    ]

    edit_handler = tabbed(content_panels, details_panels)

    # Site-wide forms (contact, expressions of interest) hang off the home page: the section
    # pages list only their own kind of page, and `home` cannot name other apps' page types.
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("form page")

    def clean(self) -> None:
        super().clean()
        errors = {}
        if (self.from_address or self.subject) and not self.to_address:
            errors["to_address"] = _(
                "Give an address to send to, or leave the sender and subject empty."
            )
        if "\n" in self.subject or "\r" in self.subject:
            errors["subject"] = _("Write the subject on one line.")
        if errors:
            raise ValidationError(errors)

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["honeypot"] = HONEYPOT_FIELD
        return context

    def send_mail(self, form: forms.Form) -> None:
        if not self.subject:
            self.subject = gettext("New submission: %(title)s") % {"title": self.title}
        try:
            super().send_mail(form)
        except (OSError, smtplib.SMTPException):
            # The submission is stored already: the visitor is thanked, the editors can read it
            # in the admin, and the failure is logged for whoever looks after the mail server.
            logger.exception("Could not e-mail a submission of form page %s", self.pk)

    def serve(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method != "POST":
            return super().serve(request, *args, **kwargs)
        form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        outcome = receive(self, form, request)
        if outcome in (Outcome.STORED, Outcome.DISCARDED):
            return self.render_landing_page(request, *args, **kwargs)
        status = 200
        if outcome is Outcome.LIMITED:
            form.add_error(None, TOO_MANY_SUBMISSIONS)
            status = 429
        context = self.get_context(request)
        context["form"] = form
        return TemplateResponse(request, self.get_template(request), context, status=status)
