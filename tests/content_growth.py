"""More of the demo's content, for `tests/benchmark.py`'s growth table: every partner
institution, organisation, committee, programme, news article and event `factor` times over, in
English and Chinese, each copy beside its original. Lists grow with it (organisations under the
index, committees under each organisation, partners of each programme, events and articles under
their index pages), so a page whose queries or CPU time grow with its lists shows it.

Pages are copied the way the admin's "Copy" does (`Page.copy`: `add_child`, then a published
revision), the Chinese copy made from the Chinese original and sharing the English copy's
translation key, as wagtail-localize's translations do. Needs Django set up.
"""

from __future__ import annotations

from collections import Counter

from django.db import transaction
from wagtail.models import Locale, Page

from home.demo.build import TARGET_LANGUAGE, deferred_indexing
from organizations.models import CommitteePage, OrganizationPage
from organizations.news import NewsArticlePage
from programs.events import EventPage
from programs.models import PartnerInstitution, PartnerProgramPage, ProgramPartner

# Parents before children is not needed (copies are not recursive), but programmes come after
# partners, so that their copies carry the grown partner lists.
GROWN_PAGES = (OrganizationPage, CommitteePage, PartnerProgramPage, NewsArticlePage, EventPage)


def grow(factor: int) -> Counter:
    """Make `factor - 1` copies of each English partner and page of GROWN_PAGES (and of its
    Chinese version); returns what was made, by kind."""
    english, chinese = Locale.get_default(), Locale.objects.get(language_code=TARGET_LANGUAGE)
    made: Counter = Counter()
    # The search index is kept up to date (search is measured); the reference index, which
    # only the admin and publishing read, is not: it took a third of the time.
    with transaction.atomic(), deferred_indexing(references=False):
        partner_copies = {}
        for partner in PartnerInstitution.objects.filter(locale=english):
            partner_copies[partner.pk] = [
                copy_partner(partner, n, chinese) for n in range(2, factor + 1)
            ]
            made["partner institutions"] += 2 * (factor - 1)
        for programme in PartnerProgramPage.objects.live():
            add_partners(programme, partner_copies)
        for model in GROWN_PAGES:
            for page in list(model.objects.live().filter(locale=english).order_by("path")):
                translation = page.get_translation_or_none(chinese)
                for n in range(2, factor + 1):
                    copy = copy_page(page, n)
                    made["pages"] += 1
                    if translation is not None:
                        copy_page(translation, n, translation_key=copy.translation_key)
                        made["pages"] += 1
    return made


def copy_partner(partner: PartnerInstitution, n: int, chinese: Locale) -> PartnerInstitution:
    """The n-th copy of an English partner, with a Chinese version if the original has one."""
    copy = clone(partner, name=f"{partner.name} ({n})")
    translation = partner.get_translation_or_none(chinese)
    if translation is not None:
        clone(translation, name=f"{translation.name} ({n})", translation_key=copy.translation_key)
    return copy


def clone(partner: PartnerInstitution, **changes: object) -> PartnerInstitution:
    fields = {
        field.attname: getattr(partner, field.attname)
        for field in PartnerInstitution._meta.concrete_fields
        if not field.primary_key and field.name != "translation_key"
    }
    return PartnerInstitution.objects.create(**fields | changes)


def add_partners(programme: PartnerProgramPage, copies: dict[int, list]) -> None:
    """Add the copies of a programme's partners to it, in a published revision (its rows name
    English institutions in both languages, as the demo's do)."""
    rows = list(programme.partners.all())
    extra = [copy for row in rows for copy in copies.get(row.institution_id, [])]
    programme.partners = rows + [
        ProgramPartner(institution=institution, sort_order=len(rows) + position)
        for position, institution in enumerate(extra)
    ]
    programme.save_revision().publish()


def copy_page(page: Page, n: int, **attrs: object) -> Page:
    return page.copy(
        to=page.get_parent(),
        update_attrs={"slug": f"{page.slug}-{n}", "title": f"{page.title} ({n})", **attrs},
        keep_live=True,
        copy_revisions=False,
        log_action=None,
    )
