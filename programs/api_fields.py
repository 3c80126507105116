"""How programmes and partner institutions read in the API (see home/api/)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.apps import apps
from wagtail.api import APIField

from home.api.fields import RelatedPagesField, in_language
from home.api.resolver import Resolver, get_resolver
from home.relations import pointing_at


def partner_representation(partner: Any, resolver: Resolver) -> dict:
    """A partner institution, ready to render (its logo as rendition URLs)."""
    code = resolver.locale_code(partner.locale_id)
    return {
        "id": partner.pk,
        "name": partner.name,
        "short_name": partner.short_name,
        "country": str(partner.country),
        "country_name": in_language(code, lambda: partner.country.name),
        "city": partner.city,
        "website": partner.website,
        "logo": resolver.image(partner.logo_id),
        "locale": code,
    }


def prime_partners(pages: list, resolver: Resolver) -> None:
    """One query for the partner rows of all `pages`; the institutions (and their logos) then
    come with the response's other references."""
    rows = apps.get_model("programs", "ProgramPartner").objects.filter(
        page_id__in=[page.pk for page in pages]
    )
    by_page: dict[int, list[int]] = defaultdict(list)
    for row in rows.order_by("sort_order", "pk"):
        by_page[row.page_id].append(row.institution_id)
    store = resolver.store.setdefault(prime_partners, {})
    store.update({page.pk: by_page.get(page.pk, []) for page in pages})
    model = apps.get_model("programs", "PartnerInstitution")
    resolver.prime(model, [pk for ids in by_page.values() for pk in ids])


def partners_representation(page: Any, context: dict) -> list[dict]:
    resolver = get_resolver(context)
    store = resolver.store.get(prime_partners, {})
    if page.pk not in store:
        prime_partners([page], resolver)
        store = resolver.store[prime_partners]
    model = apps.get_model("programs", "PartnerInstitution")
    partners = (resolver.localized(model, pk, page.locale_id) for pk in store[page.pk])
    return [partner_representation(p, resolver) for p in partners if p is not None]


def hosted_programs(pages: list, resolver: Resolver) -> dict[int, list]:
    model = apps.get_model("programs", "PartnerProgramPage")
    queryset = resolver.visible_pages(model).order_by("title")
    return pointing_at(queryset, pages, "host_organization")


def describe_program(program: Any, code: str) -> dict:
    return {"kind": program.kind, "summary": program.summary}


def hosted_programs_api_field() -> APIField:
    """`programmes` on organisation pages: what they host, in their language."""
    return APIField("programmes", serializer=RelatedPagesField(hosted_programs, describe_program))
