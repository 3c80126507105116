"""No dead ends: a committee's and a history's page link back to their organisation and onward
to everything else that belongs to it (its other committees and histories, its programmes,
news and events), in the reader's language; nothing draft or private is linked."""

import pytest
from django.core.cache import cache
from wagtail.models import Locale, PageViewRestriction

from home.page_cache.purge import affected_urls
from tests.factories import (
    CommitteePageFactory,
    HistoryPageFactory,
    PartnerProgramPageFactory,
    translate,
)
from tests.html import main_html
from tests.organizations.news_factories import NewsArticlePageFactory

pytestmark = pytest.mark.django_db

CHINESE = {
    "SCOPE": "专业交流委员会",
    "SCORE": "科研交流委员会",
    "Our history": "我们的历史",
    "Clinical exchange": "临床交流",
    "We turn thirty": "三十周年",
}


@pytest.fixture
def parts(organisation, program_index, news_index, chinese):
    """Under "Association": two committees and a history; a programme it hosts and an article
    it published, all translated; a draft committee and a private one."""
    pages = {
        "scope": CommitteePageFactory(parent=organisation, title="SCOPE"),
        "score": CommitteePageFactory(parent=organisation, title="SCORE"),
        "history": HistoryPageFactory(parent=organisation, title="Our history"),
        "programme": PartnerProgramPageFactory(
            parent=program_index, title="Clinical exchange", host_organization=organisation
        ),
        "article": NewsArticlePageFactory(
            parent=news_index, title="We turn thirty", organization=organisation
        ),
    }
    for page in pages.values():
        translate(page, chinese, CHINESE)
    draft = CommitteePageFactory(parent=organisation, title="Draft team")
    draft.unpublish()
    private = CommitteePageFactory(parent=organisation, title="Board")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    return pages


def onward(html: str) -> str:
    return html[html.index('class="organization-parts"') :]


@pytest.mark.parametrize("name", ["scope", "history"])
def test_a_part_links_to_its_organisation_and_everything_else_that_belongs_to_it(
    client, parts, name
):
    html = onward(main_html(client, parts[name]))
    assert "More from Association" in html
    linked = {page.url for page in parts.values() if page is not parts[name]}
    linked.add(parts["scope"].get_parent().url)
    for url in linked:
        assert f'href="{url}"' in html, url
    assert f'href="{parts[name].url}"' not in html  # not to itself
    assert "Draft team" not in html and "Board" not in html


@pytest.mark.parametrize("name", ["score", "history"])
def test_in_chinese_the_links_are_to_the_chinese_pages(client, parts, name):
    chinese = Locale.objects.get(language_code="zh-hans")
    page = parts[name].get_translation(chinese)
    html = onward(main_html(client, page))
    assert "协会的更多内容" in html
    for other in ("scope", "programme", "article"):
        target = parts[other].get_translation(chinese)
        assert f'href="{target.url}"' in html and target.title in html
        assert f'href="{parts[other].url}"' not in html


def test_a_history_of_the_whole_network_has_no_organisation_section(client, organization_index):
    history = HistoryPageFactory(parent=organization_index, title="Network history")
    assert "organization-parts" not in main_html(client, history)


def test_a_new_programme_shows_on_cached_committee_and_history_pages_at_once(
    client, settings, parts, program_index, organisation, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    before = {name: client.get(parts[name].url) for name in ("scope", "history")}
    assert all("Second exchange" not in r.content.decode() for r in before.values())
    assert client.get(parts["scope"].url).headers.get("X-Cache") == "hit"
    programme = PartnerProgramPageFactory(
        parent=program_index, title="Second exchange", host_organization=organisation, live=False
    )
    with django_capture_on_commit_callbacks(execute=True):
        programme.save_revision().publish()
    for name in ("scope", "history"):
        assert "Second exchange" in client.get(parts[name].url).content.decode(), name


def test_renaming_a_committee_purges_its_sibling_in_both_languages(parts):
    urls = affected_urls(parts["scope"])
    chinese = Locale.objects.get(language_code="zh-hans")
    for page in (parts["score"], parts["score"].get_translation(chinese), parts["history"]):
        assert page.get_full_url() in urls
