"""Translation status: the four states (home/i18n/translation_status.py) and the admin report that
shows them, with its filters and a query count that does not grow with the number of pages."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation

from home.i18n.translation_status import (
    TranslationState,
    decide_state,
    state_of,
    translation_statuses,
)
from organizations.models import CommitteePage, OrganizationPage
from tests.factories import CommitteePageFactory, OrganizationPageFactory, translate

REPORT = "home_translation_status"


@pytest.fixture
def organisation(organization_index, chinese) -> OrganizationPage:
    """An organisation page with a summary, translated into Chinese and published."""
    page = OrganizationPageFactory(parent=organization_index, summary="A students' association.")
    translate(page, chinese, {"A students' association.": "一个学生协会。"})
    return page


def new_committee(parent: OrganizationPage, publish: bool = True) -> CommitteePage:
    """A committee without translations; `publish` gives it a published revision."""
    page = CommitteePageFactory(parent=parent)
    if publish:
        page.save_revision().publish()
    return page


def report_rows(response) -> dict[str, dict[str, str]]:
    """{English page title: {language code: state}} as shown by the report."""
    rows = {}
    for row in response.context["object_list"]:
        rows[row.title] = {s.locale.language_code: s.state for s in row.statuses}
    return rows


# --- the states --------------------------------------------------------------------------------


def test_demo_content_is_up_to_date(english, chinese):
    statuses = translation_statuses()
    assert len(statuses) == Page.objects.filter(locale=english, depth__gt=1).count()
    assert {s.state for row in statuses for s in row.statuses} == {TranslationState.UP_TO_DATE}
    assert all([s.locale for s in row.statuses] == [chinese] for row in statuses)


def test_missing(organisation, chinese):
    page = new_committee(organisation)
    assert state_of(page, chinese) == TranslationState.MISSING
    status = translation_statuses(Page.objects.filter(pk=page.pk))[0].statuses[0]
    assert status.page_id is None and status.edit_url is None
    assert status.translate_url == (
        reverse("wagtail_localize:submit_page_translation", args=[page.pk])
        + "?select_locale=zh-hans"
    )


def test_an_alias_is_not_a_translation(organisation, chinese):
    page = new_committee(organisation)
    page.copy_for_translation(chinese, copy_parents=True, alias=True)
    assert page.get_translation(chinese).alias_of_id == page.pk
    assert state_of(page, chinese) == TranslationState.MISSING


def test_draft_when_not_live(organisation, chinese):
    zh = organisation.get_translation(chinese)
    zh.unpublish()
    assert state_of(organisation, chinese) == TranslationState.DRAFT


def test_draft_when_the_translation_has_unpublished_changes(organisation, chinese):
    zh = organisation.get_translation(chinese)
    zh.title = "草稿"
    zh.save_revision()
    assert state_of(organisation, chinese) == TranslationState.DRAFT


def test_draft_when_strings_were_translated_since_the_last_publish(organisation, chinese):
    translated = StringTranslation.objects.filter(
        locale=chinese, context__object_id=organisation.translation_key, context__path="summary"
    ).get()
    translated.data = "新的简介"
    translated.save()  # as the translation editor or a PO upload does
    assert state_of(organisation, chinese) == TranslationState.DRAFT


def test_outdated_when_the_source_is_published_again(organisation, chinese):
    organisation.summary = "Changed."
    organisation.save_revision().publish()
    assert state_of(organisation, chinese) == TranslationState.OUTDATED
    status = translation_statuses(Page.objects.filter(pk=organisation.pk))[0].statuses[0]
    translation = Translation.objects.get(
        source__object_id=organisation.translation_key, target_locale=chinese
    )
    assert status.translation_id == translation.pk
    assert status.sync_url == reverse("home_sync_and_translate", args=[translation.pk])


def test_an_english_draft_does_not_make_the_translation_outdated(organisation, chinese):
    # wagtail-localize translates the live English content; a draft changes nothing yet.
    organisation.summary = "Only a draft."
    organisation.save_revision()
    assert state_of(organisation, chinese) == TranslationState.UP_TO_DATE


def test_outdated_when_synced_but_not_yet_rebuilt(organisation, chinese):
    organisation.summary = "Changed."
    organisation.save_revision().publish()
    translation = Translation.objects.get(
        source__object_id=organisation.translation_key, target_locale=chinese
    )
    translation.source.update_from_db()  # "Sync translated pages" without publishing
    assert state_of(organisation, chinese) == TranslationState.OUTDATED


def test_outdated_when_strings_lack_a_translation(organisation, chinese):
    StringTranslation.objects.filter(
        locale=chinese, context__object_id=organisation.translation_key, context__path="summary"
    ).delete()
    status = translation_statuses(Page.objects.filter(pk=organisation.pk))[0].statuses[0]
    assert (status.state, status.untranslated) == (TranslationState.OUTDATED, 1)


def test_unmanaged_translation_compares_publish_dates(organisation, chinese):
    # The translation was stopped ("edit the page directly"): no wagtail-localize bookkeeping.
    Translation.objects.filter(source__object_id=organisation.translation_key).update(enabled=False)
    zh = organisation.get_translation(chinese)
    assert state_of(organisation, chinese) == TranslationState.UP_TO_DATE
    organisation.save_revision().publish()
    assert state_of(organisation, chinese) == TranslationState.OUTDATED
    zh.save_revision().publish()
    assert state_of(organisation, chinese) == TranslationState.UP_TO_DATE


def test_decide_state_order():
    now = timezone.now()
    earlier = now - datetime.timedelta(hours=1)
    assert decide_state(exists=False) == TranslationState.MISSING
    # Draft before outdated: the next step is to publish what was translated.
    assert (
        decide_state(exists=True, live=False, source_published_at=now, rebuilt_at=earlier)
        == TranslationState.DRAFT
    )
    assert (
        decide_state(exists=True, live=True, has_unpublished_changes=True) == TranslationState.DRAFT
    )
    assert (
        decide_state(exists=True, live=True, rebuilt_at=earlier, strings_updated_at=now)
        == TranslationState.DRAFT
    )
    synced = {"source_synced_at": earlier, "rebuilt_at": earlier}
    assert (
        decide_state(exists=True, live=True, source_published_at=now, **synced)
        == TranslationState.OUTDATED
    )
    assert (
        decide_state(exists=True, live=True, source_published_at=earlier, **synced)
        == TranslationState.UP_TO_DATE
    )
    assert (
        decide_state(exists=True, live=True, source_published_at=earlier, untranslated=2)
        == TranslationState.OUTDATED
    )


# --- the report --------------------------------------------------------------------------------


def test_report_lists_every_state_with_links(admin_client, organisation, home_en, chinese):
    missing = new_committee(organisation)
    organisation.get_translation(chinese).specific.save_revision()  # draft
    committee = CommitteePageFactory(parent=organisation)
    translate(committee, chinese)
    committee.save_revision().publish()  # outdated

    # One state at a time: the demo content fills more than one page of the report.
    html = ""
    for page, state in [
        (missing, TranslationState.MISSING),
        (organisation, TranslationState.DRAFT),
        (committee, TranslationState.OUTDATED),
        (home_en, TranslationState.UP_TO_DATE),
    ]:
        response = admin_client.get(reverse(REPORT), {"state": state.value})
        assert response.status_code == 200
        assert report_rows(response)[page.title] == {"zh-hans": state}
        html += response.content.decode()
    for state in TranslationState:
        assert f'data-state="{state.value}"' in html
    assert reverse("wagtailadmin_pages:edit", args=[missing.pk]) in html
    assert reverse("wagtail_localize:submit_page_translation", args=[missing.pk]) in html
    # The outdated one is synced before its editor opens (it would show the old English).
    outdated = translation_statuses(Page.objects.filter(pk=committee.pk))[0].statuses[0]
    assert f'<form method="post" action="{outdated.sync_url}">' in html
    assert reverse("wagtailadmin_pages:edit", args=[outdated.page_id]) not in html


def test_report_filters(admin_client, organisation, chinese):
    missing = new_committee(organisation)
    everything = admin_client.get(reverse(REPORT)).context["paginator"].count

    only_missing = report_rows(admin_client.get(reverse(REPORT), {"state": "missing"}))
    assert list(only_missing) == [missing.title]
    assert report_rows(admin_client.get(reverse(REPORT), {"state": "draft"})) == {}

    by_locale = admin_client.get(reverse(REPORT), {"locale": "zh-hans", "state": "up_to_date"})
    assert by_locale.context["is_filtering"]
    assert by_locale.context["paginator"].count == everything - 1

    # The results-only URL (used by the filter drop-down) filters the same way.
    results = admin_client.get(reverse("home_translation_status_results"), {"state": "missing"})
    assert results.status_code == 200 and list(report_rows(results)) == [missing.title]


@pytest.mark.parametrize(
    "params",
    [
        {"state": "bogus"},
        {"locale": "xx"},
        {"locale": "en"},  # the source locale is not a target
        {"state": "missing\x00", "locale": "zh-hans"},
        {"p": "999999999999999999999"},
    ],
)
def test_report_bad_filter_values_show_everything_with_an_error(admin_client, params):
    everything = report_rows(admin_client.get(reverse(REPORT)))
    response = admin_client.get(reverse(REPORT), params)
    assert response.status_code == 200
    if "p" not in params:
        assert "data-translation-status-filter-errors" in response.content.decode()
        assert report_rows(response) == everything


def test_report_query_count_does_not_grow_with_pages(admin_client, organisation, chinese):
    url = reverse(REPORT)
    admin_client.get(url)  # warm caches (content types, site root paths)

    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            assert admin_client.get(url).status_code == 200
        return len(context.captured_queries)

    before = queries()
    for i in range(8):
        page = new_committee(organisation, publish=i % 2 == 0)
        if i % 3 == 0:
            page.copy_for_translation(chinese, copy_parents=True)
    assert queries() == before
    # Filtered, too.
    with CaptureQueriesContext(connection) as context:
        admin_client.get(url, {"state": "missing", "locale": "zh-hans"})
    assert len(context.captured_queries) <= before + 1


def test_report_in_the_reports_menu_and_permissions(admin_client, client, django_user_model):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse(REPORT) in html

    # An admin user without any page permission may not see it.
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("reader", "r@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(reverse(REPORT))
    assert response.status_code in (302, 403)
    assert reverse(REPORT) not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_report_in_chinese(admin_client, django_user_model):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(django_user_model.objects.get(username="editor"))
    profile.preferred_language = "zh-hans"
    profile.save()
    html = admin_client.get(reverse(REPORT)).content.decode()
    assert "翻译状态" in html and "已是最新" in html and "编辑译文" in html
