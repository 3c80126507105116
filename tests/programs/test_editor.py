"""What an editor sees when writing a programme: every field that needs it explains itself."""

import pytest
from django.urls import reverse

from tests.factories import PartnerInstitutionFactory, PartnerProgramPageFactory

pytestmark = pytest.mark.django_db


def test_programme_editor_explains_its_fields(admin_client, program_index):
    partner = PartnerInstitutionFactory(name="Partner University")
    page = PartnerProgramPageFactory(parent=program_index, partner_institutions=[partner])
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    for help_text in (
        "visitors filter the programme list by this",  # kind
        "the programme is listed on its page",  # host organisation
        "When it first ran.",
        "Shown as an open call from then.",
        "after it the page says applications are closed",
        "The first day of the next round.",
        "Universities and hospitals the programme works with",
        "in the reader&#x27;s language",  # each partner row
    ):
        assert help_text in html, help_text
    # The rows are labelled from the panel's label: "Partner 1", not "Partner institutions 1".
    assert "Add Partner institutions" not in html
    assert "Add Partner\n" in html or "Add Partner<" in html
