"""A partner programme page shows its host, its partners (each once, in the editor's order)
and its dates, in the page's language, on the site and in the API; organisations list the
programmes they host; the programme index filters by kind."""

import datetime
import re

import pytest
from wagtail.models import Locale

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


def test_partner_grid_shows_partners_in_the_pages_language(client, program_index, chinese):
    partner = PartnerInstitutionFactory(name="Northern Institute")
    page = PartnerProgramPageFactory(
        parent=program_index,
        body__0__partner_grid__heading="Partners",
        body__0__partner_grid__partners=[partner],
    )
    translate(partner, chinese, {"Northern Institute": "北方研究所"})
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
