import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest
from django.utils.functional import cached_property, classproperty
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.api.fields import (
    ComputedField,
    ImageAPIField,
    LinkTargetField,
    LocalizedPageField,
    RelatedPagesField,
    StringField,
    translated_field,
)
from home.api.resolver import get_resolver
from home.dates import (
    PRECISION_HELP_TEXT,
    DatePrecision,
    PartialDateDisplay,
    truncate_to_precision,
)
from home.i18n.links import localized_in_bulk, localized_links
from home.i18n.synchronised import synchronised_page_fields
from home.images import CARD_LOGO, prefetch_pictures
from home.models import HeadlessPreviewPageMixin, SectionIndexPage, key_figures_field, tabbed
from home.relations import children_by_parent, pointing_at
from home.routing import RoutedPageMixin, own_type, public, with_page_types
from home.safe_urls import validate_safe_url
from home.search.terms import bilingual_search_fields
from home.sections import page_sections

from . import api as org_api
from .blocks import OrganizationStreamBlock, TimelineEventBlock, timeline_events
from .hooks import ORGANIZATION_SECTIONS_HOOK, organization_api_fields
from .news import NewsArticlePage, NewsArticleTopic, NewsIndexPage, NewsTopic  # noqa: F401
from .structured_data import committee_node, organization_node


class OrganizationKind(models.TextChoices):
    FEDERATION = "federation", _("International federation")
    NATIONAL_MEMBER = "nmo", _("National member organisation")
    LOCAL_COMMITTEE = "local_committee", _("Local committee")
    STUDENT_SOCIETY = "student_society", _("Student society")
    MEDICAL_SCHOOL = "medical_school", _("Medical school")
    ALLIANCE = "alliance", _("Alliance")


class Region(models.TextChoices):
    """IFMSA's five regions."""

    AFRICA = "africa", _("Africa")
    AMERICAS = "americas", _("Americas")
    ASIA_PACIFIC = "asia_pacific", _("Asia-Pacific")
    EASTERN_MEDITERRANEAN = "eastern_mediterranean", _("Eastern Mediterranean")
    EUROPE = "europe", _("Europe")


class OrganizationIndexPage(RoutedPageMixin, HeadlessPreviewPageMixin, SectionIndexPage):
    """Lists every organisation of the locale, grouped by kind."""

    subpage_types = ["organizations.OrganizationPage", "organizations.HistoryPage"]

    class Meta:
        verbose_name = _("organisation index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        organizations = (
            public(OrganizationPage.objects.child_of(self).live())
            .select_related("logo")
            .order_by("title")
        )
        by_kind = {kind: [] for kind in OrganizationKind.values}
        unknown_kind = []  # outside the choices (an importer wrote it): shown, never a 500
        for organization in organizations:
            by_kind.get(organization.kind, unknown_kind).append(organization)
        prefetch_pictures(list(organizations), "logo", CARD_LOGO)
        groups = [(OrganizationKind(k).label, pages) for k, pages in by_kind.items() if pages]
        if unknown_kind:
            groups.append((pgettext("organisation kind", "Other"), unknown_kind))
        context["organization_groups"] = groups
        return context


class OrganizationPage(RoutedPageMixin, HeadlessPreviewPageMixin, Page):
    kind = models.CharField(_("kind"), max_length=30, choices=OrganizationKind.choices)
    acronym = models.CharField(
        _("acronym"), max_length=30, blank=True, help_text=_("e.g. IFMSA, SMSA, SUMC.")
    )
    founded = models.DateField(_("founded"), null=True, blank=True)
    founded_precision = models.CharField(
        _("founding date precision"),
        max_length=10,
        choices=DatePrecision.choices,
        default=DatePrecision.YEAR,
        help_text=PRECISION_HELP_TEXT,
    )
    parent_organization = models.ForeignKey(
        "organizations.OrganizationPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="member_organizations",
        verbose_name=_("parent organisation"),
        help_text=_(
            "The organisation this one belongs to, e.g. a local committee's national "
            "member organisation."
        ),
    )
    country = CountryField(_("country"), blank=True)
    region = models.CharField(_("region"), max_length=30, choices=Region.choices, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    address = models.TextField(_("postal address"), blank=True)
    phone = models.CharField(_("phone"), max_length=60, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True, validators=[validate_safe_url])
    logo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("One or two sentences shown on cards and lists.")
    )
    key_figures = key_figures_field()
    body = StreamField(OrganizationStreamBlock(), blank=True)

    # Codes, numbers and addresses of contact are the same in every language.
    override_translatable_fields = synchronised_page_fields("acronym", "phone")

    search_fields = bilingual_search_fields(
        Page.search_fields
        + [
            index.SearchField("acronym", boost=3),
            index.SearchField("summary", boost=2),
            index.SearchField("body"),
            index.SearchField("key_figures"),
            index.SearchField("address"),
            index.FilterField("kind"),
            index.FilterField("country"),
            index.AutocompleteField("acronym"),
        ]
    )

    # Other apps add API fields through ORGANIZATION_API_FIELDS_HOOK, read when the API asks.
    @classproperty
    def api_fields(cls) -> list:
        return [
            APIField("kind"),
            APIField("kind_display", serializer=translated_field(lambda p: p.get_kind_display())),
            APIField("acronym"),
            APIField("summary"),
            APIField("founded"),
            APIField("founded_precision"),
            APIField("founded_display", serializer=translated_field(lambda p: p.founded_display)),
            APIField("parent_organization", serializer=LocalizedPageField()),
            APIField("country", serializer=StringField()),
            APIField("country_name", serializer=translated_field(lambda p: p.country.name)),
            APIField("region"),
            APIField("city"),
            APIField("address"),
            APIField("phone"),
            APIField("email"),
            APIField("website", serializer=LinkTargetField()),
            APIField("logo", serializer=ImageAPIField()),
            APIField("key_figures"),
            APIField("body"),
            APIField(
                "committees",
                serializer=RelatedPagesField(
                    org_api.committees, org_api.describe_committee, org_api.committee_schema
                ),
            ),
            APIField(
                "member_organizations",
                serializer=RelatedPagesField(
                    org_api.member_organizations,
                    org_api.describe_organization,
                    org_api.organization_schema,
                ),
            ),
            APIField("history_pages", serializer=RelatedPagesField(org_api.history_pages)),
            *organization_api_fields(),
        ]

    api_detail_only_fields = ["body"]

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("acronym"), FieldPanel("kind")]),
        FieldPanel("summary"),
        FieldPanel("logo"),
        FieldPanel("key_figures"),
        FieldPanel("body"),
    ]
    detail_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("founded"), FieldPanel("founded_precision")]),
                FieldPanel("parent_organization"),
            ],
            heading=_("Founding and membership"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("country"), FieldPanel("region")]),
                FieldPanel("city"),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
                FieldPanel("website"),
            ],
            heading=_("Location and contact"),
        ),
    ]
    edit_handler = tabbed(content_panels, detail_panels)

    parent_page_types = ["organizations.OrganizationIndexPage"]
    subpage_types = ["organizations.CommitteePage", "organizations.HistoryPage"]

    class Meta:
        verbose_name = _("organisation")

    founded_display = PartialDateDisplay("founded")
    search_date = PartialDateDisplay("founded", _("Founded %(date)s"))  # in search results

    def __str__(self) -> str:
        return self.title

    def clean(self):
        super().clean()
        errors = {}
        if (
            self.founded
            and truncate_to_precision(self.founded, self.founded_precision) > datetime.date.today()
        ):
            errors["founded"] = _("The founding date cannot be in the future.")
        if self.parent_organization_id and self._parent_chain_reaches_self():
            errors["parent_organization"] = _(
                "An organisation cannot belong to itself or to one of its own members."
            )
        if errors:
            raise ValidationError(errors)

    def _parent_chain_reaches_self(self) -> bool:
        seen = set()  # by translation key: a translation of this page is this organisation too
        parent = self.parent_organization
        while parent is not None and parent.pk not in seen:
            if parent.translation_key == self.translation_key:
                return True
            seen.add(parent.pk)
            parent = parent.parent_organization
        return False

    def structured_data(self, request) -> dict:
        return organization_node(self, request)

    @cached_property
    def _localized_parent(self) -> dict[int, "OrganizationPage"]:
        # One query, shared by the page and its structured data.
        parents = OrganizationPage.objects.all()
        return localized_in_bulk(parents, [self.parent_organization_id], self.locale_id)

    def localized_parent_organization(self) -> "OrganizationPage | None":
        return self._localized_parent.get(self.parent_organization_id)

    @classmethod
    def members_of(
        cls, organizations: list["OrganizationPage"], visible: models.QuerySet | None = None
    ) -> dict[int, list["OrganizationPage"]]:
        """The member organisations of each of `organizations`, in its locale and by title:
        {organisation id: [members]}, one query. `visible` is what may be shown (default: live
        and public). The page and the API both list these."""
        visible = public(cls.objects.live()) if visible is None else visible
        return pointing_at(visible.order_by("title"), organizations, "parent_organization")

    @cached_property
    def member_pages(self) -> list["OrganizationPage"]:
        """This organisation's members (see `members_of`): read once for the page and its
        structured data."""
        return self.members_of([self])[self.pk]

    def parts(self, request: HttpRequest) -> dict:
        """What belongs to this organisation, shown on its page and on its committees' and
        histories' pages: `committees` and `history_pages` (the API's relations of those names;
        one query, each as its own type) and the sections other apps add (`extra_sections`:
        programmes, events, news) without this app importing them."""
        types = [CommitteePage, HistoryPage]
        shown = with_page_types(public(Page.objects.live().type(*types)), types)
        children = [own_type(child) for child in children_by_parent(shown, [self])[self.pk]]
        return {
            "committees": [c for c in children if isinstance(c, CommitteePage)],
            "history_pages": [c for c in children if isinstance(c, HistoryPage)],
            "extra_sections": page_sections(ORGANIZATION_SECTIONS_HOOK, self, request),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.parts(request))
        context["member_organizations"] = self.member_pages
        context["parent_organization"] = self.localized_parent_organization()
        return context


class OrganizationPartMixin:
    """Committees and histories: pages that belong to the organisation above them, and link
    back to it and onward to everything else that belongs to it (no dead ends)."""

    @cached_property
    def organization(self) -> OrganizationPage | None:
        """The live, public organisation this page sits under; None under the index. With its
        locale, which the news section reads."""
        parent_path = self.path[: -self.steplen]
        organizations = public(OrganizationPage.objects.live()).select_related("locale")
        return organizations.filter(path=parent_path).first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.organization is not None:
            context["organization"] = self.organization
            context.update(self.organization.parts(request))
        return context


class CommitteeKind(models.TextChoices):
    STANDING = "standing", _("Standing committee")
    TEAM = "team", _("Team")


class CommitteePage(OrganizationPartMixin, RoutedPageMixin, HeadlessPreviewPageMixin, Page):
    acronym = models.CharField(
        _("acronym"),
        max_length=30,
        blank=True,
        help_text=_("e.g. SCOME, SCOPH. Teams may have none."),
    )
    full_name = models.CharField(
        _("full name"), max_length=200, help_text=_("e.g. Standing Committee on Medical Education.")
    )
    committee_kind = models.CharField(
        _("kind"), max_length=20, choices=CommitteeKind.choices, default=CommitteeKind.STANDING
    )
    focus = models.TextField(
        _("focus"), help_text=_("What the committee works on, in a sentence or two.")
    )
    body = StreamField(OrganizationStreamBlock(), blank=True)

    override_translatable_fields = synchronised_page_fields("acronym")

    api_fields = [
        APIField("acronym"),
        APIField("full_name"),
        APIField("committee_kind"),
        APIField(
            "committee_kind_display",
            serializer=translated_field(lambda p: p.get_committee_kind_display()),
        ),
        APIField("focus"),
        APIField("body"),
    ]
    api_detail_only_fields = ["body"]

    search_fields = bilingual_search_fields(
        Page.search_fields
        + [
            index.SearchField("acronym", boost=3),
            index.SearchField("full_name", boost=2),
            index.SearchField("focus"),
            index.SearchField("body"),
            index.AutocompleteField("acronym"),
        ]
    )
    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("acronym"), FieldPanel("committee_kind")]),
        FieldPanel("full_name"),
        FieldPanel("focus"),
        FieldPanel("body"),
    ]
    edit_handler = tabbed(content_panels)

    parent_page_types = ["organizations.OrganizationPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("committee")

    def structured_data(self, request) -> dict:
        return committee_node(self, request)


class HistoryPage(OrganizationPartMixin, RoutedPageMixin, HeadlessPreviewPageMixin, Page):
    """A timeline of dated events, always shown in date order whatever order they were entered."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])
    events = StreamField([("event", TimelineEventBlock())], blank=True)

    override_translatable_fields = synchronised_page_fields()

    search_fields = bilingual_search_fields(
        Page.search_fields
        + [
            index.SearchField("intro"),
            index.SearchField("events"),
        ]
    )
    api_fields = [
        APIField("intro"),
        # In date order, whatever order they were entered in (read from the stored JSON, so a
        # listing of timelines stays a fixed number of queries).
        APIField(
            "events",
            serializer=ComputedField(
                lambda page, context: org_api.events_representation(
                    page, get_resolver(context), page.locale_id
                ),
                prime_all=org_api.prime_event_links,
                schema=org_api.timeline_schema,
            ),
        ),
    ]
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("events")]
    edit_handler = tabbed(content_panels)

    parent_page_types = ["organizations.OrganizationPage", "organizations.OrganizationIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("history timeline")

    def sorted_events(self, from_year: int | None = None, to_year: int | None = None) -> list:
        """The events in date order (see `timeline_events`): what this page, timeline excerpts
        and the API all show."""
        return timeline_events(self.events, from_year, to_year)

    def timeline(
        self,
        from_year: int | None = None,
        to_year: int | None = None,
        request: HttpRequest | None = None,
    ) -> list[tuple]:
        """(event, linked page in this page's locale or None) for the events `sorted_events`
        gives: for this page and timeline excerpts elsewhere. The links cost one query, none
        when the request looked them up already (see `localized_links`)."""
        events = self.sorted_events(from_year, to_year)
        links = localized_links(request, [event["link"] for event in events], self.locale_id)
        return [(event, links.get(event["link"])) for event in events]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["timeline"] = self.timeline(request=request)
        return context
