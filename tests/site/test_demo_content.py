"""The demo loader builds every fact from the seeds, in both languages, and is idempotent."""

import datetime
import re

import pytest
from django.core.management import CommandError, call_command
from wagtail.images.models import Image
from wagtail.models import Page, Revision
from wagtail_localize.models import StringTranslation, Translation

from organizations.models import CommitteePage, HistoryPage, OrganizationPage
from programs.models import PartnerInstitution, PartnerProgramPage

pytestmark = pytest.mark.django_db

# The East-West Alliance's annual meetings named in the seeds: year -> (number, host).
EWA_MEETINGS = {
    2007: (1, "University of Hong Kong"),
    2008: (2, "University of Cambridge"),
    2009: (3, "Stanford University"),
    2010: (4, "University of Manitoba"),
    2011: (5, "Shantou University Medical College"),
    2012: (6, "Shantou University Medical College"),
    2013: (7, "Shantou University Medical College"),
    2014: (8, "University of Hong Kong"),
    2015: (9, "University Medical Center Groningen"),
    2018: (12, "Shantou University Medical College"),
}


def counts() -> dict:
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "partners": PartnerInstitution.objects.count(),
        "images": Image.objects.count(),
        "translations": Translation.objects.count(),
        "string_translations": StringTranslation.objects.count(),
    }


def test_loading_again_creates_nothing():
    before = counts()
    call_command("load_demo_content", verbosity=0)
    assert counts() == before


def test_serve_at_gives_absolute_links_the_demos_address(client, english):
    call_command("load_demo_content", "--serve-at", "127.0.0.1:8123", verbosity=0)
    smsa = OrganizationPage.objects.get(acronym="SMSA", locale=english)
    api = client.get(f"/api/v2/pages/{smsa.pk}/", HTTP_HOST="127.0.0.1:8123").json()
    assert api["meta"]["html_url"] == f"http://127.0.0.1:8123{smsa.url}"
    sitemap = client.get("/sitemap.xml", HTTP_HOST="127.0.0.1:8123").content.decode()
    assert f"<loc>http://127.0.0.1:8123{smsa.url}</loc>" in sitemap

    with pytest.raises(CommandError, match="serve-at"):
        call_command("load_demo_content", "--serve-at", "8123", verbosity=0)


def test_loading_again_keeps_what_an_editor_changed(english):
    edited = OrganizationPage.objects.get(acronym="SMSA", locale=english)
    edited.summary = "Kept by the editor."
    edited.save_revision().publish()
    call_command("load_demo_content", verbosity=0)
    edited.refresh_from_db()
    assert edited.summary == "Kept by the editor."


def test_rich_text_links_go_to_the_page_in_the_same_language(client, english, chinese):
    """The data files link pages by path; each language's page links the linked page's version
    in that language (wagtail-localize keeps the link, Wagtail localises it)."""
    organisations = {o.acronym: o for o in OrganizationPage.objects.filter(locale=english)}
    ewa = organisations["EWA"]
    links = [
        (ewa, HistoryPage.objects.child_of(ewa).get(), ["created in 2006", "成立于2006年"]),
        (
            organisations["IFMSA-China"],
            organisations["SMSA"],
            ["Soochow University Medical Students’ Association", "苏州大学医学生协会"],
        ),
    ]
    for page, linked, texts in links:
        for locale, text in zip((english, chinese), texts, strict=True):
            html = client.get(page.get_translation(locale).url).content.decode()
            url = linked.get_translation(locale).url
            assert url.startswith(f"/{locale.language_code}/")
            assert f'<a href="{url}">{text}</a>' in html, (page, locale)


def test_organisations_and_their_facts(english):
    org = {o.acronym: o for o in OrganizationPage.objects.filter(locale=english)}
    assert {"IFMSA", "IFMSA-China", "SMSA", "SUMC", "EWA", "SJTUSM", "SOMS"} <= set(org)
    assert org["IFMSA"].founded.year == 1951 and org["IFMSA"].founded_precision == "year"
    assert org["IFMSA-China"].founded.year == 2009
    assert org["SMSA"].founded == datetime.date(2014, 12, 29)
    assert org["SMSA"].founded_precision == "day"
    assert org["SOMS"].founded.year == 1987
    assert org["EWA"].founded.year == 2006 and org["EWA"].kind == "alliance"
    assert org["SMSA"].parent_organization.specific == org["IFMSA-China"]
    assert org["IFMSA-China"].parent_organization.specific == org["IFMSA"]
    assert "199 Ren-ai Road" in org["SMSA"].address
    assert "65884028" in org["SMSA"].phone
    figures = {f.value["value"] for f in org["IFMSA"].key_figures}
    assert {"1.3 million", "130", "122"} <= figures
    ottawa = OrganizationPage.objects.get(locale=english, title__icontains="Ottawa")
    assert (ottawa.founded, ottawa.founded_precision) == (datetime.date(2014, 10, 1), "month")


def test_smsa_has_five_standing_committees_and_two_teams(english):
    smsa = OrganizationPage.objects.get(acronym="SMSA", locale=english)
    committees = CommitteePage.objects.child_of(smsa)
    standing = {c.acronym for c in committees if c.committee_kind == "standing"}
    assert standing == {"SCOME", "SCOPE", "SCORE", "SCOPH", "SCORA"}
    assert committees.filter(committee_kind="team").count() == 2


def events_of(acronym: str, locale) -> list:
    organisation = OrganizationPage.objects.get(acronym=acronym, locale=locale)
    history = HistoryPage.objects.child_of(organisation).get()
    return history.sorted_events()


def test_every_dated_event_is_on_a_timeline(english):
    def years(acronym):
        return [e["date"].year for e in events_of(acronym, english)]

    assert 1951 in years("IFMSA")
    assert 2009 in years("IFMSA-China")
    smsa_dates = [e["date"] for e in events_of("SMSA", english)]
    assert datetime.date(2014, 12, 29) in smsa_dates
    assert {1987, 1993, 1994, 1998, 2003, 2016, 2017} <= set(years("SOMS"))
    assert 1999 in years("SUMC")
    sjtusm = {(e["date"], e["precision"]) for e in events_of("SJTUSM", english)}
    assert (datetime.date(2014, 10, 1), "month") in sjtusm
    assert (datetime.date(1980, 1, 1), "decade") in sjtusm


def test_every_east_west_alliance_meeting_with_host_and_year(english):
    events = events_of("EWA", english)
    assert events[0]["date"].year == 2006
    for year, (number, host) in EWA_MEETINGS.items():
        matching = [e for e in events if e["date"].year == year]
        assert len(matching) == 1, year
        text = f"{matching[0]['title']} {matching[0]['text']}"
        assert host in text, (year, text)
        assert re.search(rf"\b{number}(st|nd|rd|th)\b", text), (year, text)
    assert "What makes an impactful institution?" in str(
        [e["text"] for e in events if e["date"].year == 2018]
    )


def test_programmes_and_partners(english):
    programmes = PartnerProgramPage.objects.filter(locale=english)
    kinds = set(programmes.values_list("kind", flat=True))
    assert {
        "clinical",
        "research",
        "conference",
        "symposium",
        "joint_school",
        "study_tour",
    } <= kinds
    partner_names = set(
        PartnerInstitution.objects.filter(locale=english).values_list("name", flat=True)
    )
    for name in (
        "Stanford University",
        "University of Hong Kong",
        "University of Groningen",
        "Hyogo College of Medicine",
        "University of Strasbourg",
        "Yale University",
        "Johns Hopkins University",
    ):
        assert any(name in n for n in partner_names), name
    telemedicine = programmes.get(kind="symposium")
    assert telemedicine.since.year == 1999
    assert telemedicine.partners.count() >= 9
    tours = programmes.get(kind="study_tour")
    assert tours.participants_per_year == 350


def test_chinese_site_is_a_real_tracked_translation(english, chinese):
    for page in Page.objects.filter(locale=english, depth__gt=2).specific():
        translated = page.get_translation(chinese)
        assert translated.live, page
        assert translated.title != page.title or page.title.isupper(), page
        source_translations = Translation.objects.filter(
            source__object_id=page.translation_key, target_locale=chinese
        )
        assert source_translations.exists(), page
    for partner in PartnerInstitution.objects.filter(locale=english):
        assert partner.get_translation(chinese).name
    assert re.search(
        r"[\u4e00-\u9fff]", OrganizationPage.objects.get(acronym="SMSA", locale=chinese).title
    )
