"""The translation workflow, end to end through wagtail-localize's admin views: submitting pages
(and subtrees) and snippets, translating in the translation editor, syncing after the English
source changes, PO export and import, publishing, and machine translation only with a key."""

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlencode

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail_localize.models import StringTranslation, Translation

from home.i18n.translation_status import TranslationState, state_of
from organizations.models import CommitteePage, OrganizationPage
from programs.models import PartnerInstitution
from tests.admin_forms import page_edit_data
from tests.factories import CommitteePageFactory, OrganizationPageFactory, translate

PROJECT_DIR = Path(__file__).resolve().parents[2]
DEEPL = "wagtail_localize.machine_translators.deepl.DeepLTranslator"


# --- helpers -----------------------------------------------------------------------------------


def translation_of(obj, locale) -> Translation:
    return Translation.objects.get(
        source__object_id=obj.translation_key,
        source__locale_id=obj.locale_id,
        target_locale=locale,
    )


def segments(translation: Translation) -> dict[str, object]:
    """The source's string segments by field path (one per path in these pages)."""
    return {
        segment.context.path: segment
        for segment in translation.source.stringsegment_set.select_related(
            "string", "context"
        ).order_by("order")
    }


def string_pairs(translation: Translation) -> list[tuple[str, str]]:
    """(field path, English text) of every string segment, in order."""
    return [
        (segment.context.path, segment.string.data)
        for segment in translation.source.stringsegment_set.select_related(
            "string", "context"
        ).order_by("order")
    ]


def untranslated_paths(translation: Translation) -> set[str]:
    return {
        segment.context.path
        for segment in translation.source.stringsegment_set.select_related(
            "context"
        ).annotate_translation(translation.target_locale)
        if segment.translation is None
    }


def put_string(client, translation: Translation, segment, value: str) -> None:
    """What the translation editor does when a translator saves one string."""
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    response = client.put(
        url, urlencode({"value": value}), content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code in (200, 201), response.content
    assert response.json()["data"] == value


def publish_in_editor(client, capture, edit_url: str) -> None:
    """The translation editor's "Publish" button. wagtail-localize publishes pages when the
    transaction commits, so run the on-commit callbacks as a real request would."""
    with capture(execute=True):
        response = client.post(edit_url, {"action": "publish"})
    assert response.status_code == 302


def create_committee(client, parent: OrganizationPage, slug: str) -> CommitteePage:
    """A new English committee, created and published through the page editor."""
    data = nested_form_data(
        {
            "title": "Committee on Testing",
            "slug": slug,
            "acronym": "SCOT",
            "full_name": "Standing Committee on Testing",
            "committee_kind": "standing",
            "focus": "Making sure translations work.",
            "body": streamfield([]),
        }
    )
    data["action-publish"] = "action-publish"
    url = reverse("wagtailadmin_pages:add", args=["organizations", "committeepage", parent.pk])
    response = client.post(url, data)
    assert response.status_code == 302, response.content
    return CommitteePage.objects.get(slug=slug, locale=parent.locale)


# The organisation's English strings and their Chinese translations.
ORGANISATION = {
    "Association": "协会",
    "A students' association.": "一个学生协会。",
    "Suzhou": "苏州",
    "1 Test Road, Suzhou": "苏州市测试路1号",
    "What we do": "我们的工作",
    "We organise exchanges.": "我们组织交流。",
}


@pytest.fixture
def organisation(organization_index, chinese) -> OrganizationPage:
    """An organisation page with text in several fields, wholly translated into Chinese."""
    page = OrganizationPageFactory(
        parent=organization_index,
        title="Association",
        summary="A students' association.",
        city="Suzhou",
        address="1 Test Road, Suzhou",
        body__0__heading__text="What we do",
        body__1__paragraph__value="<p>We organise exchanges.</p>",
    )
    translate(page, chinese, ORGANISATION)
    return page


def translated_committee(parent: OrganizationPage, chinese) -> CommitteePage:
    """A committee of `parent` with its full name and focus translated into Chinese."""
    page = CommitteePageFactory(parent=parent)
    translate(page, chinese, {page.full_name: "常设委员会", page.focus: "委员会的工作。"})
    return page


@pytest.fixture
def no_machine_translator(settings):
    """The tests must not depend on a key in the environment that runs them."""
    if hasattr(settings, "WAGTAILLOCALIZE_MACHINE_TRANSLATOR"):
        del settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR


# --- 1. submit, translate, publish -------------------------------------------------------------


CHINESE_COMMITTEE = {
    "title": "测试委员会",
    "full_name": "测试常设委员会",
    "focus": "确保翻译流程正常运作。",
}


def test_submit_translate_and_publish_a_new_page(
    admin_client, client, django_capture_on_commit_callbacks, organisation, chinese
):
    page = create_committee(admin_client, organisation, "committee-on-testing")
    assert page.live and not page.has_translation(chinese)
    assert state_of(page, chinese) == TranslationState.MISSING

    # The "Translate this page" form offers Chinese.
    submit_url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    form = admin_client.get(submit_url)
    assert form.status_code == 200
    assert chinese.pk in [loc.pk for loc in form.context["form"].fields["locales"].queryset]

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(submit_url, {"locales": [chinese.pk]})
    zh = CommitteePage.objects.get(translation_key=page.translation_key, locale=chinese)
    # Straight to the new translation's editor.
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_pages:edit", args=[zh.pk])

    translation = translation_of(page, chinese)
    assert translation.enabled
    strings = segments(translation)
    assert {"title", "full_name", "focus"} <= set(strings)
    assert "slug" not in strings  # synchronised: the Chinese page gets the English slug
    assert untranslated_paths(translation) == set(strings)
    # Nothing is translated yet: the Chinese copy stays a draft (settings turn off
    # WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE), so no English text goes live under /zh-hans/.
    zh.refresh_from_db()
    assert not zh.live and zh.full_name == "Standing Committee on Testing"
    assert state_of(page, chinese) == TranslationState.DRAFT
    assert client.get(f"/zh-hans{page.url.removeprefix('/en')}").status_code == 404

    # The translation editor (wagtail-localize's, in place of the page editor) lists the strings.
    editor = admin_client.get(reverse("wagtailadmin_pages:edit", args=[zh.pk]))
    assert editor.status_code == 200
    props = json.loads(editor.context["props"])
    assert {s["source"] for s in props["segments"] if s["type"] == "string"} >= {
        "Committee on Testing",
        "Standing Committee on Testing",
    }

    for path, segment in strings.items():
        put_string(admin_client, translation, segment, CHINESE_COMMITTEE.get(path, "scot"))
    assert untranslated_paths(translation) == set()
    assert state_of(page, chinese) == TranslationState.DRAFT  # translated, not yet published

    publish_in_editor(
        admin_client,
        django_capture_on_commit_callbacks,
        reverse("wagtailadmin_pages:edit", args=[zh.pk]),
    )
    zh.refresh_from_db()
    assert zh.live and not zh.has_unpublished_changes
    assert zh.title == "测试委员会"
    assert zh.full_name == "测试常设委员会"
    assert zh.acronym == "SCOT"  # synchronised, not translated
    assert zh.slug == "committee-on-testing"  # likewise
    assert state_of(page, chinese) == TranslationState.UP_TO_DATE

    url = zh.get_url()
    assert url.startswith("/zh-hans/")
    html = admin_client.get(url).content.decode()
    assert "测试常设委员会" in html and "确保翻译流程正常运作。" in html
    assert "Standing Committee on Testing" not in html
    # The English page is untouched.
    assert "Standing Committee on Testing" in admin_client.get(page.get_url()).content.decode()


def test_submit_with_subtree_translates_the_children(
    admin_client, django_capture_on_commit_callbacks, organization_index, chinese
):
    organisation = OrganizationPageFactory(parent=organization_index)
    organisation.save_revision().publish()
    committee = create_committee(admin_client, organisation, "testing-committee")

    submit_url = reverse("wagtail_localize:submit_page_translation", args=[organisation.pk])
    assert "Include subtree (1 page)" in admin_client.get(submit_url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(submit_url, {"locales": [chinese.pk], "include_subtree": "on"})
    assert response.status_code == 302

    zh_committee = committee.get_translation(chinese)
    assert zh_committee.get_parent().specific == organisation.get_translation(chinese)
    assert (
        Translation.objects.filter(
            source__object_id__in=[organisation.translation_key, committee.translation_key],
            target_locale=chinese,
            enabled=True,
        ).count()
        == 2
    )


# --- 2. the English source changes: outdated, then synced ---------------------------------------


def test_changed_source_is_outdated_and_sync_keeps_translated_segments(
    admin_client, django_capture_on_commit_callbacks, organisation, chinese
):
    page = organisation
    zh = page.get_translation(chinese)
    translation = translation_of(page, chinese)
    before = string_pairs(translation)
    assert {"title", "summary", "city", "address"} <= {path for path, _ in before}
    assert [text for path, text in before if path.startswith("body.")] == [
        "What we do",
        "We organise exchanges.",
    ]
    assert untranslated_paths(translation) == set()
    assert state_of(page, chinese) == TranslationState.UP_TO_DATE
    old_zh_title, old_zh_address = zh.title, zh.address
    assert (old_zh_title, old_zh_address) == ("协会", "苏州市测试路1号")

    # An editor changes the title and the summary and publishes.
    data = page_edit_data(admin_client, page)
    data |= {
        "title": page.title + " (renamed)",
        "summary": "A new summary of the association.",
        "action-publish": "action-publish",
    }
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302, response.content
    assert state_of(page, chinese) == TranslationState.OUTDATED

    # "Sync translated pages", without publishing.
    sync_url = reverse("wagtail_localize:update_translations", args=[translation.source_id])
    form = admin_client.get(sync_url)
    assert form.status_code == 200 and old_zh_title in form.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_client.post(sync_url, {}).status_code == 302

    translation.refresh_from_db()
    after = string_pairs(translation)
    assert dict(after)["title"] == page.title + " (renamed)"
    assert dict(after)["summary"] == "A new summary of the association."
    # Every other segment kept its Chinese translation; only the changed ones need one.
    assert untranslated_paths(translation) == {"title", "summary"}
    assert [p for p in after if p[0] not in ("title", "summary")] == [
        p for p in before if p[0] not in ("title", "summary")
    ]
    # The Chinese page is not changed until someone translates and publishes.
    zh.refresh_from_db()
    assert zh.title == old_zh_title
    assert state_of(page, chinese) == TranslationState.OUTDATED

    strings = segments(translation)
    put_string(admin_client, translation, strings["title"], old_zh_title + "（新）")
    put_string(admin_client, translation, strings["summary"], "协会的新简介。")
    publish_in_editor(
        admin_client,
        django_capture_on_commit_callbacks,
        reverse("wagtailadmin_pages:edit", args=[zh.pk]),
    )
    zh.refresh_from_db()
    assert zh.title == old_zh_title + "（新）"
    assert zh.summary == "协会的新简介。"
    assert zh.address == old_zh_address  # untouched segments are still Chinese
    assert state_of(page, chinese) == TranslationState.UP_TO_DATE
    html = admin_client.get(zh.get_url()).content.decode()
    assert old_zh_title + "（新）" in html


def test_sync_and_publish_immediately_leaves_changed_segments_to_translate(
    admin_client, django_capture_on_commit_callbacks, organisation, chinese
):
    page = translated_committee(organisation, chinese)
    page.focus = "Another focus."
    page.save_revision().publish()
    translation = translation_of(page, chinese)

    sync_url = reverse("wagtail_localize:update_translations", args=[translation.source_id])
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(sync_url, {"publish_translations": "on"})
    assert response.status_code == 302

    zh = page.get_translation(chinese)
    assert zh.live and zh.focus == "Another focus."  # falls back to English until translated
    assert zh.full_name == "常设委员会"
    assert untranslated_paths(translation) == {"focus"}
    assert state_of(page, chinese) == TranslationState.OUTDATED


# --- 3. PO files for translators outside the admin ---------------------------------------------


def test_po_download_and_upload_round_trip(
    admin_client, django_capture_on_commit_callbacks, organisation, chinese
):
    page = create_committee(admin_client, organisation, "po-committee")
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
            {"locales": [chinese.pk]},
        )
    translation = translation_of(page, chinese)
    zh = page.get_translation(chinese)

    response = admin_client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/x-gettext-translation")
    assert "attachment" in response["Content-Disposition"]
    po = polib.pofile(response.content.decode())
    assert po.metadata["X-WagtailLocalize-TranslationID"] == str(translation.uuid)
    by_context = {entry.msgctxt: entry for entry in po}
    assert by_context["full_name"].msgid == "Standing Committee on Testing"
    assert by_context["full_name"].msgstr == ""

    # The translator fills in the file.
    for context, entry in by_context.items():
        entry.msgstr = CHINESE_COMMITTEE.get(context, entry.msgid)
    upload = SimpleUploadedFile(
        "po-committee-zh-hans.po", str(po).encode(), content_type="text/x-gettext-translation"
    )
    edit_url = reverse("wagtailadmin_pages:edit", args=[zh.pk])
    response = admin_client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": upload, "next": edit_url},
    )
    assert response.status_code == 302 and response.url == edit_url

    stored = StringTranslation.objects.get(
        translation_of__data="Standing Committee on Testing",
        locale=chinese,
        context__object_id=page.translation_key,
        context__path="full_name",
    )
    assert stored.data == "测试常设委员会"
    assert stored.tool_name == "PO File"
    assert untranslated_paths(translation) == set()

    publish_in_editor(admin_client, django_capture_on_commit_callbacks, edit_url)
    zh.refresh_from_db()
    assert zh.live and zh.full_name == "测试常设委员会"
    assert "测试常设委员会" in admin_client.get(zh.get_url()).content.decode()


def test_po_upload_for_another_translation_is_refused(
    admin_client, django_capture_on_commit_callbacks, organisation, chinese
):
    committees = [translated_committee(organisation, chinese) for _ in range(2)]
    first, second = (translation_of(page, chinese) for page in committees)
    po = first.export_po()
    for entry in po:
        entry.msgstr = "错误"
    response = admin_client.post(
        reverse("wagtail_localize:upload_pofile", args=[second.pk]),
        {"file": SimpleUploadedFile("x.po", str(po).encode())},
        follow=True,
    )
    assert "different translation" in response.content.decode()
    assert not StringTranslation.objects.filter(locale=chinese, data="错误").exists()


# --- 4. snippets, menus and footer ---------------------------------------------------------------


def test_partner_institution_snippet_is_translated_the_same_way(admin_client, english, chinese):
    institution = PartnerInstitution.objects.create(
        locale=english, name="University of Testing", short_name="UT", country="GB", city="Leeds"
    )
    submit_url = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=["programs", "partnerinstitution", institution.pk],
    )
    assert admin_client.get(submit_url).status_code == 200
    assert admin_client.post(submit_url, {"locales": [chinese.pk]}).status_code == 302

    zh = institution.get_translation(chinese)
    translation = translation_of(institution, chinese)
    strings = segments(translation)
    assert set(strings) == {"name", "city"}  # short name and country are synchronised
    put_string(admin_client, translation, strings["name"], "测试大学")
    put_string(admin_client, translation, strings["city"], "利兹")

    edit_url = reverse("wagtailsnippets_programs_partnerinstitution:edit", args=[zh.pk])
    editor = admin_client.get(edit_url)
    assert editor.status_code == 200 and "props" in editor.context
    assert admin_client.post(edit_url, {"action": "publish"}).status_code == 302

    zh.refresh_from_db()
    assert (zh.name, zh.city, zh.short_name, zh.country.code) == ("测试大学", "利兹", "UT", "GB")
    institution.refresh_from_db()
    assert institution.name == "University of Testing"


def test_footer_and_menu_texts_are_translated_in_the_editor(
    admin_client, django_capture_on_commit_callbacks, home_en, home_zh, chinese
):
    translation = translation_of(home_en, chinese)
    strings = segments(translation)
    assert {"contact_name", "address"} <= set(strings)
    put_string(admin_client, translation, strings["contact_name"], "新的联系人名称")
    put_string(admin_client, translation, strings["address"], "苏州市测试路1号")

    # A page title, as shown in the Chinese menu.
    menu_page = home_en.get_children().live().first().specific
    menu_translation = translation_of(menu_page, chinese)
    if not menu_page.show_in_menus:
        # "Show in menus" is not translated: it comes over from English with the next sync.
        menu_page.show_in_menus = True
        menu_page.save_revision().publish()
        menu_translation.source.update_from_db()
    put_string(admin_client, menu_translation, segments(menu_translation)["title"], "机构一览")

    for page in (home_zh, menu_page.get_translation(chinese)):
        publish_in_editor(
            admin_client,
            django_capture_on_commit_callbacks,
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
        )

    html = admin_client.get(home_zh.get_url()).content.decode()
    footer = html[html.index('class="site-footer"') :]
    assert "新的联系人名称" in footer and "苏州市测试路1号" in footer
    menu = html[html.index('class="main-menu"') :]
    assert "机构一览" in menu[: menu.index("</nav>")]
    english = admin_client.get(home_en.get_url()).content.decode()
    assert "新的联系人名称" not in english and "机构一览" not in english


# --- 5. machine translation only with a key -----------------------------------------------------


def _machine_translator_setting(key: str | None) -> object:
    """WAGTAILLOCALIZE_MACHINE_TRANSLATOR as the settings compute it from the environment, read
    in a fresh interpreter (no network: nothing is called)."""
    env = {k: v for k, v in os.environ.items() if k != "DEEPL_API_KEY"}
    if key is not None:
        env["DEEPL_API_KEY"] = key
    code = (
        "import json; from site_config.settings import base; "
        "print(json.dumps(getattr(base, 'WAGTAILLOCALIZE_MACHINE_TRANSLATOR', None)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return json.loads(result.stdout)


def test_deepl_is_configured_only_with_a_key():
    assert _machine_translator_setting(None) is None
    assert _machine_translator_setting("  ") is None
    assert _machine_translator_setting("secret-key:fx") == {
        "CLASS": DEEPL,
        "OPTIONS": {"AUTH_KEY": "secret-key:fx"},
    }


def test_no_machine_translation_offered_without_a_key(
    admin_client, no_machine_translator, home_en, home_zh, chinese
):
    editor = admin_client.get(reverse("wagtailadmin_pages:edit", args=[home_zh.pk]))
    assert json.loads(editor.context["props"])["machineTranslator"] is None
    translation = translation_of(home_en, chinese)
    sync = admin_client.get(
        reverse("wagtail_localize:update_translations", args=[translation.source_id])
    )
    assert "use_machine_translation" not in sync.context["form"].fields
    response = admin_client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk])
    )
    assert response.status_code == 404


def test_machine_translation_offered_with_a_key(admin_client, settings, home_zh):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": DEEPL,
        "OPTIONS": {"AUTH_KEY": "not-a-real-key:fx"},
    }
    # Rendering the editor only names the translator; DeepL is called when the button is used.
    editor = admin_client.get(reverse("wagtailadmin_pages:edit", args=[home_zh.pk]))
    machine = json.loads(editor.context["props"])["machineTranslator"]
    assert machine["name"] == "DeepL"
    assert machine["url"].endswith("/machine_translate/")
