"""Extension points: other apps add to organisation pages without this app knowing them.

Sections: a function registered with `@hooks.register(ORGANIZATION_SECTIONS_HOOK)` takes the
organisation page and the request and returns None or a section dict (see `home.sections`).
"""

from wagtail import hooks

ORGANIZATION_SECTIONS_HOOK = "organization_page_sections"


# Other apps add fields to organisation pages in the API the same way: a function registered
# with `@hooks.register(ORGANIZATION_API_FIELDS_HOOK)` returns a list of `wagtail.api.APIField`
# (e.g. `programs` adds the programmes an organisation hosts).
ORGANIZATION_API_FIELDS_HOOK = "organization_api_fields"


def organization_api_fields() -> list:
    return [field for fn in hooks.get_hooks(ORGANIZATION_API_FIELDS_HOOK) for field in fn()]
