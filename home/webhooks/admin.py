"""Settings → Webhooks (subscriptions) and Settings → Webhook deliveries (the log, read only).

Both need the model permissions (superusers have them); the log can be read and never edited.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from .events import event_choices
from .models import WebhookDelivery, WebhookSubscription


class WebhookSubscriptionForm(WagtailAdminModelForm):
    # Events are stored as a JSON list; editors tick them.
    events = forms.MultipleChoiceField(
        label=pgettext_lazy("webhook", "Events"),
        choices=event_choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The events this receiver is sent."),
    )


class WebhookSubscriptionViewSet(ModelViewSet):
    model = WebhookSubscription
    icon = "link-external"
    menu_label = _("Webhooks")
    add_to_settings_menu = True
    copy_view_enabled = False
    list_display = ["url", "active", "locale", "created_at"]
    list_filter = ["active"]
    edit_handler = ObjectList(
        [
            FieldPanel("url"),
            FieldPanel("secret"),
            FieldPanel("events"),
            FieldPanel("locale"),
            FieldPanel("active"),
        ],
        base_form_class=WebhookSubscriptionForm,
    )


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """The model's permissions, less adding and changing: a log is only read (or cleared)."""

    def user_has_permission(self, user, action: str) -> bool:
        return action not in ("add", "change") and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions) -> bool:
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action: str, instance) -> bool:
        return self.user_has_permission(user, action)


class WebhookDeliveryViewSet(ModelViewSet):
    model = WebhookDelivery
    icon = "list-ul"
    menu_label = _("Webhook deliveries")
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    form_fields = []  # never edited (see ReadOnlyPermissionPolicy)
    list_display = ["event", "subscription", "status", "attempts", "response_status", "updated_at"]
    list_filter = ["status", "event"]
    inspect_view_fields = [
        "subscription",
        "event",
        "status",
        "attempts",
        "response_status",
        "last_error",
        "created_at",
        "updated_at",
        "payload",
    ]
