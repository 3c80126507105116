"""A partner programme page shows its host, its partners (each once, in the editor's order)
and its dates, in the page's language, on the site and in the API; organisations list the
programmes they host; the programme index filters by kind."""

import datetime
import importlib
import json
import re

import pytest
from django.apps import apps as django_apps
from django.utils import translation
from django_countries.fields import Country
from wagtail.models import Locale, PageViewRestriction

from home.places import place_name
from programs.models import PartnerProgramPage
from tests.factories import (
    OrganizationPageFactory,
    PartnerInstitutionFactory,
    PartnerProgramPageFactory,
    translate,
)
from tests.html import api_detail, main_html

pytestmark = pytest.mark.django_db

CHINESE = {
    "Association": "协会",
    "Exchange": "交流项目",
    "Hospital of the North": "北方医院",
    "University of the South": "南方大学",
    "Hosted by": "主办方为",
    "the association": "协会",
}


@pytest.fixture
def programme(organization_index, program_index, chinese):
    """A programme hosted by an organisation, with two partners, all translated."""
    host = OrganizationPageFactory(parent=organization_index, title="Association")
    partners = [
        PartnerInstitutionFactory(
            name="University of the South", short_name="USouth", website="https://south.example"
        ),
        PartnerInstitutionFactory(name="Hospital of the North", country="DE", city="Berlin"),
    ]
    page = PartnerProgramPageFactory(
        parent=program_index,
        title="Exchange",
        host_organization=host,
        partner_institutions=partners,
        since=datetime.date(2001, 6, 1),
        since_precision="month",
        application_deadline=datetime.date(2027, 3, 1),
        eligibility=f'<p>Hosted by <a linktype="page" id="{host.pk}">the association</a>.</p>',
    )
    for obj in (host, *partners, page):
        translate(obj, chinese, CHINESE)
    return page


def in_locale(obj, language: str):
    return obj.get_translation(Locale.objects.get(language_code=language))


def test_programme_page_shows_host_partners_and_dates(client, programme):
    html = main_html(client, programme)
    host = programme.host_organization
    assert f'<a href="{host.url}">Association</a>' in html
    south, north = (row.institution for row in programme.partners.all())
    assert html.count(south.name) == 1 and html.count(north.name) == 1
    assert html.index(south.name) < html.index(north.name)
    assert f'<a href="https://south.example">{south.name}</a> <abbr>(USouth)</abbr>' in html
    assert "Berlin, Germany" in html
    assert '<time datetime="2001-06">June 2001</time>' in html
    assert '<time datetime="2027-03-01">1 March 2027</time>' in html
    assert f'<a href="{host.url}">the association</a>' in html


def test_chinese_programme_page_shows_chinese_host_partners_and_dates(client, programme):
    html = main_html(client, in_locale(programme, "zh-hans"))
    host_zh = in_locale(programme.host_organization, "zh-hans")
    assert f'<a href="{host_zh.url}">协会</a>' in html
    assert html.count("南方大学") == 1 and html.count("北方医院") == 1
    assert html.index("南方大学") < html.index("北方医院")
    assert "University of the South" not in html
    assert '<a href="https://south.example">南方大学</a>' in html
    assert '<time datetime="2001-06">2001年6月</time>' in html
    assert '<time datetime="2027-03-01">2027年3月1日</time>' in html
    assert not re.search(r'href="/en/', html)


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_api_programme_refers_to_host_and_partners_in_its_language(client, programme, language):
    detail = api_detail(client, in_locale(programme, language))
    host = in_locale(programme.host_organization, language)
    assert (detail["host_organization"]["id"], detail["host_organization"]["locale"]) == (
        host.pk,
        language,
    )
    partners = [in_locale(row.institution, language) for row in programme.partners.all()]
    assert [(p["id"], p["name"], p["locale"]) for p in detail["partners"]] == [
        (partner.pk, partner.name, language) for partner in partners
    ]
    assert detail["partners"][1]["country"] == "DE"
    assert detail["since_display"] == {"en": "June 2001", "zh-hans": "2001年6月"}[language]
    assert f'data-page-id="{host.pk}"' in detail["eligibility"]


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_host_organisation_lists_its_programmes(client, programme, language):
    host = in_locale(programme.host_organization, language)
    hosted = in_locale(programme, language)
    html = main_html(client, host)
    assert {"en": "Programmes", "zh-hans": "项目"}[language] in html
    assert f'<a href="{hosted.url}">{hosted.title}</a>' in html
    programmes = api_detail(client, host)["programs"]
    assert [(p["id"], p["locale"], p["kind"]) for p in programmes] == [
        (hosted.pk, language, "clinical")
    ]


def test_organisation_without_programmes_has_no_programme_section(client, organization_index):
    page = OrganizationPageFactory(parent=organization_index)
    assert "Programmes" not in main_html(client, page)
    assert api_detail(client, page)["programs"] == []


def test_a_programme_lists_its_partners_once(client, program_index):
    """Partners are added in one place, the partners field: the body offers no partner grid."""
    assert "partner_grid" not in PartnerProgramPage.body.field.stream_block.child_blocks
    partners = [PartnerInstitutionFactory(name=f"Institute {n}") for n in range(3)]
    page = PartnerProgramPageFactory(parent=program_index, partner_institutions=partners)
    html = main_html(client, page)
    assert [html.count(f"Institute {n}") for n in range(3)] == [1, 1, 1]


def test_an_events_partner_grid_shows_partners_in_the_pages_language(client, add_event, chinese):
    partner = PartnerInstitutionFactory(name="Northern Institute")
    translate(partner, chinese, {"Northern Institute": "北方研究所"})
    grid = {"heading": "Partners", "partners": [partner.pk]}
    page = add_event("Congress")
    page.body = json.dumps([{"type": "partner_grid", "value": grid}])
    page.save_revision().publish()
    page_zh = translate(page, chinese, {"Partners": "合作伙伴"})
    assert "Northern Institute" in main_html(client, page)
    html = main_html(client, page_zh)
    assert "<h2>合作伙伴</h2>" in html and "北方研究所" in html
    assert "Northern Institute" not in html
    grid = api_detail(client, page_zh)["body"][0]["value"]
    assert [(p["name"], p["locale"]) for p in grid["partners"]] == [("北方研究所", "zh-hans")]


def test_programme_index_filters_by_kind(client, program_index):
    clinical = PartnerProgramPageFactory(parent=program_index, kind="clinical")
    research = PartnerProgramPageFactory(parent=program_index, kind="research")
    everything = main_html(client, program_index)
    assert f'href="{clinical.url}"' in everything and f'href="{research.url}"' in everything
    response = client.get(program_index.url, {"kind": "research"})
    html = response.content.decode()
    assert f'href="{research.url}"' in html and f'href="{clinical.url}"' not in html
    assert '<option value="research" selected>' in html
    unknown = client.get(program_index.url, {"kind": "nonsense"}).content.decode()
    assert f'href="{clinical.url}"' in unknown and f'href="{research.url}"' in unknown


def test_the_migration_moves_grid_partners_into_the_field(program_index):
    """Programmes saved with partner grids keep every partner, listed once, in the field: on
    the live page and in its latest revision (a draft an editor may still publish)."""
    migration = importlib.import_module(
        "programs.migrations.0006_programme_partners_only_in_their_field"
    )
    first, second, third = (PartnerInstitutionFactory(name=f"Institute {n}") for n in range(3))
    page = PartnerProgramPageFactory(parent=program_index, partner_institutions=[first])
    grid = {
        "heading": "Exchange partners",
        "partners": [
            {"type": "item", "value": third.pk, "id": "a"},
            {"type": "item", "value": first.pk, "id": "b"},
            {"type": "item", "value": second.pk, "id": "c"},
        ],
    }
    stored = [
        {"type": "paragraph", "value": "<p>About us.</p>", "id": "p"},
        {"type": "partner_grid", "value": grid, "id": "g"},
    ]
    PartnerProgramPage.objects.filter(pk=page.pk).update(body=json.dumps(stored))
    revision = page.save_revision()
    revision.content["body"] = json.dumps(stored)
    revision.save()

    migration.move_grid_partners_into_the_field(django_apps, None)

    page = PartnerProgramPage.objects.get(pk=page.pk)
    expected = [first.pk, third.pk, second.pk]
    assert [row.institution_id for row in page.partners.order_by("sort_order")] == expected
    assert [block["type"] for block in page.body.raw_data] == ["paragraph"]
    draft = page.get_latest_revision().as_object()
    assert [row.institution_id for row in draft.partners.all()] == expected
    assert [block.block_type for block in draft.body] == ["paragraph"]


@pytest.mark.parametrize(
    ("language", "city", "country", "venue", "expected"),
    [
        ("en", "Shantou", "CN", "", "Shantou, China"),
        ("zh-hans", "汕头", "CN", "", "中国汕头"),
        ("en", "Hong Kong", "HK", "", "Hong Kong"),
        ("zh-hans", "香港", "HK", "", "香港"),
        ("en", "", "FR", "", "France"),
        ("en", "Shanghai", "CN", "Jiao Tong University", "Jiao Tong University, Shanghai, China"),
        ("zh-hans", "上海", "CN", "交通大学", "中国上海，交通大学"),
    ],
)
def test_places_read_as_each_language_writes_them(language, city, country, venue, expected):
    with translation.override(language):
        assert place_name(city, Country(country), venue) == expected


def test_partners_places_in_both_languages(client, program_index, chinese):
    partner = PartnerInstitutionFactory(name="SUMC", country="CN", city="Shantou")
    translate(partner, chinese, {"Shantou": "汕头"})
    page = PartnerProgramPageFactory(parent=program_index, partner_institutions=[partner])
    page_zh = translate(page, chinese)
    assert '<p class="partner__place">Shantou, China</p>' in main_html(client, page)
    assert '<p class="partner__place">中国汕头</p>' in main_html(client, page_zh)


def test_a_partner_with_a_page_here_links_to_it_in_the_readers_language(
    client, organization_index, program_index, chinese
):
    school = OrganizationPageFactory(parent=organization_index, title="Medical College")
    school_zh = translate(school, chinese, {"Medical College": "医学院"})
    partner = PartnerInstitutionFactory(
        name="Medical College", website="https://college.example", organization_page=school
    )
    translate(partner, chinese, {"Medical College": "医学院"})
    page = PartnerProgramPageFactory(parent=program_index, partner_institutions=[partner])
    page_zh = translate(page, chinese)
    assert f'<a href="{school.url}">Medical College</a>' in main_html(client, page)
    assert f'<a href="{school_zh.url}">医学院</a>' in main_html(client, page_zh)
    school_zh.unpublish()  # no Chinese page: the English one, rather than none
    assert f'<a href="{school.url}">医学院</a>' in main_html(client, page_zh)
    # A page readers cannot open (behind a login) is not linked: the website is.
    restriction = PageViewRestriction.objects.create(page=school, restriction_type="login")
    assert '<a href="https://college.example">医学院</a>' in main_html(client, page_zh)
    restriction.delete()
    school.unpublish()  # no page at all: the website
    assert '<a href="https://college.example">医学院</a>' in main_html(client, page_zh)


def test_a_cached_programme_drops_its_partners_link_when_the_partners_page_goes(
    client, settings, organization_index, program_index, django_capture_on_commit_callbacks
):
    # The programme refers to the partner, the partner to its page: a change of the page
    # reaches the programme through the partner (home/affected.py).
    settings.PAGE_CACHE_SECONDS = 300
    school = OrganizationPageFactory(parent=organization_index, title="Medical College")
    partner = PartnerInstitutionFactory(
        name="Medical College", website="https://college.example", organization_page=school
    )
    page = PartnerProgramPageFactory(parent=program_index, partner_institutions=[partner])
    link = f'<a href="{school.url}">Medical College</a>'
    assert link in client.get(page.url).content.decode()
    assert client.get(page.url).headers["X-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        school.unpublish()
    html = client.get(page.url).content.decode()
    assert link not in html
    assert '<a href="https://college.example">Medical College</a>' in html
