"""A partner institution's page on this site in the API (`page` of a partner, programs/api.py):
the page in the partner's language where that translation is live and public, else as stored,
null when there is none anyone may read; the same shape in programmes, events, partner grids
and `/api/v2/partners/`; one query for the pages of all partners, whatever their number."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.factories import (
    OrganizationPageFactory,
    PartnerInstitutionFactory,
    PartnerProgramPageFactory,
    ProgramIndexPageFactory,
    translate,
)
from tests.programs.conftest import days

pytestmark = pytest.mark.django_db

PAGE_REF = {"id", "type", "title", "locale", "html_url"}


def get(client, url, **params) -> dict:
    response = client.get(url, params)
    assert response.status_code == 200, response.content[:500]
    return response.json()


def assert_ref(ref, page, locale: str) -> None:
    assert ref is not None
    assert set(ref) == PAGE_REF
    assert ref["id"] == page.pk
    assert ref["type"] == "organizations.OrganizationPage"
    assert ref["title"] == page.title
    assert ref["locale"] == locale
    assert ref["html_url"] == page.get_full_url()
    assert f"/{locale}/" in ref["html_url"]


@pytest.fixture
def school(organization_index, chinese):
    """An organisation page "Medical College" and its Chinese translation "医学院"."""
    page = OrganizationPageFactory(parent=organization_index, title="Medical College")
    translate(page, chinese, {"Medical College": "医学院"})
    return page


@pytest.fixture
def partner(school, chinese):
    """A partner whose page here is `school`, translated into Chinese."""
    made = PartnerInstitutionFactory(
        name="Medical College",
        country="LI",  # the only partners in that country: listed by `?country=LI`
        website="https://college.example",
        organization_page=school,
    )
    translate(made, chinese, {"Medical College": "医学院"})
    return made


@pytest.fixture
def programme(program_index, partner, chinese):
    page = PartnerProgramPageFactory(
        parent=program_index, title="Exchange", partner_institutions=[partner]
    )
    translate(page, chinese, {"Exchange": "交流项目"})
    return page


def partners_of(client, page) -> list[dict]:
    return get(client, f"/api/v2/pages/{page.pk}/")["partners"]


def test_a_programme_partner_links_its_page_in_the_programmes_language(
    client, programme, partner, school, chinese
):
    [shown] = partners_of(client, programme)
    assert shown["id"] == partner.pk
    assert_ref(shown["page"], school, "en")

    school_zh = school.get_translation(chinese)
    [shown_zh] = partners_of(client, programme.get_translation(chinese))
    assert shown_zh["id"] == partner.get_translation(chinese).pk
    assert shown_zh["locale"] == "zh-hans"
    assert_ref(shown_zh["page"], school_zh, "zh-hans")

    # Listings say the same: the programmes endpoint and the pages endpoint.
    index_zh = programme.get_parent().get_translation(chinese)
    for url, params in (
        ("/api/v2/programs/", {}),
        ("/api/v2/pages/", {"type": "programs.PartnerProgramPage"}),
    ):
        params = {"fields": "partners", "child_of": index_zh.pk, "locale": "zh-hans", **params}
        [item] = get(client, url, **params)["items"]
        assert_ref(item["partners"][0]["page"], school_zh, "zh-hans")

    # A partner not yet translated is shown as it is, with its page in the reader's language,
    # as the HTML links it.
    partner.get_translation(chinese).delete()
    [shown_zh] = partners_of(client, programme.get_translation(chinese))
    assert (shown_zh["id"], shown_zh["locale"]) == (partner.pk, "en")
    assert_ref(shown_zh["page"], school_zh, "zh-hans")

    # No live Chinese page: the English one, as the HTML links it.
    school_zh.unpublish()
    [shown_zh] = partners_of(client, programme.get_translation(chinese))
    assert_ref(shown_zh["page"], school, "en")


def test_a_partner_without_a_page_has_null(client, program_index):
    page = PartnerProgramPageFactory(
        parent=program_index, partner_institutions=[PartnerInstitutionFactory()]
    )
    [shown] = partners_of(client, page)
    assert "page" in shown and shown["page"] is None


@pytest.mark.parametrize("restriction_type", ["login", "password"])
def test_a_page_readers_cannot_open_is_not_given(
    client, programme, school, chinese, restriction_type
):
    programme_zh = programme.get_translation(chinese)
    school_zh = school.get_translation(chinese)
    # The page the partner names is behind a login or a password: null in both languages,
    # as the HTML then links the website (even though the Chinese page is public).
    restriction = PageViewRestriction.objects.create(
        page=school, restriction_type=restriction_type, password="secret"
    )
    assert partners_of(client, programme)[0]["page"] is None
    assert partners_of(client, programme_zh)[0]["page"] is None
    restriction.delete()
    # Only its Chinese translation is: the English page, rather than none.
    PageViewRestriction.objects.create(
        page=school_zh, restriction_type=restriction_type, password="secret"
    )
    assert_ref(partners_of(client, programme_zh)[0]["page"], school, "en")
    assert_ref(partners_of(client, programme)[0]["page"], school, "en")


def test_a_draft_or_unpublished_page_is_not_given(client, organization_index, program_index):
    draft = OrganizationPageFactory(parent=organization_index, title="Draft", live=False)
    assert not draft.live
    with_draft = PartnerInstitutionFactory(organization_page=draft)
    page = PartnerProgramPageFactory(parent=program_index, partner_institutions=[with_draft])
    assert partners_of(client, page)[0]["page"] is None

    published = OrganizationPageFactory(parent=organization_index, title="Published")
    with_published = PartnerInstitutionFactory(organization_page=published)
    page = PartnerProgramPageFactory(parent=program_index, partner_institutions=[with_published])
    assert_ref(partners_of(client, page)[0]["page"], published, "en")
    published.unpublish()
    assert partners_of(client, page)[0]["page"] is None


def test_the_partners_endpoint_carries_the_page(client, partner, school, chinese):
    partner_zh = partner.get_translation(chinese)
    school_zh = school.get_translation(chinese)
    assert_ref(get(client, f"/api/v2/partners/{partner.pk}/")["page"], school, "en")
    assert_ref(get(client, f"/api/v2/partners/{partner_zh.pk}/")["page"], school_zh, "zh-hans")
    # In listings by default, the same shape as in programmes.
    items = get(client, "/api/v2/partners/", country="LI")["items"]
    by_id = {item["id"]: item for item in items}
    assert_ref(by_id[partner.pk]["page"], school, "en")
    assert_ref(by_id[partner_zh.pk]["page"], school_zh, "zh-hans")
    others = PartnerInstitutionFactory(name="No Page College", country="MC")
    [item] = get(client, "/api/v2/partners/", country="MC")["items"]
    assert item["id"] == others.pk and item["page"] is None


def test_events_carry_it_for_the_host_and_the_grids(
    client, add_event, event_index, partner, school, chinese
):
    event = add_event("Congress", host_institution=partner, start_date=days(20))
    grid = {"heading": "Partners", "partners": [partner.pk]}
    event.body = json.dumps([{"type": "partner_grid", "value": grid}])
    event.save_revision().publish()
    event_zh = translate(event, chinese, {"Congress": "大会"})
    school_zh = school.get_translation(chinese)
    for shown, locale, page in ((event, "en", school), (event_zh, "zh-hans", school_zh)):
        detail = get(client, f"/api/v2/pages/{shown.pk}/")
        assert_ref(detail["host_institution"]["page"], page, locale)
        [block] = detail["body"]
        assert_ref(block["value"]["partners"][0]["page"], page, locale)
        index = shown.get_parent()
        params = {"locale": locale, "fields": "host_institution", "child_of": index.pk}
        [item] = get(client, "/api/v2/events/", **params)["items"]
        assert_ref(item["host_institution"]["page"], page, locale)


# -- queries --------------------------------------------------------------------------------


def count_queries(client, url: str, **params) -> tuple[int, dict]:
    client.get(url, params)  # warm up: renditions, cached site root paths, content types
    with CaptureQueriesContext(connection) as queries:
        data = get(client, url, **params)
    return len(queries), data


def partners_with_pages(count: int, organization_index, chinese, country: str) -> list:
    """`count` partners in `country`, each with its own organisation page, all translated."""
    made = []
    for _ in range(count):
        school = OrganizationPageFactory(parent=organization_index)
        translate(school, chinese, {school.title: f"学院 {school.pk}"})
        partner = PartnerInstitutionFactory(country=country, organization_page=school)
        translate(partner, chinese, {partner.name: f"伙伴 {partner.pk}"})
        made.append(partner)
    return made


# The programmes listing (as in tests/home/test_api_queries.py): the partners' pages come in
# the query that loads the programmes' hosts (pages, with their translations), so they cost
# nothing more: the same count without any, with one and with five.
PROGRAMMES = {"en": 11, "zh-hans": 11}


@pytest.mark.parametrize("locale", ["en", "zh-hans"])
def test_programme_listing_queries_do_not_grow_with_partners_pages(
    client, home_en, organization_index, organisation, chinese, locale
):
    pageless = PartnerInstitutionFactory(name="Pageless", country="IS")
    translate(pageless, chinese, {"Pageless": "无页"})
    with_pages = partners_with_pages(5, organization_index, chinese, "IS")
    counts = []
    for size in (0, 1, 5):
        index = ProgramIndexPageFactory(parent=home_en)
        translate(index, chinese)
        page = PartnerProgramPageFactory(
            parent=index,
            title=f"Exchange {size}",
            host_organization=organisation,
            partner_institutions=[pageless, *with_pages[:size]],
        )
        translate(page, chinese, {f"Exchange {size}": f"交流 {size}"})
        shown = index if locale == "en" else index.get_translation(chinese)
        count, data = count_queries(
            client, "/api/v2/programs/", child_of=shown.pk, fields="*", locale=locale
        )
        [item] = data["items"]
        assert len(item["partners"]) == 1 + size
        assert item["partners"][0]["page"] is None
        assert [p["page"]["locale"] for p in item["partners"][1:]] == [locale] * size
        counts.append(count)
    assert counts == [PROGRAMMES[locale]] * 3


# The partners endpoint: the partners (with their count), locales, and one query for all their
# pages when any has one (none when none has).
PARTNERS = {"without pages": 3, "with pages": 4}


def test_partners_endpoint_queries_do_not_grow_with_pages(client, organization_index, chinese):
    for i in range(3):
        PartnerInstitutionFactory(name=f"Pageless {i}", country="IS")
    count, data = count_queries(client, "/api/v2/partners/", country="IS", fields="*")
    assert [item["page"] for item in data["items"]] == [None] * 3
    assert count == PARTNERS["without pages"]
    counts = []
    for added in (1, 4):  # 1, then 5 partners with pages
        partners_with_pages(added, organization_index, chinese, "IS")
        count, data = count_queries(client, "/api/v2/partners/", country="IS", fields="*")
        with_page = [item for item in data["items"] if item["page"]]
        assert len(with_page) == (1 + (added == 4) * 4) * 2  # in English and Chinese
        counts.append(count)
    assert counts == [PARTNERS["with pages"]] * 2


# An event's detail: the host institution and a grid of partners, each with its page; their
# pages come in the query that loads the organiser (pages, with their translations).
EVENT = {"en": 13, "zh-hans": 13}


@pytest.mark.parametrize("locale", ["en", "zh-hans"])
def test_event_detail_queries_do_not_grow_with_partners_pages(
    client, add_event, organization_index, organisation, chinese, locale
):
    partners = partners_with_pages(5, organization_index, chinese, "IS")
    counts = []
    for size in (1, 5):
        event = add_event(
            f"Congress {size}",
            host_organization=organisation,
            host_institution=partners[0],
            start_date=days(20),
        )
        grid = {"heading": "Partners", "partners": [p.pk for p in partners[:size]]}
        event.body = json.dumps([{"type": "partner_grid", "value": grid}])
        event.save_revision().publish()
        if locale == "zh-hans":
            event = translate(event, chinese, {f"Congress {size}": f"大会 {size}"})
        count, data = count_queries(client, f"/api/v2/pages/{event.pk}/")
        shown = data["body"][0]["value"]["partners"]
        assert [p["page"]["locale"] for p in shown] == [locale] * size
        assert data["host_institution"]["page"]["locale"] == locale
        counts.append(count)
    assert counts == [EVENT[locale]] * 2
