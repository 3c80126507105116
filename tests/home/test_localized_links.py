"""Links in Chinese pages lead to Chinese pages; the interface speaks each page's language.
How stored links to English pages render as Chinese ones is tested with the organisation pages
(tests/organizations/test_rich_text_links.py, test_history.py)."""

import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings
from wagtail.models import Locale, Page

from home.dates import DatePrecision
from organizations.models import OrganizationPage
from tests.factories import OrganizationPageFactory, translate

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


@pytest.fixture
def founded_on_a_known_day(organization_index, chinese) -> OrganizationPage:
    page = OrganizationPageFactory(
        parent=organization_index,
        founded=datetime.date(2014, 12, 29),
        founded_precision=DatePrecision.DAY,
    )
    translate(page, chinese)
    return page


@pytest.mark.parametrize(
    "language,label,date",
    [("en", "Founded", "29 December 2014"), ("zh-hans", "成立", "2014年12月29日")],
)
def test_interface_strings_and_dates_follow_the_page_language(
    client, founded_on_a_known_day, language, label, date
):
    page = founded_on_a_known_day.get_translation(Locale.objects.get(language_code=language))
    html = client.get(page.url).content.decode()
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
