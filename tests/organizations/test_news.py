"""News: where editors may add the pages, what readers see in both languages (index,
pagination, topics, article, boxes on the home and organisation pages), what never shows
(drafts, private articles), validation, the API, and query counts that do not grow."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageViewRestriction

from home.models import HomePage
from organizations.models import (
    NewsArticlePage,
    NewsIndexPage,
    OrganizationIndexPage,
)
from tests.admin_forms import page_edit_data
from tests.factories import translate
from tests.html import api_detail, json_ld, main_html
from tests.organizations.news_factories import NewsArticlePageFactory, articles

pytestmark = pytest.mark.django_db


# -- where editors find the page types ----------------------------------------------------


def test_page_type_rules(home_en):
    index = NewsIndexPage.objects.get(locale=home_en.locale)  # the demo's
    organization_index = OrganizationIndexPage.objects.filter(locale=home_en.locale).first()
    assert NewsIndexPage in HomePage.allowed_subpage_models()
    assert not NewsIndexPage.can_create_at(home_en)  # one per home page: the demo has it
    assert not NewsIndexPage.can_create_at(organization_index)
    assert NewsArticlePage.can_create_at(index)
    assert not NewsArticlePage.can_create_at(home_en)
    assert not NewsArticlePage.can_create_at(organization_index)
    assert NewsIndexPage.allowed_subpage_models() == [NewsArticlePage]
    assert NewsArticlePage.allowed_subpage_models() == []


def test_admin_shows_help_texts(admin_client, news_index):
    response = admin_client.get(
        reverse(
            "wagtailadmin_pages:add",
            args=["organizations", "newsarticlepage", news_index.pk],
        )
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "shown in lists, feeds and search engines" in html
    assert "the article is listed on its page" in html


def test_preview_renders(admin_client, published_article):
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[published_article.pk])
    post = page_edit_data(admin_client, published_article)
    assert admin_client.post(url, post).json()["is_valid"]
    response = admin_client.get(url)
    assert response.status_code == 200
    assert "Thirty years" in response.content.decode()


# -- validation ---------------------------------------------------------------------------


def test_an_image_needs_a_description(news_index, image):
    article = NewsArticlePageFactory(parent=news_index)
    article.image = image
    article.image_alt = "  "
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "Describe the image" in str(error.value.message_dict["image_alt"])


def test_admin_refuses_long_summary_and_image_without_description(admin_client, news_index, image):
    article = NewsArticlePageFactory(parent=news_index)
    post = page_edit_data(admin_client, article)
    post["summary"] = "x" * 301
    post["image"] = str(image.pk)
    post["image_alt"] = ""
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[article.pk]), post)
    html = response.content.decode()
    assert response.status_code == 200
    assert "at most 300 characters" in html
    assert "Describe the image for readers who cannot see it." in html
    assert article.revisions.count() == 0


# -- pages in both languages --------------------------------------------------------------


def test_article_in_english(client, published_article, organisation):
    html = main_html(client, published_article)
    assert '<time datetime="2017-05-01">1 May 2017</time>' in html
    assert f'href="{organisation.url}"' in html and "Association" in html
    assert 'alt="Members on stage"' in html
    assert "Anniversaries" in html and "?topic=anniversary" in html
    head = client.get(published_article.url).content.decode().split("</head>")[0]
    assert '<meta name="description" content="The association turns thirty.">' in head


def test_article_in_chinese(client, published_article, organisation, chinese):
    article = published_article.get_translation(chinese)
    html = main_html(client, article)
    assert "三十年" in html
    assert '<time datetime="2017-05-01">2017年5月1日</time>' in html
    publisher = organisation.get_translation(chinese)
    assert f'href="{publisher.url}"' in html and "协会" in html
    assert 'alt="台上的会员"' in html
    assert "周年纪念" in html


def test_index_lists_newest_first_in_each_language(client, news_index, published_article, chinese):
    older = NewsArticlePageFactory(parent=news_index, date=datetime.date(2010, 1, 1))
    html = main_html(client, news_index)
    assert html.index("Thirty years") < html.index(older.title)
    assert "Association" in html
    zh_html = main_html(client, news_index.get_translation(chinese))
    assert "三十年" in zh_html and "协会" in zh_html and "Thirty years" not in zh_html


def test_pagination_and_bad_page_numbers(client, news_index):
    articles(news_index, 13)
    first = client.get(news_index.url)
    assert first.context["page_of_articles"].number == 1
    assert len(first.context["articles"]) == 12
    assert 'rel="next"' in first.content.decode()
    assert len(client.get(news_index.url + "?page=2").context["articles"]) == 1
    for bad, number in [("abc", 1), ("0", 2), ("-3", 2), ("99999999999999999999", 2), ("", 1)]:
        response = client.get(news_index.url, {"page": bad})
        assert response.status_code == 200, bad
        assert response.context["page_of_articles"].number == number, bad


def test_topic_filter(client, news_index):
    research = NewsArticlePageFactory(parent=news_index, topic_codes=["research"])
    other = NewsArticlePageFactory(parent=news_index, topic_codes=["exchange"])
    html = main_html(client, news_index).split('id="news-heading"')[1]
    assert research.title in html and other.title in html
    response = client.get(news_index.url, {"topic": "research"})
    html = response.content.decode().split('id="news-heading"')[1]
    assert research.title in html and other.title not in html
    assert response.context["selected_topic"] == "research"
    # An unknown topic shows everything rather than failing.
    response = client.get(news_index.url, {"topic": "<script>"})
    assert response.status_code == 200 and len(response.context["articles"]) == 2


def hide(articles_to_hide) -> None:
    """A draft and an article behind a password."""
    draft, private = articles_to_hide
    draft.unpublish()
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )


def test_drafts_and_private_articles_never_show(client, news_index, home_en):
    shown = NewsArticlePageFactory(parent=news_index, title="Shown")
    draft = NewsArticlePageFactory(parent=news_index, title="Draft news")
    private = NewsArticlePageFactory(parent=news_index, title="Private news")
    hide([draft, private])
    pages = [
        client.get(news_index.url).content.decode(),
        client.get(home_en.url).content.decode(),
        client.get(news_index.url + "feed/").content.decode(),
        client.get(news_index.url + "feed/atom/").content.decode(),
        client.get("/api/v2/pages/", {"type": "organizations.NewsArticlePage"}).content.decode(),
    ]
    for content in pages:
        assert "Draft news" not in content and "Private news" not in content
    assert shown.title in pages[0] and shown.title in pages[2]


# -- boxes on other pages -----------------------------------------------------------------


def test_latest_news_on_the_home_pages(client, news_index, home_en, home_zh, published_article):
    newest = articles(news_index, 3, date=datetime.date(2020, 1, 1))
    html = main_html(client, home_en)
    box = html.split("Latest news", 1)[1]
    for article in newest:
        assert article.title in box
    assert published_article.title not in box  # the fourth newest
    assert f'href="{news_index.url}"' in box
    zh_box = main_html(client, home_zh).split("最新动态", 1)[1]
    assert "新闻" in zh_box and newest[0].title not in zh_box  # only Chinese pages


def test_news_box_on_the_organisation_page(client, published_article, organisation, chinese):
    NewsArticlePageFactory(parent=published_article.get_parent(), title="Someone else's")
    html = main_html(client, organisation)
    assert "Thirty years" in html.split(">News<", 1)[1]
    assert "Someone else's" not in html
    zh_html = main_html(client, organisation.get_translation(chinese))
    assert "三十年" in zh_html.split(">新闻<", 1)[1]


def test_organisation_without_news_has_no_box(client, organisation, news_index):
    assert ">News<" not in main_html(client, organisation)


# -- structured data ----------------------------------------------------------------------


def test_structured_data(rf, published_article, organisation, chinese):
    data = published_article.structured_data(rf.get("/"))
    assert data["@type"] == "NewsArticle" and data["@context"] == "https://schema.org"
    assert data["headline"] == "Thirty years"
    assert data["datePublished"] == "2017-05-01"
    assert data["inLanguage"] == "en"
    assert data["mainEntityOfPage"]["@id"] == published_article.full_url
    assert data["image"][0].startswith("http") and ".png" in data["image"][0]
    assert data["publisher"] == {
        "@type": "Organization",
        "name": "Association",
        "url": organisation.full_url,
    }
    assert data["author"] == data["publisher"]
    zh = published_article.get_translation(chinese).structured_data(None)
    assert zh["inLanguage"] == "zh-hans" and zh["headline"] == "三十年"
    assert zh["publisher"]["name"] == "协会"
    assert zh["publisher"]["url"] == organisation.get_translation(chinese).full_url


def test_json_ld_in_the_head_of_an_article(client, published_article, chinese):
    nodes = json_ld(client, published_article)
    assert nodes["NewsArticle"]["headline"] == "Thirty years"
    assert "@context" not in nodes["NewsArticle"]  # once, at the top of the document
    assert nodes["WebPage"]["mainEntity"] == {"@id": nodes["NewsArticle"]["@id"]}
    crumbs = nodes["WebPage"]["breadcrumb"]["itemListElement"]
    assert crumbs[-1]["item"] == published_article.full_url
    zh = json_ld(client, published_article.get_translation(chinese))
    assert zh["NewsArticle"]["headline"] == "三十年" and zh["WebPage"]["inLanguage"] == "zh-hans"


# -- query counts -------------------------------------------------------------------------


def queries(client, url: str) -> int:
    client.get(url)  # renditions are made on the first view
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context)


def test_index_queries_do_not_grow(client, news_index, organisation, image):
    articles(
        news_index,
        3,
        organization=organisation,
        image=image,
        image_alt="A",
        topic_codes=["research"],
    )
    three = queries(client, news_index.url)
    articles(
        news_index,
        9,
        organization=organisation,
        image=image,
        image_alt="A",
        topic_codes=["research"],
    )
    assert len(client.get(news_index.url).context["articles"]) == 12
    assert queries(client, news_index.url) == three


def test_home_and_organisation_box_queries_do_not_grow(
    client, news_index, home_en, organisation, image
):
    articles(news_index, 1, organization=organisation, image=image, image_alt="A")
    home_one, organisation_one = queries(client, home_en.url), queries(client, organisation.url)
    articles(news_index, 4, organization=organisation, image=image, image_alt="A")
    assert queries(client, home_en.url) == home_one
    assert queries(client, organisation.url) == organisation_one


# -- API ----------------------------------------------------------------------------------


def test_api_detail_fields(client, published_article, organisation, chinese):
    data = api_detail(client, published_article)
    assert data["date"] == "2017-05-01" and data["date_display"] == "1 May 2017"
    assert data["summary"] == "The association turns thirty."
    assert data["organization"]["id"] == organisation.pk
    assert data["organization"]["html_url"].endswith(organisation.url)
    assert set(data["image"]["renditions"]) == {"thumbnail", "medium", "large"}
    assert data["image_alt"] == "Members on stage"
    assert data["topics"] == [
        {"code": "anniversary", "label": "Anniversaries"},
        {"code": "research", "label": "Research"},
    ]
    assert isinstance(data["body"], list)
    zh = api_detail(client, published_article.get_translation(chinese))
    assert zh["organization"]["id"] == organisation.get_translation(chinese).pk
    assert zh["organization"]["title"] == "协会"
    assert zh["date_display"] == "2017年5月1日"
    assert zh["topics"][0] == {"code": "anniversary", "label": "周年纪念"}


def listing(client, **params) -> dict:
    params = {"type": "organizations.NewsArticlePage", "fields": "*", **params}
    response = client.get("/api/v2/pages/", params)
    assert response.status_code == 200, response.content[:300]
    return response.json()


def titles(data: dict) -> set[str]:
    return {item["title"] for item in data["items"]}


def test_api_filters(client, news_index, organisation, chinese):
    early = NewsArticlePageFactory(parent=news_index, date=datetime.date(2015, 3, 1))
    late = NewsArticlePageFactory(
        parent=news_index,
        date=datetime.date(2018, 3, 1),
        organization=organisation,
        topic_codes=["exchange"],
    )
    translate(late, chinese)
    assert titles(listing(client, date_from="2016-01-01", locale="en")) == {late.title}
    assert titles(listing(client, date_to="2015-03-01", locale="en")) == {early.title}
    assert titles(listing(client, date_from="2015-03-01", date_to="2018-03-01", locale="en")) == {
        early.title,
        late.title,
    }
    assert titles(listing(client, organization=organisation.pk, locale="en")) == {late.title}
    # The organisation's id in either language finds the articles of both.
    zh_organisation = organisation.get_translation(chinese)
    data = listing(client, organization=zh_organisation.pk, locale="zh-hans")
    assert [item["id"] for item in data["items"]] == [late.get_translation(chinese).pk]
    assert listing(client, organization=zh_organisation.pk)["meta"]["total_count"] == 2
    assert titles(listing(client, topic="exchange", locale="en")) == {late.title}
    ordered = listing(client, order="-date", locale="en")["items"]
    assert [item["date"] for item in ordered] == sorted(
        (item["date"] for item in ordered), reverse=True
    )


@pytest.mark.parametrize(
    "params",
    [
        {"date_from": "2017-13-01"},
        {"date_from": "yesterday"},
        {"date_to": "2017-1-1"},
        {"date_from": "2018-01-01", "date_to": "2017-01-01"},
        {"organization": "abc"},
        {"organization": "99999999999999999999"},
        {"topic": "gossip"},
    ],
)
def test_api_filters_refuse_bad_values(client, params):
    response = client.get("/api/v2/pages/", {"type": "organizations.NewsArticlePage", **params})
    assert response.status_code == 400
    assert response.json()["message"]


def test_news_filters_need_the_news_type(client):
    response = client.get("/api/v2/pages/", {"date_from": "2017-01-01"})
    assert response.status_code == 400


def test_api_listing_queries_do_not_grow(client, news_index, organisation, image):
    def count() -> int:
        url = "/api/v2/pages/?type=organizations.NewsArticlePage&fields=*&limit=50"
        client.get(url)
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context)

    kwargs = {"organization": organisation, "image": image, "image_alt": "A"}
    articles(news_index, 3, topic_codes=["research"], **kwargs)
    three = count()
    articles(news_index, 9, topic_codes=["exchange", "research"], **kwargs)
    assert count() == three
