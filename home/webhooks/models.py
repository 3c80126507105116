"""Webhook subscriptions (what to send where) and the delivery log (what was sent, how it went)."""

from __future__ import annotations

from django.core.validators import URLValidator
from django.db import models
from django.utils.crypto import get_random_string
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


def new_secret() -> str:
    return get_random_string(40)


class WebhookSubscription(models.Model):
    """A receiver: its URL, the secret that signs what it is sent, and the events it wants."""

    url = models.URLField(
        _("target URL"),
        max_length=500,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_("Where events are sent, as a JSON POST (http or https)."),
    )
    secret = models.CharField(
        _("secret"),
        max_length=200,
        default=new_secret,
        help_text=_("Shared with the receiver, which checks each event's signature with it."),
    )
    # A list of event names (see home/webhooks/events.py); JSON, so SQLite stores it too.
    events = models.JSONField(
        pgettext_lazy("webhook", "events"),
        default=list,
        help_text=_("The events this receiver is sent."),
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale",
        verbose_name=_("language"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        help_text=_("Only events about content in this language; all languages when empty."),
    )
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("webhook")
        verbose_name_plural = _("webhooks")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.url

    def wants(self, event: str, locale_id: int | None) -> bool:
        if not self.active or event not in self.events:
            return False
        return self.locale_id is None or locale_id is None or self.locale_id == locale_id


class WebhookDelivery(models.Model):
    """One event for one subscription, and how its delivery went (the delivery log)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SUCCEEDED = "succeeded", _("Succeeded")
        FAILED = "failed", _("Failed")

    subscription = models.ForeignKey(
        WebhookSubscription,
        verbose_name=_("webhook"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    event = models.CharField(pgettext_lazy("webhook", "event"), max_length=60)
    payload = models.JSONField(_("payload"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    response_status = models.PositiveSmallIntegerField(_("response status"), null=True)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-pk"]

    def __str__(self) -> str:
        return f"{self.event} → {self.subscription.url}"
