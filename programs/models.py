from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property, classproperty
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.api.fields import ComputedField, LocalizedPageField, translated_field
from home.api.resolver import current_locale_id, get_resolver
from home.blocks import BaseStreamBlock
from home.dates import PRECISION_HELP_TEXT, DatePrecision, PartialDateDisplay
from home.i18n.links import localize, localized_in_bulk
from home.i18n.synchronised import synchronised_page_fields
from home.images import PARTNER_LOGO, SHARED_LOGO, renditions_prefetch
from home.models import HeadlessPreviewPageMixin, SectionIndexPage, tabbed
from home.relations import pointing_at
from home.routing import RoutedPageMixin, public
from home.safe_urls import validate_safe_url
from home.search.terms import bilingual_search_fields

from .calls import CallsFilter, application_state, filter_calls
from .structured_data import program_node


class PartnerInstitution(TranslatableMixin, index.Indexed, models.Model):
    """A university, hospital or agency that programmes work with; translated like pages."""

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(
        _("short name"), max_length=60, blank=True, help_text=_("e.g. UCSF, CUHK.")
    )
    country = CountryField(_("country"))
    city = models.CharField(_("city"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True, validators=[validate_safe_url])
    logo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    organization_page = models.ForeignKey(
        "organizations.OrganizationPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("page on this site"),
        help_text=_(
            "Its organisation page here, if it has one: partner lists link to that page (in the "
            "reader's language) rather than to the website."
        ),
    )

    override_translatable_fields = [
        SynchronizedField("short_name"),
        SynchronizedField("organization_page"),
    ]

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldRowPanel([FieldPanel("country"), FieldPanel("city")]),
        FieldPanel("website"),
        FieldPanel("organization_page"),
        FieldPanel("logo"),
    ]
    search_fields = bilingual_search_fields(
        [
            index.SearchField("name", boost=2),
            index.SearchField("short_name"),
            index.SearchField("city"),
            index.AutocompleteField("name"),
            index.FilterField("country"),
            index.FilterField("locale_id"),
        ]
    )

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("partner institution")
        verbose_name_plural = _("partner institutions")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def in_language(cls, ids: list[int], locale_id: int) -> dict[int, "PartnerInstitution"]:
        """{id: the partner in locale `locale_id`} (see `localized_in_bulk`), with its logo and
        the logo's renditions for pages and their structured data, and as `page_shown` its
        live, public page on this site in that locale (else in its own), or None: two queries,
        three when a partner has a page."""
        partners = cls.objects.select_related("logo").prefetch_related(
            renditions_prefetch("logo__renditions", PARTNER_LOGO, SHARED_LOGO)
        )
        found = localized_in_bulk(partners, ids, locale_id)
        page_ids = [p.organization_page_id for p in found.values() if p.organization_page_id]
        # A page behind a password or a login is not linked: a visitor could not read it.
        shown = localized_in_bulk(public(Page.objects.live()), page_ids, locale_id)
        for partner in found.values():
            partner.page_shown = shown.get(partner.organization_page_id)
        return found

    def api_representation(self, context: dict) -> dict:
        """How the API shows a partner wherever a block or page refers to one."""
        from .api import partner_representation

        return partner_representation(self, get_resolver(context), current_locale_id(context))

    @classmethod
    def api_schema(cls, components) -> dict:
        """The schema of `api_representation`, for the OpenAPI document."""
        from .api import partner_schema

        return partner_schema(components)


class ProgramKind(models.TextChoices):
    CLINICAL = "clinical", _("Clinical exchange")
    RESEARCH = "research", _("Research exchange")
    COURSE = "course", _("Course")
    STUDY_TOUR = "study_tour", _("Study tour")
    JOINT_SCHOOL = "joint_school", _("Joint school or degree")
    SYMPOSIUM = "symposium", _("Symposium")
    CONFERENCE = "conference", _("Conference")


class ProgramIndexPage(RoutedPageMixin, HeadlessPreviewPageMixin, SectionIndexPage):
    subpage_types = ["programs.PartnerProgramPage"]

    class Meta:
        verbose_name = _("programme index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        programs = public(PartnerProgramPage.objects.child_of(self).live()).order_by("title")
        kind = request.GET.get("kind")
        if kind in ProgramKind.values:
            programs = programs.filter(kind=kind)
        calls = request.GET.get("calls")
        if calls in CallsFilter.values:
            programs = filter_calls(programs, calls)
        context["programs"] = programs
        context["kinds"] = ProgramKind.choices
        context["selected_kind"] = kind if kind in ProgramKind.values else ""
        context["calls_choices"] = CallsFilter.choices
        context["selected_calls"] = calls if calls in CallsFilter.values else ""
        return context


class PartnerProgramPage(RoutedPageMixin, HeadlessPreviewPageMixin, Page):
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=ProgramKind.choices,
        help_text=_("What students do: visitors filter the programme list by this."),
    )
    host_organization = models.ForeignKey(
        "organizations.OrganizationPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hosted_programs",
        verbose_name=_("host organisation"),
        help_text=_("The organisation that runs it: the programme is listed on its page."),
    )
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("One or two sentences shown on cards and lists.")
    )
    since = models.DateField(
        _("running since"), null=True, blank=True, help_text=_("When it first ran.")
    )
    since_precision = models.CharField(
        _("precision of 'running since'"),
        max_length=10,
        choices=DatePrecision.choices,
        default=DatePrecision.YEAR,
        help_text=PRECISION_HELP_TEXT,
    )
    participants_per_year = models.PositiveIntegerField(
        _("participants per year"), null=True, blank=True, help_text=_("About how many, e.g. 350.")
    )
    eligibility = RichTextField(
        _("eligibility"),
        blank=True,
        features=["bold", "italic", "ul", "ol", "link"],
        help_text=_("Who can apply and what they need."),
    )
    application_opens = models.DateField(
        _("applications open"),
        null=True,
        blank=True,
        help_text=_("The first day applications are accepted. Shown as an open call from then."),
    )
    application_deadline = models.DateField(
        _("application deadline"),
        null=True,
        blank=True,
        help_text=_("The last day to apply; after it the page says applications are closed."),
    )
    start_date = models.DateField(
        _("starts"), null=True, blank=True, help_text=_("The first day of the next round.")
    )
    end_date = models.DateField(
        _("ends"), null=True, blank=True, help_text=_("The last day of the next round.")
    )
    body = StreamField(BaseStreamBlock(), blank=True)

    # Numbers (participants per year) and dates are synchronised by default; so is the slug.
    override_translatable_fields = synchronised_page_fields()

    search_fields = bilingual_search_fields(
        Page.search_fields
        + [
            index.SearchField("summary", boost=2),
            index.SearchField("eligibility"),
            index.SearchField("body"),
            index.FilterField("kind"),
            index.FilterField("application_opens"),
            index.FilterField("application_deadline"),
            index.RelatedFields("partners", [index.SearchField("partner_name")]),
        ]
    )

    # Read when the API asks: programs/api.py, where the partner fields live, imports this module.
    @classproperty
    def api_fields(cls) -> list:
        from .api import partners_representation, partners_schema, prime_partners

        return [
            APIField("kind"),
            APIField("kind_display", serializer=translated_field(lambda p: p.get_kind_display())),
            APIField("host_organization", serializer=LocalizedPageField()),
            APIField("summary"),
            APIField(
                "partners",
                serializer=ComputedField(
                    partners_representation, prime_all=prime_partners, schema=partners_schema
                ),
            ),
            APIField("since"),
            APIField("since_precision"),
            APIField("since_display", serializer=translated_field(lambda p: p.since_display)),
            APIField("participants_per_year"),
            APIField("eligibility"),
            APIField("application_opens"),
            APIField("application_deadline"),
            APIField("start_date"),
            APIField("end_date"),
            APIField("body"),
        ]

    api_detail_only_fields = ["body"]

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("host_organization")]),
        FieldPanel("summary"),
        InlinePanel(
            "partners",
            label=_("Partner"),
            heading=_("Partner institutions"),
            help_text=_(
                "Universities and hospitals the programme works with, in the order to show them. "
                "Add a missing one under Partner institutions in the menu."
            ),
        ),
        FieldPanel("body"),
    ]
    detail_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("since"), FieldPanel("since_precision")]),
                FieldPanel("participants_per_year"),
                FieldPanel("eligibility"),
            ],
            heading=_("About the programme"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("application_opens"), FieldPanel("application_deadline")]
                ),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
            ],
            heading=_("Dates and deadlines"),
        ),
    ]
    edit_handler = tabbed(content_panels, detail_panels)

    parent_page_types = ["programs.ProgramIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("partner programme")

    since_display = PartialDateDisplay("since")
    # The date shown with this page in search results.
    search_date = PartialDateDisplay("since", _("Since %(date)s"))

    @classmethod
    def hosted_by(
        cls, organizations: list[Page], visible: models.QuerySet | None = None
    ) -> dict[int, list["PartnerProgramPage"]]:
        """The programmes each of `organizations` hosts, in its locale and by title:
        {organisation id: [programmes]}, one query. `visible` is what may be shown (default:
        live and public). Organisation pages and the API both list these."""
        visible = public(cls.objects.live()) if visible is None else visible
        return pointing_at(visible.order_by("title"), organizations, "host_organization")

    def clean(self):
        super().clean()
        errors: dict[str, list] = {}
        opens, deadline = self.application_opens, self.application_deadline
        start, end = self.start_date, self.end_date
        if opens and deadline and deadline < opens:
            errors.setdefault("application_deadline", []).append(
                _("The deadline is before applications open.")
            )
        if deadline and start and deadline > start:
            errors.setdefault("application_deadline", []).append(
                _("The application deadline must not be after the programme starts.")
            )
        if start and end and end < start:
            errors.setdefault("end_date", []).append(
                _("The programme cannot end before it starts.")
            )
        if errors:
            raise ValidationError(errors)

    @cached_property
    def _localized_host(self) -> dict[int, Page]:
        host_model = self._meta.get_field("host_organization").related_model
        return localized_in_bulk(
            host_model.objects.all(), [self.host_organization_id], self.locale_id
        )

    def localized_host_organization(self):
        """The host in this page's language (one query, shared by the page and its JSON-LD)."""
        return self._localized_host.get(self.host_organization_id)

    def structured_data(self, request) -> dict:
        return program_node(self, request)

    @cached_property
    def _partner_ids(self) -> list[int]:
        return [row.institution_id for row in self.partners.all()]

    @cached_property
    def _partners_in_language(self) -> dict[int, PartnerInstitution]:
        return PartnerInstitution.in_language(self._partner_ids, self.locale_id)

    def localized_partners(self) -> list[PartnerInstitution]:
        in_language = self._partners_in_language
        return [in_language[pk] for pk in self._partner_ids if pk in in_language]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["host_organization"] = self.localized_host_organization()
        context["partner_institutions"] = self.localized_partners()
        context["events"] = EventPage.of("program", [self])[self.pk]
        return context

    @property
    def application_state(self) -> str:
        """ "open", "closed", "not_yet_open", or "" without a deadline (see programs/calls.py)."""
        return application_state(self.application_opens, self.application_deadline)


class ProgramPartner(Orderable):
    """A partner institution of a programme. Rows are copied as they are into translations;
    the institution is shown in the reader's language when rendered."""

    page = ParentalKey(PartnerProgramPage, on_delete=models.CASCADE, related_name="partners")
    institution = models.ForeignKey(
        PartnerInstitution,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("institution"),
        help_text=_("Shown with its name, city and logo in the reader's language."),
    )

    panels = [FieldPanel("institution")]

    @property
    def partner_name(self) -> str:
        # Rows are copied unchanged into translations: index the name in the page's language.
        return localize(self.institution, self.page.locale).name

    class Meta(Orderable.Meta):
        verbose_name = _("programme partner")


# Events live in their own module; imported here so that Django finds their models.
from .events import EventIndexPage, EventPage  # noqa: E402, F401
