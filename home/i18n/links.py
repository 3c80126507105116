"""Links across locales.

wagtail-localize copies page references (page choosers, page foreign keys, inline rows)
unchanged into translations, so a Chinese page still points at English pages. These helpers
swap each referenced object for its translation in the locale being shown, in one query.
"""

from collections.abc import Iterable
from typing import TypeVar

from django.db.models import Model, Q, QuerySet
from django.http import HttpRequest
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, TranslatableMixin

from home.routing import own_type, request_cache, with_page_types, with_restricted_flag

T = TypeVar("T", bound=TranslatableMixin)


def localize_all(objects: Iterable[T | None], locale: Locale) -> list[T]:
    """`objects` in their `locale` translation where one is published, else as they are.

    Drops None entries (e.g. an empty optional chooser); keeps order. Pages are returned as
    their specific class.
    """
    items = [obj for obj in objects if obj is not None]
    keys = {obj.translation_key for obj in items if obj.locale_id != locale.pk}
    if not keys:
        return items
    model = type(items[0])
    if isinstance(items[0], Page) and model is not Page and all(type(i) is model for i in items):
        # Pages of one specific type (a chooser limited to a page type): read that type directly.
        queryset = model.objects.live().filter(translation_key__in=keys, locale=locale)
    elif isinstance(items[0], Page):
        queryset = Page.objects.live().filter(translation_key__in=keys, locale=locale).specific()
    else:
        queryset = model._default_manager.filter(translation_key__in=keys, locale=locale)
    translations = {obj.translation_key: obj for obj in queryset}
    return [translations.get(obj.translation_key, obj) for obj in items]


def localize(obj: T | None, locale: Locale) -> T | None:
    """One object in `locale` (see `localize_all`)."""
    if obj is None:
        return None
    return localize_all([obj], locale)[0]


def localized_in_bulk(queryset: QuerySet, ids: Iterable[int | None], locale_id: int) -> dict:
    """The objects of `queryset` with these `ids`, each in locale `locale_id` where a translation
    is published, else as they are: {id: object}, in one query (what `localize_all` does for
    foreign keys not loaded yet). `queryset` says what comes with them (select_related...); a
    queryset of a page type gives pages of that type. Ids of missing objects are left out."""
    ids = {pk for pk in ids if pk is not None}
    if not ids:
        return {}
    keys = queryset.model._default_manager.filter(pk__in=ids).values("translation_key")
    translations = Q(translation_key__in=keys, locale_id=locale_id)
    if issubclass(queryset.model, Page):
        translations &= Q(live=True)
    found = list(queryset.filter(Q(pk__in=ids) | translations))
    in_locale = {obj.translation_key: obj for obj in found if obj.locale_id == locale_id}
    return {obj.pk: in_locale.get(obj.translation_key, obj) for obj in found if obj.pk in ids}


def localized_live_pages(pages: Iterable[Page | int], locale: Locale | None) -> list[Page]:
    """The live, public ones of `pages` (pages or their ids), each in `locale` where translated
    (no translating when `locale` is None), as specific pages, in the same order: one query
    for the pages and their translations, then one per page type."""
    ids = [getattr(item, "pk", item) for item in pages]
    wanted = Q(pk__in=ids)
    if locale is not None:
        keys = Page.objects.filter(pk__in=ids).exclude(locale=locale).values("translation_key")
        wanted |= Q(translation_key__in=keys, locale=locale)
    found = list(with_restricted_flag(Page.objects.filter(wanted)).specific())
    by_pk = {page.pk: page for page in found}
    translations = {
        page.translation_key: page
        for page in found
        if locale is not None and page.locale_id == locale.pk and page.live
    }
    shown = []
    for pk in ids:
        page = by_pk.get(pk)
        if page is not None and locale is not None and page.locale_id != locale.pk:
            page = translations.get(page.translation_key, page)
        if page is not None and page.live and not page.restricted:
            shown.append(page)
    return shown


def _link_key(page_id: int, locale_id: int) -> tuple:
    return ("localized_link", page_id, locale_id)


def localized_links(
    request: HttpRequest | None,
    page_ids: Iterable[int | None],
    locale_id: int,
    types: Iterable[type[Page]] = (),
) -> dict[int, Page]:
    """{id: the page in locale `locale_id` where a translation is published, else as it is}
    for `page_ids`, pages of `types` as their own type: what the request already looked up,
    the rest in one query. For links (buttons, timelines): many cost one query, not one each."""
    cache = request_cache(request)
    wanted = {pk for pk in page_ids if pk is not None}
    missing = {pk for pk in wanted if _link_key(pk, locale_id) not in cache}
    types = set(types)
    pages = with_page_types(Page.objects.all(), types)
    for pk, page in localized_in_bulk(pages, missing, locale_id).items():
        cache[_link_key(pk, locale_id)] = own_type(page) if page.specific_class in types else page
    found = {pk: cache.get(_link_key(pk, locale_id)) for pk in wanted}
    return {pk: page for pk, page in found.items() if page is not None}


def link_in_page_language(
    request: HttpRequest | None, page: Page, linked: Page, also: Iterable[int | None] = ()
) -> Page:
    """`linked`, a page that blocks of `page` link to (a button, a timeline excerpt), in
    `page`'s language and of the same type (see `localized_links`). The first call for a page
    looks up, in the same query, every page its StreamFields link to, and the pages `also`
    names (those the linked page will link to in turn)."""
    if linked.locale_id == page.locale_id:
        return linked
    cache = request_cache(request)
    ids = [linked.pk, *also]
    if ("links_primed", page.pk) not in cache:
        cache[("links_primed", page.pk)] = True
        ids += linked_page_ids(page)
    found = localized_links(request, ids, page.locale_id, types=[type(linked)])
    return found.get(linked.pk, linked)


def linked_page_ids(obj: Model) -> list[int]:
    """The ids of the pages `obj`'s StreamFields refer to (buttons, timeline excerpts, links in
    rich text...), from the values as loaded: no query of its own."""
    ids = []
    for field in obj._meta.get_fields():
        if isinstance(field, StreamField):
            references = field.stream_block.extract_references(getattr(obj, field.name))
            ids += [int(pk) for model, pk, _path, _content in references if issubclass(model, Page)]
    return ids
