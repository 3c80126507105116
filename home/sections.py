"""Extension point: apps add sections to pages of other apps without those apps knowing them.

A page type names a hook; an app registers a function for it with `@hooks.register(name)` that
takes the page and the request and returns None or a section dict:
``{"title": str, "template": str, "items": iterable}`` (plus anything its template needs).
Templates render them with ``{% include "home/includes/extra_sections.html" %}``.
"""

from django.http import HttpRequest
from wagtail import hooks
from wagtail.models import Page

# Boxes on the home page (e.g. latest news, what's on, open calls).
HOME_PAGE_SECTIONS_HOOK = "home_page_sections"


def page_sections(hook_name: str, page: Page, request: HttpRequest) -> list[dict]:
    sections = (fn(page, request) for fn in hooks.get_hooks(hook_name))
    return [section for section in sections if section]
