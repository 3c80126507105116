"""Events: congresses, annual meetings, symposiums. Days, and optionally times in the zone of
the venue, so that Shantou and Bucharest both show their local time at the right instant.
Old dates known only to the year say so (`date_precision`): shown as "2011", left out of
calendars (a calendar needs a day)."""

from __future__ import annotations

import calendar
import datetime
import zoneinfo

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.functional import cached_property, classproperty
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.dates import DatePrecision
from home.i18n.links import localized_in_bulk
from home.i18n.synchronised import synchronised_page_fields
from home.models import HeadlessPreviewPageMixin, SectionIndexPage, tabbed
from home.relations import pointing_at
from home.routing import RoutedPageMixin, public
from home.safe_urls import validate_safe_url
from home.search.terms import bilingual_search_fields

from .blocks import EventStreamBlock, grid_partner_ids
from .calendar import calendar_response, event_calendar, section_calendar
from .event_display import event_when, structured_data

EVENTS_PER_PAGE = 12
TIME_ZONE_CHOICES = [("", "---------")] + [
    (name, name) for name in sorted(zoneinfo.available_timezones())
]


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    POSTPONED = "postponed", _("Postponed")
    CANCELLED = "cancelled", _("Cancelled")


class EventPrecision(models.TextChoices):
    """How precisely an event's date is known (a subset of home.dates.DatePrecision)."""

    DAY = DatePrecision.DAY.value, _("Day")
    MONTH = DatePrecision.MONTH.value, _("Month")
    YEAR = DatePrecision.YEAR.value, _("Year")


def last_day_of(value: datetime.date, precision: str) -> datetime.date:
    """The last day of the period `value` stands for (a day, its month or its year)."""
    if precision == EventPrecision.YEAR:
        return value.replace(month=12, day=31)
    if precision == EventPrecision.MONTH:
        return value.replace(day=calendar.monthrange(value.year, value.month)[1])
    return value


class EventIndexPage(
    RoutedPageMixin, HeadlessPreviewPageMixin, RoutablePageMixin, SectionIndexPage
):
    """Upcoming events first (`?page=`), past events at `past/`, and the section's calendar to
    subscribe to at `calendar/` (its events and the programmes' application deadlines)."""

    subpage_types = ["programs.EventPage"]

    class Meta:
        verbose_name = _("event index")

    def events(self, past: bool = False) -> models.QuerySet:
        """This section's live, public events: upcoming (or still running) soonest first, or
        past ones latest first."""
        today = timezone.localdate()
        events = public(EventPage.objects.child_of(self).live())
        if past:
            return events.filter(last_day__lt=today).order_by("-start_date", "-pk")
        return events.filter(last_day__gte=today).order_by("start_date", "start_time", "pk")

    def paginate(self, request: HttpRequest, events: models.QuerySet) -> PaginatorPage:
        # get_page() turns a missing, non-numeric or out-of-range ?page= into a valid page.
        return Paginator(events, EVENTS_PER_PAGE).get_page(request.GET.get("page"))

    def render_list(self, request: HttpRequest, past: bool) -> HttpResponse:
        events = self.paginate(request, self.events(past=past))
        return self.render(request, context_overrides={"events": events, "past": past})

    @path("")
    def upcoming_view(self, request: HttpRequest) -> HttpResponse:
        return self.render_list(request, past=False)

    @path("past/")
    def past_view(self, request: HttpRequest) -> HttpResponse:
        return self.render_list(request, past=True)

    # Not "calendar.ics": Wagtail serves page paths of letters, digits, "-" and "_" only.
    @path("calendar/")
    def calendar_view(self, request: HttpRequest) -> HttpResponse:
        return calendar_response(section_calendar(self, request), "calendar.ics")


class EventPage(RoutedPageMixin, HeadlessPreviewPageMixin, RoutablePageMixin, Page):
    start_date = models.DateField(
        _("start date"),
        help_text=_("The first day. For a date known only to the year, any day in it."),
    )
    date_precision = models.CharField(
        _("date precision"),
        max_length=10,
        choices=EventPrecision.choices,
        default=EventPrecision.DAY,
        help_text=_(
            "How precisely the date is known. Only events with a known day appear in calendars."
        ),
    )
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("Leave empty for a one-day event.")
    )
    start_time = models.TimeField(
        _("start time"), null=True, blank=True, help_text=_("Local time at the venue.")
    )
    end_time = models.TimeField(
        _("end time"),
        null=True,
        blank=True,
        help_text=_("Local time at the venue, on the end date."),
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        blank=True,
        # Chosen from the system's zone list in the form, not stored as field choices: the
        # list changes with tzdata, and it would rewrite the migration every time.
        help_text=_("Where the times are local, e.g. Europe/Bucharest. Required with times."),
    )
    # The last day the event runs (its period's for an imprecise date), kept for listings.
    last_day = models.DateField(editable=False, db_index=True)
    status = models.CharField(
        _("status"), max_length=12, choices=EventStatus.choices, default=EventStatus.SCHEDULED
    )
    online = models.BooleanField(_("online"), default=False, help_text=_("Held online."))
    online_url = models.URLField(
        _("online link"),
        blank=True,
        validators=[validate_safe_url],
        help_text=_("Where to join an online event."),
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = CountryField(_("country"), blank=True)
    host_organization = models.ForeignKey(
        "organizations.OrganizationPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        verbose_name=_("organiser"),
        help_text=_("The organisation that runs the event."),
    )
    host_institution = models.ForeignKey(
        "programs.PartnerInstitution",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("host institution"),
        help_text=_("The university or hospital that hosts it, if not the organiser."),
    )
    program = models.ForeignKey(
        "programs.PartnerProgramPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        verbose_name=_("programme"),
        help_text=_("The programme this event belongs to, e.g. an annual meeting."),
    )
    registration_url = models.URLField(
        _("registration link"), blank=True, validators=[validate_safe_url]
    )
    registration_deadline = models.DateField(
        _("registration deadline"),
        null=True,
        blank=True,
        help_text=_("Last day to register; not after the event starts."),
    )
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("One or two sentences shown on cards and lists.")
    )
    body = StreamField(EventStreamBlock(), blank=True)

    # Not text: the same in every language, so translations never go "outdated" over them.
    override_translatable_fields = synchronised_page_fields(
        *(  # noqa: SIM905 (one string: fifteen lines shorter)
            "start_date date_precision end_date start_time end_time time_zone status online "
            "online_url country host_organization host_institution program registration_url "
            "registration_deadline"
        ).split()
    )

    search_fields = bilingual_search_fields(
        Page.search_fields
        + [
            index.SearchField("summary", boost=2),
            index.SearchField("venue"),
            index.SearchField("city"),
            index.SearchField("body"),
            index.FilterField("start_date"),
            index.FilterField("last_day"),
            index.FilterField("status"),
            index.FilterField("host_organization"),
            index.FilterField("program"),
        ]
    )

    @classproperty
    def api_fields(cls) -> list:
        from .events_api import event_api_fields

        return event_api_fields()

    api_detail_only_fields = ["body"]

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("status"), FieldPanel("program")]),
        FieldRowPanel([FieldPanel("host_organization"), FieldPanel("host_institution")]),
        FieldPanel("body"),
    ]
    detail_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("date_precision"),
                FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")]),
                FieldPanel("time_zone", widget=forms.Select(choices=TIME_ZONE_CHOICES)),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
                FieldRowPanel([FieldPanel("online"), FieldPanel("online_url")]),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [FieldPanel("registration_url"), FieldPanel("registration_deadline")],
            heading=_("Registration"),
        ),
    ]
    edit_handler = tabbed(content_panels, detail_panels)

    # Only in an event section: one listing and one calendar hold all of a site's events;
    # a programme shows its events through `program`.
    parent_page_types = ["programs.EventIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    # -- when

    @property
    def search_date(self) -> str:
        """The date shown with this page in search results."""
        return event_when(self)["text"]

    @property
    def is_dated(self) -> bool:
        """Known to the day, so it can go into a calendar."""
        return self.date_precision == EventPrecision.DAY

    @property
    def zone(self) -> zoneinfo.ZoneInfo | None:
        if not (self.start_time and self.time_zone):
            return None
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def starts_at(self) -> datetime.datetime | None:
        """The start as an aware datetime in the venue's zone; None for an all-day event."""
        zone = self.zone
        return datetime.datetime.combine(self.start_date, self.start_time, zone) if zone else None

    @property
    def ends_at(self) -> datetime.datetime | None:
        zone = self.zone
        if not zone or not self.end_time:
            return None
        return datetime.datetime.combine(self.end_date or self.start_date, self.end_time, zone)

    def is_past(self, today: datetime.date | None = None) -> bool:
        return self.last_day < (today or timezone.localdate())

    def registration_open(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        deadline = self.registration_deadline
        return bool(self.registration_url) and (deadline is None or deadline >= today)

    def save(self, *args, **kwargs):
        end = self.end_date or self.start_date
        self.last_day = last_day_of(end, self.date_precision) if end else None
        super().save(*args, **kwargs)

    def full_clean(self, *args, **kwargs):
        # Page.full_clean validates every field: give `last_day` its value first.
        if self.start_date:
            self.last_day = last_day_of(self.end_date or self.start_date, self.date_precision)
        super().full_clean(*args, **kwargs)

    def clean(self):
        super().clean()
        errors: dict[str, list] = {}

        def error(field: str, message: str) -> None:
            errors.setdefault(field, []).append(message)

        start, end = self.start_date, self.end_date
        if start and end and end < start:
            error("end_date", _("The event cannot end before it starts."))
        if self.end_time and not self.start_time:
            error("start_time", _("Give a start time with the end time."))
        if self.time_zone and self.time_zone not in zoneinfo.available_timezones():
            error("time_zone", _("Choose a time zone from the list."))
        elif self.start_time and not self.time_zone:
            error("time_zone", _("Choose the time zone the times are in."))
        if self.start_time and self.date_precision != EventPrecision.DAY:
            error("start_time", _("Times need a date known to the day."))
        if self.date_precision != EventPrecision.DAY and end:
            error("end_date", _("Leave the end date empty for a date known only roughly."))
        same_day = start and (end is None or end == start)
        if same_day and self.start_time and self.end_time and self.end_time < self.start_time:
            error("end_time", _("The event cannot end before it starts."))
        deadline = self.registration_deadline
        if deadline and start and deadline > start:
            error(
                "registration_deadline", _("The registration deadline is after the event starts.")
            )
        if self.online and not self.online_url:
            error("online_url", _("Give the link where people join the online event."))
        if errors:
            raise ValidationError(errors)

    # -- shown

    @cached_property
    def _localized_pages(self) -> dict[int, Page]:
        # The organiser and the programme in one query (as plain pages: links and titles).
        pages = [self.host_organization_id, self.program_id]
        return localized_in_bulk(Page.objects.all(), pages, self.locale_id)

    @cached_property
    def _partners_in_language(self) -> dict[int, models.Model]:
        # The host institution and the partners of the body's grids in one look-up.
        partners = self._meta.get_field("host_institution").related_model
        ids = [self.host_institution_id, *grid_partner_ids(self.body)]
        return partners.in_language(ids, self.locale_id)

    def localized_host_organization(self) -> Page | None:
        return self._localized_pages.get(self.host_organization_id)

    def localized_host_institution(self):
        return self._partners_in_language.get(self.host_institution_id)

    def localized_program(self) -> Page | None:
        return self._localized_pages.get(self.program_id)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["host_organization"] = self.localized_host_organization()
        context["host_institution"] = self.localized_host_institution()
        program = self.localized_program()
        context["program"] = program if program and program.live else None
        context["partners_in_language"] = self._partners_in_language
        return context

    @path("")
    def event_view(self, request: HttpRequest) -> HttpResponse:
        return self.render(request)

    @path("calendar/")
    def ics_view(self, request: HttpRequest) -> HttpResponse:
        if not self.is_dated:
            raise Http404("This event's day is not known.")
        return calendar_response(event_calendar(self, request), "event.ics")

    def structured_data(self, request: HttpRequest) -> dict:
        return structured_data(self, request)

    @classmethod
    def of(cls, key_field: str, pages: list[Page], limit: int = 6) -> dict[int, list[EventPage]]:
        """Events whose `key_field` (organiser or programme) is one of `pages`, in each page's
        language: upcoming ones soonest first, then past ones latest first. One query."""
        today = timezone.localdate()
        found = pointing_at(public(cls.objects.live()), pages, key_field)

        def order(event: EventPage) -> tuple:
            past = event.is_past(today)
            return past, (-1 if past else 1) * event.start_date.toordinal(), event.pk

        return {pk: sorted(events, key=order)[:limit] for pk, events in found.items()}
