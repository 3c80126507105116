"""Extension point: apps add sections to pages of other apps without those apps knowing them.

A page type names a hook; an app registers a function for it with `@hooks.register(name)` that
takes the page and the request and returns None or a section dict:
``{"title": str, "template": str, "items": iterable}`` (plus anything its template needs).
Templates render them with ``{% include "home/includes/extra_sections.html" %}``.
"""

from django.http import HttpRequest
from wagtail import hooks
from wagtail.models import Locale, Page

# Boxes on the home page (e.g. latest news, what's on, open calls).
HOME_PAGE_SECTIONS_HOOK = "home_page_sections"


def page_sections(hook_name: str, page: Page, request: HttpRequest) -> list[dict]:
    sections = (fn(page, request) for fn in hooks.get_hooks(hook_name))
    return [section for section in sections if section]


# Links in the `<head>` of every page (e.g. a news feed of the page's language): a function
# registered with `@hooks.register(HEAD_LINKS_HOOK)` takes the locale shown (or None) and the
# request and returns a list of `{"rel", "type", "href", "title"}`.
HEAD_LINKS_HOOK = "page_head_links"


def head_links(locale: Locale | None, request: HttpRequest | None) -> list[dict]:
    return [link for fn in hooks.get_hooks(HEAD_LINKS_HOOK) for link in fn(locale, request)]
