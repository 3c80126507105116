"""What rendering this app's pages costs in SQL queries, for an anonymous visitor in either
language: the same exact number whatever the number of partners, blocks, children or events
shown (each page is measured at two sizes), at most 12. The total includes what every page
shares (the site, its home page in the reader's language, the path with its translations and
the menu, the page itself with its images: four queries in either language, see
home/routing.py), so a change there moves all the numbers below at once."""

import datetime
import json

import pytest
from wagtail.images import get_image_model

from tests.factories import (
    PartnerInstitutionFactory,
    PartnerProgramPageFactory,
    translate,
)
from tests.programs.conftest import days

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "zh-hans"]


def assert_queries(client, django_assert_num_queries, page, expected: int) -> str:
    """The page's HTML, checking that serving it costs `expected` queries once warm (the first
    request makes the logos' renditions and caches the site's root paths)."""
    url = page.url
    assert client.get(url).status_code == 200
    with django_assert_num_queries(expected):
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def partners(count: int, chinese) -> list:
    """`count` partner institutions with logos, each translated into Chinese."""
    logos = list(get_image_model().objects.order_by("pk")[:count])
    made = []
    for i in range(count):
        partner = PartnerInstitutionFactory(name=f"Partner {i}", logo=logos[i % len(logos)])
        translate(partner, chinese, {f"Partner {i}": f"伙伴 {i}"})
        made.append(partner)
    return made


def with_body(page, blocks: int, grid_partners: list, button_target):
    """`page` with `blocks` blocks: headings, paragraphs, buttons to `button_target` and grids
    of `grid_partners` (an event's body; paragraphs instead where there are none), in turn."""
    stream = []
    for i in range(blocks):
        if i % 4 == 3:
            value = {"text": f"Button {i}", "page": button_target.pk, "url": ""}
            stream.append({"type": "call_to_action", "value": value})
        elif i % 4 == 2 and grid_partners:
            value = {"heading": f"Grid {i}", "partners": [p.pk for p in grid_partners]}
            stream.append({"type": "partner_grid", "value": value})
        elif i % 4 in (1, 2):
            stream.append({"type": "paragraph", "value": f"<p>Paragraph {i}</p>"})
        else:
            stream.append({"type": "heading", "value": {"text": f"Heading {i}", "level": "h2"}})
    page.body = json.dumps(stream)
    page.save()
    return page


def programme(organisation, program_index, add_event, chinese, partner_count: int, blocks: int):
    """A translated programme hosted by `organisation`, with `partner_count` partners, `blocks`
    blocks whose buttons lead to `organisation`, and as many events as partners."""
    institutions = partners(partner_count, chinese)
    page = PartnerProgramPageFactory(
        parent=program_index,
        title="Exchange",
        host_organization=organisation,
        partner_institutions=institutions,
        application_deadline=days(40),
        eligibility="<p>Students in their <b>fourth</b> year.</p>",
    )
    with_body(page, blocks, [], organisation)
    translate(page, chinese, {"Exchange": "交流项目"})
    for i in range(partner_count):
        add_event(f"Meeting {i}", zh=f"会议 {i}", program=page, start_date=days(10 + i))
    return page


# The page's own look-ups: the host, the partner rows, the partners in the reader's language
# with their logos, the logos' renditions, the events, and the buttons' pages as stored; in
# Chinese, one more for their translations. Budget: 12 for any page.
PROGRAMME = {"en": 10, "zh-hans": 11}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("partner_count", "blocks"), [(1, 4), (8, 12)])
def test_programme_page(
    client,
    django_assert_num_queries,
    organisation,
    program_index,
    add_event,
    chinese,
    language,
    partner_count,
    blocks,
):
    page = programme(organisation, program_index, add_event, chinese, partner_count, blocks)
    shown = page.get_translation(chinese) if language == "zh-hans" else page
    html = assert_queries(client, django_assert_num_queries, shown, PROGRAMME[language])
    name = "伙伴" if language == "zh-hans" else "Partner"
    assert html.count(f'<p class="partner__name">{name} ') == partner_count  # each once
    assert html.count('class="partner__logo"') == partner_count
    # Each button leads to the organisation in the reader's language.
    host = organisation.get_translation(chinese) if language == "zh-hans" else organisation
    assert html.count(f'<a class="button" href="{host.url}">Button ') == blocks // 4
    assert html.count('class="card card--event') == min(partner_count, 6)
    assert ("协会" if language == "zh-hans" else "Association") in html


# The programmes, public ones only, in one query.
INDEX = 5


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("children", [2, 8])
def test_programme_index(
    client, django_assert_num_queries, program_index, chinese, language, children
):
    for i in range(children):
        page = PartnerProgramPageFactory(parent=program_index, title=f"Programme {i}")
        translate(page, chinese, {f"Programme {i}": f"项目 {i}"})
    shown = program_index.get_translation(chinese) if language == "zh-hans" else program_index
    html = assert_queries(client, django_assert_num_queries, shown, INDEX)
    assert html.count('class="card card--program"') == children


# The events and their count (for the pagination).
EVENT_INDEX = 6


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("events", [2, 8])
def test_event_index(
    client, django_assert_num_queries, event_index, add_event, chinese, language, events
):
    for i in range(events):
        add_event(f"Congress {i}", zh=f"大会 {i}", start_date=days(5 + i), city="Lyon")
    shown = event_index.get_translation(chinese) if language == "zh-hans" else event_index
    html = assert_queries(client, django_assert_num_queries, shown, EVENT_INDEX)
    assert html.count('class="card card--event') == events


# The organiser and the programme in one query, the grids' partners as stored, all partners
# (the host institution too) in the reader's language, the logos' renditions, and the buttons'
# pages as stored; in Chinese, one more for their translations.
EVENT = {"en": 9, "zh-hans": 10}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("partner_count", "blocks"), [(1, 4), (8, 12)])
def test_event_page(
    client,
    django_assert_num_queries,
    organisation,
    program_index,
    add_event,
    chinese,
    language,
    partner_count,
    blocks,
):
    institutions = partners(partner_count, chinese)
    page = PartnerProgramPageFactory(parent=program_index, title="Exchange")
    translate(page, chinese, {"Exchange": "交流项目"})
    event = add_event(
        "Congress",
        start_date=datetime.date(2031, 6, 15),
        host_organization=organisation,
        host_institution=institutions[0],
        program=page,
    )
    translate(with_body(event, blocks, institutions, organisation), chinese, {"Congress": "大会"})
    shown = event.get_translation(chinese) if language == "zh-hans" else event
    html = assert_queries(client, django_assert_num_queries, shown, EVENT[language])
    for english, chinese_text in (("Association", "协会"), ("Exchange", "交流项目")):
        assert (chinese_text if language == "zh-hans" else english) in html
    grids = len([i for i in range(blocks) if i % 4 == 2])
    assert html.count('class="partner__logo"') == partner_count * grids
    host = organisation.get_translation(chinese) if language == "zh-hans" else organisation
    assert html.count(f'<a class="button" href="{host.url}">Button ') == blocks // 4
