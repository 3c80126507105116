"""Editor content that is not Draftail's JSON (a tampered or truncated POST) is refused with a
form error on its field, for rich-text fields and rich-text blocks alike; nothing is saved."""

import pytest
from django.urls import reverse

from tests.admin_forms import page_edit_data

pytestmark = pytest.mark.django_db

UNREADABLE = [
    "{not json",
    "[]",
    '"text"',
    '{"blocks": 5}',
    '{"blocks": [{"text": 1}]}',
    '{"blocks": [{"key": "a", "text": "x", "type": "unstyled", "entityRanges": 7}]}',
]
MESSAGE = "This text could not be read. Reload the page and enter it again."


def post_home_page(client, page, **fields) -> tuple:
    post = page_edit_data(client, page) | fields | {"action-publish": "action-publish"}
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), post)
    return response, response.content.decode()


@pytest.mark.parametrize("posted", UNREADABLE)
def test_unreadable_rich_text_field_is_a_form_error(admin_client, home_en, posted):
    intro, revisions = home_en.intro, home_en.revisions.count()
    response, html = post_home_page(admin_client, home_en, intro=posted)
    assert response.status_code == 200
    assert MESSAGE in html
    home_en.refresh_from_db()
    assert home_en.intro == intro
    assert home_en.revisions.count() == revisions


@pytest.mark.parametrize("posted", UNREADABLE)
def test_unreadable_rich_text_block_is_a_form_error(admin_client, home_en, posted):
    paragraph = {
        "body-count": "1",
        "body-0-type": "paragraph",
        "body-0-deleted": "",
        "body-0-order": "0",
        "body-0-id": "",
        "body-0-value": posted,
    }
    body, revisions = list(home_en.body.raw_data), home_en.revisions.count()
    response, html = post_home_page(admin_client, home_en, **paragraph)
    assert response.status_code == 200
    assert MESSAGE in html
    home_en.refresh_from_db()
    assert list(home_en.body.raw_data) == body
    assert home_en.revisions.count() == revisions


def test_unreadable_rich_text_in_chinese(admin_client, home_en, django_user_model):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(django_user_model.objects.get(username="editor"))
    profile.preferred_language = "zh-hans"
    profile.save()
    response, html = post_home_page(admin_client, home_en, intro="{not json")
    assert response.status_code == 200
    assert "无法读取这段文字" in html


def test_readable_rich_text_still_saves(admin_client, home_en):
    contentstate = (
        '{"blocks": [{"key": "a1b2c", "text": "Welcome", "type": "unstyled", "depth": 0,'
        ' "inlineStyleRanges": [], "entityRanges": []}], "entityMap": {}}'
    )
    response, _ = post_home_page(admin_client, home_en, intro=contentstate)
    assert response.status_code == 302
    home_en.refresh_from_db()
    assert "Welcome" in home_en.intro


def test_editor_still_loads_draftail(admin_client, home_en):
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[home_en.pk])).content.decode()
    assert "wagtail.widgets.DraftailRichTextArea" in html
