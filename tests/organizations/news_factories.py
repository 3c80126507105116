"""Factories and fixtures for the news tests: a news section of its own (the demo's is taken
away, so counts and orders are the test's), articles built in it."""

import datetime

import factory
import pytest
import wagtail_factories
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page

from organizations.models import NewsArticlePage, NewsArticleTopic, NewsIndexPage
from tests.factories import OrganizationStreamFactory, english_home, translate


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "News"
    slug = "news"
    parent = factory.LazyFunction(english_home)

    class Meta:
        model = NewsIndexPage


class NewsArticlePageFactory(wagtail_factories.PageFactory):
    """Topics as `topic_codes=["research", …]`."""

    title = factory.Sequence(lambda n: f"Article {n}")
    parent = factory.SubFactory(NewsIndexPageFactory)
    date = factory.Sequence(lambda n: datetime.date(2017, 1, 1) + datetime.timedelta(days=n))
    summary = factory.LazyAttribute(lambda page: f"Summary of {page.title}.")
    body = wagtail_factories.StreamFieldFactory(OrganizationStreamFactory)
    topics = factory.LazyAttribute(
        lambda page: [
            NewsArticleTopic(topic=code, sort_order=position)
            for position, code in enumerate(page.topic_codes)
        ]
    )

    class Params:
        topic_codes: tuple = ()

    class Meta:
        model = NewsArticlePage


@pytest.fixture
def news_index(home_en, chinese) -> NewsIndexPage:
    """An empty news section "News" / "新闻" under each home page, instead of the demo's."""
    for page in NewsIndexPage.objects.order_by("-locale_id"):
        Page.objects.get(pk=page.pk).delete()
    index = NewsIndexPageFactory(parent=home_en)
    translate(index, chinese, {"News": "新闻"})
    return index


def articles(index: NewsIndexPage, count: int, **kwargs) -> list[NewsArticlePage]:
    return [NewsArticlePageFactory(parent=index, **kwargs) for _ in range(count)]


@pytest.fixture
def image(db) -> Image:
    return Image.objects.create(title="Photo", file=get_test_image_file(size=(800, 600)))


@pytest.fixture
def published_article(news_index, organisation, chinese, image) -> NewsArticlePage:
    """An article by "Association" with an image and two topics, and its Chinese translation."""
    article = NewsArticlePageFactory(
        parent=news_index,
        title="Thirty years",
        date=datetime.date(2017, 5, 1),
        organization=organisation,
        summary="The association turns thirty.",
        image=image,
        image_alt="Members on stage",
        topic_codes=["anniversary", "research"],
    )
    translate(
        article,
        chinese,
        {
            "Thirty years": "三十年",
            "The association turns thirty.": "协会成立三十周年。",
            "Members on stage": "台上的会员",
        },
    )
    return article
