"""The public search page: `/<language>/search/?q=…`, results in the visitor's language."""

import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.urls import translate_url
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from wagtail.blocks import StreamValue
from wagtail.models import Locale, Page
from wagtail.search import index
from wagtail.search.backends.base import BaseSearchResults

from home.navigation import active_locale
from home.routing import own_type, with_page_types

from .terms import HAN_RUN, TOKEN, bigrams, flatten_text, stem

RESULTS_PER_PAGE = 10
EXCERPT_LENGTH = 160


@dataclass
class SearchResult:
    page: Page
    title: SafeString
    excerpt: SafeString


def highlight_pattern(query: str) -> re.Pattern | None:
    """What to mark in results: each Chinese word (or its pairs of characters) and each
    English word in any form sharing its stem."""
    parts = []
    for token in TOKEN.findall(query[:500]):
        if HAN_RUN.fullmatch(token):
            parts.append(re.escape(token))
            parts.extend(re.escape(pair) for pair in bigrams(token))
        else:
            parts.append(rf"\b{re.escape(stem(token))}\w*")
    if not parts:
        return None
    # Longest alternatives first, so a whole word wins over its pairs of characters.
    return re.compile("|".join(sorted(parts, key=len, reverse=True)), re.IGNORECASE)


def page_text(page: Page) -> str:
    """The page's searchable text other than its title, as readers see it. StreamFields are
    read as stored (see `flatten_text`): loading their images and pages would cost queries."""
    texts = []
    for field in page.get_search_fields():
        if type(field) is index.SearchField and field.field_name != "title":
            value = getattr(page, field.field_name, None)
            stored = isinstance(value, StreamValue)
            texts.append(flatten_text(value if stored else field.get_value(page)))
    return " ".join(texts)


def mark_matches(text: str, pattern: re.Pattern | None) -> SafeString:
    """`text` escaped, with each match of `pattern` in <mark>."""
    pieces, last = [], 0
    for found in pattern.finditer(text) if pattern else ():
        pieces.append(escape(text[last : found.start()]))
        pieces.append(f"<mark>{escape(found.group())}</mark>")
        last = found.end()
    pieces.append(escape(text[last:]))
    return mark_safe("".join(pieces))  # every piece is escaped


def excerpt(text: str, pattern: re.Pattern | None, length: int = EXCERPT_LENGTH) -> SafeString:
    """A window of `text` around the first match, with matches marked."""
    text = " ".join(text.split())
    match = pattern.search(text) if pattern else None
    start = max(0, match.start() - length // 3) if match else 0
    window = text[start : start + length]
    prefix = "…" if start > 0 else ""
    suffix = "…" if start + length < len(text) else ""
    return mark_safe(prefix + mark_matches(window, pattern) + suffix)


def matching_pages(query: str, locale: Locale) -> BaseSearchResults:
    """Live, public pages of `locale` with every word of `query`."""
    pages = Page.objects.live().public().filter(locale=locale)
    return pages.search(query, operator="and")


def as_own_types(pages: Iterable[Page]) -> list[Page]:
    """`pages` as their own types, in one query whatever the number of types."""
    pages = list(pages)
    types = {page.specific_class for page in pages}
    found = with_page_types(Page.objects.filter(pk__in=[page.pk for page in pages]), types)
    by_pk = {row.pk: own_type(row) for row in found}
    return [by_pk[page.pk] for page in pages if page.pk in by_pk]


@dataclass
class OtherLanguageResults:
    locale: Locale
    count: int
    url: str


def other_language_results(request: HttpRequest, query: str) -> list[OtherLanguageResults]:
    """Where a search found nothing, what it finds in the site's other languages (a Chinese
    word searched on the English site), with links to those results."""
    found = []
    for locale in Locale.objects.exclude(pk=active_locale(request).pk):
        count = matching_pages(query, locale).count()
        if count:
            url = translate_url(request.get_full_path(), locale.language_code)
            found.append(OtherLanguageResults(locale, count, url))
    return found


def search(request: HttpRequest) -> TemplateResponse:
    query = request.GET.get("q", "").replace("\x00", "").strip()
    results_page = None
    results: list[SearchResult] = []
    elsewhere: list[OtherLanguageResults] = []
    if query:
        pages = matching_pages(query, active_locale(request))
        results_page = Paginator(pages, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        pattern = highlight_pattern(query)
        results = [
            SearchResult(page, mark_matches(page.title, pattern), excerpt(page_text(page), pattern))
            for page in as_own_types(results_page)
        ]
        if not results:
            elsewhere = other_language_results(request, query)
    return TemplateResponse(
        request,
        "home/search_results.html",
        {"query": query, "results": results, "results_page": results_page, "elsewhere": elsewhere},
    )
