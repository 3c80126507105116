"""What translators meet when the English page changes: numbers and slugs are synchronised,
not strings to translate (home/i18n/synchronised.py); the report's "Sync and translate" action
(home/i18n/sync.py); and no new page in the Chinese tree without an English source
(home/i18n/new_pages.py)."""

import json

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page, get_page_models
from wagtail.users.models import UserProfile
from wagtail_localize.fields import get_translatable_fields
from wagtail_localize.models import StringTranslation, Translation

from home.i18n.synchronised import SynchronizedSlug
from home.i18n.translation_status import TranslationState, state_of
from organizations.models import CommitteePage, OrganizationPage
from tests.factories import OrganizationPageFactory, translate

REPORT = "home_translation_status"

# An organisation with numbers in a key figure, a contact card and a table, next to text.
FIGURES = [
    {"type": "figure", "value": {"value": "122", "label": "countries"}},
    {"type": "figure", "value": {"value": "1.3 million", "label": "medical students"}},
]
BODY = [
    {
        "type": "contact_card",
        "value": {"name": "Secretariat", "role": "", "address": "", "phone": "(86)512-65884028"},
    },
    {
        "type": "table",
        "value": {
            "data": [["Year", "Members"], ["2007", "12"]],
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "table_caption": "",
        },
    },
]
CHINESE = {
    "Association": "协会",
    "countries": "个国家",
    "1.3 million": "130万",
    "medical students": "名医学生",
    "Secretariat": "秘书处",
    "Year": "年份",
    "Members": "成员",
}


@pytest.fixture
def organisation(organization_index, chinese) -> OrganizationPage:
    page = OrganizationPageFactory(parent=organization_index, title="Association", slug="assoc")
    page.key_figures = json.dumps(FIGURES)
    page.body = json.dumps(BODY)
    page.save_revision().publish()
    translate(page, chinese, CHINESE)
    return OrganizationPage.objects.get(pk=page.pk)


def translation_of(page, locale) -> Translation:
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=locale)


def strings_to_translate(translation: Translation) -> list[str]:
    return list(
        translation.source.stringsegment_set.order_by("order").values_list(
            "string__data", flat=True
        )
    )


def untranslated(translation: Translation) -> list[str]:
    return [
        segment.string.data
        for segment in translation.source.stringsegment_set.select_related(
            "string"
        ).annotate_translation(translation.target_locale)
        if segment.translation is None
    ]


def figures(page) -> list[str]:
    return [block.value["value"] for block in page.key_figures]


def table_row(page) -> list[str]:
    return next(block.value for block in page.body if block.block_type == "table")["data"][1]


def sync_url(page, locale) -> str:
    return reverse("home_sync_and_translate", args=[translation_of(page, locale).pk])


# --- what is offered for translation -------------------------------------------------------------


def test_every_page_type_synchronises_its_slug():
    models = [model for model in get_page_models() if model is not Page]
    assert models
    for model in models:
        assert SynchronizedSlug() in get_translatable_fields(model), model


def test_numbers_and_the_slug_are_not_strings_to_translate(organisation, chinese):
    strings = strings_to_translate(translation_of(organisation, chinese))
    assert set(CHINESE) <= set(strings)
    for value in ("assoc", "122", "(86)512-65884028", "2007", "12"):
        assert value not in strings
    zh = organisation.get_translation(chinese)
    assert zh.slug == "assoc"  # the English slug, in the Chinese tree
    assert figures(zh) == ["122", "130万"]
    assert table_row(zh) == ["2007", "12"]
    assert state_of(organisation, chinese) == TranslationState.UP_TO_DATE


def test_a_home_page_keeps_its_language_suffix(home_en, home_zh, chinese):
    # Both home pages are children of the tree's root: their slugs must differ.
    assert home_zh.slug == f"{home_en.slug}-zh-hans"
    translation_of(home_en, chinese).save_target(publish=False)
    home_zh.refresh_from_db()
    assert home_zh.slug == f"{home_en.slug}-zh-hans"


# --- "Sync and translate" ----------------------------------------------------------------------


def test_sync_and_translate_brings_numbers_and_slug_over(
    admin_client, django_capture_on_commit_callbacks, organisation, chinese
):
    # Only numbers and the slug change in English.
    # (As stored, block ids included: they are the segments' contexts.)
    key_figures = organisation.key_figures.get_prep_value()
    key_figures[0]["value"]["value"] = "130"
    organisation.key_figures = json.dumps(key_figures)
    body = organisation.body.get_prep_value()
    body[1]["value"]["data"][1] = ["2008", "15"]
    organisation.body = json.dumps(body)
    organisation.slug = "association"
    organisation.save_revision().publish()
    zh = organisation.get_translation(chinese)
    # The Chinese page does not show the new numbers yet: outdated; the report offers a sync.
    assert state_of(organisation, chinese) == TranslationState.OUTDATED
    report = admin_client.get(reverse(REPORT), {"state": "outdated"}).content.decode()
    assert f'action="{sync_url(organisation, chinese)}"' in report
    assert "Sync and translate" in report
    assert reverse("wagtailadmin_pages:edit", args=[zh.pk]) not in report
    # Opened directly, the editor says so and points to the report.
    editor = admin_client.get(reverse("wagtailadmin_pages:edit", args=[zh.pk])).content.decode()
    assert "This translation is outdated" in editor
    assert reverse(REPORT) + "?state=outdated&amp;locale=zh-hans" in editor

    response = admin_client.post(sync_url(organisation, chinese))
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_pages:edit", args=[zh.pk])
    editor = admin_client.get(response.url)
    assert "Synced with the source page" in editor.content.decode()
    assert "This translation is outdated" not in editor.content.decode()
    assert json.loads(editor.context["props"])["object"]["title"]  # wagtail-localize's editor

    # The draft has the English numbers and slug, and the Chinese text; nothing to translate.
    zh.refresh_from_db()
    draft = zh.get_latest_revision_as_object()
    assert figures(draft) == ["130", "130万"]
    assert table_row(draft) == ["2008", "15"]
    assert draft.slug == "association" and draft.title == "协会"
    assert figures(zh) == ["122", "130万"] and zh.slug == "assoc"  # live until published
    assert untranslated(translation_of(organisation, chinese)) == []
    assert state_of(organisation, chinese) == TranslationState.DRAFT  # waiting to be published

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(response.url, {"action": "publish"})
    assert state_of(organisation, chinese) == TranslationState.UP_TO_DATE
    zh.refresh_from_db()
    assert zh.live and not zh.has_unpublished_changes
    html = admin_client.get(zh.get_url()).content.decode()
    assert zh.url.endswith("/association/") and "130" in html and "130万" in html


def test_sync_and_translate_leaves_changed_text_to_translate(
    admin_client, client, organisation, chinese
):
    organisation.title = "Students' Association"
    organisation.save_revision().publish()
    admin_client.post(sync_url(organisation, chinese))
    assert untranslated(translation_of(organisation, chinese)) == ["Students' Association"]
    assert state_of(organisation, chinese) == TranslationState.DRAFT
    # Only a draft: visitors still see the Chinese page as published.
    zh = organisation.get_translation(chinese)
    html = client.get(zh.get_url()).content.decode()
    assert "协会" in html
    assert "Students&#x27; Association" not in html and "Students' Association" not in html


def test_sync_and_translate_with_an_invalid_translation_still_opens_the_editor(
    admin_client, organisation, chinese
):
    StringTranslation.objects.filter(
        locale=chinese, context__object_id=organisation.translation_key, context__path="title"
    ).update(data="协" * 300)  # longer than a title may be
    organisation.save_revision().publish()
    response = admin_client.post(sync_url(organisation, chinese))
    zh = organisation.get_translation(chinese)
    assert response.url == reverse("wagtailadmin_pages:edit", args=[zh.pk])
    assert "some translations are not valid" in admin_client.get(response.url).content.decode()
    assert not zh.has_unpublished_changes and zh.title == "协会"  # no draft saved


def test_sync_and_translate_is_a_post_with_a_csrf_token(
    admin_client, django_user_model, organisation, chinese
):
    url = sync_url(organisation, chinese)
    assert admin_client.get(url).status_code == 405
    checked = Client(enforce_csrf_checks=True)
    checked.force_login(django_user_model.objects.get(username="editor"))
    assert checked.post(url).status_code == 403
    assert admin_client.post(reverse("home_sync_and_translate", args=[999999])).status_code == 404


def test_sync_and_translate_needs_permission_to_edit_the_translation(
    client, django_user_model, home_en, organisation, chinese
):
    # An English editor: may see the report, may not edit Chinese pages.
    user = django_user_model.objects.create_user("english-editor", "e@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    group = Group.objects.create(name="English editors")
    GroupPagePermission.objects.create(
        group=group, page=home_en, permission=Permission.objects.get(codename="change_page")
    )
    user.groups.add(group)
    client.force_login(user)
    organisation.save_revision().publish()
    before = translation_of(organisation, chinese).source.last_updated_at

    # Refused as Wagtail refuses admin views: back to the dashboard, with its message.
    response = client.post(sync_url(organisation, chinese), follow=True)
    assert response.redirect_chain == [(reverse("wagtailadmin_home"), 302)]
    assert "you do not have permission" in response.content.decode()
    assert translation_of(organisation, chinese).source.last_updated_at == before


def test_sync_and_translate_message_in_chinese(
    admin_client, django_user_model, organisation, chinese
):
    profile = UserProfile.get_for_user(django_user_model.objects.get(username="editor"))
    profile.preferred_language = "zh-hans"
    profile.save()
    response = admin_client.post(sync_url(organisation, chinese))
    html = admin_client.get(response.url).content.decode()
    assert "已与源页面同步" in html


# --- new pages start in English ----------------------------------------------------------------


def add_committee_url(parent) -> str:
    return reverse("wagtailadmin_pages:add", args=["organizations", "committeepage", parent.pk])


def test_creating_a_page_in_the_chinese_tree_is_refused(admin_client, organisation, chinese):
    zh = organisation.get_translation(chinese)
    response = admin_client.get(add_committee_url(zh))
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_explore", args=[zh.pk])
    html = admin_client.get(response.url).content.decode()
    assert "Create pages in English, then translate them" in html
    assert reverse("wagtailadmin_pages:add_subpage", args=[organisation.pk]) in html

    data = {"title": "委员会", "slug": "committee", "full_name": "委员会", "focus": "工作"}
    assert admin_client.post(add_committee_url(zh), data).status_code == 302
    assert not CommitteePage.objects.filter(locale=chinese).child_of(zh).exists()

    # Under the English page, the editor opens as usual.
    assert admin_client.get(add_committee_url(organisation)).status_code == 200


def test_refusal_in_chinese(admin_client, django_user_model, organisation, chinese):
    profile = UserProfile.get_for_user(django_user_model.objects.get(username="editor"))
    profile.preferred_language = "zh-hans"
    profile.save()
    response = admin_client.get(add_committee_url(organisation.get_translation(chinese)))
    html = admin_client.get(response.url).content.decode()
    assert "请先用英语创建页面，再翻译" in html
