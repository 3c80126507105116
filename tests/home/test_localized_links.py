"""Links in Chinese pages lead to Chinese pages; the interface speaks each page's language."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from wagtail.models import Page

from organizations.models import HistoryPage, OrganizationPage

pytestmark = pytest.mark.django_db

HREF = re.compile(r'href="([^"]+)"')


def main_html(html: str) -> str:
    return html.split("<main", 1)[1].split("</main>", 1)[0]


def test_no_chinese_page_links_to_an_english_page(client):
    pages = Page.objects.live().filter(locale__language_code="zh-hans", depth__gt=1)
    internal_links = 0
    for page in pages:
        for href in HREF.findall(main_html(client.get(page.url).content.decode())):
            path = re.sub(r"^https?://[^/]+", "", href)
            assert not path.startswith("/en/"), (page.url, href)
            if path.startswith("/zh-hans/"):
                internal_links += 1
    assert internal_links > 50


def test_links_stored_as_english_pages_render_as_chinese(client, english, chinese):
    """wagtail-localize copies page references unchanged: rich-text links, page choosers and
    timeline links in a Chinese page still hold the English page's id."""
    ifmsa_en = OrganizationPage.objects.get(acronym="IFMSA", locale=english)
    china_en = OrganizationPage.objects.get(acronym="IFMSA-China", locale=english)
    smsa_zh = OrganizationPage.objects.get(acronym="SMSA", locale=chinese)
    # Raw StreamField data, as stored: blocks hold page ids.
    smsa_zh.body = [
        {
            "type": "paragraph",
            "value": f'<p>属于<a linktype="page" id="{ifmsa_en.pk}">国际医学生联合会</a>。</p>',
        },
        {
            "type": "call_to_action",
            "value": {"text": "了解中国分会", "page": china_en.pk, "url": ""},
        },
    ]
    smsa_zh.save_revision().publish()
    html = main_html(client.get(smsa_zh.url).content.decode())
    assert f'href="{ifmsa_en.get_translation(chinese).url}"' in html
    assert f'href="{china_en.get_translation(chinese).url}"' in html
    assert 'href="/en/' not in html


def test_timeline_links_follow_the_reader(client, english, chinese):
    history_zh = HistoryPage.objects.live().filter(locale=chinese).first()
    smsa_en = OrganizationPage.objects.get(acronym="SMSA", locale=english)
    event = {"date": "2014-12-29", "precision": "day", "title": "协会成立", "link": smsa_en.pk}
    history_zh.events = [{"type": "event", "value": event}]
    history_zh.save_revision().publish()
    html = main_html(client.get(history_zh.url).content.decode())
    assert f'href="{smsa_en.get_translation(chinese).url}"' in html


@pytest.mark.parametrize(
    "language,label,date",
    [("en", "Founded", "29 December 2014"), ("zh-hans", "成立", "2014年12月29日")],
)
def test_interface_strings_and_dates_follow_the_page_language(client, language, label, date):
    smsa = OrganizationPage.objects.get(acronym="SMSA", locale__language_code=language)
    html = client.get(smsa.url).content.decode()
    assert label in html and date in html
    if language == "zh-hans":
        assert "Founded" not in main_html(html)
        assert "Skip to main content" not in html


def test_gettext_catalogue_is_complete_and_compiled():
    po = Path(settings.BASE_DIR, "locale", "zh_Hans", "LC_MESSAGES", "django.po")
    text = po.read_text(encoding="utf-8")
    assert "#, fuzzy" not in text
    entries = text.split("\n\n")[1:]  # the first entry is the header
    untranslated = [
        e
        for e in entries
        if re.search(r'^msgstr(\[0\])? ""\n?$', e, re.M)
        and not re.search(r'^msgstr(\[0\])? ""\n"', e, re.M)
    ]
    assert untranslated == []
    assert po.with_suffix(".mo").stat().st_mtime >= po.stat().st_mtime
