"""A programme's dates must follow each other: the model says which one is wrong, and the
admin shows it instead of saving."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.admin_forms import page_edit_data
from tests.factories import PartnerProgramPageFactory

pytestmark = pytest.mark.django_db


def test_programme_dates_must_be_in_order(program_index):
    page = PartnerProgramPageFactory(parent=program_index)
    page.application_opens = datetime.date(2027, 3, 1)
    page.application_deadline = datetime.date(2027, 2, 1)
    page.start_date = datetime.date(2027, 1, 1)
    page.end_date = datetime.date(2026, 12, 1)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    errors = error.value.message_dict
    assert "before applications open" in str(errors["application_deadline"])
    assert "cannot end before it starts" in str(errors["end_date"])

    page.application_opens = None
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "must not be after the programme starts" in str(
        error.value.message_dict["application_deadline"]
    )


def test_dates_in_order_are_accepted(program_index):
    PartnerProgramPageFactory(
        parent=program_index,
        application_opens=datetime.date(2027, 1, 1),
        application_deadline=datetime.date(2027, 2, 1),
        start_date=datetime.date(2027, 2, 1),
        end_date=datetime.date(2027, 3, 1),
    ).full_clean()


def test_admin_refuses_deadline_after_start(admin_client, program_index):
    page = PartnerProgramPageFactory(parent=program_index)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    post = page_edit_data(admin_client, page)
    post["application_deadline"] = "2027-05-01"
    post["start_date"] = "2027-04-01"
    response = admin_client.post(edit_url, post)
    assert response.status_code == 200
    assert "must not be after the programme starts" in response.content.decode()
    page.refresh_from_db()
    assert page.start_date is None and page.revisions.count() == 0
