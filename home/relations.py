"""Pages related to many pages at once, each in the language of the page it relates to: what an
organisation's page and the API both list (its members, its committees, what it hosts), loaded
for a whole list of pages in a fixed number of queries.

Each function takes the queryset of pages that may be shown (`live().public()` for a rendered
page; the API passes its resolver's, which shares one look-up of the private sections)."""

from collections import defaultdict

from django.db import models
from wagtail.models import Page


def pointing_at(candidates: models.QuerySet, pages: list, key_field: str) -> dict[int, list]:
    """`candidates` whose `key_field` points at one of `pages` (or a translation of it), in the
    language of each page: {page id: [pages]}, one query, in the queryset's order. Translations
    store the source-language page, hence the match on translation key and locale."""
    if not pages:
        return {}
    rows = candidates.filter(
        locale_id__in={page.locale_id for page in pages},
        **{f"{key_field}__translation_key__in": {page.translation_key for page in pages}},
    ).annotate(related_key=models.F(f"{key_field}__translation_key"))
    found: dict[tuple, list] = defaultdict(list)
    for row in rows:
        found[(row.related_key, row.locale_id)].append(row)
    return {page.pk: found.get((page.translation_key, page.locale_id), []) for page in pages}


def children_by_parent(candidates: models.QuerySet, parents: list[Page]) -> dict[int, list[Page]]:
    """`candidates` that are children of each parent, by parent id, in tree order: one query
    for parents of the same depth (siblings share the parent's path as a prefix)."""
    result: dict[int, list[Page]] = {parent.pk: [] for parent in parents}
    by_depth: dict[int, dict[str, int]] = defaultdict(dict)
    for parent in parents:
        by_depth[parent.depth][parent.path] = parent.pk
    for depth, paths in by_depth.items():
        prefix = models.functions.Substr("path", 1, len(next(iter(paths))))
        children = (
            candidates.annotate(parent_path=prefix)
            .filter(depth=depth + 1, parent_path__in=list(paths))
            .order_by("path")
        )
        for child in children:
            result[paths[child.parent_path]].append(child)
    return result


def inline_rows(pages: list, relation: str, model: type[models.Model]) -> dict[int, list]:
    """Each page's inline rows (the `relation` of a ParentalKey, e.g. a programme's partners),
    {page id: [rows]} in their order: one query for the pages as stored; a draft (a preview)
    holds its own rows in memory, not yet saved, and answers them instead."""
    result: dict[int, list] = {}
    stored = []
    for page in pages:
        held = getattr(page, "_cluster_related_objects", {}).get(relation)
        if held is None:
            stored.append(page.pk)
            result[page.pk] = []
        else:
            result[page.pk] = list(held)
    if stored:
        field = model._meta.get_field("page").attname
        for row in model.objects.filter(**{f"{field}__in": stored}).order_by("sort_order", "pk"):
            result[getattr(row, field)].append(row)
    return result
