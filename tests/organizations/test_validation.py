"""Each editing rule gives a form error that says what to fix, in the model and in the admin."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.blocks import StreamBlockValidationError
from wagtail.images.models import Image

from home.blocks import BaseStreamBlock, CallToActionBlock, ImageBlock
from organizations.blocks import TimelineExcerptBlock
from organizations.models import HistoryPage, OrganizationPage
from programs.models import PartnerProgramPage
from tests.admin_forms import page_edit_data

pytestmark = pytest.mark.django_db


def org(acronym: str, locale) -> OrganizationPage:
    return OrganizationPage.objects.get(acronym=acronym, locale=locale)


def test_founding_date_in_the_future_is_refused(english):
    page = org("IFMSA", english)
    page.founded = datetime.date.today() + datetime.timedelta(days=1)
    page.founded_precision = "day"
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "cannot be in the future" in str(error.value.message_dict["founded"])


def test_founding_in_the_current_year_is_allowed(english):
    page = org("IFMSA", english)
    page.founded = datetime.date(datetime.date.today().year, 12, 31)
    page.founded_precision = "year"
    page.full_clean()


@pytest.mark.parametrize("target", ["self", "member", "member_of_member"])
def test_organisation_cannot_belong_to_itself_or_its_members(english, target):
    ifmsa, china, smsa = (org(a, english) for a in ("IFMSA", "IFMSA-China", "SMSA"))
    ifmsa.parent_organization = {"self": ifmsa, "member": china, "member_of_member": smsa}[target]
    with pytest.raises(ValidationError) as error:
        ifmsa.full_clean()
    assert "cannot belong to itself" in str(error.value.message_dict["parent_organization"])


def test_valid_parent_chain_is_accepted(english):
    smsa = org("SMSA", english)
    assert smsa.parent_organization.acronym == "IFMSA-China"
    smsa.full_clean()


def test_programme_dates_must_be_in_order(english):
    page = PartnerProgramPage.objects.filter(locale=english).first()
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


def _image() -> Image:
    return Image.objects.first()


def test_image_block_needs_alt_text_unless_decorative(db):
    block = ImageBlock()
    image = _image()
    with pytest.raises(ValidationError) as error:
        block.clean(block.to_python({"image": image.pk, "alt_text": " ", "decorative": False}))
    assert "Describe the image" in str(error.value.block_errors["alt_text"])
    block.clean(block.to_python({"image": image.pk, "alt_text": "", "decorative": True}))
    block.clean(block.to_python({"image": image.pk, "alt_text": "A lecture hall"}))


@pytest.mark.parametrize("has_page,has_url", [(True, True), (False, False)])
def test_call_to_action_needs_exactly_one_target(home_en, has_page, has_url):
    block = CallToActionBlock()
    value = block.to_python(
        {
            "text": "Apply",
            "page": home_en.pk if has_page else None,
            "url": "https://example.org" if has_url else "",
        }
    )
    with pytest.raises(ValidationError):
        block.clean(value)


def test_timeline_excerpt_years_in_order(db):
    block = TimelineExcerptBlock()
    value = block.to_python(
        {"history_page": HistoryPage.objects.first().pk, "from_year": 2010, "to_year": 2000}
    )
    with pytest.raises(ValidationError) as error:
        block.clean(value)
    assert "before the start year" in str(error.value.block_errors["to_year"])


def test_stream_errors_bubble_up_from_nested_image_block(db):
    stream = BaseStreamBlock()
    value = stream.to_python(
        [{"type": "image", "value": {"image": _image().pk, "alt_text": "", "decorative": False}}]
    )
    with pytest.raises(StreamBlockValidationError):
        stream.clean(value)


def test_admin_shows_form_errors_instead_of_saving(admin_client, english):
    """Posting an invalid organisation in the admin re-renders the form with the message and
    saves nothing."""
    page = org("SMSA", english)
    revisions = page.revisions.count()
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    post = page_edit_data(admin_client, page)
    post["founded"] = (datetime.date.today() + datetime.timedelta(days=400)).isoformat()
    post["founded_precision"] = "day"
    post["action-publish"] = "action-publish"
    response = admin_client.post(edit_url, post)
    assert response.status_code == 200
    assert "The founding date cannot be in the future." in response.content.decode()
    page.refresh_from_db()
    assert page.founded == datetime.date(2014, 12, 29)
    assert page.revisions.count() == revisions


def test_admin_refuses_deadline_after_start(admin_client, english):
    page = PartnerProgramPage.objects.filter(locale=english).first()
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    post = page_edit_data(admin_client, page)
    post["application_deadline"] = "2027-05-01"
    post["start_date"] = "2027-04-01"
    response = admin_client.post(edit_url, post)
    assert response.status_code == 200
    assert "must not be after the programme starts" in response.content.decode()
