"""The editor's tabs every page type shares, so editors find things in the same place."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList, TabbedInterface
from wagtail.models import Page

PROMOTE_PANELS = Page.promote_panels
SETTINGS_PANELS = Page.settings_panels


def tabbed(content: list, details: list | None = None) -> TabbedInterface:
    """The editor's tabs: content, optional details, then Wagtail's promote and settings tabs."""
    tabs = [ObjectList(content, heading=_("Content"))]
    if details:
        tabs.append(ObjectList(details, heading=_("Details")))
    tabs += [
        ObjectList(PROMOTE_PANELS, heading=_("Promote")),
        ObjectList(SETTINGS_PANELS, heading=_("Settings")),
    ]
    return TabbedInterface(tabs)
