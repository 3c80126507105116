"""Editors create, edit and publish every page type, and manage partner institutions, in the
Wagtail admin."""

from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from home.models import HomePage
from organizations.models import CommitteePage, HistoryPage, OrganizationIndexPage, OrganizationPage
from programs.models import PartnerInstitution, PartnerProgramPage, ProgramIndexPage
from tests.admin_forms import page_edit_data


class SignedInTestCase(WagtailPageTestCase):
    def sign_in(self):
        # force_login: django-axes refuses `client.login()`, which authenticates without a request.
        user = self.create_superuser("admin")
        self.client.force_login(user)
        return user


class PageTypeRulesTests(WagtailPageTestCase):
    def test_subpage_rules(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(OrganizationIndexPage, {OrganizationPage, HistoryPage})
        self.assertAllowedSubpageTypes(OrganizationPage, {CommitteePage, HistoryPage})
        self.assertAllowedSubpageTypes(CommitteePage, set())
        self.assertAllowedSubpageTypes(HistoryPage, set())
        self.assertAllowedSubpageTypes(ProgramIndexPage, {PartnerProgramPage})
        self.assertAllowedSubpageTypes(PartnerProgramPage, set())
        self.assertAllowedParentPageTypes(OrganizationIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(ProgramIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(CommitteePage, {OrganizationPage})

    def test_what_cannot_be_created_where(self):
        self.assertCanNotCreateAt(HomePage, OrganizationPage)
        self.assertCanNotCreateAt(HomePage, CommitteePage)
        self.assertCanNotCreateAt(OrganizationIndexPage, CommitteePage)
        self.assertCanNotCreateAt(ProgramIndexPage, OrganizationPage)
        self.assertCanNotCreateAt(OrganizationPage, PartnerProgramPage)

    def test_index_pages_are_one_per_home_page(self):
        home = HomePage.objects.get(locale__language_code="en")
        self.assertFalse(OrganizationIndexPage.can_create_at(home))
        self.assertFalse(ProgramIndexPage.can_create_at(home))


class AdminEditingTests(SignedInTestCase):
    def setUp(self):
        self.user = self.sign_in()
        self.english = Locale.objects.get(language_code="en")
        self.home = HomePage.objects.get(locale=self.english)
        self.org_index = OrganizationIndexPage.objects.get(locale=self.english)
        self.program_index = ProgramIndexPage.objects.get(locale=self.english)
        self.ifmsa = OrganizationPage.objects.get(acronym="IFMSA", locale=self.english)

    def test_create_and_publish_every_page_type(self):
        organisation = nested_form_data(
            {
                "title": "Example Medical Students' Society",
                "slug": "example-society",
                "kind": "student_society",
                "acronym": "EMSS",
                "summary": "A society made by a test.",
                "founded": "2001-05-01",
                "founded_precision": "month",
                "parent_organization": str(self.ifmsa.pk),
                "country": "RO",
                "key_figures": streamfield([("figure", {"value": "42", "label": "members"})]),
                "body": streamfield([("heading", {"text": "About", "level": "h2"})]),
            }
        )
        self.assertCanCreate(self.org_index, OrganizationPage, organisation)
        created = OrganizationPage.objects.get(slug="example-society")
        self.assertTrue(created.live)
        self.assertEqual(created.parent_organization_id, self.ifmsa.pk)
        self.assertEqual(created.founded_display, "May 2001")

        self.assertCanCreate(
            created,
            CommitteePage,
            nested_form_data(
                {
                    "title": "Medical education",
                    "acronym": "SCOME",
                    "full_name": "Standing Committee on Medical Education",
                    "committee_kind": "standing",
                    "focus": "Better teaching.",
                    "body": streamfield([]),
                }
            ),
        )
        self.assertCanCreate(
            created,
            HistoryPage,
            nested_form_data(
                {
                    "title": "Our history",
                    "intro": rich_text("<p>Where we come from.</p>"),
                    "events": streamfield(
                        [
                            (
                                "event",
                                {
                                    "date": "2001-05-01",
                                    "precision": "month",
                                    "title": "Founded",
                                    "text": "First meeting.",
                                    "link": "",
                                },
                            )
                        ]
                    ),
                }
            ),
        )
        partner = PartnerInstitution.objects.filter(locale=self.english).first()
        self.assertCanCreate(
            self.program_index,
            PartnerProgramPage,
            nested_form_data(
                {
                    "title": "Summer research exchange",
                    "kind": "research",
                    "host_organization": str(created.pk),
                    "summary": "Four weeks in a lab.",
                    "since": "2019-01-01",
                    "since_precision": "year",
                    "participants_per_year": "12",
                    "eligibility": rich_text("<p>Third-year students.</p>"),
                    "application_deadline": "2027-03-01",
                    "start_date": "2027-07-01",
                    "end_date": "2027-07-28",
                    "partners": inline_formset([{"institution": str(partner.pk)}]),
                    "body": streamfield([]),
                }
            ),
        )
        programme = PartnerProgramPage.objects.get(slug="summer-research-exchange")
        self.assertEqual([p.institution for p in programme.partners.all()], [partner])
        self.assertEqual(programme.host_organization.specific, created)

    def test_every_page_type_is_editable_and_previewable_in_both_locales(self):
        chinese = Locale.objects.get(language_code="zh-hans")
        for model in (
            HomePage,
            OrganizationIndexPage,
            OrganizationPage,
            CommitteePage,
            HistoryPage,
            ProgramIndexPage,
            PartnerProgramPage,
        ):
            page = model.objects.filter(locale=self.english).first()
            # The helpers log out after each check: log back in to read the form.
            self.client.force_login(self.user)
            self.assertPageIsEditable(page, post_data=page_edit_data(self.client, page))
            self.client.force_login(self.user)
            self.assertPageIsPreviewable(page, post_data=page_edit_data(self.client, page))

            # Chinese pages are edited in wagtail-localize's translation editor; their draft
            # preview renders in Chinese.
            translation = page.get_translation(chinese)
            self.client.force_login(self.user)
            editor = self.client.get(reverse("wagtailadmin_pages:edit", args=[translation.pk]))
            self.assertContains(editor, "translation-editor")
            draft = self.client.get(reverse("wagtailadmin_pages:view_draft", args=[translation.pk]))
            self.assertContains(draft, '<html lang="zh-hans"')
            self.assertContains(draft, translation.title)

    def test_the_preview_panel_may_frame_the_preview(self):
        """The admin shows previews in a frame: the public site's `frame-ancestors 'none'` would
        leave the panel blank (Chromium refuses to show it)."""
        page = OrganizationPage.objects.get(acronym="SMSA", locale=self.english)
        preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
        response = self.client.post(preview_url, page_edit_data(self.client, page))
        self.assertEqual(response.json(), {"is_valid": True, "is_available": True})
        preview = self.client.get(preview_url, {"in_preview_panel": "true"})
        self.assertContains(preview, page.title)
        self.assertIn("frame-ancestors 'self'", preview["Content-Security-Policy"])
        public = self.client.get(page.url)
        self.assertIn("frame-ancestors 'none'", public["Content-Security-Policy"])

    def test_edit_and_publish_keeps_the_body(self):
        page = OrganizationPage.objects.get(acronym="SMSA", locale=self.english)
        blocks_before = len(page.body)
        edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        post = page_edit_data(self.client, page)
        post["summary"] = "Edited in the admin."
        post["action-publish"] = "action-publish"
        response = self.client.post(edit_url, post)
        self.assertEqual(response.status_code, 302)
        page.refresh_from_db()
        self.assertEqual(page.summary, "Edited in the admin.")
        self.assertEqual(len(page.body), blocks_before)
        self.assertContains(self.client.get(page.url), "Edited in the admin.")


class PartnerInstitutionAdminTests(SignedInTestCase):
    def setUp(self):
        self.sign_in()
        self.url = reverse("wagtailsnippets_programs_partnerinstitution:list")

    def test_listed_searched_and_filtered_by_country(self):
        response = self.client.get(self.url)
        self.assertContains(response, "Stanford University")
        response = self.client.get(self.url, {"country": "FR", "locale": "en"})
        self.assertContains(response, "University of Strasbourg")
        self.assertNotContains(response, "Stanford University")
        response = self.client.get(self.url, {"q": "Groningen"})
        self.assertContains(response, "Groningen")
        self.assertNotContains(response, "University of Strasbourg")

    def test_create_partner(self):
        add_url = reverse("wagtailsnippets_programs_partnerinstitution:add")
        response = self.client.post(
            add_url,
            {
                "name": "University of Iceland",
                "short_name": "UI",
                "country": "IS",
                "city": "Reykjavík",
            },
        )
        self.assertEqual(response.status_code, 302)
        self.assertTrue(PartnerInstitution.objects.filter(name="University of Iceland").exists())

    def test_missing_country_is_a_form_error(self):
        add_url = reverse("wagtailsnippets_programs_partnerinstitution:add")
        response = self.client.post(add_url, {"name": "Nowhere College"})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "This field is required")
        self.assertFalse(PartnerInstitution.objects.filter(name="Nowhere College").exists())
