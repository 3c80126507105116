"""News: a news section per home page (`NewsIndexPage`, with RSS and Atom feeds) and its
articles (`NewsArticlePage`), each published by an organisation of this app.

Imported by `organizations.models`, so Django finds the models; the feeds live in `feeds.py`,
the API's extras in `api.py`, the boxes on other pages in `wagtail_hooks.py`."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import models
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Locale, Orderable, Page
from wagtail.search import index

from home.api.fields import ComputedField, ImageAPIField, LocalizedPageField, translated_field
from home.api.openapi.components import DATE as ISO_DATE_SCHEMA
from home.api.openapi.components import ID as ID_SCHEMA
from home.dates import DatePrecision, PartialDateDisplay
from home.i18n.synchronised import synchronised_page_fields
from home.images import CARD_IMAGE, renditions_prefetch
from home.models import HeadlessPreviewPageMixin, SectionIndexPage, tabbed
from home.routing import RoutedPageMixin, public, with_restricted_flag
from home.search.terms import bilingual_search_fields

from . import api as org_api
from .blocks import OrganizationStreamBlock

NEWS_PER_PAGE = 12
SUMMARY_MAX_LENGTH = 300


class NewsTopic(models.TextChoices):
    """A short, fixed list: the same codes in every language (so `?topic=` links work in both),
    labels translated in the interface catalogue."""

    ANNIVERSARY = "anniversary", _("Anniversaries")
    CONFERENCE = "conference", _("Conferences and meetings")
    EDUCATION = "education", _("Medical education")
    EXCHANGE = "exchange", _("Exchanges")
    MEMBERSHIP = "membership", _("Membership")
    PARTNERSHIP = "partnership", _("Partnerships")
    RESEARCH = "research", _("Research")


def topic_label(code: str) -> str:
    """The topic's label in the active language; an unknown code (an importer's) as it is."""
    return str(dict(NewsTopic.choices).get(code, code))


def news_articles(locale: Locale | None = None) -> models.QuerySet:
    """Live, public articles, newest first, with what lists show (image, its card renditions,
    the publisher's name as `publisher_title`) loaded in a fixed number of queries."""
    articles = public(NewsArticlePage.objects.live())
    if locale is not None:
        articles = articles.filter(locale=locale)
    return (
        articles.select_related("image", "locale")
        .prefetch_related(renditions_prefetch("image__renditions", CARD_IMAGE))
        .annotate(publisher_title=_publisher_title())
        .order_by("-date", "-first_published_at", "-pk")
    )


def _publisher_title() -> Coalesce:
    """The title of the article's publisher as `with_publishers` finds it (its translation in
    the article's language, else the organisation chosen, if live and public), read in the
    articles' own query: lists show the name only."""
    from .models import OrganizationPage

    shown = public(OrganizationPage.objects.live()).filter(
        translation_key=OuterRef("organization__translation_key")
    )
    return Coalesce(
        Subquery(shown.filter(locale_id=OuterRef("locale_id")).values("title")[:1]),
        Subquery(shown.filter(pk=OuterRef("organization_id")).values("title")[:1]),
    )


def with_publishers(articles: Iterable[NewsArticlePage]) -> list[NewsArticlePage]:
    """`articles` with `publisher` set: the live, public organisation page in each article's
    language (translations store the source-language page), else the one chosen if it is live
    and public, else None. A fixed number of queries whatever the number of articles."""
    from .models import OrganizationPage

    articles = list(articles)
    ids = {article.organization_id for article in articles if article.organization_id}
    key_of: dict = {}  # organisation id: translation key
    versions: dict = defaultdict(dict)  # translation key: {locale id: organisation shown}
    if ids:
        # The chosen organisations and all their translations, shown or not, in one query.
        chosen_keys = OrganizationPage.objects.filter(pk__in=ids).values("translation_key")
        related = OrganizationPage.objects.filter(translation_key__in=chosen_keys)
        for organization in with_restricted_flag(related):
            key_of[organization.pk] = organization.translation_key
            if organization.live and not organization.restricted:
                versions[organization.translation_key][organization.locale_id] = organization
    for article in articles:
        found = versions.get(key_of.get(article.organization_id), {})
        chosen = next((o for o in found.values() if o.pk == article.organization_id), None)
        article.publisher = found.get(article.locale_id, chosen)
    return articles


class NewsIndexPage(RoutedPageMixin, HeadlessPreviewPageMixin, RoutablePageMixin, SectionIndexPage):
    """The news section of one language: articles newest first, 12 a page, by topic, with RSS
    (`feed/`) and Atom (`feed/atom/`) feeds announced in the `<head>` of every page."""

    subpage_types = ["organizations.NewsArticlePage"]

    class Meta:
        verbose_name = _("news index")

    def articles(self) -> models.QuerySet:
        return news_articles(self.locale).child_of(self)

    def paginate(self, request: HttpRequest, articles: models.QuerySet) -> PaginatorPage:
        """The `?page=` asked for; anything that is not a page number gives the first page,
        a number past the end the last one."""
        return Paginator(articles, NEWS_PER_PAGE).get_page(request.GET.get("page"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = self.articles()
        topic = request.GET.get("topic", "")
        if topic in NewsTopic.values:
            articles = articles.filter(
                pk__in=NewsArticleTopic.objects.filter(topic=topic).values("page_id")
            )
        else:
            topic = ""
        page_of_articles = self.paginate(request, articles)
        context["articles"] = page_of_articles.object_list
        context["page_of_articles"] = page_of_articles
        context["topics"] = NewsTopic.choices
        context["selected_topic"] = topic
        context["selected_topic_label"] = topic_label(topic) if topic else ""
        return context

    @path("feed/", name="rss_feed")
    def rss_feed(self, request):
        from .feeds import NewsRssFeed

        return NewsRssFeed(self)(request)

    @path("feed/atom/", name="atom_feed")
    def atom_feed(self, request):
        from .feeds import NewsAtomFeed

        return NewsAtomFeed(self)(request)


class NewsArticlePage(RoutedPageMixin, HeadlessPreviewPageMixin, Page):
    date = models.DateField(
        _("date"),
        default=datetime.date.today,
        help_text=_("The date readers see; articles are listed newest first by this date."),
    )
    organization = models.ForeignKey(
        "organizations.OrganizationPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news_articles",
        verbose_name=_("publisher"),
        help_text=_(
            "The organisation that publishes this news. It is shown in the reader's language, "
            "and the article is listed on its page."
        ),
    )
    summary = models.TextField(
        _("summary"),
        max_length=SUMMARY_MAX_LENGTH,
        help_text=_(
            "One or two sentences (at most 300 characters), shown in lists, feeds and search "
            "engines."
        ),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
        help_text=_("Shown at the top of the article and on its card in lists."),
    )
    image_alt = models.CharField(
        _("image description"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for readers who cannot see it. Needed with an image."),
    )
    body = StreamField(OrganizationStreamBlock(), blank=True, verbose_name=_("body"))

    # A date and a publisher read the same in every language.
    override_translatable_fields = synchronised_page_fields("date", "organization", "image")

    search_fields = bilingual_search_fields(
        Page.search_fields
        + [
            index.SearchField("summary", boost=2),
            index.SearchField("body"),
            index.FilterField("date"),
        ]
    )

    api_fields = [
        APIField("date"),
        APIField("date_display", serializer=translated_field(lambda p: p.date_display)),
        APIField("organization", serializer=LocalizedPageField()),
        APIField("summary"),
        APIField("image", serializer=ImageAPIField()),
        APIField("image_alt"),
        APIField("body"),
        APIField(
            "topics",
            serializer=ComputedField(
                org_api.topics_representation,
                prime_all=org_api.prime_topics,
                schema=org_api.topics_schema,
            ),
        ),
    ]
    api_detail_only_fields = ["body"]
    # `?date_from=`, `?date_to=`, `?organization=`, `?topic=` on listings of this type.
    api_filter_parameters = ("date_from", "date_to", "organization", "topic")
    # How the OpenAPI document describes them (home/api/openapi/parameters.py).
    api_filter_openapi = {
        "date_from": {"schema": ISO_DATE_SCHEMA, "description": "dated on or after that day."},
        "date_to": {"schema": ISO_DATE_SCHEMA, "description": "dated on or before that day."},
        "organization": {
            "schema": ID_SCHEMA,
            "description": "published by that organisation (the id of any of its translations).",
        },
        "topic": {
            "schema": {"type": "string", "enum": NewsTopic.values},
            "description": "on that topic.",
        },
    }

    @classmethod
    def api_filter(cls, queryset: models.QuerySet, query) -> models.QuerySet:
        from .news_filters import filter_news

        return filter_news(queryset, query)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("date"), FieldPanel("organization")]),
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")),
        FieldPanel("body"),
        InlinePanel("topics", label=_("Topic"), heading=_("Topics")),
    ]
    edit_handler = tabbed(content_panels)

    parent_page_types = ["organizations.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("news article")

    date_precision = DatePrecision.DAY  # always a full date (PartialDateDisplay reads it)
    date_display = PartialDateDisplay("date")
    search_date = PartialDateDisplay("date")  # the date shown in search results

    def clean(self):
        super().clean()
        errors = {}
        if self.image_id and not self.image_alt.strip():
            errors["image_alt"] = _("Describe the image for readers who cannot see it.")
        if self.summary and not self.summary.strip():
            errors["summary"] = _("Write a summary: it is shown in lists and feeds.")
        if errors:
            raise ValidationError(errors)

    def topic_codes(self) -> list[str]:
        """The article's topics, each once, in the order the editor gave them."""
        return list(dict.fromkeys(row.topic for row in self.topics.all()))

    def topic_list(self) -> list[tuple[str, str]]:
        return [(code, topic_label(code)) for code in self.topic_codes()]

    def publisher_page(self) -> Page | None:
        """The publisher in this article's language (see `with_publishers`)."""
        if not hasattr(self, "publisher"):
            with_publishers([self])
        return self.publisher

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["publisher"] = self.publisher_page()
        context["news_index"] = self.get_parent().specific_deferred  # for its URL only
        return context

    def structured_data(self, request: HttpRequest | None) -> dict:
        from .feeds import article_structured_data

        return article_structured_data(self, request)


class NewsArticleTopic(Orderable):
    """A topic of an article. Rows are copied as they are into translations; the label is
    shown in the reader's language."""

    page = ParentalKey(NewsArticlePage, on_delete=models.CASCADE, related_name="topics")
    topic = models.CharField(_("topic"), max_length=30, choices=NewsTopic.choices)

    panels = [FieldPanel("topic")]

    class Meta(Orderable.Meta):
        verbose_name = _("news topic")
        verbose_name_plural = _("news topics")
