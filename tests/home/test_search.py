"""Search in both languages, Chinese included: the search page, the admin and the API."""

import datetime
import re

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page

from home.dates import DatePrecision
from organizations.models import CommitteePage, HistoryPage, OrganizationKind, OrganizationPage
from programs.models import PartnerProgramPage
from tests.factories import (
    CommitteePageFactory,
    HistoryPageFactory,
    OrganizationPageFactory,
    PartnerInstitutionFactory,
    PartnerProgramPageFactory,
    TimelineEventBlockFactory,
    translate,
)

pytestmark = pytest.mark.django_db

HAN_RUN = re.compile(r"[\u4e00-\u9fff]{4,}")
NASTY_QUERIES = [
    '"',
    "'unterminated",
    "(SCOPE",
    "a) OR (b",
    "SCOPE AND NOT 交流",
    "OR",
    "*",
    "med*",
    "title:IFMSA",
    ":",
    "a\x00b",
    "\x00",
    "\u200f\u202eمرحبا\u202c",
    "NEAR(a b)",
    "^",
    "-",
    "x" * 5000,
    "医" * 5000,
    "国际 " * 1000,
]


def search_page(client, language: str, query: str, page: int | str | None = None) -> str:
    params = {"q": query} | ({"page": page} if page else {})
    response = client.get(f"/{language}/search/", params)
    assert response.status_code == 200
    return response.content.decode()


def urls_in(html: str) -> list[str]:
    return re.findall(r'class="search-result__title"><a href="([^"]+)"', html)


def result_urls(client, language: str, query: str, page: int | str | None = None) -> list[str]:
    return urls_in(search_page(client, language, query, page))


def all_result_urls(client, language: str, query: str) -> list[str]:
    """The results of every page of results."""
    urls, number = [], 1
    while True:
        html = search_page(client, language, query, number)
        urls += urls_in(html)
        if 'rel="next"' not in html:
            return urls
        number += 1


def middle(text: str) -> str:
    """A Chinese word from the middle of `text`: never its first or last character."""
    run = max(HAN_RUN.findall(text), key=len)
    return run[1:-1][:3]


def chinese_pages(model):
    return model.objects.live().filter(locale__language_code="zh-hans")


@pytest.mark.parametrize(
    "model", [OrganizationPage, CommitteePage, HistoryPage, PartnerProgramPage]
)
def test_words_from_the_middle_of_chinese_titles_find_the_page(client, model):
    pages = [p for p in chinese_pages(model) if HAN_RUN.search(p.title)]
    assert pages
    for page in pages:
        word = middle(page.title)
        assert page.url in all_result_urls(client, "zh-hans", word), (word, page.title)


def test_words_from_the_middle_of_chinese_bodies_find_the_page(client):
    checked = 0
    for page in chinese_pages(OrganizationPage):
        if HAN_RUN.search(page.summary):
            word = middle(page.summary)
            assert page.url in all_result_urls(client, "zh-hans", word), (word, page.summary)
            checked += 1
    assert checked >= 5


@pytest.fixture
def partner(chinese):
    """A partner institution with a Chinese name."""
    institution = PartnerInstitutionFactory(name="Quillfeather University", country="US")
    translate(institution, chinese, {"Quillfeather University": "羽笔大学"})
    return institution


@pytest.fixture
def programme(program_index, partner, chinese) -> PartnerProgramPage:
    """A programme with `partner`, and its Chinese translation."""
    page = PartnerProgramPageFactory(parent=program_index, partner_institutions=[partner])
    page.save_revision().publish()  # as the editor does: indexed with its partner rows
    translate(page, chinese)
    return page


def test_timeline_events_committees_and_partners_are_searchable(
    client, organisation, programme, chinese
):
    event_title = "在锡纳亚召开首届大会"
    history = HistoryPageFactory(
        parent=organisation,
        events=[("event", TimelineEventBlockFactory(title="First congress, in Sinaia"))],
    )
    history_zh = translate(history, chinese, {"First congress, in Sinaia": event_title})
    assert history_zh.url in result_urls(client, "zh-hans", "锡纳亚")
    assert history_zh.url in all_result_urls(client, "zh-hans", middle(event_title))

    full_name = "斑马鱼护理常设委员会"
    committee = CommitteePageFactory(parent=organisation, full_name="Zebrafish Care Committee")
    committee_zh = translate(committee, chinese, {"Zebrafish Care Committee": full_name})
    assert committee_zh.url in result_urls(client, "zh-hans", middle(full_name))

    # A programme is found by the Chinese name of a partner institution.
    programme_zh = programme.get_translation(chinese)
    assert programme_zh.url in all_result_urls(client, "zh-hans", middle("羽笔大学"))


def test_example_from_the_issue(client, organization_index, chinese):
    china = OrganizationPageFactory(parent=organization_index, title="Chinese branch")
    china_zh = translate(china, chinese, {"Chinese branch": "国际医学生联合会中国分会"})
    for word in ("医学生", "联合会", "中国分会", "学生联合"):
        assert china_zh.url in all_result_urls(client, "zh-hans", word), word


def test_english_word_forms_and_case(client, organisation, programme):
    committee = CommitteePageFactory(parent=organisation, title="Committee on Medical Education")
    assert committee.url in all_result_urls(client, "en", "committees")
    assert committee.url in all_result_urls(client, "en", "COMMITTEE")
    lower = all_result_urls(client, "en", "quillfeather")
    assert programme.url in lower
    assert lower == all_result_urls(client, "en", "QUILLFEATHER")


def test_mixed_english_and_chinese_query(client, organisation, chinese):
    both = CommitteePageFactory(parent=organisation, acronym="ZQXW", focus="Student exchanges.")
    both_zh = translate(both, chinese, {"Student exchanges.": "学生交流。"})
    one = CommitteePageFactory(parent=organisation, focus="Exchanges abroad.")
    one_zh = translate(one, chinese, {"Exchanges abroad.": "海外交流。"})
    urls = result_urls(client, "zh-hans", "ZQXW 交流")
    assert both_zh.url in urls
    # Both words must match: a page with only one of them is not a result.
    assert one_zh.url not in urls
    assert all(url.startswith("/zh-hans/") for url in urls)
    assert len(urls) < len(all_result_urls(client, "zh-hans", "交流"))


def test_results_stay_in_the_locale_searched(client, organization_index, chinese):
    page = OrganizationPageFactory(parent=organization_index, summary="For medical students.")
    page_zh = translate(page, chinese, {"For medical students.": "面向医学生。"})
    assert result_urls(client, "en", "医学生") == []
    zh_urls = all_result_urls(client, "zh-hans", "医学生")
    assert page_zh.url in zh_urls and all(u.startswith("/zh-hans/") for u in zh_urls)
    en_urls = all_result_urls(client, "en", "students")
    assert page.url in en_urls and all(u.startswith("/en/") for u in en_urls)


@pytest.mark.parametrize("language,query", [("en", "Zebrafish"), ("zh-hans", "斑马鱼")])
def test_titles_rank_above_body_text(client, organization_index, chinese, language, query):
    # Titles of the same length: the SQLite backend also ranks short titles higher.
    OrganizationPageFactory(parent=organization_index, title="Zebrafish")
    OrganizationPageFactory(
        parent=organization_index,
        title="Aquariums",
        body__0__paragraph__value="<p>We look after zebrafish.</p>",
    )
    for page in organization_index.get_children().specific():
        translate(
            page,
            chinese,
            {
                "Zebrafish": "斑马鱼",
                "Aquariums": "水族馆",
                "We look after zebrafish.": "我们照看斑马鱼。",
            },
        )
    urls = all_result_urls(client, language, query)
    titles = {p.url: p.title for p in Page.objects.live().filter(locale__language_code=language)}
    in_title = [query.lower() in titles[u].lower() for u in urls]
    assert True in in_title and False in in_title, "the query should match titles and bodies"
    assert in_title == sorted(in_title, reverse=True)


def test_result_shows_type_excerpt_with_marks_and_date(client, organization_index, chinese):
    federation = OrganizationPageFactory(
        parent=organization_index,
        title="Zebrafish Federation",
        acronym="ZFED",
        kind=OrganizationKind.FEDERATION,
        founded=datetime.date(1951, 5, 1),
        founded_precision=DatePrecision.YEAR,
    )
    federation_zh = translate(federation, chinese, {"Zebrafish Federation": "斑马鱼联合会"})

    html = client.get("/en/search/", {"q": "ZFED"}).content.decode()
    item = html.split(f'href="{federation.url}"', 1)[1].split("</li>", 1)[0]
    assert "Organisation" in item
    assert "Founded 1951" in item
    assert "<mark>" in html

    html = client.get("/zh-hans/search/", {"q": "斑马鱼联合会"}).content.decode()
    item = html.split(f'href="{federation_zh.url}"', 1)[1].split("</li>", 1)[0]
    assert "<mark>" in html
    assert "1951年" in item


def test_pagination(client, organization_index, chinese):
    OrganizationPageFactory.create_batch(
        11, parent=organization_index.get_translation(chinese), summary="斑马鱼交流。"
    )
    first = result_urls(client, "zh-hans", "斑马鱼")
    second = result_urls(client, "zh-hans", "斑马鱼", 2)
    assert len(first) == 10 and len(second) == 1 and not set(first) & set(second)
    assert result_urls(client, "zh-hans", "斑马鱼", "abc") == first
    response = client.get("/zh-hans/search/", {"q": "斑马鱼"})
    assert 'rel="next"' in response.content.decode()


@pytest.mark.parametrize("language,message", [("en", "Nothing was found"), ("zh-hans", "没有找到")])
def test_nothing_found_says_so_in_the_visitors_language(client, language, message):
    response = client.get(f"/{language}/search/", {"q": "zzzyxq"})
    assert response.status_code == 200
    assert message in response.content.decode()


ELSEWHERE = re.compile(
    r'<p class="search-elsewhere" lang="([^"]+)"><a href="([^"]+)" hreflang="[^"]+">([^<]+)</a>'
)


@pytest.fixture
def quokka_society(organization_index, chinese) -> OrganizationPage:
    page = OrganizationPageFactory(parent=organization_index, title="Quokka Society")
    translate(page, chinese, {"Quokka Society": "短尾矮袋鼠协会"})
    return page


@pytest.mark.parametrize(
    "language,query,other,text",
    [
        ("en", "短尾矮袋鼠", "zh-hans", "在简体中文版中找到 1 条结果"),
        ("zh-hans", "quokka", "en", "1 result in English"),
    ],
)
def test_nothing_found_points_to_results_in_the_other_language(
    client, quokka_society, language, query, other, text
):
    html = search_page(client, language, query)
    assert urls_in(html) == []
    [(lang, url, link)] = ELSEWHERE.findall(html)
    assert (lang, link) == (other, text)
    assert url.startswith(f"/{other}/search/?q=")
    expected = quokka_society.get_translation(Locale.objects.get(language_code=other))
    assert urls_in(client.get(url).content.decode()) == [expected.url]


def test_nothing_anywhere_points_nowhere(client, quokka_society):
    assert ELSEWHERE.findall(search_page(client, "en", "zzzyxq")) == []


def test_search_page_works_without_javascript(client):
    html = client.get("/en/search/").content.decode()
    assert '<form class="search-form"' in html and 'method="get"' in html
    assert 'name="q"' in html


@pytest.mark.parametrize("query", NASTY_QUERIES)
def test_any_query_gets_a_normal_page(client, query):
    for language in ("en", "zh-hans"):
        response = client.get(f"/{language}/search/", {"q": query})
        assert response.status_code == 200


@pytest.mark.parametrize("query", NASTY_QUERIES)
@pytest.mark.parametrize("endpoint", ["pages", "partners"])
def test_any_api_query_gets_json_and_never_a_500(client, query, endpoint):
    response = client.get(f"/api/v2/{endpoint}/", {"search": query})
    assert response.status_code in (200, 400)
    assert response.headers["Content-Type"].startswith("application/json")


def test_api_search_finds_chinese_words(client, organization_index, partner, chinese):
    page = OrganizationPageFactory(parent=organization_index, title="Zebrafish Federation")
    page_zh = translate(page, chinese, {"Zebrafish Federation": "斑马鱼联合会"})
    response = client.get("/api/v2/pages/", {"search": "鱼联合", "locale": "zh-hans", "limit": 20})
    assert page_zh.id in [item["id"] for item in response.json()["items"]]
    response = client.get("/api/v2/partners/", {"search": "羽笔", "locale": "zh-hans"})
    assert [item["name"] for item in response.json()["items"]] == ["羽笔大学"]
    response = client.get("/api/v2/partners/", {"search": "quillfeather", "locale": "en"})
    assert [item["name"] for item in response.json()["items"]] == ["Quillfeather University"]


def test_api_refuses_unknown_search_operator(client):
    response = client.get("/api/v2/pages/", {"search": "IFMSA", "search_operator": "xor"})
    assert response.status_code == 400
    assert "search_operator" in response.json()["message"]


def test_admin_search_finds_chinese_words(admin_client, organization_index, chinese):
    page = OrganizationPageFactory(parent=organization_index, title="Zebrafish Federation")
    page_zh = translate(page, chinese, {"Zebrafish Federation": "斑马鱼医学生联合会"})
    response = admin_client.get(reverse("wagtailadmin_pages:search"), {"q": "医学生"})
    assert response.status_code == 200
    assert page_zh.title in response.content.decode()


def test_index_follows_publishing_translating_and_deleting(client, organisation, chinese):
    committee = CommitteePageFactory(
        parent=organisation,
        title="Zebrafish Research Team",
        full_name="Zebrafish Research Team",
        committee_kind="team",
        focus="Looks after the zebrafish lab.",
    )
    committee.save_revision().publish()
    assert committee.url in result_urls(client, "en", "zebrafish")

    committee.unpublish()
    assert result_urls(client, "en", "zebrafish") == []

    committee.save_revision().publish()
    target = translate(
        committee,
        chinese,
        {
            "Zebrafish Research Team": "斑马鱼研究小组",
            "Looks after the zebrafish lab.": "负责斑马鱼实验室。",
        },
    )
    assert target.url in result_urls(client, "zh-hans", "研究小")

    target.delete()
    committee.delete()
    assert result_urls(client, "en", "zebrafish") == []
    assert result_urls(client, "zh-hans", "研究小") == []
