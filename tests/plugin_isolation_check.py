"""Run in a subprocess with settings that lack an app: migrate, load the demo content, render
every live page in both locales, and report what happened as JSON on stdout."""

import json
import sys

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from wagtail.models import Page  # noqa: E402

call_command("migrate", verbosity=0, interactive=False)
call_command("load_demo_content", verbosity=0)
client = Client()
statuses = {
    page.url: client.get(page.url).status_code for page in Page.objects.live().filter(depth__gt=1)
}
json.dump(
    {
        "statuses": statuses,
        "page_types": sorted({p.specific_class.__name__ for p in Page.objects.filter(depth__gt=1)}),
        "loaded_modules": sorted(name for name in sys.modules if name.split(".")[0] == "programs"),
    },
    sys.stdout,
)
