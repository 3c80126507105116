from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BaseStreamBlock, KeyFigureBlock
from .headless_preview import HeadlessPreviewPageMixin
from .i18n.synchronised import synchronised_page_fields
from .panels import tabbed
from .routing import RoutedPageMixin, resolve_below
from .search.terms import bilingual_search_fields
from .sections import HOME_PAGE_SECTIONS_HOOK, page_sections


def key_figures_field() -> StreamField:
    return StreamField(
        [("figure", KeyFigureBlock())],
        blank=True,
        verbose_name=_("key figures"),
        help_text=_("Headline numbers, e.g. 1.3 million students or 122 countries."),
    )


class HomePage(RoutedPageMixin, HeadlessPreviewPageMixin, Page):
    """The root of one locale's site: introduction, key figures, featured pages and contacts."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A short welcome shown at the top of the home page."),
    )
    key_figures = key_figures_field()
    featured_pages = StreamField(
        [("page", blocks.PageChooserBlock(label=_("Featured page")))],
        blank=True,
        help_text=_("Organisations and programmes to show as cards on the home page."),
    )
    body = StreamField(BaseStreamBlock(), blank=True)

    # Shown in every page's footer for this locale.
    contact_name = models.CharField(
        _("contact name"), max_length=200, blank=True, help_text=_("Shown in the footer.")
    )
    address = models.TextField(_("address"), blank=True)
    phone = models.CharField(_("phone"), max_length=60, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    # A phone number reads the same in every language.
    override_translatable_fields = synchronised_page_fields("phone")

    search_fields = bilingual_search_fields(
        Page.search_fields
        + [
            index.SearchField("intro"),
            index.SearchField("body"),
        ]
    )

    api_fields = [
        APIField("intro"),
        APIField("key_figures"),
        APIField("featured_pages"),
        APIField("body"),
        APIField("contact_name"),
        APIField("address"),
        APIField("phone"),
        APIField("email"),
    ]
    # StreamFields with references stay out of listings (see home/api/views.py).
    api_detail_only_fields = ["featured_pages", "body"]

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("key_figures"),
        FieldPanel("featured_pages"),
        FieldPanel("body"),
    ]
    contact_panels = [
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("email"),
            ],
            heading=_("Footer contact details"),
        )
    ]
    edit_handler = tabbed(content_panels, contact_panels)

    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        # Every URL of a language starts here: the rest of the path in two queries, not two
        # per level (see `home.routing`).
        return resolve_below(self, request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Apps add their boxes (news, events, open calls) without this app importing them.
        context["extra_sections"] = page_sections(HOME_PAGE_SECTIONS_HOOK, self, request)
        return context


class SectionIndexPage(Page):
    """A section of the site under the home page that lists its pages (e.g. organisations,
    programmes): one per home page, in the menu by default. Apps subclass it and say what it
    lists."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    override_translatable_fields = synchronised_page_fields()
    search_fields = bilingual_search_fields(Page.search_fields + [index.SearchField("intro")])
    api_fields = [APIField("intro")]
    content_panels = Page.content_panels + [FieldPanel("intro")]
    edit_handler = tabbed(content_panels)

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1
    show_in_menus_default = True

    class Meta:
        abstract = True


# Defined in their own module to keep this one small; imported here so they are `home` models.
from .forms.models import FormField, FormPage  # noqa: E402, F401

# Models of the `home.webhooks` package, here so Django finds them.
from .webhooks.models import WebhookDelivery, WebhookSubscription  # noqa: E402, F401
