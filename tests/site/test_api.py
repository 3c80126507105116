"""The page API's contract (docs/api.md): fields and shapes of every page type in both
locales, references resolved in the reader's language, translations, locale-prefixed paths,
the untranslated fallback, privacy, caching and CORS."""

import json
import re

import pytest
from django.test import override_settings
from wagtail.models import Page, PageViewRestriction

from organizations.models import HistoryPage, OrganizationPage
from programs.models import PartnerInstitution, PartnerProgramPage, ProgramIndexPage

pytestmark = pytest.mark.django_db

PAGE_REF = {"id", "type", "title", "locale", "html_url"}
IMAGE = {"id", "title", "width", "height", "url", "renditions"}
RENDITION = {"url", "width", "height"}
PARTNER = {
    "id",
    "name",
    "short_name",
    "country",
    "country_name",
    "city",
    "website",
    "logo",
    "locale",
    "page",
}
META = {
    "type",
    "detail_url",
    "html_url",
    "slug",
    "show_in_menus",
    "seo_title",
    "search_description",
    "first_published_at",
    "alias_of",
    "locale",
    "translations",
    "translation_status",
}
# Body fields of each page type with fields=* in a listing, and what the detail adds.
FIELDS = {
    "home.HomePage": (
        {"intro", "key_figures", "contact_name", "address", "phone", "email"},
        {"featured_pages", "body"},
    ),
    "home.FormPage": ({"intro", "thank_you_text"}, {"form_fields"}),
    "organizations.OrganizationIndexPage": ({"intro"}, set()),
    "organizations.OrganizationPage": (
        {
            "kind",
            "kind_display",
            "acronym",
            "summary",
            "founded",
            "founded_precision",
            "founded_display",
            "parent_organization",
            "country",
            "country_name",
            "region",
            "city",
            "address",
            "phone",
            "email",
            "website",
            "logo",
            "key_figures",
            "committees",
            "member_organizations",
            "history_pages",
            "programs",
        },
        {"body"},
    ),
    "organizations.CommitteePage": (
        {"acronym", "full_name", "committee_kind", "committee_kind_display", "focus"},
        {"body"},
    ),
    "organizations.HistoryPage": ({"intro", "events"}, set()),
    "programs.ProgramIndexPage": ({"intro"}, set()),
    "programs.PartnerProgramPage": (
        {
            "kind",
            "kind_display",
            "host_organization",
            "summary",
            "partners",
            "since",
            "since_precision",
            "since_display",
            "participants_per_year",
            "eligibility",
            "application_opens",
            "application_deadline",
            "start_date",
            "end_date",
        },
        {"body"},
    ),
}


def is_url(url: str, locale: str | None = None) -> bool:
    """An absolute URL (pages use the site's host name, files the request's)."""
    prefix = f"/{locale}/" if locale else "/"
    return re.match(rf"^https?://[^/]+{re.escape(prefix)}", url) is not None


def get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content[:500]
    return response.json()


def check_page_ref(ref, locale=None):
    assert set(ref) == PAGE_REF
    assert is_url(ref["html_url"])
    if locale:
        assert ref["locale"] == locale
        assert is_url(ref["html_url"], locale)


def check_image(image):
    assert set(image) == IMAGE
    assert is_url(image["url"])
    assert set(image["renditions"]) == {"thumbnail", "medium", "large"}
    for rendition in image["renditions"].values():
        assert set(rendition) == RENDITION
        assert is_url(rendition["url"])
        assert rendition["width"] > 0 and rendition["height"] > 0


def walk_blocks(value):
    """Every dict inside a StreamField's JSON."""
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from walk_blocks(item)
    elif isinstance(value, list):
        for item in value:
            yield from walk_blocks(item)


@pytest.mark.parametrize("locale", ["en", "zh-hans"])
@pytest.mark.parametrize("page_type", sorted(FIELDS))
def test_every_page_type_has_its_fields_in_both_locales(client, page_type, locale):
    listing_fields, detail_fields = FIELDS[page_type]
    listing = get(client, "/api/v2/pages/", type=page_type, locale=locale, fields="*")
    assert listing["items"], page_type
    for item in listing["items"]:
        assert set(item) == {"id", "meta", "title"} | listing_fields
        assert set(item["meta"]) == META
        assert item["meta"]["locale"] == locale
        assert item["meta"]["type"] == page_type
        assert is_url(item["meta"]["html_url"], locale)
    detail = get(client, f"/api/v2/pages/{listing['items'][0]['id']}/")
    assert set(detail) == {"id", "meta", "title"} | listing_fields | detail_fields
    assert set(detail["meta"]) == META | {"parent"}
    # Every reference inside is resolved, in the page's language where a translation exists.
    for block in walk_blocks({k: v for k, v in detail.items() if k != "meta"}):
        if set(block) == PAGE_REF:
            check_page_ref(block, locale)
        elif set(block) == IMAGE:
            check_image(block)
        elif set(block) == PARTNER:
            assert block["locale"] == locale


@pytest.mark.parametrize("locale", ["en", "zh-hans"])
def test_translations_are_listed_with_their_status(client, locale):
    items = get(client, "/api/v2/pages/", locale=locale, limit=50)["items"]
    other = "zh-hans" if locale == "en" else "en"
    for item in items:
        translations = item["meta"]["translations"]
        assert [t["locale"] for t in translations] == [other], item["title"]
        assert set(translations[0]) == PAGE_REF | {"status"}
        expected = "source" if other == "en" else "up_to_date"
        assert translations[0]["status"] == expected
        assert item["meta"]["translation_status"] == ("source" if locale == "en" else "up_to_date")
        # Following the link gives back this page.
        back = get(client, f"/api/v2/pages/{translations[0]['id']}/")
        assert item["id"] in [t["id"] for t in back["meta"]["translations"]]


def test_an_outdated_translation_says_so(client, english):
    program = PartnerProgramPage.objects.filter(locale=english).order_by("pk").first()
    program.summary = "Changed after translation."
    program.save_revision().publish()
    detail = get(client, f"/api/v2/pages/{program.pk}/")
    assert detail["meta"]["translations"][0]["status"] == "outdated"


def test_chinese_organisation_refers_to_chinese_pages(client, chinese):
    smsa = OrganizationPage.objects.get(locale=chinese, acronym="SMSA")
    detail = get(client, f"/api/v2/pages/{smsa.pk}/")
    check_page_ref(detail["parent_organization"], "zh-hans")
    assert detail["committees"], "SMSA has committees"
    for committee in detail["committees"]:
        check_page_ref({k: committee[k] for k in PAGE_REF}, "zh-hans")
        assert {"acronym", "full_name", "committee_kind"} <= set(committee)
    histories = HistoryPage.objects.child_of(smsa).live()
    assert [h["id"] for h in detail["history_pages"]] == [h.pk for h in histories]
    assert detail["history_pages"], "SMSA has a history page"
    assert detail["programs"] == [], "SMSA hosts no programme"


def hosted_in(organization, locale) -> list[int]:
    return list(
        PartnerProgramPage.objects.live()
        .filter(locale=locale, host_organization__translation_key=organization.translation_key)
        .order_by("title")
        .values_list("pk", flat=True)
    )


def test_organisations_list_their_programs_and_members_in_their_language(client, chinese):
    sumc = OrganizationPage.objects.get(locale=chinese, acronym="SUMC")
    detail = get(client, f"/api/v2/pages/{sumc.pk}/")
    assert [p["id"] for p in detail["programs"]] == hosted_in(sumc, chinese)
    assert detail["programs"], "SUMC hosts programmes"
    for program in detail["programs"]:
        check_page_ref({k: program[k] for k in PAGE_REF}, "zh-hans")
        assert program["type"] == "programs.PartnerProgramPage"
        assert set(program) == PAGE_REF | {"kind", "summary"}
    # Local committees are members of the national organisation, listed in its language.
    ifmsa_china = OrganizationPage.objects.get(locale=chinese, acronym="IFMSA-China")
    smsa = OrganizationPage.objects.get(locale=chinese, acronym="SMSA")
    members = get(client, f"/api/v2/pages/{ifmsa_china.pk}/")["member_organizations"]
    assert [m["id"] for m in members] == [smsa.pk]
    assert members[0]["acronym"] == "SMSA" and members[0]["locale"] == "zh-hans"


def test_a_programme_comes_with_host_and_partners_in_its_language(client, chinese):
    programs = get(
        client,
        "/api/v2/pages/",
        type="programs.PartnerProgramPage",
        locale="zh-hans",
        fields="*",
        limit=50,
    )["items"]
    with_partners = [p for p in programs if p["partners"]]
    assert with_partners
    for programme in with_partners:
        for partner in programme["partners"]:
            assert set(partner) == PARTNER
            assert partner["locale"] == "zh-hans"
            if partner["logo"]:
                check_image(partner["logo"])
    hosted = [p for p in programs if p["host_organization"]]
    assert hosted
    for programme in hosted:
        check_page_ref(programme["host_organization"], "zh-hans")


@pytest.mark.parametrize("locale", ["en", "zh-hans"])
def test_timeline_events_are_in_date_order(client, locale):
    for item in get(
        client, "/api/v2/pages/", type="organizations.HistoryPage", locale=locale, fields="*"
    )["items"]:
        dates = [event["date"] for event in item["events"]]
        assert dates == sorted(dates) and dates
        for event in item["events"]:
            assert set(event) == {"date", "precision", "display_date", "title", "text", "link"}
            if event["link"]:
                check_page_ref(event["link"], locale)


def test_stream_blocks_are_ready_to_render(client, english):
    """Rich text links, page choosers, images and partner grids, in both languages."""
    image_seen = 0
    for page in Page.objects.live().filter(depth__gt=1):
        detail = get(client, f"/api/v2/pages/{page.pk}/")
        locale = detail["meta"]["locale"]
        for block in walk_blocks(detail.get("body", [])):
            if block.get("type") == "image":
                check_image(block["value"]["image"])
                assert {"alt_text", "caption", "decorative"} <= set(block["value"])
                image_seen += 1
            if block.get("type") == "paragraph" and "<a " in block["value"]:
                assert 'linktype="' not in block["value"]
                hrefs = re.findall(r'href="([^"]+)" data-page-id', block["value"])
                assert all(is_url(href, locale) for href in hrefs)
    assert image_seen


def test_partners_endpoint_filters_and_expands(client):
    data = get(client, "/api/v2/partners/", locale="zh-hans", country="FR", fields="*")
    assert data["items"]
    for partner in data["items"]:
        assert partner["locale"] == "zh-hans"
        assert partner["country"] == "FR"
        assert partner["logo"] is None or set(partner["logo"]) == IMAGE
    # A partner is found by its short name, in every language it is translated into.
    partner = next(item for item in data["items"] if item["short_name"])
    found = get(client, "/api/v2/partners/", search=partner["short_name"])["items"]
    translations = PartnerInstitution.objects.get(pk=partner["id"]).get_translations(inclusive=True)
    assert {item["id"] for item in found} == {p.pk for p in translations}


@pytest.mark.parametrize("locale", ["en", "zh-hans"])
def test_rich_text_page_links_point_at_the_page_in_the_readers_language(client, locale):
    """A link stored with the English page's id (as translations copy it) reads, in a Chinese
    page, as the Chinese page's URL; with `data-page-id` for apps that route internally."""
    target_en = OrganizationPage.objects.get(locale__language_code="en", acronym="SUMC")
    target = OrganizationPage.objects.get(locale__language_code=locale, acronym="SUMC")
    link = f'<p>Hosted by <a linktype="page" id="{target_en.pk}">SUMC</a>.</p>'
    source = ProgramIndexPage.objects.get(locale__language_code="en").add_child(
        instance=PartnerProgramPage(
            title="Linked programme",
            slug="linked-programme",
            kind="course",
            eligibility=link,
            body=json.dumps([{"type": "paragraph", "value": link}]),
        )
    )
    page = source
    if locale != "en":
        page = ProgramIndexPage.objects.get(locale__language_code=locale).add_child(
            instance=PartnerProgramPage(
                title="链接项目",
                slug="linked-programme",
                kind="course",
                locale=target.locale,
                translation_key=source.translation_key,
                eligibility=link,
                body=json.dumps([{"type": "paragraph", "value": link}]),
            )
        )
    detail = get(client, f"/api/v2/pages/{page.pk}/")
    expected = f'<a href="{target.get_full_url()}" data-page-id="{target.pk}">SUMC</a>'
    assert is_url(target.get_full_url(), locale)
    assert expected in detail["eligibility"]
    assert expected in detail["body"][0]["value"]


# -- locales, paths and the untranslated fallback ----------------------------------------


def test_find_by_path_understands_the_language_prefix(client, chinese, english):
    smsa_zh = OrganizationPage.objects.get(locale=chinese, acronym="SMSA")
    smsa_en = OrganizationPage.objects.get(locale=english, acronym="SMSA")
    for page in (smsa_zh, smsa_en):
        response = client.get("/api/v2/pages/find/", {"html_path": page.url})
        assert response.status_code == 302
        assert re.search(rf"/api/v2/pages/{page.pk}/\??$", response["Location"])
    # Percent-encoded, or without a trailing slash, too.
    response = client.get("/api/v2/pages/find/", {"html_path": "/zh-hans/organizations/"})
    assert response.status_code == 302
    response = client.get("/api/v2/pages/find/", {"html_path": "/zh-hans/no-such-page/"})
    assert response.status_code == 404


def test_translation_of_and_locale(client, english, chinese):
    smsa_en = OrganizationPage.objects.get(locale=english, acronym="SMSA")
    items = get(client, "/api/v2/pages/", translation_of=smsa_en.pk, locale="zh-hans")["items"]
    assert [item["meta"]["locale"] for item in items] == ["zh-hans"]


def test_detail_in_another_locale_gives_the_translation(client, english, chinese):
    smsa_en = OrganizationPage.objects.get(locale=english, acronym="SMSA")
    smsa_zh = OrganizationPage.objects.get(locale=chinese, acronym="SMSA")
    detail = get(client, f"/api/v2/pages/{smsa_en.pk}/", locale="zh-hans")
    assert detail["id"] == smsa_zh.pk
    assert detail["meta"]["locale"] == "zh-hans"
    assert detail["meta"]["requested_locale"] == "zh-hans"
    assert detail["meta"]["fallback"] is False


def test_untranslated_page_falls_back_to_the_source_clearly_marked(client, english, chinese):
    smsa_en = OrganizationPage.objects.get(locale=english, acronym="SMSA")
    OrganizationPage.objects.get(locale=chinese, acronym="SMSA").unpublish()
    detail = get(client, f"/api/v2/pages/{smsa_en.pk}/", locale="zh-hans")
    assert detail["id"] == smsa_en.pk
    assert detail["meta"]["locale"] == "en"
    assert detail["meta"]["requested_locale"] == "zh-hans"
    assert detail["meta"]["fallback"] is True
    assert detail["meta"]["translations"] == []
    # The content is the English page's, links included: never a mix.
    check_page_ref(detail["parent_organization"], "en")
    # The listing in Chinese has nothing for it.
    assert get(client, "/api/v2/pages/", translation_of=smsa_en.pk, locale="zh-hans")["items"] == []


# -- privacy ------------------------------------------------------------------------------


def visible_ids(client) -> set[int]:
    ids, offset = set(), 0
    while True:
        data = get(client, "/api/v2/pages/", limit=50, offset=offset)
        ids |= {item["id"] for item in data["items"]}
        offset += 50
        if offset >= data["meta"]["total_count"]:
            return ids


@pytest.mark.parametrize("restriction_type", ["login", "password"])
@pytest.mark.parametrize("logged_in", [False, True])
def test_private_pages_never_appear(client, admin_client, english, restriction_type, logged_in):
    smsa = OrganizationPage.objects.get(locale=english, acronym="SMSA")
    hidden = {smsa.pk} | set(smsa.get_descendants().values_list("pk", flat=True))
    PageViewRestriction.objects.create(
        page=smsa, restriction_type=restriction_type, password="secret"
    )
    reader = admin_client if logged_in else client
    if logged_in and restriction_type == "password":
        session = reader.session
        session[PageViewRestriction.passed_view_restrictions_session_key] = [
            r.pk for r in PageViewRestriction.objects.all()
        ]
        session.save()
    assert not visible_ids(reader) & hidden
    for pk in hidden:
        assert reader.get(f"/api/v2/pages/{pk}/").status_code == 404
    assert reader.get("/api/v2/pages/find/", {"html_path": smsa.url}).status_code == 404
    assert reader.get("/api/v2/pages/", {"child_of": smsa.pk}).status_code == 400
    # References to it from other pages are dropped, not leaked.
    for item in get(
        reader, "/api/v2/pages/", type="organizations.OrganizationPage", fields="*", limit=50
    )["items"]:
        parent = item["parent_organization"]
        assert parent is None or parent["id"] not in hidden
        assert not {m["id"] for m in item["member_organizations"]} & hidden
    search = get(reader, "/api/v2/pages/", search="SMSA")["items"]
    assert not {item["id"] for item in search} & hidden


def test_drafts_and_unpublished_translations_never_appear(client, english, chinese):
    history = HistoryPage.objects.filter(locale=english).first()
    history_zh = history.get_translation(chinese)
    history_zh.unpublish()
    history.title = "A draft title"
    history.save_revision()  # a draft on top of the live page
    draft = history.get_parent().add_child(
        instance=HistoryPage(title="Never published", live=False, locale=english)
    )
    ids = visible_ids(client)
    assert draft.pk not in ids and history_zh.pk not in ids
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404
    assert client.get(f"/api/v2/pages/{history_zh.pk}/").status_code == 404
    detail = get(client, f"/api/v2/pages/{history.pk}/")
    assert detail["title"] != "A draft title"
    assert detail["meta"]["translations"] == []


def test_a_session_changes_nothing(client, admin_client):
    assert get(admin_client, "/api/v2/pages/", limit=50) == get(client, "/api/v2/pages/", limit=50)


# -- caching and CORS ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["/api/v2/pages/", "/api/v2/pages/3/", "/api/v2/partners/", "/api/v2/images/"]
)
def test_responses_carry_an_etag_and_revalidate(client, url):
    response = client.get(url)
    assert "max-age=0" in response["Cache-Control"]
    assert "public" in response["Cache-Control"]
    etag = response["ETag"]
    assert etag.startswith('"')
    again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again["ETag"] == etag and not again.content
    assert client.get(url, HTTP_IF_NONE_MATCH='"other"').status_code == 200


def test_etag_changes_with_the_content(client, english):
    program = PartnerProgramPage.objects.filter(locale=english).first()
    before = client.get(f"/api/v2/pages/{program.pk}/")["ETag"]
    program.title = "Renamed"
    program.save_revision().publish()
    response = client.get(f"/api/v2/pages/{program.pk}/", HTTP_IF_NONE_MATCH=before)
    assert response.status_code == 200 and response["ETag"] != before


def test_errors_are_not_cached(client):
    response = client.get("/api/v2/pages/?offset=-1")
    assert "ETag" not in response
    assert "no-cache" in response["Cache-Control"]


@override_settings(CORS_ALLOWED_ORIGINS=["https://app.example.org"])
def test_cors_for_listed_origins_only_and_without_credentials(client):
    allowed = client.get("/api/v2/pages/", HTTP_ORIGIN="https://app.example.org")
    assert allowed["Access-Control-Allow-Origin"] == "https://app.example.org"
    assert "Access-Control-Allow-Credentials" not in allowed
    other = client.get("/api/v2/pages/", HTTP_ORIGIN="https://evil.example.com")
    assert "Access-Control-Allow-Origin" not in other
    preflight = client.options(
        "/api/v2/pages/",
        HTTP_ORIGIN="https://app.example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert preflight.status_code == 200
    assert preflight["Access-Control-Allow-Origin"] == "https://app.example.org"
    assert "Access-Control-Allow-Credentials" not in preflight
    site = client.get("/en/", HTTP_ORIGIN="https://app.example.org")
    assert "Access-Control-Allow-Origin" not in site


def test_no_cors_by_default(client, settings):
    response = client.get("/api/v2/pages/", HTTP_ORIGIN="https://app.example.org")
    assert "Access-Control-Allow-Origin" not in response


def test_embeds_carry_their_html(client, english):
    from wagtail.embeds.embeds import get_embed_hash
    from wagtail.embeds.models import Embed

    url = "https://www.youtube.com/watch?v=example"
    Embed.objects.create(
        url=url,
        hash=get_embed_hash(url),
        html='<iframe src="https://www.youtube.com/embed/example"></iframe>',
        type="video",
    )
    program = PartnerProgramPage.objects.filter(locale=english).first()
    program.body = json.dumps([{"type": "embed", "value": url}])
    program.save()
    body = get(client, f"/api/v2/pages/{program.pk}/")["body"]
    assert body[0]["value"] == {
        "url": url,
        "html": '<iframe src="https://www.youtube.com/embed/example"></iframe>',
    }


def test_listing_fields_and_detail_only_fields(client):
    response = client.get("/api/v2/pages/", {"type": "home.HomePage", "fields": "body"})
    assert response.status_code == 400
    assert "detail" in response.json()["message"]
    data = get(client, "/api/v2/pages/3/", fields="_,translations")
    assert set(data) == {"meta"} and set(data["meta"]) == {"translations"}
