"""`manage.py webhooks add URL [--secret S] [--event E …] [--locale CODE]`, `webhooks list`,
`webhooks remove ID`: the same subscriptions as Settings → Webhooks, for scripts."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from home.webhooks.events import event_choices
from home.webhooks.models import WebhookSubscription


class Command(BaseCommand):
    help = "Add, list or remove webhook subscriptions."

    def add_arguments(self, parser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        add = actions.add_parser("add", help="Subscribe a URL (to every event by default).")
        add.add_argument("url")
        add.add_argument("--secret", help="The signing secret (a random one by default).")
        add.add_argument(
            "--event", action="append", dest="events", help="An event; repeat for several."
        )
        add.add_argument("--locale", help="Only content in this language, e.g. zh-hans.")
        actions.add_parser("list", help="List the subscriptions.")
        remove = actions.add_parser("remove", help="Remove a subscription.")
        remove.add_argument("id", type=int)

    def handle(self, *args, action: str, **options) -> None:
        getattr(self, action)(**options)

    def add(self, url: str, secret: str | None, events: list | None, locale: str | None, **_):
        known = [name for name, _label in event_choices()]
        unknown = sorted(set(events or ()) - set(known))
        if unknown:
            raise CommandError(f"unknown events: {', '.join(unknown)}; known: {', '.join(known)}")
        subscription = WebhookSubscription(url=url, events=events or known)
        if secret:
            subscription.secret = secret
        if locale:
            subscription.locale = Locale.objects.filter(language_code=locale).first()
            if subscription.locale is None:
                raise CommandError(f"unknown locale: {locale}")
        try:
            subscription.full_clean()
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        subscription.save()
        self.stdout.write(f"{subscription.pk}\t{subscription.url}\tsecret: {subscription.secret}")

    def list(self, **_):
        for sub in WebhookSubscription.objects.select_related("locale"):
            locale = sub.locale.language_code if sub.locale else "all"
            state = "active" if sub.active else "inactive"
            self.stdout.write(f"{sub.pk}\t{sub.url}\t{state}\t{locale}\t{','.join(sub.events)}")

    def remove(self, id: int, **_):
        deleted, _rows = WebhookSubscription.objects.filter(pk=id).delete()
        if not deleted:
            raise CommandError(f"no webhook {id}")
        self.stdout.write(f"removed webhook {id}")
