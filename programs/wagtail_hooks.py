from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from organizations.hooks import ORGANIZATION_API_FIELDS_HOOK, ORGANIZATION_SECTIONS_HOOK

from .api import PartnerInstitutionAPIViewSet, hosted_programs_api_field
from .models import PartnerInstitution, PartnerProgramPage


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


@hooks.register("register_api_endpoints")
def register_partners_endpoint(router) -> None:
    router.register_endpoint("partners", PartnerInstitutionAPIViewSet)


@hooks.register(ORGANIZATION_API_FIELDS_HOOK)
def hosted_programs_api_fields() -> list:
    """Organisation pages in the API list the programmes they host."""
    return [hosted_programs_api_field()]
