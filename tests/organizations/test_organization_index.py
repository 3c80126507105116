"""The organisation index groups organisations by kind, and shows one with an unknown kind
instead of failing."""

from __future__ import annotations

import re

import pytest

from organizations.models import OrganizationPage
from tests.factories import OrganizationPageFactory
from tests.html import main_html


@pytest.mark.django_db
def test_groups_by_kind_and_shows_an_unknown_kind_under_other(client, organization_index):
    school = OrganizationPageFactory(
        parent=organization_index, title="Example School", kind="medical_school"
    )
    imported = OrganizationPageFactory(parent=organization_index, title="Imported Society")
    # An importer writing past the model's validation: the value is outside the choices.
    OrganizationPage.objects.filter(pk=imported.pk).update(kind="unheard_of")
    main = main_html(client, organization_index)
    headings = re.findall(r'<h2 id="org-group-\d+">([^<]*)</h2>', main)
    assert headings == ["Medical school", "Other"]
    groups = main.split('<section class="org-group"')[1:]
    assert school.title in groups[0] and imported.title in groups[1]
    assert imported.title not in groups[0]
