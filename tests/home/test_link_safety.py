"""Link targets a visitor clicks are http(s), mailto, tel or relative, whichever path wrote
them: refused in forms, blocks and translation overrides, and dropped on output (HTML and API)
if they got into the database anyway."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import ValidationError
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from wagtail.blocks import StructBlockValidationError
from wagtail_factories import ImageFactory
from wagtail_localize.models import OverridableSegment, SegmentOverride, Translation

from home.blocks import CallToActionBlock, ContactCardBlock
from home.safe_urls import is_safe_url
from organizations.models import OrganizationPage
from programs.models import PartnerInstitution
from tests.factories import OrganizationPageFactory, PartnerInstitutionFactory, translate
from tests.html import api_detail, main_html

UNSAFE = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD4=",
    "vbscript:msgbox(1)",
    "ftp://files.example.org/",
]
SAFE = [
    "https://example.org/",
    "http://example.org",
    "mailto:a@example.org",
    "tel:+8675488900",
    "/en/programs/",
    "../up",
    "#top",
    "//cdn.example.org/x",
    "",
]


@pytest.mark.parametrize("url", UNSAFE)
def test_unsafe_schemes_are_refused(url):
    assert not is_safe_url(url)


@pytest.mark.parametrize("url", SAFE)
def test_web_mail_phone_and_relative_links_are_allowed(url):
    assert is_safe_url(url)


@pytest.mark.parametrize("url", UNSAFE)
def test_blocks_refuse_unsafe_links(url):
    with pytest.raises(StructBlockValidationError):
        CallToActionBlock().clean(CallToActionBlock().to_python({"text": "Go", "url": url}))
    with pytest.raises(StructBlockValidationError):
        ContactCardBlock().clean(ContactCardBlock().to_python({"name": "Office", "website": url}))


@pytest.mark.django_db
def test_models_refuse_unsafe_websites(organization_index):
    page = OrganizationPageFactory(parent=organization_index)
    page.website = "ftp://files.example.org/"
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "website" in error.value.message_dict
    partner = PartnerInstitutionFactory()
    partner.website = "javascript:alert(1)"
    with pytest.raises(ValidationError):
        partner.full_clean()


@pytest.fixture
def page_with_button(organization_index) -> OrganizationPage:
    """An organisation page whose body is one "Apply now" button to an external site."""
    return OrganizationPageFactory(
        parent=organization_index,
        body__0__call_to_action__text="Apply now",
        body__0__call_to_action__url="https://example.org/apply",
    )


@pytest.fixture
def page_written_past_validation(page_with_button):
    """An importer's work: unsafe link targets stored straight through the ORM."""
    page = page_with_button
    body = page.body.raw_data
    body[0]["value"]["url"] = "javascript:alert('cta')"
    body.append({"type": "contact_card", "value": {"name": "Office", "website": "javascript:x"}})
    OrganizationPage.objects.filter(pk=page.pk).update(
        website="javascript:alert('site')", body=json.dumps(list(body))
    )
    page.refresh_from_db()
    return page


@pytest.mark.django_db
def test_unsafe_links_in_the_database_are_not_served(client, page_written_past_validation):
    page = page_written_past_validation
    main = main_html(client, page)
    assert "javascript:" not in main.lower()
    assert "Apply now" not in main  # a button with nowhere safe to go is left out
    detail = api_detail(client, page)
    assert detail["website"] == ""
    blocks = {block["type"]: block["value"] for block in detail["body"]}
    assert blocks["call_to_action"]["url"] == ""
    assert blocks["contact_card"]["website"] == ""


@pytest.mark.django_db
def test_partner_website_written_past_validation_is_not_served(client):
    partner = PartnerInstitutionFactory(website="https://example.org/")
    PartnerInstitution.objects.filter(pk=partner.pk).update(website="javascript:alert(1)")
    listed = client.get(f"/api/v2/partners/{partner.pk}/").json()
    assert listed["website"] == ""


@pytest.fixture
def cta_translation(page_with_button, chinese):
    page = page_with_button
    translate(page, chinese)
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=chinese
    )
    segment = OverridableSegment.objects.get(
        source=translation.source, data_json=json.dumps("https://example.org/apply")
    )
    return translation, segment


def put_override(client, translation, segment, value: str):
    """What wagtail-localize's editor sends: a multipart PUT with the new value."""
    return client.put(
        f"/admin/localize/translate/{translation.id}/overrides/{segment.id}/edit/",
        encode_multipart(BOUNDARY, {"value": value}),
        content_type=MULTIPART_CONTENT,
    )


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["javascript:alert(document.cookie)", "data:text/html,x"])
def test_translator_cannot_override_a_link_with_script(admin_client, cta_translation, value):
    translation, segment = cta_translation
    response = put_override(admin_client, translation, segment, value)
    assert response.status_code == 400, response.content
    assert "Only http, https, mailto and tel links" in response.json()["value"][0]
    assert not SegmentOverride.objects.filter(context_id=segment.context_id).exists()


@pytest.mark.django_db
def test_translator_can_override_a_link_with_a_web_address(admin_client, cta_translation):
    translation, segment = cta_translation
    response = put_override(admin_client, translation, segment, "https://example.cn/apply")
    assert response.status_code in (200, 201), response.content
    override = SegmentOverride.objects.get(context_id=segment.context_id)
    assert json.loads(override.data_json) == "https://example.cn/apply"


@pytest.mark.django_db
def test_override_written_from_code_is_refused_too(cta_translation):
    translation, segment = cta_translation
    with pytest.raises(ValidationError):
        SegmentOverride.objects.create(
            locale_id=translation.target_locale_id,
            context_id=segment.context_id,
            data_json=json.dumps("javascript:alert(1)"),
        )


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["not-an-id", "1e3", str(2**70)])
def test_an_image_override_must_be_an_id(admin_client, organization_index, chinese, value):
    page = OrganizationPageFactory(parent=organization_index, logo=ImageFactory())
    translate(page, chinese)
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=chinese
    )
    segment = OverridableSegment.objects.get(
        source=translation.source, data_json=json.dumps(page.logo_id)
    )
    response = put_override(admin_client, translation, segment, value)
    assert response.status_code == 400, response.content
    assert not SegmentOverride.objects.filter(context_id=segment.context_id).exists()
    assert admin_client.get(page.get_translation(chinese).url).status_code == 200
