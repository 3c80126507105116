"""Build the demo site: English content from each app's `demo_content.toml`, then its Chinese
translation through wagtail-localize.

An app takes part by shipping a `demo_content.toml`. Apps are loaded in the order of
`settings.PROJECT_APPS` (dependencies first) and only if they are installed, so an app can be
removed without touching this command. Running the command again creates nothing and changes
nothing.

`--serve-at HOST:PORT` gives the default site the address the demo is served at, so the
absolute links of the API (`html_url`), the sitemap and the feeds lead there.
"""

import time
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision, Site
from wagtail_localize.models import Translation

from home.demo.build import DemoBuild, DemoError, deferred_indexing
from home.demo.content import FILE_NAME, DemoContent, find_home, finish_home


class Command(BaseCommand):
    help = "Build the demo site from each app's demo_content.toml, in English and Chinese."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--serve-at",
            metavar="HOST:PORT",
            type=host_and_port,
            help="The address the demo is served at, e.g. 127.0.0.1:8000 (default: localhost).",
        )

    def handle(self, *args, **options) -> None:
        started = time.monotonic()
        if options["serve_at"]:
            site = Site.objects.get(is_default_site=True)
            site.hostname, site.port = options["serve_at"]
            site.save()  # not update(): saving clears Wagtail's cache of the sites' root paths
        build = DemoBuild(stdout=self.stdout, verbosity=options["verbosity"])
        configs = {config.name: config for config in apps.get_app_configs()}
        try:
            contents = [
                DemoContent(configs[name])
                for name in settings.PROJECT_APPS
                if name in configs and (Path(configs[name].path) / FILE_NAME).exists()
            ]
            for content in contents:
                build.glossary.learn(content.data)
            with transaction.atomic(), deferred_indexing():
                build.home = find_home()
                build.pages.append(build.home)
                for content in contents:
                    build.log(f"Loading {content.app.label}", level=1)
                    content.load(build)
                finish_home(build)
                english_done = time.monotonic()
                build.log("Translating into Simplified Chinese", level=1)
                translated = build.translate_all()
        except (DemoError, ValueError) as error:  # including the data files' TOML errors
            raise CommandError(str(error)) from error

        created = ", ".join(f"{n} {what}" for what, n in sorted(build.created.items()))
        done = ", ".join(f"{n} {what}" for what, n in sorted(translated.items()))
        lines = [
            self.style.SUCCESS(
                f"Demo content ready in {time.monotonic() - started:.1f}s "
                f"(English {english_done - started:.1f}s, then translation and indexing). "
                f"Created: {created or 'nothing (already loaded)'}. "
                f"Translated: {done or 'nothing new'}."
            )
        ]
        for locale in Locale.objects.order_by("pk"):
            pages = Page.objects.filter(locale=locale, depth__gt=1)
            lines.append(
                f"  {locale.language_code:8} {pages.count():3} pages ({pages.live().count()} live)"
            )
            lines += [f"    {content.app.label}: {content.report(locale)}" for content in contents]
        lines.append(
            f"  {get_image_model().objects.count()} images, {Revision.objects.count()} revisions, "
            f"{Translation.objects.count()} tracked translations"
        )
        if build.warnings:
            lines.append(self.style.WARNING(f"{len(build.warnings)} warning(s), see above."))
        self.stdout.write("\n".join(lines))


def host_and_port(value: str) -> tuple[str, int]:
    """`HOST:PORT` → (host, port); argparse turns the ValueError into a usage error."""
    hostname, _, port = value.rpartition(":")
    if not hostname or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(value)
    return hostname, int(port)
