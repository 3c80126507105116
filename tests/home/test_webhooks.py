"""Webhooks (docs/api.md, "Webhooks"): subscriptions, signed JSON events sent in the background
by the database task backend's worker, retries with backoff, and the delivery log. Events go to
a real HTTP receiver on the loopback interface."""

from __future__ import annotations

import hashlib
import hmac
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django_tasks_db.models import DBTaskResult

from home.affected import affected_pages
from home.webhooks.models import WebhookDelivery, WebhookSubscription
from tests.background import Receiver, run_worker
from tests.factories import (
    OrganizationPageFactory,
    ParagraphBlockFactory,
    PartnerInstitutionFactory,
    PartnerProgramPageFactory,
    translate,
)

pytestmark = pytest.mark.django_db

SECRET = "s3cret"


@pytest.fixture
def receiver():
    with Receiver() as running:
        yield running


@pytest.fixture(autouse=True)
def fast_retries(settings):
    settings.WEBHOOKS_RETRY_BASE_SECONDS = 0.05
    settings.WEBHOOKS_TIMEOUT_SECONDS = 0.5
    settings.WEBHOOKS_MAX_ATTEMPTS = 3


@pytest.fixture
def subscription(receiver) -> WebhookSubscription:
    return WebhookSubscription.objects.create(
        url=receiver.url, secret=SECRET, events=["page.published", "partner.changed"]
    )


def verify(secret: str, headers: dict, body: bytes) -> bool:
    """What a receiver does (the snippet in docs/api.md)."""
    message = headers["X-Webhook-Timestamp"].encode() + b"." + body
    expected = "sha256=" + hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, headers["X-Webhook-Signature"])


def publish(page) -> None:
    page.save_revision().publish()


def test_publishing_sends_one_signed_event_in_the_background(
    organisation, subscription, receiver, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        publish(organisation)
    # Publishing only queued it: nothing was sent yet.
    assert receiver.requests == []
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == "pending"

    run_worker()

    [request] = receiver.requests
    assert verify(SECRET, request["headers"], request["body"])
    assert not verify("wrong", request["headers"], request["body"])
    assert request["headers"]["X-Webhook-Event"] == "page.published"
    assert request["headers"]["X-Webhook-Delivery"] == str(delivery.pk)
    payload = json.loads(request["body"])
    assert payload["event"] == "page.published"
    assert payload["object"]["id"] == organisation.pk
    assert payload["object"]["type"] == "organizations.OrganizationPage"
    assert payload["object"]["locale"] == "en"
    assert payload["object"]["api_url"].endswith(f"/api/v2/pages/{organisation.pk}/")
    assert payload["object"]["url"] == organisation.get_full_url()
    assert payload["timestamp"]
    affected = {page["id"] for page in payload["affected_pages"]}
    chinese = organisation.get_translation(organisation.get_parent().get_translations()[0].locale)
    # The page, its translation, the index pages above them and both home pages.
    assert {organisation.pk, chinese.pk, organisation.get_parent().pk} <= affected
    # What to purge: the same URLs the site purges from its own cache and its CDN.
    purge = set(payload["purge_urls"])
    assert {organisation.get_full_url(), chinese.get_full_url()} <= purge
    assert payload["object"]["api_url"] in purge
    assert any(url.endswith("/api/v2/pages/") for url in purge)
    assert any(url.endswith("/sitemap.xml") for url in purge)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.response_status) == ("succeeded", 1, 200)


def test_a_failing_receiver_is_retried_with_backoff_and_logged(
    organisation, subscription, receiver, django_capture_on_commit_callbacks
):
    receiver.answers = [500, "slow"]  # an error, then a timeout, then 200
    with django_capture_on_commit_callbacks(execute=True):
        publish(organisation)
    delivery = WebhookDelivery.objects.get()

    run_worker(until=lambda: len(receiver.requests) >= 1)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.response_status) == ("pending", 1, 500)
    assert "500" in delivery.last_error
    # The retry waits: it is queued for later, not ready at once.
    retry = DBTaskResult.objects.filter(status="READY").get()
    assert retry.run_after is not None

    run_worker(until=lambda: WebhookDelivery.objects.get().status != "pending")
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.response_status) == ("succeeded", 3, 200)
    assert len(receiver.requests) == 3
    bodies = {request["body"] for request in receiver.requests}
    assert len(bodies) == 1  # the same event each time, re-signed


def test_a_receiver_that_stays_down_fails_after_the_last_attempt(
    organisation, subscription, receiver, django_capture_on_commit_callbacks
):
    receiver.server.shutdown()
    receiver.server.server_close()  # nothing listens any more: connection refused
    with django_capture_on_commit_callbacks(execute=True):
        publish(organisation)
    run_worker(until=lambda: WebhookDelivery.objects.get().status != "pending")
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_status) == ("failed", 3, None)
    assert "Connection refused" in delivery.last_error or "Error" in delivery.last_error


def test_events_locales_and_inactive_subscriptions_filter_deliveries(
    receiver, organisation, chinese, django_capture_on_commit_callbacks
):
    WebhookSubscription.objects.create(url=receiver.url, events=["page.unpublished"])
    WebhookSubscription.objects.create(url=receiver.url, events=["page.published"], active=False)
    chinese_only = WebhookSubscription.objects.create(
        url=receiver.url, events=["page.published", "translation.published"], locale=chinese
    )
    with django_capture_on_commit_callbacks(execute=True):
        publish(organisation)
        publish(organisation.get_translation(chinese))
    assert sorted(
        WebhookDelivery.objects.filter(subscription=chinese_only).values_list("event", flat=True)
    ) == ["page.published", "translation.published"]
    assert WebhookDelivery.objects.count() == 2


def test_unpublish_move_and_delete_are_events(
    receiver, organisation, organization_index, home_en, django_capture_on_commit_callbacks
):
    WebhookSubscription.objects.create(
        url=receiver.url, events=["page.unpublished", "page.moved", "page.deleted"]
    )
    page = OrganizationPageFactory(parent=organization_index)
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
        page.move(home_en, pos="last-child")
        page.refresh_from_db()
        page.delete()
    events = list(WebhookDelivery.objects.order_by("pk").values_list("event", flat=True))
    assert events == ["page.unpublished", "page.moved", "page.deleted"]
    moved = WebhookDelivery.objects.get(event="page.moved").payload
    # The old parent's listing changes too.
    assert organization_index.pk in {item["id"] for item in moved["affected_pages"]}
    assert moved["previous_url_path"]


def test_partner_changes_reach_the_pages_that_show_them(
    program_index, subscription, django_capture_on_commit_callbacks
):
    partner = PartnerInstitutionFactory()
    program = PartnerProgramPageFactory(parent=program_index, partner_institutions=[partner])
    WebhookDelivery.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        partner.name = "Renamed University"
        partner.save()
    delivery = WebhookDelivery.objects.get(event="partner.changed")
    assert delivery.payload["object"]["type"] == "programs.PartnerInstitution"
    assert delivery.payload["object"]["api_url"].endswith(f"/api/v2/partners/{partner.pk}/")
    assert program.pk in {item["id"] for item in delivery.payload["affected_pages"]}
    assert program in affected_pages(partner)
    assert program.get_full_url() in delivery.payload["purge_urls"]
    assert delivery.payload["object"]["api_url"] in delivery.payload["purge_urls"]


def test_affected_pages_include_pages_linking_to_the_page(organisation, organization_index):
    linking = OrganizationPageFactory(
        parent=organization_index,
        body=[
            (
                "paragraph",
                ParagraphBlockFactory(
                    value=f'<p><a linktype="page" id="{organisation.pk}">see</a></p>'
                ),
            )
        ],
    )
    linking.save_revision().publish()
    assert linking.pk in {page.pk for page in affected_pages(organisation)}


def test_a_broken_event_never_breaks_publishing(
    organisation, subscription, monkeypatch, django_capture_on_commit_callbacks
):
    def broken(obj):
        raise RuntimeError("boom")

    monkeypatch.setattr("home.webhooks.events.affected_pages", broken)
    with django_capture_on_commit_callbacks(execute=True):
        publish(organisation)
    organisation.refresh_from_db()
    assert organisation.live
    assert not WebhookDelivery.objects.exists()


def test_management_command_adds_lists_and_removes(receiver):
    out = io.StringIO()
    call_command(
        "webhooks", "add", receiver.url, "--secret", "abc", "--event", "page.published", stdout=out
    )
    subscription = WebhookSubscription.objects.get()
    assert (subscription.secret, subscription.events) == ("abc", ["page.published"])
    call_command("webhooks", "add", "http://127.0.0.1:9/all", stdout=out)
    assert "partner.changed" in WebhookSubscription.objects.last().events
    listing = io.StringIO()
    call_command("webhooks", "list", stdout=listing)
    assert receiver.url in listing.getvalue() and "/all" in listing.getvalue()
    call_command("webhooks", "remove", str(subscription.pk), stdout=out)
    assert WebhookSubscription.objects.count() == 1
    with pytest.raises(CommandError):
        call_command("webhooks", "add", "ftp://example.org/", stdout=out)
    with pytest.raises(CommandError):
        call_command("webhooks", "add", receiver.url, "--event", "nope", stdout=out)
    with pytest.raises(CommandError):
        call_command("webhooks", "remove", "999999", stdout=out)


def test_translated_page_signals_translation_published(
    receiver, organization_index, chinese, django_capture_on_commit_callbacks
):
    WebhookSubscription.objects.create(url=receiver.url, events=["translation.published"])
    page = OrganizationPageFactory(parent=organization_index)
    with django_capture_on_commit_callbacks(execute=True):
        publish(page)  # the English source: not a translation
        translate(page, chinese)
    [delivery] = WebhookDelivery.objects.all()
    assert delivery.payload["object"]["locale"] == "zh-hans"


def test_admin_manages_subscriptions_and_reads_the_log(admin_client, receiver):
    response = admin_client.get("/admin/webhooks/new/")
    assert response.status_code == 200
    response = admin_client.post(
        "/admin/webhooks/new/",
        {
            "url": receiver.url,
            "secret": "abc",
            "events": ["page.published", "partner.changed"],
            "locale": "",
            "active": "on",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    subscription = WebhookSubscription.objects.get()
    assert subscription.events == ["page.published", "partner.changed"]
    response = admin_client.post(
        f"/admin/webhooks/edit/{subscription.pk}/",
        {"url": "javascript:alert(1)", "secret": "abc", "events": ["page.published"]},
    )
    assert response.status_code == 200  # refused, the form again
    subscription.refresh_from_db()
    assert subscription.url == receiver.url

    delivery = WebhookDelivery.objects.create(
        subscription=subscription,
        event="page.published",
        payload={"event": "page.published"},
        status="failed",
        attempts=5,
        last_error="HTTP 500 Internal Server Error",
    )
    listing = admin_client.get("/admin/webhook_deliveries/")
    assert listing.status_code == 200
    assert b"page.published" in listing.content
    inspect = admin_client.get(f"/admin/webhook_deliveries/inspect/{delivery.pk}/")
    assert inspect.status_code == 200
    assert b"HTTP 500 Internal Server Error" in inspect.content
    # Read only: no adding or editing log entries.
    assert admin_client.get("/admin/webhook_deliveries/new/").status_code in (302, 403)
    assert admin_client.get(f"/admin/webhook_deliveries/edit/{delivery.pk}/").status_code in (
        302,
        403,
    )
    # Not for anonymous visitors.
    assert Client().get("/admin/webhook_deliveries/").status_code == 302


def test_plain_db_worker_runs_the_webhook_backend():
    """`python manage.py db_worker` (what `make run` and the README start) works on the backend
    deliveries are queued on, not on Wagtail's immediate default."""
    from home.management.commands.db_worker import Command

    options = Command().create_parser("manage.py", "db_worker").parse_args([])
    assert options.backend_name == "background"


def test_a_redirect_is_a_failed_attempt_not_followed(
    organisation, subscription, receiver, django_capture_on_commit_callbacks
):
    receiver.answers = [302]
    with django_capture_on_commit_callbacks(execute=True):
        publish(organisation)
    run_worker(until=lambda: len(receiver.requests) >= 1)
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.response_status) == ("pending", 302)
    assert len(receiver.requests) == 1
