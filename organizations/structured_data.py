"""What organisation and committee pages are, as schema.org nodes (see `home.structured_data`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest

from home.dates import iso_partial_date
from home.navigation import ancestors
from home.safe_urls import safe_url_or_empty
from home.structured_data import compact, image_url, postal_address, reference

if TYPE_CHECKING:
    from .models import CommitteePage, OrganizationPage

# Schools are universities to search engines; associations, federations and alliances are
# organisations (schema.org's MedicalOrganization means care providers such as hospitals).
SCHEMA_TYPES = {"medical_school": "CollegeOrUniversity"}


def organization_node(page: OrganizationPage, request: HttpRequest | None) -> dict:
    website = safe_url_or_empty(page.website)
    return compact(
        {
            "@type": SCHEMA_TYPES.get(page.kind, "Organization"),
            "name": page.title,
            "alternateName": page.acronym,
            "description": page.summary,
            "foundingDate": iso_partial_date(page.founded, page.founded_precision),
            "address": postal_address(page.address, page.city, page.country),
            "telephone": page.phone,
            "email": page.email,
            "sameAs": [website] if website else [],
            "logo": image_url(page.logo, request, "fill-160x160"),
            "parentOrganization": reference(page.localized_parent_organization(), request),
            "member": [reference(member, request) for member in page.member_pages],
        }
    )


def committee_node(page: CommitteePage, request: HttpRequest | None) -> dict:
    parents = ancestors(page, request)  # cached for the request: breadcrumbs read them too
    return compact(
        {
            "@type": "Organization",
            "name": page.full_name or page.title,
            "alternateName": page.acronym,
            "description": page.focus,
            "parentOrganization": reference(parents[-1] if parents else None, request),
        }
    )
