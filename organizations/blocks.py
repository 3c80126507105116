import datetime

from django.apps import apps
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StreamValue
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.models import Page

from home.blocks import BaseStreamBlock, DisplayChoiceBlock
from home.dates import PRECISION_HELP_TEXT, DatePrecision
from home.i18n.links import link_in_page_language


class TimelineEventBlock(blocks.StructBlock):
    date = blocks.DateBlock(help_text=_("When it happened."))
    precision = DisplayChoiceBlock(
        choices=DatePrecision.choices, default=DatePrecision.YEAR, help_text=PRECISION_HELP_TEXT
    )
    title = blocks.CharBlock(max_length=200)
    text = blocks.TextBlock(required=False)
    link = blocks.PageChooserBlock(
        required=False, help_text=_("Optional: the organisation or programme page it concerns.")
    )

    class Meta:
        icon = "date"
        label = _("Event")
        template = "organizations/blocks/timeline_event_block.html"


def timeline_events(
    events: StreamValue, from_year: int | None = None, to_year: int | None = None
) -> list[dict]:
    """A stream of TimelineEventBlocks in date order, optionally only the events of a range of
    years, each `{date, precision, title, text, link}` with `link` a page id or None. Read from
    the raw data: a list of timelines costs no query per timeline or per link."""
    found = []
    for item in events.raw_data:
        value = item.get("value") or {}
        if item.get("type") != "event" or not value.get("date"):
            continue
        date = value["date"]
        if isinstance(date, str):  # as stored (a page being previewed holds `date` objects)
            date = datetime.date.fromisoformat(date)
        if (from_year is None or date.year >= from_year) and (
            to_year is None or date.year <= to_year
        ):
            found.append(
                {
                    "date": date,
                    "precision": value.get("precision") or DatePrecision.YEAR,
                    "title": value.get("title", ""),
                    "text": value.get("text", ""),
                    "link": value.get("link"),
                }
            )
    return sorted(found, key=lambda event: event["date"])


class TimelineExcerptBlock(blocks.StructBlock):
    """Shows part of a history page's timeline inside another page."""

    heading = blocks.CharBlock(required=False, max_length=120)
    history_page = blocks.PageChooserBlock(page_type="organizations.HistoryPage")
    from_year = blocks.IntegerBlock(required=False, min_value=1800, max_value=2200)
    to_year = blocks.IntegerBlock(required=False, min_value=1800, max_value=2200)
    max_events = blocks.IntegerBlock(
        default=5, min_value=1, max_value=50, help_text=_("Show at most this many events.")
    )

    def clean(self, value):
        value = super().clean(value)
        start, end = value.get("from_year"), value.get("to_year")
        if start and end and start > end:
            raise StructBlockValidationError(
                block_errors={"to_year": ValidationError(_("End year is before the start year."))}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        history = value["history_page"]
        page = (parent_context or {}).get("page")
        request = (parent_context or {}).get("request")
        if history is not None and isinstance(page, Page):
            # With the history, the pages its events link to: a translation links to the same
            # pages (wagtail-localize copies choosers), so its timeline needs no query of its own.
            links = [event["link"] for event in history.sorted_events()]
            history = link_in_page_language(request, page, history, also=links)
        years = value.get("from_year"), value.get("to_year")
        timeline = history.timeline(*years, request=request) if history else []
        context["history_page"] = history
        context["timeline"] = timeline[: value.get("max_events") or 5]
        return context

    def prime_api(self, value, resolver) -> None:
        """Load the history page (in bulk with other references), then its events' links."""
        from .api import prime_event_links

        history = value.get("history_page")
        if history is not None:
            model = apps.get_model("organizations", "HistoryPage")
            resolver.prime(
                model, [history.pk], then=lambda pages: prime_event_links(pages, resolver)
            )

    def get_api_representation(self, value, context=None):
        """The excerpt as the page shows it: the history page in the reader's language and its
        events in date order, limited to the years and the number chosen."""
        from home.api.resolver import current_locale_id, get_resolver

        from .api import events_representation

        context = context or {}
        resolver = get_resolver(context)
        locale_id = current_locale_id(context)
        history = value.get("history_page")
        model = apps.get_model("organizations", "HistoryPage")
        history = resolver.localized(model, history.pk, locale_id) if history else None
        events = []
        if history is not None:
            events = events_representation(
                history,
                resolver,
                locale_id or history.locale_id,
                value.get("from_year"),
                value.get("to_year"),
            )[: value.get("max_events") or 5]
        return {
            "heading": value.get("heading") or "",
            "history_page": resolver.page_summary(history) if history else None,
            "from_year": value.get("from_year"),
            "to_year": value.get("to_year"),
            "events": events,
        }

    def api_schema(self, components) -> dict:
        """What `get_api_representation` gives, for the OpenAPI document."""
        from home.api.openapi.components import STRING, nullable, obj

        from .api import timeline_schema

        year = self.child_blocks["from_year"].field
        years = {"type": ["integer", "null"], "minimum": year.min_value, "maximum": year.max_value}
        return obj(
            {
                "heading": STRING,
                "history_page": nullable(components.page_ref()),
                "from_year": years,
                "to_year": years,
                "events": timeline_schema(components),
            }
        )

    def get_preview_value(self):
        history = (
            apps.get_model("organizations", "HistoryPage").objects.live().order_by("pk").first()
        )
        return self.to_python(
            {"heading": "Milestones", "history_page": history.pk if history else None}
        )

    class Meta:
        icon = "history"
        template = "organizations/blocks/timeline_excerpt_block.html"
        description = _("A few events from a history timeline, linking to the full history.")


class OrganizationStreamBlock(BaseStreamBlock):
    timeline_excerpt = TimelineExcerptBlock()
