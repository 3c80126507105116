"""Sending a delivery: the signed POST, and the background task that retries it with backoff.

The task runs on the `WEBHOOKS_TASK_BACKEND` backend (django-tasks-db by default: deliveries are
stored in the database and a worker, `python manage.py db_worker`, sends them). A failed
attempt (an error, a timeout, any answer but 2xx) is recorded on the delivery and retried after
`WEBHOOKS_RETRY_BASE_SECONDS` × 2^(attempt-1) seconds, until `WEBHOOKS_MAX_ATTEMPTS`.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import urllib.error
import urllib.request
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from .models import WebhookDelivery

SIGNATURE_HEADER = "X-Webhook-Signature"
TIMESTAMP_HEADER = "X-Webhook-Timestamp"
MAX_ERROR_LENGTH = 2000


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is reported as the answer (a failed attempt), not followed: urllib would
    turn the POST into a GET without the signed body."""

    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirects)


def sign(secret: str, timestamp: str, body: bytes) -> str:
    """`sha256=<hex>` of HMAC-SHA256(secret, "<timestamp>.<body>")."""
    message = timestamp.encode() + b"." + body
    digest = hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def encode(payload: dict) -> bytes:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()


def post(delivery: WebhookDelivery) -> int:
    """POST the delivery once; the receiver's status, or an exception when there is none."""
    body = encode(delivery.payload)
    timestamp = str(int(time.time()))
    request = urllib.request.Request(
        delivery.subscription.url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json; charset=utf-8",
            "User-Agent": f"{settings.WAGTAIL_SITE_NAME} webhooks",
            "X-Webhook-Event": delivery.event,
            "X-Webhook-Delivery": str(delivery.pk),
            TIMESTAMP_HEADER: timestamp,
            SIGNATURE_HEADER: sign(delivery.subscription.secret, timestamp, body),
        },
    )
    timeout = float(getattr(settings, "WEBHOOKS_TIMEOUT_SECONDS", 5))
    # The URL is http(s) only (validated on the subscription).
    with _opener.open(request, timeout=timeout) as response:
        return response.status


def retry_delay(attempts: int) -> float:
    base = float(getattr(settings, "WEBHOOKS_RETRY_BASE_SECONDS", 30))
    return base * 2 ** (attempts - 1)


def attempt(delivery: WebhookDelivery) -> bool:
    """One attempt, recorded on the delivery; True when another attempt should follow."""
    delivery.attempts += 1
    try:
        delivery.response_status = post(delivery)
        error = ""
    except urllib.error.HTTPError as exc:
        delivery.response_status = exc.code
        error = f"HTTP {exc.code} {exc.reason}"
    except (OSError, ValueError) as exc:  # refused, unreachable, timeout, bad URL
        delivery.response_status = None
        error = f"{type(exc).__name__}: {exc}"
    if not error and not 200 <= delivery.response_status < 300:
        error = f"HTTP {delivery.response_status}"
    delivery.last_error = error[:MAX_ERROR_LENGTH]
    max_attempts = int(getattr(settings, "WEBHOOKS_MAX_ATTEMPTS", 5))
    if not error:
        delivery.status = WebhookDelivery.Status.SUCCEEDED
    elif delivery.attempts >= max_attempts:
        delivery.status = WebhookDelivery.Status.FAILED
    delivery.save(
        update_fields=["attempts", "response_status", "last_error", "status", "updated_at"]
    )
    return delivery.status == WebhookDelivery.Status.PENDING


@task(backend=getattr(settings, "WEBHOOKS_TASK_BACKEND", "default"))
def deliver(delivery_id: int) -> str:
    """The background task: one attempt, then the next one scheduled if it failed."""
    delivery = WebhookDelivery.objects.select_related("subscription").filter(pk=delivery_id).first()
    if delivery is None or delivery.status != WebhookDelivery.Status.PENDING:
        return "skipped"
    if attempt(delivery):
        enqueue(delivery.pk, delay=retry_delay(delivery.attempts))
    return delivery.status


def enqueue(delivery_id: int, delay: float = 0) -> None:
    """Queue a delivery attempt, `delay` seconds from now at the earliest."""
    if delay:
        run_after = timezone.now() + timedelta(seconds=delay)
        deliver.using(run_after=run_after).enqueue(delivery_id)
    else:
        deliver.enqueue(delivery_id)
