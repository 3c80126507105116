"""The API's cost in SQL queries does not grow with the size of a response: listings with
`fields=*` (every page type, mixed types, partners, images) at two limits, and a page's
detail with more blocks, partners and timeline events. Exact counts, so a new per-item query
shows up here. The same counts hold on SQLite and PostgreSQL."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model

from organizations.models import CommitteePage, HistoryPage, OrganizationPage
from programs.models import PartnerInstitution, PartnerProgramPage, ProgramPartner

pytestmark = pytest.mark.django_db


def count_queries(client, url: str) -> tuple[int, dict]:
    client.get(url)  # warm up: renditions, cached site root paths, content types
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    return len(queries), response.json()


# (url, two limits, expected queries). The fixed cost of a page listing: site, the items with
# their total count (one query: private sections and the site's trees are subqueries), locales,
# translations of the items, their statuses (three); then one query per kind of reference,
# whatever the number of items. The budget: 10, plus one query per page type listed.
LISTINGS = [
    ("/api/v2/pages/?fields=*", (5, 40), 7),
    ("/api/v2/pages/?locale=zh-hans", (5, 30), 7),
    (
        "/api/v2/pages/?type=organizations.OrganizationPage,programs.PartnerProgramPage,"
        "programs.EventPage,programs.EventIndexPage&fields=*",
        (5, 40),
        7,
    ),
    ("/api/v2/pages/?type=home.HomePage&fields=*", (1, 2), 7),
    ("/api/v2/pages/?type=organizations.OrganizationIndexPage&fields=*", (1, 2), 7),
    ("/api/v2/pages/?type=programs.ProgramIndexPage&fields=*", (1, 2), 7),
    ("/api/v2/pages/?type=programs.EventIndexPage&fields=*", (1, 2), 7),
    # + parent organisations, logos (with their renditions: two), committees, members,
    # history pages, programmes
    ("/api/v2/pages/?type=organizations.OrganizationPage&fields=*", (5, 16), 14),
    ("/api/v2/pages/?type=organizations.CommitteePage&fields=*", (5, 14), 7),
    # + pages the events link to
    ("/api/v2/pages/?type=organizations.HistoryPage&fields=*", (5, 14), 8),
    # + hosts, partner rows, partners with their logos, the logos' renditions
    ("/api/v2/pages/?type=programs.PartnerProgramPage&fields=*", (10, 20), 11),
    ("/api/v2/pages/?type=programs.PartnerProgramPage&fields=*&locale=zh-hans", (3, 10), 11),
    ("/api/v2/programs/?fields=*", (5, 10), 11),
    ("/api/v2/programs/?fields=*&locale=zh-hans", (3, 10), 11),
    # + organisers and programmes (pages: one), host institutions with their logos, renditions
    ("/api/v2/events/?fields=*&upcoming=false", (9, 14), 10),
    ("/api/v2/events/?fields=*&upcoming=false&locale=zh-hans", (9, 14), 10),
    ("/api/v2/pages/?type=programs.EventPage&fields=*", (5, 16), 10),
    # + logos (with their renditions: two)
    ("/api/v2/partners/?fields=*,-page", (10, 40), 5),
    # + the partners' pages on this site (SUMC has one, CETV a logo): one query for all
    ("/api/v2/partners/?fields=*&country=CN", (2, 6), 6),
    ("/api/v2/images/?fields=*", (5, 16), 5),
    ("/api/v2/documents/?fields=*", (5, 16), 6),
]


@pytest.mark.parametrize(("url", "limits", "expected"), LISTINGS)
def test_listing_queries_do_not_grow_with_the_limit(client, url, limits, expected):
    small, large = limits
    small_count, small_data = count_queries(client, f"{url}&limit={small}")
    large_count, large_data = count_queries(client, f"{url}&limit={large}")
    assert len(large_data["items"]) == large or url.startswith("/api/v2/documents/")
    assert small_data["meta"]["total_count"] == large_data["meta"]["total_count"]
    assert large_data["meta"]["total_count"] >= len(large_data["items"])
    assert (small_count, large_count) == (expected, expected)


def fill_body(page, copies: int) -> list[str]:
    """`copies` of every kind of block with references the page type allows (and `copies`
    partners for a programme); the block types, in order."""
    english = OrganizationPage.objects.filter(locale__language_code="en").order_by("pk")
    committees = CommitteePage.objects.filter(locale__language_code="en").order_by("pk")
    histories = HistoryPage.objects.filter(locale__language_code="en").order_by("pk")
    partners = PartnerInstitution.objects.filter(locale__language_code="en").order_by("pk")
    image = get_image_model().objects.order_by("pk").first()
    body = []
    for i in range(copies):
        body += [
            {
                "type": "paragraph",
                "value": f'<p>See <a linktype="page" id="{english[i].pk}">this</a>.</p>',
            },
            {
                "type": "call_to_action",
                "value": {"text": "Go", "page": committees[i].pk, "url": ""},
            },
            {
                "type": "image",
                "value": {
                    "image": image.pk,
                    "alt_text": "A photo",
                    "caption": "",
                    "decorative": False,
                },
            },
        ]
        if not isinstance(page, PartnerProgramPage):
            excerpt = {
                "heading": "",
                "history_page": histories[i].pk,
                "from_year": None,
                "to_year": None,
                "max_events": 5,
            }
            body.append({"type": "timeline_excerpt", "value": excerpt})
    page.body = json.dumps(body)
    page.save()
    if isinstance(page, PartnerProgramPage):
        page.partners.all().delete()
        for partner in partners[20 : 20 + copies]:
            ProgramPartner.objects.create(page=page, institution=partner)
        # Every partner shown has a logo (in every language), whatever the number of copies.
        keys = [partner.translation_key for partner in partners[20 : 20 + copies]]
        PartnerInstitution.objects.filter(translation_key__in=keys).update(logo=image)
    return [block["type"] for block in body]


@pytest.mark.parametrize("locale", ["en", "zh-hans"])
@pytest.mark.parametrize(("model", "expected"), [(PartnerProgramPage, 18), (OrganizationPage, 21)])
def test_detail_queries_do_not_grow_with_blocks_or_partners(client, locale, model, expected):
    page = model.objects.filter(locale__language_code=locale).order_by("pk").first()
    counts = []
    for copies in (1, 4):
        types = fill_body(page, copies)
        count, data = count_queries(client, f"/api/v2/pages/{page.pk}/")
        assert [block["type"] for block in data["body"]] == types
        if model is PartnerProgramPage:
            assert len(data["partners"]) == copies
            assert all(p["locale"] == locale for p in data["partners"])
        for block in data["body"]:
            if block["type"] == "call_to_action":
                assert block["value"]["page"]["locale"] == locale
            if block["type"] == "timeline_excerpt":
                assert block["value"]["history_page"]["locale"] == locale
                assert block["value"]["events"]
        counts.append(count)
    # Fixed: the page (two), locales, site, parent (two), translations (four), the page's own
    # relations; then the body: one query per kind of chosen object (pages, images, partners,
    # history pages), one per kind of reference resolved in the page's language, two for
    # images with their renditions (one for logos that come with their partners). None of it
    # per block.
    assert counts == [expected, expected]


def test_history_detail_queries_do_not_grow_with_events(client):
    history = HistoryPage.objects.filter(locale__language_code="zh-hans").order_by("pk").first()
    pages = list(OrganizationPage.objects.filter(locale__language_code="en").order_by("pk"))
    counts = []
    for copies in (2, 8):
        history.events = json.dumps(
            [
                {
                    "type": "event",
                    "value": {
                        "date": f"{2010 - i}-01-01",
                        "precision": "year",
                        "title": f"Event {i}",
                        "text": "",
                        "link": pages[i % len(pages)].pk,
                    },
                }
                for i in range(copies)
            ]
        )
        history.save()
        count, data = count_queries(client, f"/api/v2/pages/{history.pk}/")
        assert [e["date"] for e in data["events"]] == sorted(e["date"] for e in data["events"])
        assert len(data["events"]) == copies
        assert all(e["link"]["locale"] == "zh-hans" for e in data["events"])
        counts.append(count)
    assert counts == [11, 11]
