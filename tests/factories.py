"""Factories for unit tests: each test builds the few pages and snippets it needs, so that
editing the demo's prose breaks no unit test. Pages go under the demo's English home page
unless a test passes `parent=`; `translate()` makes their Chinese versions through
wagtail-localize, as editors do.

Stream fields take wagtail-factories' syntax, e.g.
``OrganizationPageFactory(body__0__paragraph__value="<p>…</p>")``, or a list of
``(block name, value)`` pairs built with the block factories below.
"""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from home.blocks import BaseStreamBlock, CallToActionBlock, HeadingBlock, ParagraphBlock
from home.dates import DatePrecision
from home.models import HomePage
from organizations.blocks import OrganizationStreamBlock, TimelineEventBlock, TimelineExcerptBlock
from organizations.models import (
    CommitteeKind,
    CommitteePage,
    HistoryPage,
    OrganizationIndexPage,
    OrganizationKind,
    OrganizationPage,
)
from programs.models import (
    PartnerInstitution,
    PartnerProgramPage,
    ProgramIndexPage,
    ProgramKind,
    ProgramPartner,
)

# --- blocks -------------------------------------------------------------------------------


class HeadingBlockFactory(wagtail_factories.StructBlockFactory):
    text = factory.Sequence(lambda n: f"Heading {n}")
    level = "h2"

    class Meta:
        model = HeadingBlock


class ParagraphBlockFactory(wagtail_factories.blocks.BlockFactory):
    """`value` is rich text as stored: page links as `<a linktype="page" id="…">`."""

    value = "<p>A paragraph.</p>"

    class Meta:
        model = ParagraphBlock

    @classmethod
    def _construct_block(cls, block_class, *args, **kwargs):
        return block_class().to_python(kwargs["value"])


class CallToActionBlockFactory(wagtail_factories.StructBlockFactory):
    text = "Apply now"
    page = None
    url = "https://example.org/apply"

    class Meta:
        model = CallToActionBlock


class TimelineEventBlockFactory(wagtail_factories.StructBlockFactory):
    date = datetime.date(2001, 1, 1)
    precision = DatePrecision.YEAR
    title = factory.Sequence(lambda n: f"Event {n}")
    text = ""
    link = None

    class Meta:
        model = TimelineEventBlock


class TimelineExcerptBlockFactory(wagtail_factories.StructBlockFactory):
    heading = ""
    history_page = factory.SubFactory("tests.factories.HistoryPageFactory")
    from_year = None
    to_year = None
    max_events = 5

    class Meta:
        model = TimelineExcerptBlock


class OrganizationStreamFactory(wagtail_factories.StreamBlockFactory):
    heading = factory.SubFactory(HeadingBlockFactory)
    paragraph = factory.SubFactory(ParagraphBlockFactory)
    call_to_action = factory.SubFactory(CallToActionBlockFactory)
    timeline_excerpt = factory.SubFactory(TimelineExcerptBlockFactory)

    class Meta:
        model = OrganizationStreamBlock


class ProgramStreamFactory(wagtail_factories.StreamBlockFactory):
    heading = factory.SubFactory(HeadingBlockFactory)
    paragraph = factory.SubFactory(ParagraphBlockFactory)
    call_to_action = factory.SubFactory(CallToActionBlockFactory)

    class Meta:
        model = BaseStreamBlock


# --- pages --------------------------------------------------------------------------------


def english_home() -> HomePage:
    return HomePage.objects.get(locale__language_code="en")


class OrganizationIndexPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Organisations {n}")
    parent = factory.LazyFunction(english_home)

    class Meta:
        model = OrganizationIndexPage


class OrganizationPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Organisation {n}")
    parent = factory.SubFactory(OrganizationIndexPageFactory)
    kind = OrganizationKind.NATIONAL_MEMBER
    acronym = factory.Sequence(lambda n: f"ORG{n}")
    body = wagtail_factories.StreamFieldFactory(OrganizationStreamFactory)

    class Meta:
        model = OrganizationPage


class CommitteePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Committee {n}")
    parent = factory.SubFactory(OrganizationPageFactory)
    acronym = factory.Sequence(lambda n: f"SC{n}")
    full_name = factory.LazyAttribute(lambda page: f"Standing {page.title}")
    committee_kind = CommitteeKind.STANDING
    focus = "What the committee works on."
    body = wagtail_factories.StreamFieldFactory(OrganizationStreamFactory)

    class Meta:
        model = CommitteePage


class HistoryPageFactory(wagtail_factories.PageFactory):
    """Events as `events=[("event", TimelineEventBlockFactory(...)), ...]`."""

    title = factory.Sequence(lambda n: f"History {n}")
    parent = factory.SubFactory(OrganizationPageFactory)
    events = wagtail_factories.StreamFieldFactory(
        {"event": factory.SubFactory(TimelineEventBlockFactory)}
    )

    class Meta:
        model = HistoryPage


class ProgramIndexPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Programmes {n}")
    parent = factory.LazyFunction(english_home)

    class Meta:
        model = ProgramIndexPage


class PartnerInstitutionFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Partner University {n}")
    country = "FR"
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = PartnerInstitution


class PartnerProgramPageFactory(wagtail_factories.PageFactory):
    """Partners as `partner_institutions=[institution, ...]`, in that order."""

    title = factory.Sequence(lambda n: f"Programme {n}")
    parent = factory.SubFactory(ProgramIndexPageFactory)
    kind = ProgramKind.CLINICAL
    body = wagtail_factories.StreamFieldFactory(ProgramStreamFactory)
    partners = factory.LazyAttribute(
        lambda page: [
            ProgramPartner(institution=institution, sort_order=position)
            for position, institution in enumerate(page.partner_institutions)
        ]
    )

    class Params:
        partner_institutions: tuple = ()

    class Meta:
        model = PartnerProgramPage


# --- translations -------------------------------------------------------------------------


def translate(
    obj: Page | PartnerInstitution, locale: Locale, strings: dict[str, str] | None = None
) -> Page | PartnerInstitution:
    """The first wagtail-localize translation of `obj` into `locale` (a page is published):
    each source string found in `strings` is replaced by its value, the rest stays as is.
    A page's parent must be translated first, as in the admin."""
    source, _ = TranslationSource.get_or_create_from_instance(obj)
    translation = Translation.objects.create(source=source, target_locale=locale)
    StringTranslation.objects.bulk_create(
        StringTranslation(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            data=(strings or {}).get(segment.string.data, segment.string.data),
        )
        for segment in source.stringsegment_set.select_related("string", "context")
    )
    if isinstance(obj, Page):
        # save_target(publish=True) would publish on commit, which never comes inside a test.
        translation.save_target(publish=False)
        obj.get_translation(locale).get_latest_revision().publish()
    else:
        translation.save_target()
    return obj.get_translation(locale)
