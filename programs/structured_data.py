"""What programme pages are, as schema.org nodes (see `home.structured_data`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest

from home.structured_data import compact, reference

if TYPE_CHECKING:
    from .models import PartnerProgramPage


def program_node(page: PartnerProgramPage, request: HttpRequest | None) -> dict:
    dates = {
        "applicationStartDate": page.application_opens,
        "applicationDeadline": page.application_deadline,
        "startDate": page.start_date,
        "endDate": page.end_date,
    }
    return compact(
        {
            "@type": "EducationalOccupationalProgram",
            "name": page.title,
            "description": page.summary,
            "programType": str(page.get_kind_display()),
            "provider": reference(page.localized_host_organization(), request),
            **{key: value.isoformat() for key, value in dates.items() if value},
        }
    )
