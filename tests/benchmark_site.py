"""The parts of `tests/benchmark.py` that run inside the site, in their own process with the
server's environment: which URLs to measure, how many SQL queries each costs, and the growth
step. Prints JSON for the benchmark to read.

    python -m tests.benchmark_site urls
    python -m tests.benchmark_site queries /en/ /zh-hans/ …
    python -m tests.benchmark_site grow 10
"""

from __future__ import annotations

import json
import sys
from urllib.parse import quote

# The public page types, each measured in both languages.
PAGE_TYPES = (
    "home.HomePage",
    "organizations.OrganizationIndexPage",
    "organizations.OrganizationPage",
    "organizations.CommitteePage",
    "organizations.HistoryPage",
    "programs.ProgramIndexPage",
    "programs.PartnerProgramPage",
    "organizations.NewsIndexPage",
    "organizations.NewsArticlePage",
    "programs.EventIndexPage",
    "programs.EventPage",
    "home.FormPage",
)
# What a page of these types lists besides its child pages, for choosing the page to measure.
LISTED = {"programs.PartnerProgramPage": "partners"}
LANGUAGES = ("en", "zh-hans")
STATIC_FILE = "css/site.css"


def urls() -> list[dict[str, str]]:
    """What to measure: {label, path, kind}, kind being page, search, sitemap, api-list,
    api-detail or static. Of each page type the page with the longest list (of child pages,
    or LISTED), e.g. the organisation with the most committees, so that the growth step
    lengthens it; the Chinese page is its translation."""
    from django.apps import apps
    from django.contrib.staticfiles.storage import staticfiles_storage
    from django.db.models import Count, F
    from wagtail.models import Locale

    found = []
    english, chinese = (Locale.objects.get(language_code=code) for code in LANGUAGES)
    api_page = None
    for name in PAGE_TYPES:
        model = apps.get_model(name)
        length = Count(LISTED[name]) if name in LISTED else F("numchild")
        pages = model.objects.live().public().filter(locale=english)
        page = pages.annotate(length=length).order_by("-length", "path").first()
        if page is None:
            continue
        api_page = page if model.__name__ == "OrganizationPage" else api_page
        for language, locale in zip(LANGUAGES, (english, chinese), strict=True):
            translation = page.get_translation_or_none(locale)
            if translation is not None and translation.live:
                path = quote(translation.url, safe="/")
                found.append(
                    {"label": f"{model.__name__} {language}", "path": path, "kind": "page"}
                )
    found += [
        {"label": "search en", "path": "/en/search/?q=exchange", "kind": "search"},
        {
            "label": "search zh-hans",
            "path": "/zh-hans/search/?q=" + quote("交流"),
            "kind": "search",
        },
        {"label": "sitemap.xml", "path": "/sitemap.xml", "kind": "sitemap"},
        {
            "label": "API list fields=*",
            "path": "/api/v2/pages/?fields=*&limit=20",
            "kind": "api-list",
        },
    ]
    if api_page is not None:
        found.append(
            {"label": "API detail", "path": f"/api/v2/pages/{api_page.pk}/", "kind": "api-detail"}
        )
    found.append(
        {"label": "static file", "path": staticfiles_storage.url(STATIC_FILE), "kind": "static"}
    )
    return found


def queries(paths: list[str]) -> dict[str, dict[str, int]]:
    """SQL queries of each path's second anonymous GET (the first warms Wagtail's and Django's
    own caches and makes image renditions, as a server's first requests do): {path: {queries,
    status}}. A new client each time, so no cookie from one answer goes with the next, as with
    the load tool."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    counted = {}
    for path in paths:
        Client(raise_request_exception=False, HTTP_HOST="127.0.0.1").get(path)
        with CaptureQueriesContext(connection) as captured:
            response = Client(raise_request_exception=False, HTTP_HOST="127.0.0.1").get(path)
        counted[path] = {"queries": len(captured), "status": response.status_code}
    return counted


def grow(factor: int) -> dict[str, int]:
    from tests.content_growth import grow as grow_content

    return dict(grow_content(factor))


def main(command: str, *args: str) -> None:
    import django

    django.setup()
    if command == "urls":
        result = urls()
    elif command == "queries":
        result = queries(list(args))
    elif command == "grow":
        result = grow(int(args[0]))
    else:
        raise SystemExit(f"unknown command {command!r}")
    print(json.dumps(result))


if __name__ == "__main__":
    main(*sys.argv[1:])
