"""Search in both languages, Chinese included: the search page, the admin and the API."""

import re

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from organizations.models import CommitteePage, HistoryPage, OrganizationPage
from programs.models import PartnerInstitution, PartnerProgramPage

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


def test_timeline_events_committees_and_partners_are_searchable(client):
    history = chinese_pages(HistoryPage).get(title__contains="医学生科学组织")
    event_title = next(e["title"] for e in history.sorted_events() if "锡纳亚" in e["title"])
    assert history.url in result_urls(client, "zh-hans", "锡纳亚")
    assert history.url in all_result_urls(client, "zh-hans", middle(event_title))

    scope = chinese_pages(CommitteePage).get(acronym="SCOPE")
    assert scope.url in result_urls(client, "zh-hans", middle(scope.full_name))

    # A programme is found by the Chinese name of a partner institution.
    stanford = PartnerInstitution.objects.get(
        locale__language_code="zh-hans", country="US", website__contains="stanford"
    )
    programme = (
        chinese_pages(PartnerProgramPage)
        .filter(partners__institution__name="Stanford University")
        .first()
    )
    assert programme.url in all_result_urls(client, "zh-hans", middle(stanford.name + "大学"))


def test_example_from_the_issue(client):
    china = chinese_pages(OrganizationPage).get(acronym="IFMSA-China")
    assert "国际医学生联合会中国分会" in china.title
    for word in ("医学生", "联合会", "中国分会", "学生联合"):
        assert china.url in all_result_urls(client, "zh-hans", word), word


def test_english_word_forms_and_case(client):
    scome = CommitteePage.objects.get(acronym="SCOME", locale__language_code="en")
    assert "Committee" in scome.title
    assert scome.url in all_result_urls(client, "en", "committees")
    assert scome.url in all_result_urls(client, "en", "COMMITTEE")
    assert all_result_urls(client, "en", "stanford") == all_result_urls(client, "en", "STANFORD")


def test_mixed_english_and_chinese_query(client):
    scope = chinese_pages(CommitteePage).get(acronym="SCOPE")
    urls = result_urls(client, "zh-hans", "SCOPE 交流")
    assert scope.url in urls
    # Both words must match: a page with only one of them is not a result.
    assert all(url.startswith("/zh-hans/") for url in urls)
    assert len(urls) < len(all_result_urls(client, "zh-hans", "交流"))


def test_results_stay_in_the_locale_searched(client):
    assert result_urls(client, "en", "医学生") == []
    assert all(u.startswith("/zh-hans/") for u in all_result_urls(client, "zh-hans", "医学生"))
    assert all(u.startswith("/en/") for u in all_result_urls(client, "en", "students"))


@pytest.mark.parametrize("language,query", [("en", "Secretariat"), ("zh-hans", "秘书处")])
def test_titles_rank_above_body_text(client, language, query):
    urls = all_result_urls(client, language, query)
    titles = {p.url: p.title for p in Page.objects.live().filter(locale__language_code=language)}
    in_title = [query.lower() in titles[u].lower() for u in urls]
    assert True in in_title and False in in_title, "the query should match titles and bodies"
    assert in_title == sorted(in_title, reverse=True)


def test_result_shows_type_excerpt_with_marks_and_date(client):
    html = client.get("/en/search/", {"q": "IFMSA"}).content.decode()
    ifmsa = OrganizationPage.objects.get(acronym="IFMSA", locale__language_code="en")
    item = html.split(f'href="{ifmsa.url}"', 1)[1].split("</li>", 1)[0]
    assert "Organisation" in item
    assert "Founded 1951" in item
    assert "<mark>" in html

    html = client.get("/zh-hans/search/", {"q": "国际医学生联合会"}).content.decode()
    assert "<mark>" in html
    assert "1951年" in html


def test_pagination(client):
    first = result_urls(client, "zh-hans", "交流")
    second = result_urls(client, "zh-hans", "交流", 2)
    assert len(first) == 10 and second and not set(first) & set(second)
    assert result_urls(client, "zh-hans", "交流", "abc") == first
    response = client.get("/zh-hans/search/", {"q": "交流"})
    assert 'rel="next"' in response.content.decode()


@pytest.mark.parametrize("language,message", [("en", "Nothing was found"), ("zh-hans", "没有找到")])
def test_nothing_found_says_so_in_the_visitors_language(client, language, message):
    response = client.get(f"/{language}/search/", {"q": "zzzyxq"})
    assert response.status_code == 200
    assert message in response.content.decode()


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


def test_api_search_finds_chinese_words(client):
    china = chinese_pages(OrganizationPage).get(acronym="IFMSA-China")
    response = client.get("/api/v2/pages/", {"search": "联合会", "locale": "zh-hans", "limit": 20})
    assert china.id in [item["id"] for item in response.json()["items"]]
    response = client.get("/api/v2/partners/", {"search": "斯坦福", "locale": "zh-hans"})
    assert [item["name"] for item in response.json()["items"]] == ["斯坦福大学"]
    response = client.get("/api/v2/partners/", {"search": "stanford", "locale": "en"})
    assert [item["name"] for item in response.json()["items"]] == ["Stanford University"]


def test_api_refuses_unknown_search_operator(client):
    response = client.get("/api/v2/pages/", {"search": "IFMSA", "search_operator": "xor"})
    assert response.status_code == 400
    assert "search_operator" in response.json()["message"]


def test_admin_search_finds_chinese_words(admin_client):
    china = chinese_pages(OrganizationPage).get(acronym="IFMSA-China")
    response = admin_client.get(reverse("wagtailadmin_pages:search"), {"q": "医学生"})
    assert response.status_code == 200
    assert china.title in response.content.decode()


def translate(page: Page, locale, chinese: dict[str, str]) -> Page:
    """A real wagtail-localize translation of `page`, published."""
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=locale)
    for segment in source.stringsegment_set.select_related("string"):
        text = chinese.get(segment.string.data, segment.string.data)
        StringTranslation.objects.create(
            translation_of=segment.string, locale=locale, context=segment.context, data=text
        )
    translation.save_target(publish=False)
    target = page.get_translation(locale)
    target.get_latest_revision().publish()
    return target


def test_index_follows_publishing_translating_and_deleting(client, english, chinese):
    smsa = OrganizationPage.objects.get(acronym="SMSA", locale=english)
    committee = CommitteePage(
        title="Zebrafish Research Team",
        acronym="",
        full_name="Zebrafish Research Team",
        committee_kind="team",
        focus="Looks after the zebrafish lab.",
    )
    smsa.add_child(instance=committee)
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
