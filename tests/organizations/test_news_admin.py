"""Editors create, edit, preview and translate news in the Wagtail admin."""

from django.urls import reverse
from wagtail.models import Locale
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from home.models import HomePage
from organizations.models import NewsArticlePage, NewsIndexPage, OrganizationPage
from tests.admin_forms import page_edit_data


class NewsAdminTests(WagtailPageTestCase):
    def setUp(self):
        self.user = self.create_superuser("admin")
        # force_login: django-axes refuses `client.login()`.
        self.client.force_login(self.user)
        self.english = Locale.objects.get(language_code="en")
        self.index = NewsIndexPage.objects.get(locale=self.english)

    def test_page_type_rules(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsArticlePage})
        self.assertAllowedParentPageTypes(NewsArticlePage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsArticlePage, set())
        self.assertCanNotCreateAt(HomePage, NewsArticlePage)
        self.assertCanNotCreateAt(OrganizationPage, NewsArticlePage)

    def test_create_an_article_with_topics(self):
        soms = OrganizationPage.objects.get(acronym="SOMS", locale=self.english)
        self.assertCanCreate(
            self.index,
            NewsArticlePage,
            nested_form_data(
                {
                    "title": "A workshop on research methods",
                    "slug": "research-workshop",
                    "date": "2019-03-01",
                    "organization": str(soms.pk),
                    "summary": "Students learn to design a study.",
                    "image": "",
                    "image_alt": "",
                    "body": streamfield([("heading", {"text": "Programme", "level": "h2"})]),
                    "topics": inline_formset([{"topic": "research"}, {"topic": "education"}]),
                }
            ),
        )
        article = NewsArticlePage.objects.get(slug="research-workshop")
        self.assertTrue(article.live)
        self.assertEqual(article.organization.specific, soms)
        self.assertEqual(article.topic_codes(), ["research", "education"])
        self.assertContains(self.client.get(article.url), "A workshop on research methods")

    def test_editable_and_previewable_in_both_locales(self):
        chinese = Locale.objects.get(language_code="zh-hans")
        for page in (self.index, NewsArticlePage.objects.filter(locale=self.english).first()):
            self.client.force_login(self.user)
            self.assertPageIsEditable(page, post_data=page_edit_data(self.client, page))
            self.client.force_login(self.user)
            self.assertPageIsPreviewable(page, post_data=page_edit_data(self.client, page))
            translation = page.get_translation(chinese)
            self.client.force_login(self.user)
            editor = self.client.get(reverse("wagtailadmin_pages:edit", args=[translation.pk]))
            self.assertContains(editor, "translation-editor")
            draft = self.client.get(reverse("wagtailadmin_pages:view_draft", args=[translation.pk]))
            self.assertContains(draft, '<html lang="zh-hans"')
            self.assertContains(draft, translation.title)
