"""Which pages anyone may see, checked by the database inside the query that lists them.

Wagtail's `PageQuerySet.public()` first loads every view restriction (a query of its own, each
time it is called) and turns them into a condition; `public_pages` asks the same question as a
subquery, so a listing costs one query whatever the number of private sections.
"""

from django.db.models import Exists, OuterRef, QuerySet
from django.db.models.functions import Length, Substr
from wagtail.models import Page


def below_any(roots: QuerySet) -> QuerySet:
    """The ids of the pages in the trees of `roots` (roots included): a page's tree path starts
    with the paths of all its ancestors. A subquery on ids, which the search backends accept
    as a filter."""
    root_above = roots.filter(path=Substr(OuterRef("path"), 1, Length("path")))
    return Page.objects.filter(Exists(root_above)).values("pk")


def public_pages(pages: QuerySet) -> QuerySet:
    """`pages` without those in a private section (a login, password or group restriction on
    the page or an ancestor)."""
    restricted = Page.objects.filter(view_restrictions__isnull=False)
    return pages.exclude(pk__in=below_any(restricted))
