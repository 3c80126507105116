"""Admin additions of `home`: the "Translation status" report (Reports menu; the view is in
`home/i18n/translation_report.py`) with its "Sync and translate" action (`home/i18n/sync.py`),
no new pages outside English (`home/i18n/new_pages.py`), rich-text links that survive a bad
stored id, the API's form-submission endpoint, and Settings → Webhooks with its delivery log
(`home/webhooks/admin.py`)."""

from django.urls import path, reverse
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy

from .api.forms import FormSubmissionEndpoint
from .i18n import new_pages, overrides, sync
from .i18n.translation_report import TranslationStatusMenuItem, TranslationStatusReportView
from .rich_text import links as rich_text_links
from .webhooks.admin import (
    ReadOnlyPermissionPolicy,
    WebhookDeliveryViewSet,
    WebhookSubscriptionViewSet,
)
from .webhooks.models import WebhookDelivery

register_permission_policy(WebhookDelivery, ReadOnlyPermissionPolicy(WebhookDelivery))


@hooks.register("register_admin_viewset")
def register_webhook_viewsets() -> list:
    return [
        WebhookSubscriptionViewSet("webhooks"),
        WebhookDeliveryViewSet("webhook_deliveries"),
    ]


@hooks.register("register_admin_urls")
def register_home_admin_urls() -> list:
    return [
        # wagtail-localize's own path, matched here first, so overrides are checked.
        path(
            "localize/translate/<int:translation_id>/overrides/<int:overridable_segment_id>/edit/",
            overrides.edit_override,
        ),
        path(
            "reports/translation-status/",
            TranslationStatusReportView.as_view(),
            name="home_translation_status",
        ),
        path(
            "reports/translation-status/results/",
            TranslationStatusReportView.as_view(results_only=True),
            name="home_translation_status_results",
        ),
        path(
            "reports/translation-status/sync/<int:translation_id>/",
            sync.sync_and_translate,
            name="home_sync_and_translate",
        ),
    ]


# New pages start in English and are translated from there.
hooks.register("before_create_page", new_pages.refuse_outside_source_locale)
# order=-1: before wagtail-localize's hook, which answers with its translation editor.
hooks.register("before_edit_page", sync.warn_if_outdated, order=-1)


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item() -> MenuItem:
    return TranslationStatusMenuItem(
        pgettext_lazy("translation status", "Translation status"),
        reverse("home_translation_status"),
        name="translation-status",
        icon_name="site",
        order=9100,
    )


# order=1: after Wagtail's own registrations of the same link types, which these replace.
@hooks.register("register_rich_text_features", order=1)
def register_safe_rich_text_links(features) -> None:
    features.register_link_type(rich_text_links.SafePageLinkHandler)
    features.register_link_type(rich_text_links.SafeDocumentLinkHandler)
    features.register_converter_rule("contentstate", "link", rich_text_links.LINK_RULE)
    features.register_converter_rule(
        "contentstate", "document-link", rich_text_links.DOCUMENT_LINK_RULE
    )


@hooks.register("register_api_endpoints")
def register_form_submission_endpoint(router) -> None:
    router.register_endpoint("forms", FormSubmissionEndpoint)
