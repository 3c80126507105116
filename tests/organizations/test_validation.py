"""Each organisation editing rule gives a form error that says what to fix, in the model and in
the admin."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from organizations.blocks import TimelineExcerptBlock
from tests.admin_forms import page_edit_data
from tests.factories import HistoryPageFactory, OrganizationPageFactory, translate

pytestmark = pytest.mark.django_db


def test_founding_date_in_the_future_is_refused(organization_index):
    page = OrganizationPageFactory(parent=organization_index)
    page.founded = datetime.date.today() + datetime.timedelta(days=1)
    page.founded_precision = "day"
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "cannot be in the future" in str(error.value.message_dict["founded"])


def test_founding_in_the_current_year_is_allowed(organization_index):
    page = OrganizationPageFactory(
        parent=organization_index,
        founded=datetime.date(datetime.date.today().year, 12, 31),
        founded_precision="year",
    )
    page.full_clean()


@pytest.fixture
def federation_tree(organization_index) -> tuple:
    """A federation, its member and the member's member."""
    federation = OrganizationPageFactory(parent=organization_index)
    member = OrganizationPageFactory(parent=organization_index, parent_organization=federation)
    member_of_member = OrganizationPageFactory(
        parent=organization_index, parent_organization=member
    )
    return federation, member, member_of_member


@pytest.mark.parametrize("target", ["self", "member", "member_of_member"])
def test_organisation_cannot_belong_to_itself_or_its_members(federation_tree, target):
    federation, member, member_of_member = federation_tree
    federation.parent_organization = {
        "self": federation,
        "member": member,
        "member_of_member": member_of_member,
    }[target]
    with pytest.raises(ValidationError) as error:
        federation.full_clean()
    assert "cannot belong to itself" in str(error.value.message_dict["parent_organization"])


def test_a_translation_of_a_member_counts_as_that_member(federation_tree, chinese):
    federation, member, _ = federation_tree
    federation.parent_organization = translate(member, chinese)
    with pytest.raises(ValidationError) as error:
        federation.full_clean()
    assert "cannot belong to itself" in str(error.value.message_dict["parent_organization"])


def test_valid_parent_chain_is_accepted(federation_tree):
    for page in federation_tree:
        page.full_clean()


def test_timeline_excerpt_years_in_order(organization_index):
    history = HistoryPageFactory(parent=OrganizationPageFactory(parent=organization_index))
    block = TimelineExcerptBlock()
    value = block.to_python({"history_page": history.pk, "from_year": 2010, "to_year": 2000})
    with pytest.raises(ValidationError) as error:
        block.clean(value)
    assert "before the start year" in str(error.value.block_errors["to_year"])


def test_admin_shows_form_errors_instead_of_saving(admin_client, organization_index):
    """Posting an invalid organisation in the admin re-renders the form with the message and
    saves nothing."""
    founded = datetime.date(2014, 12, 29)
    page = OrganizationPageFactory(
        parent=organization_index, founded=founded, founded_precision="day"
    )
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    post = page_edit_data(admin_client, page)
    post["founded"] = (datetime.date.today() + datetime.timedelta(days=400)).isoformat()
    post["founded_precision"] = "day"
    post["action-publish"] = "action-publish"
    response = admin_client.post(edit_url, post)
    assert response.status_code == 200
    assert "The founding date cannot be in the future." in response.content.decode()
    page.refresh_from_db()
    assert page.founded == founded
    assert page.revisions.count() == 0
