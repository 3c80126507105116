"""Which pages anyone may see, checked by the database inside the query that lists them.

Wagtail's `PageQuerySet.public()` first loads every view restriction (a query of its own, each
time it is called) and turns them into a condition; `public_pages` asks the same question as a
subquery, so a listing costs one query whatever the number of private sections.
"""

from django.db.models import Exists, OuterRef, QuerySet
from django.db.models.functions import Length, Substr
from wagtail.models import PageViewRestriction


def public_pages(pages: QuerySet) -> QuerySet:
    """`pages` without those in a private section (a login, password or group restriction on
    the page or an ancestor): an ancestor's tree path is a prefix of its descendants' paths."""
    restriction_above = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return pages.exclude(Exists(restriction_above))
