from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.navigation import sections
from home.routing import public
from home.sections import HOME_PAGE_SECTIONS_HOOK
from home.webhooks.events import WEBHOOK_MODELS_HOOK, WebhookModel
from organizations.hooks import ORGANIZATION_API_FIELDS_HOOK, ORGANIZATION_SECTIONS_HOOK

from .api import PartnerInstitutionAPIViewSet, hosted_programs_api_field
from .calls import CallsFilter, filter_calls
from .events_api import EventsAPIViewSet, ProgramsAPIViewSet
from .models import EventIndexPage, EventPage, PartnerInstitution, PartnerProgramPage

HOME_BOX_SIZE = 4


class PartnerInstitutionViewSet(SnippetViewSet):
    model = PartnerInstitution
    icon = "group"
    menu_label = _("Partner institutions")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "short_name", "country", "city", "locale"]
    list_filter = ["country"]
    ordering = ["name"]


register_snippet(PartnerInstitutionViewSet)


@hooks.register(ORGANIZATION_SECTIONS_HOOK)
def hosted_programs_section(page, request) -> dict | None:
    """List, on an organisation's page, the programmes it hosts (in the page's language)."""
    programs = PartnerProgramPage.hosted_by([page])[page.pk]
    if not programs:
        return None
    return {
        "title": _("Programmes"),
        "template": "programs/includes/program_list.html",
        "items": programs,
    }


@hooks.register(ORGANIZATION_SECTIONS_HOOK)
def organised_events_section(page, request) -> dict | None:
    """Events an organisation organises, on its page: upcoming first, then past ones."""
    events = EventPage.of("host_organization", [page])[page.pk]
    if not events:
        return None
    return {
        "title": _("Events"),
        "template": "programs/includes/event_list.html",
        "items": events,
    }


@hooks.register(HOME_PAGE_SECTIONS_HOOK)
def whats_on_section(page, request) -> dict | None:
    """ "What's on": the next events of the home page's language."""
    events = (
        public(EventPage.objects.live())
        .filter(locale_id=page.locale_id, last_day__gte=timezone.localdate())
        .order_by("start_date", "start_time", "pk")[:HOME_BOX_SIZE]
    )
    if not events:
        return None
    # The event section among the home page's sections, which the menu has read already.
    more = (s for s in sections(page, request) if issubclass(s.specific_class, EventIndexPage))
    return {
        "title": _("What’s on"),
        "template": "programs/includes/event_list.html",
        "items": events,
        "more": next(more, None),
    }


@hooks.register(HOME_PAGE_SECTIONS_HOOK)
def open_calls_section(page, request) -> dict | None:
    """ "Open calls": programmes of the home page's language taking applications now, soonest
    deadline first (those closing within 30 days are marked)."""
    visible = public(PartnerProgramPage.objects.live()).filter(locale_id=page.locale_id)
    calls = filter_calls(visible, CallsFilter.OPEN)[:HOME_BOX_SIZE]
    if not calls:
        return None
    return {
        "title": _("Open calls"),
        "template": "programs/includes/open_calls.html",
        "items": calls,
    }


@hooks.register("register_api_endpoints")
def register_partners_endpoint(router) -> None:
    router.register_endpoint("partners", PartnerInstitutionAPIViewSet)
    router.register_endpoint("events", EventsAPIViewSet)
    router.register_endpoint("programs", ProgramsAPIViewSet)


@hooks.register(ORGANIZATION_API_FIELDS_HOOK)
def hosted_programs_api_fields() -> list:
    """Organisation pages in the API list the programmes they host."""
    return [hosted_programs_api_field()]


@hooks.register(WEBHOOK_MODELS_HOOK)
def partner_webhook_events() -> list:
    """Webhooks may ask to hear of partner institutions' changes (saved or deleted)."""
    return [
        WebhookModel(
            PartnerInstitution,
            "partner.changed",
            _("Partner institution changed"),
            api_endpoint="partners",
        )
    ]
