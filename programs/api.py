"""How programmes and partner institutions read in the API (see home/api/): the partner
fields of programme pages, the programmes an organisation hosts, and `/api/v2/partners/`
(partner institutions, filterable by country and locale, searchable)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from rest_framework.filters import BaseFilterBackend
from wagtail.api import APIField
from wagtail.api.v2.filters import OrderingFilter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.models import Page

from home.api.fields import (
    ComputedField,
    ImageAPIField,
    LinkTargetField,
    LocaleCodeField,
    RelatedPagesField,
    StringField,
    in_language,
    translated_field,
)
from home.api.filters import FieldsFilter, SearchFilter, requested_locale
from home.api.openapi.components import STRING, Components, nullable, obj
from home.api.openapi.fields import model_fields_schema
from home.api.resolver import Resolver, get_resolver, get_resolver_for_view
from home.api.views import StrictAPIMixin
from home.relations import inline_rows
from home.safe_urls import safe_url_or_empty

from .models import PartnerInstitution, PartnerProgramPage, ProgramPartner

COUNTRY_CODE = re.compile(r"[A-Z]{2}")


def partner_representation(partner: Any, resolver: Resolver, locale_id: int | None = None) -> dict:
    """A partner institution, ready to render (its logo as rendition URLs), as a reader in
    `locale_id` (default: the partner's language) sees it."""
    code = resolver.locale_code(partner.locale_id)
    return {
        "id": partner.pk,
        "name": partner.name,
        "short_name": partner.short_name,
        "country": str(partner.country),
        "country_name": in_language(code, lambda: partner.country.name),
        "city": partner.city,
        "website": safe_url_or_empty(partner.website),
        "logo": resolver.image(partner.logo_id),
        "locale": code,
        "page": partner_page(partner, resolver, locale_id or partner.locale_id),
    }


def partner_page(partner: Any, resolver: Resolver, locale_id: int) -> dict | None:
    """The partner's organisation page on this site, in the reader's language where that
    translation is live and public, else as stored; None when it has none, or none that anyone
    may read (a draft, behind a login or a password): as the HTML links it, even for a partner
    not yet translated."""
    return resolver.page_ref(partner.organization_page_id, locale_id)


def prime_partner_pages(partners: Iterable, resolver: Resolver) -> None:
    """The pages of `partners` (with their translations), in the response's batch of pages;
    nothing when none has one."""
    ids = [partner.organization_page_id for partner in partners if partner.organization_page_id]
    if ids:
        resolver.prime(Page, ids)


def prime_partner_institutions(ids: Iterable[int | None], resolver: Resolver) -> None:
    """Partners `ids` (and their translations), then their pages as soon as they are known:
    loaded in the same pass, with the other pages of the response."""
    resolver.prime(
        PartnerInstitution, ids, then=lambda partners: prime_partner_pages(partners, resolver)
    )


def partner_schema(components: Components) -> dict:
    """`$ref` to the shape of `partner_representation`."""
    return components.ref(
        "Partner",
        lambda: obj(
            {
                "id": {"type": "integer"},
                **model_fields_schema(PartnerInstitution, ["name", "short_name"]),
                "country": {**STRING, "description": "ISO 3166 code, e.g. FR."},
                "country_name": {**STRING, "description": "In the partner's language."},
                "city": model_fields_schema(PartnerInstitution, ["city"])["city"],
                "website": {**STRING, "description": "An http(s) URL, or empty."},
                "logo": nullable(components.image()),
                "locale": components.locale(),
                "page": partner_page_schema(components),
            },
            description="A partner institution.",
        ),
    )


def partner_page_schema(components: Components) -> dict:
    return {
        **nullable(components.page_ref()),
        "description": "Its organisation page on this site, in the reader's language where "
        "that translation is published; null when it has none that is public.",
    }


def partners_schema(components: Components) -> dict:
    return {"type": "array", "items": partner_schema(components)}


def prime_partners(pages: list, resolver: Resolver) -> None:
    """One query for the partner rows of all `pages`; the institutions (and their logos) then
    come with the response's other references."""
    rows = inline_rows(pages, "partners", ProgramPartner)
    by_page = {pk: [row.institution_id for row in page_rows] for pk, page_rows in rows.items()}
    resolver.store.setdefault(prime_partners, {}).update(by_page)
    prime_partner_institutions([pk for ids in by_page.values() for pk in ids], resolver)


def partners_representation(page: Any, context: dict) -> list[dict]:
    resolver = get_resolver(context)
    store = resolver.store.get(prime_partners, {})
    if page.pk not in store:
        prime_partners([page], resolver)
        store = resolver.store[prime_partners]
    partners = (resolver.localized(PartnerInstitution, pk, page.locale_id) for pk in store[page.pk])
    return [partner_representation(p, resolver, page.locale_id) for p in partners if p is not None]


def hosted_programs(pages: list, resolver: Resolver) -> dict[int, list]:
    return PartnerProgramPage.hosted_by(pages, resolver.visible_pages(PartnerProgramPage))


def program_schema() -> dict:
    return model_fields_schema(PartnerProgramPage, ["kind", "summary"])


def describe_program(program: Any, code: str) -> dict:
    return {"kind": program.kind, "summary": program.summary}


def hosted_programs_api_field() -> APIField:
    """`programs` on organisation pages: what they host, in their language."""
    return APIField(
        "programs",
        serializer=RelatedPagesField(hosted_programs, describe_program, program_schema),
    )


class PartnerFilter(BaseFilterBackend):
    """`?locale=zh-hans` (default: every locale) and `?country=FR` (ISO 3166 code)."""

    def filter_queryset(self, request, queryset, view):
        locale = requested_locale(request, get_resolver_for_view(view))
        if locale is not None:
            queryset = queryset.filter(locale=locale)
        if "country" in request.GET:
            country = request.GET["country"].upper()
            if not COUNTRY_CODE.fullmatch(country):  # ASCII: isalpha() takes "ÉÉ" too
                raise BadRequestError("country must be a two-letter ISO 3166 code, e.g. FR")
            queryset = queryset.filter(country=country)
        return queryset


class PartnerInstitutionAPIViewSet(StrictAPIMixin, BaseAPIViewSet):
    model = PartnerInstitution
    name = "partners"
    openapi_parameters = {
        "country": {
            "schema": {"type": "string", "pattern": "^[A-Za-z]{2}$"},
            "description": "Partners in that country (ISO 3166 code, e.g. FR).",
        },
    }
    # `locale` and `country` mean what PartnerFilter says; other fields filter as on pages.
    filter_backends = [FieldsFilter, PartnerFilter, OrderingFilter, SearchFilter]
    own_filters = ("locale", "country")
    known_query_parameters = BaseAPIViewSet.known_query_parameters.union(["locale", "country"])
    body_fields = BaseAPIViewSet.body_fields + [
        "name",
        "short_name",
        APIField("country", serializer=StringField()),
        APIField("country_name", serializer=translated_field(lambda p: p.country.name)),
        "city",
        APIField("website", serializer=LinkTargetField()),
        APIField("logo", serializer=ImageAPIField()),
        APIField("locale", serializer=LocaleCodeField()),
        APIField(
            "page",
            serializer=ComputedField(
                lambda partner, context: partner_page(
                    partner, get_resolver(context), partner.locale_id
                ),
                prime_all=prime_partner_pages,
                schema=partner_page_schema,
            ),
        ),
    ]
    listing_default_fields = BaseAPIViewSet.listing_default_fields + [
        "name",
        "short_name",
        "country",
        "country_name",
        "city",
        "website",
        "logo",
        "locale",
        "page",
    ]

    def get_queryset(self):
        return PartnerInstitution.objects.select_related("locale", "logo").order_by("name", "pk")
