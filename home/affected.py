"""Which pages' output changes when an object changes: one answer for every consumer (webhook
payloads now, cache purging later).

For a page: the page, its live translations, their parent pages (index pages list their
children), the home page of each language, the pages that refer to it (Wagtail's reference
index: page choosers, rich-text links, snippets' own references), the pages showing a snippet
that refers to it (a programme shows its partner's link to the partner's page) and the pages
it refers to (an organisation's page lists the news, events and programmes that name it). For
any other object (e.g. a snippet): the pages that refer to it. Apps add what only they know
through the `affected_pages` hook: a function taking the object and returning pages.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.http import HttpRequest
from django.urls import reverse
from wagtail import hooks
from wagtail.models import Locale, Page, ReferenceIndex, Site

AFFECTED_PAGES_HOOK = "affected_pages"
# Pages that show what other pages show (a committee's page lists what else belongs to its
# organisation): a function registered with `@hooks.register(DEPENDENT_PAGES_HOOK)` takes the ids
# of the pages a change touches and returns the ids of the pages that show them too.
DEPENDENT_PAGES_HOOK = "dependent_pages"


def _referring_pages(objects: Iterable[Any], through_snippets: bool = True) -> set[int]:
    """Ids of the pages whose content refers to any of `objects`, and of the pages that show a
    snippet referring to one of them (a partner institution links its organisation's page, and
    programmes show the partner with that link)."""
    ids: set[int] = set()
    snippets = []
    for obj in objects:
        references = ReferenceIndex.get_references_to(obj)
        for source, _references in references.group_by_source_object():
            if isinstance(source, Page):
                ids.add(source.pk)
            elif source is not None:
                snippets.append(source)
    if through_snippets and snippets:
        ids |= _referring_pages(snippets, through_snippets=False)
    return ids


def _referred_pages(pages: Iterable[Page]) -> set[int]:
    """Ids of the pages that any of `pages` refers to, in every language (a translation's
    choosers still point at the source language's pages)."""
    ids: set[int] = set()
    page_type = ContentType.objects.get_for_model(Page)
    for page in pages:
        references = ReferenceIndex.get_references_for_object(page)
        ids.update(
            int(pk)
            for pk in references.filter(to_content_type=page_type).values_list(
                "to_object_id", flat=True
            )
            if str(pk).isdigit()
        )
    keys = Page.objects.filter(pk__in=ids).values("translation_key")
    return set(Page.objects.filter(translation_key__in=keys).values_list("pk", flat=True))


def _page_family(page: Page) -> set[int]:
    """The page, its translations, their parents and the home page of each language."""
    translations = list(Page.objects.filter(translation_key=page.translation_key))
    ids = {page.pk} | {translation.pk for translation in translations}
    for translation in translations:
        parent_path = translation.path[: -Page.steplen]
        if translation.depth > 2:
            ids.update(Page.objects.filter(path=parent_path).values_list("pk", flat=True))
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is not None:
        ids.update(
            Page.objects.filter(
                translation_key=site.root_page.translation_key,
                locale_id__in={translation.locale_id for translation in translations},
            ).values_list("pk", flat=True)
        )
    return ids


def affected_pages(obj: Any) -> list[Page]:
    """The live pages whose output changes with `obj`, as specific pages, in tree order.

    Works while `obj` still exists (call it before a delete): references are read from the
    reference index, which forgets an object once it is gone.
    """
    ids: set[int] = set()
    if isinstance(obj, Page):
        ids |= _page_family(obj)
        translations = Page.objects.filter(translation_key=obj.translation_key)
        ids |= _referring_pages(translations)
        ids |= _referred_pages(translations)
    else:
        ids |= _referring_pages([obj])
    for extra in hooks.get_hooks(AFFECTED_PAGES_HOOK):
        ids.update(page.pk for page in extra(obj) or ())
    for dependent in hooks.get_hooks(DEPENDENT_PAGES_HOOK):
        ids.update(dependent(frozenset(ids)))
    return list(Page.objects.live().filter(pk__in=ids).order_by("path").specific())


def api_detail_url(page: Page, request: HttpRequest | None = None) -> str:
    """The page's detail in the public API (absolute when the site's address is known)."""
    path = reverse("wagtailapi_v2:pages:detail", args=[page.pk])
    return absolute_url(path, page, request)


def absolute_url(path: str, page: Page | None = None, request: HttpRequest | None = None) -> str:
    """`path` on the page's site (or the default site), e.g. for API URLs."""
    if request is not None:
        return request.build_absolute_uri(path)
    site = page.get_site() if page is not None else None
    site = site or Site.objects.filter(is_default_site=True).first()
    return site.root_url + path if site is not None else path


def page_references(pages: Iterable[Page], request: HttpRequest | None = None) -> list[dict]:
    """`{id, type, locale, url, api_url}` for each page: what a cache or a receiver needs."""
    codes = dict(Locale.objects.values_list("pk", "language_code"))
    return [
        {
            "id": page.pk,
            "type": f"{page.specific_class._meta.app_label}.{page.specific_class.__name__}",
            "locale": codes.get(page.locale_id),
            "url": page.get_full_url(request),
            "api_url": api_detail_url(page, request),
        }
        for page in pages
    ]
