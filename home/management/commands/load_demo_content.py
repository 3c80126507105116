"""Build the demo site: English content from each app's `demo` module, then its Chinese
translation through wagtail-localize.

Apps are loaded in the order of `settings.PROJECT_APPS` (dependencies first) and only if they
are installed, so an app can be removed without touching this command. An app takes part by
having a `demo` module with `load(build)` and, optionally, `finish(build)` (run after every
app has loaded). Running the command again creates nothing and changes nothing.
"""

import importlib
import time
from types import ModuleType

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import module_has_submodule
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision
from wagtail_localize.models import Translation

from home.demo_tools import DemoBuild, DemoError, deferred_indexing


def demo_modules() -> list[ModuleType]:
    """Each installed project app's `demo` module, in PROJECT_APPS order."""
    modules = []
    for name in getattr(settings, "PROJECT_APPS", []):
        if not apps.is_installed(name):
            continue
        config = next(c for c in apps.get_app_configs() if c.name == name)
        if module_has_submodule(config.module, "demo"):
            modules.append(importlib.import_module(f"{config.name}.demo"))
    return modules


class Command(BaseCommand):
    help = "Create the demo organisations and programmes in English and Simplified Chinese."

    def handle(self, *args, **options) -> None:
        started = time.monotonic()
        build = DemoBuild(stdout=self.stdout, verbosity=options["verbosity"])
        modules = demo_modules()
        try:
            with transaction.atomic(), deferred_indexing():
                for module in modules:
                    build.log(f"Loading {module.__name__}", level=1)
                    module.load(build)
                for module in modules:
                    if hasattr(module, "finish"):
                        module.finish(build)
                english_done = time.monotonic()
                build.log("Translating into Simplified Chinese", level=1)
                translated = build.translate_all()
        except DemoError as error:
            raise CommandError(str(error)) from error

        elapsed = time.monotonic() - started
        created = ", ".join(f"{n} {what}" for what, n in sorted(build.created.items()))
        done = ", ".join(f"{n} {what}" for what, n in sorted(translated.items()))
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready in {elapsed:.1f}s "
                f"(English {english_done - started:.1f}s, then translation and indexing). "
                f"Created: {created or 'nothing (already loaded)'}. "
                f"Translated: {done or 'nothing new'}."
            )
        )
        self.print_summary()
        if build.warnings:
            self.stdout.write(self.style.WARNING(f"{len(build.warnings)} warning(s), see above."))

    def print_summary(self) -> None:
        image_model = get_image_model()
        lines = []
        for locale in Locale.objects.order_by("pk"):
            pages = Page.objects.filter(locale=locale, depth__gt=1)
            lines.append(
                f"  {locale.language_code:8} {pages.count():3} pages ({pages.live().count()} live)"
            )
        if apps.is_installed("programs"):
            model = apps.get_model("programs", "PartnerInstitution")
            for locale in Locale.objects.order_by("pk"):
                lines.append(
                    f"  {locale.language_code:8} "
                    f"{model.objects.filter(locale=locale).count():3} partner institutions"
                )
        lines.append(
            f"  {image_model.objects.count()} images, {Revision.objects.count()} revisions, "
            f"{Translation.objects.count()} tracked translations"
        )
        self.stdout.write("\n".join(lines))
