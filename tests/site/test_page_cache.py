"""The anonymous page cache (home/page_cache/): what it stores, what it never touches, and that
every kind of change an editor makes shows on the next anonymous request.

Changes go through the admin as an editor makes them; purges run when the transaction
commits, which `django_capture_on_commit_callbacks(execute=True)` stands in for here."""

from __future__ import annotations

import datetime

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction
from wagtail.test.utils.form_data import querydict_from_html
from wagtail_localize.models import Translation, TranslationSource

from home.models import HomePage
from organizations.models import CommitteePage, OrganizationIndexPage, OrganizationPage
from programs.models import PartnerInstitution, PartnerProgramPage
from tests.admin_forms import page_edit_data
from tests.background import Receiver, run_worker

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    """The cache on (the test settings keep it off), empty at the start of each test."""
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("cache-editor", "ce@example.org", "pw")


@pytest.fixture
def editor_client(client, editor):
    from django.test import Client

    editor_client = Client()
    editor_client.force_login(editor)
    return editor_client


@pytest.fixture
def admin_change(editor_client, django_capture_on_commit_callbacks):
    """POST to an admin view as the editor, running what waits for the commit (the purge)."""

    def post(url: str, data: dict | None = None):
        with django_capture_on_commit_callbacks(execute=True):
            response = editor_client.post(url, data or {})
        assert response.status_code in (200, 302), response.content[:2000]
        return response

    return post


@pytest.fixture
def smsa(english) -> OrganizationPage:
    return OrganizationPage.objects.get(acronym="SMSA", locale=english)


@pytest.fixture
def cdn(settings):
    """A CDN taking PURGE requests on loopback, configured as Wagtail's frontend cache."""
    with Receiver() as receiver:
        settings.WAGTAILFRONTENDCACHE = {
            "varnish": {
                "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                "LOCATION": receiver.url,
            }
        }
        yield receiver


def warm(client, *urls: str) -> None:
    """Fill the cache with each URL and check the next GET comes from it."""
    for url in urls:
        assert client.get(url)["X-Cache"] in ("miss", "hit"), url
        assert client.get(url)["X-Cache"] == "hit", url


def fresh(client, url: str) -> str:
    """The next anonymous answer at `url`: rendered anew, not the cached copy."""
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["X-Cache"] == "miss", url
    return response.content.decode()


def publish_edit(admin_change, editor_client, page: Page, **changes) -> None:
    data = page_edit_data(editor_client, page) | changes | {"action-publish": "action-publish"}
    admin_change(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


# -- what is stored and how it is keyed ----------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["/en/", "/zh-hans/organizations/", "/api/v2/pages/?fields=*", "/sitemap.xml"]
)
def test_a_second_anonymous_get_is_served_from_the_cache_without_queries(
    client, url, django_assert_num_queries
):
    first = client.get(url)
    assert first.status_code == 200 and first["X-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second["X-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_feeds_are_cached_too(client):
    warm(client, "/en/news/feed/", "/zh-hans/news/feed/atom/", "/en/events/calendar/")


def test_cached_answers_carry_shared_cache_headers_and_revalidate(client):
    first = client.get("/en/organizations/")
    hit = client.get("/en/organizations/")
    for response in (first, hit):
        directives = {d.strip() for d in response["Cache-Control"].split(",")}
        assert {"public", "max-age=0", "s-maxage=300", "stale-while-revalidate=60"} == directives
        assert response["ETag"] == first["ETag"]
        assert "Cookie" in response["Vary"]  # an editor's page differs (the userbar)
    not_modified = client.get("/en/organizations/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert not_modified.status_code == 304 and not not_modified.content


def test_keys_separate_language_host_path_and_query(client):
    warm(client, "/en/news/")
    for url, host in [
        ("/zh-hans/news/", "testserver"),
        ("/en/news/?page=2", "testserver"),
        ("/en/news/?topic=exchange", "testserver"),
        ("/en/news/", "localhost"),
        ("/en/programs/", "testserver"),
    ]:
        assert client.get(url, HTTP_HOST=host)["X-Cache"] == "miss", (url, host)
    assert client.get("/en/news/")["X-Cache"] == "hit"


# -- what never comes from or goes into the cache -------------------------------------------------


def test_a_logged_in_editor_is_never_served_nor_stored(client, editor_client):
    warm(client, "/en/organizations/")
    response = editor_client.get("/en/organizations/")
    assert response["X-Cache"] == "skip"
    assert "private" in response["Cache-Control"]
    assert b"wagtail-userbar" in response.content  # their own page, not the visitors' copy
    assert b"wagtail-userbar" not in client.get("/en/organizations/").content


def test_posts_and_answers_that_set_cookies_are_not_stored(client):
    # A form page hands out a CSRF cookie: each visitor gets their own answer.
    assert client.get("/en/contact/")["X-Cache"] == "skip"
    assert client.get("/en/contact/")["X-Cache"] == "skip"
    assert client.post("/en/contact/", {})["X-Cache"] == "skip"
    switched = client.get(reverse("switch_language", args=["zh-hans"]) + "?next=/zh-hans/")
    assert switched.cookies and switched["X-Cache"] == "skip"


@pytest.mark.parametrize("restriction", [PageViewRestriction.PASSWORD, PageViewRestriction.LOGIN])
def test_restricted_pages_are_not_stored(client, smsa, restriction):
    PageViewRestriction.objects.create(page=smsa, restriction_type=restriction, password="pw")
    for _ in range(2):
        response = client.get(smsa.url)
        assert response["X-Cache"] == "skip"
        assert smsa.summary.encode() not in response.content


def test_previews_are_not_stored(client, editor_client, smsa):
    preview = reverse("wagtailadmin_pages:preview_on_edit", args=[smsa.pk])
    assert editor_client.get(preview)["X-Cache"] == "skip"
    token_answer = client.get("/api/v2/page_preview/?content_type=x&token=y")
    assert token_answer["X-Cache"] == "skip"


def test_switched_off_by_a_zero_lifetime(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    assert client.get("/en/")["X-Cache"] == "skip"
    assert client.get("/en/")["X-Cache"] == "skip"


# -- every change shows on the next request ------------------------------------------------------


def test_publish_purges_the_page_its_listings_and_api_answers(
    client, admin_change, editor_client, smsa
):
    urls = [
        smsa.url,
        smsa.get_parent().url,
        f"/api/v2/pages/{smsa.pk}/",
        "/api/v2/pages/?type=organizations.OrganizationPage&fields=summary",
        "/sitemap.xml",
        "/en/search/?q=SMSA",
    ]
    committee = smsa.get_children().live().first()
    urls.append(committee.url)  # its breadcrumbs show the organisation's title
    unrelated = "/en/events/"
    warm(client, *urls, unrelated)

    publish_edit(admin_change, editor_client, smsa, summary="Purged at once.", title="SMSA Now")

    assert "Purged at once." in fresh(client, smsa.url)
    assert "Purged at once." in fresh(client, f"/api/v2/pages/{smsa.pk}/")
    assert "Purged at once." in fresh(client, urls[3])
    assert "SMSA Now" in fresh(client, smsa.get_parent().url)
    assert "SMSA Now" in fresh(client, committee.url)
    fresh(client, "/sitemap.xml")
    fresh(client, "/en/search/?q=SMSA")
    assert client.get(unrelated)["X-Cache"] == "hit"


def test_news_publish_purges_feeds_and_the_publisher_in_both_languages(
    client, admin_change, editor_client, english, chinese
):
    from organizations.news import NewsArticlePage

    article = NewsArticlePage.objects.filter(locale=english).order_by("-date").first()
    publisher = article.organization
    zh_publisher = publisher.get_translation(chinese)
    urls = ["/en/news/feed/", "/en/news/", "/en/", publisher.url, zh_publisher.url]
    warm(client, *urls)
    publish_edit(admin_change, editor_client, article, title="A fresh headline")
    for url in urls[:-1]:
        assert "A fresh headline" in fresh(client, url), url
    fresh(client, zh_publisher.url)


def test_unpublish_delete_and_move_purge(client, admin_change, english):
    index = OrganizationIndexPage.objects.get(locale=english)
    first, second, third = OrganizationPage.objects.filter(locale=english, depth=4)[:3]
    warm(client, index.url, first.url, second.url, third.url)

    admin_change(reverse("wagtailadmin_pages:unpublish", args=[first.pk]))
    assert client.get(first.url).status_code == 404
    assert f'href="{first.url}"' not in fresh(client, index.url)

    warm(client, index.url)
    admin_change(reverse("wagtailadmin_pages:delete", args=[second.pk]))
    assert client.get(second.url).status_code == 404
    assert f'href="{second.url}"' not in fresh(client, index.url)

    committee = CommitteePage.objects.filter(locale=english).first()
    old_parent = committee.get_parent()
    destination = OrganizationPage.objects.filter(locale=english).exclude(pk=old_parent.pk).last()
    old_url = committee.url
    warm(client, old_url, old_parent.url, destination.url)
    admin_change(reverse("wagtailadmin_pages:move_confirm", args=[committee.pk, destination.pk]))
    moved = Page.objects.get(pk=committee.pk)
    assert moved.get_parent().pk == destination.pk
    # Wagtail redirects the old address to the new one (instead of the cached page).
    assert client.get(old_url)["Location"] == moved.url
    assert f'href="{old_url}"' not in fresh(client, old_parent.url)
    assert f'href="{moved.url}"' in fresh(client, destination.url)


def test_translation_publish_purges_the_chinese_page(
    client, chinese, smsa, django_capture_on_commit_callbacks
):
    zh = smsa.get_translation(chinese)
    warm(client, zh.url, f"/api/v2/pages/{zh.pk}/")
    source = TranslationSource.objects.get(object_id=smsa.translation_key, locale=smsa.locale)
    translation = Translation.objects.get(source=source, target_locale=chinese)
    segment = source.stringsegment_set.get(context__path="summary")
    segment.string.translations.filter(locale=chinese).update(data="学生会新简介")
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    assert "学生会新简介" in fresh(client, zh.url)
    assert "学生会新简介" in fresh(client, f"/api/v2/pages/{zh.pk}/")


def test_scheduled_publishing_purges(client, smsa, django_capture_on_commit_callbacks):
    warm(client, smsa.url)
    smsa.summary = "Went live on schedule."
    smsa.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = smsa.save_revision()
    revision.publish()  # scheduled: nothing changes yet
    assert client.get(smsa.url)["X-Cache"] == "hit"
    # The hour has passed.
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    with django_capture_on_commit_callbacks(execute=True):
        call_command("publish_scheduled", verbosity=0)
    assert "Went live on schedule." in fresh(client, smsa.url)


def test_partner_snippet_edit_purges_the_programmes_showing_it(
    client, admin_change, editor_client, english
):
    programme = PartnerProgramPage.objects.filter(locale=english, partners__isnull=False).first()
    partner = programme.partners.first().institution
    warm(client, programme.url, f"/api/v2/partners/{partner.pk}/", "/api/v2/partners/")
    url = reverse(
        f"wagtailsnippets_{PartnerInstitution._meta.app_label}_partnerinstitution:edit",
        args=[partner.pk],
    )
    data = querydict_from_html(editor_client.get(url).content.decode(), form_id="w-editor-form")
    data = data.dict() | {"name": "Renamed Partner University"}
    admin_change(url, data)
    assert "Renamed Partner University" in fresh(client, programme.url)
    assert "Renamed Partner University" in fresh(client, f"/api/v2/partners/{partner.pk}/")
    fresh(client, "/api/v2/partners/")


def test_menu_and_footer_changes_purge_every_page(client, admin_change, editor_client, english):
    home = HomePage.objects.get(locale=english)
    menu_page = home.get_children().live().filter(show_in_menus=True).last().specific
    somewhere = "/en/organizations/smsa/"
    warm(client, somewhere, "/en/news/")
    publish_edit(
        admin_change, editor_client, menu_page, title="Renamed Menu Item", show_in_menus="on"
    )
    for url in (somewhere, "/en/news/"):
        assert "Renamed Menu Item</a>" in fresh(client, url), url

    warm(client, somewhere)
    publish_edit(admin_change, editor_client, home, contact_name="New Secretariat Name")
    assert "New Secretariat Name" in fresh(client, somewhere)


def test_image_edit_purges_the_pages_showing_it(client, admin_change, editor_client):
    image = get_image_model().objects.filter(title__startswith="Banner").first()
    warm(client, "/en/", "/en/events/")
    url = reverse("wagtailimages:edit", args=[image.pk])
    page = editor_client.get(url).content.decode()
    data = querydict_from_html(page, form_id="w-editor-form").dict()
    data["title"] = "Banner, retitled"
    data.pop("file", None)
    admin_change(url, data)
    fresh(client, "/en/")
    assert client.get("/en/events/")["X-Cache"] == "hit"


def test_publish_purges_the_cdn_in_both_languages_and_the_api_in_the_background(
    admin_change, editor_client, cdn, smsa, chinese
):
    zh = smsa.get_translation(chinese)
    publish_edit(admin_change, editor_client, smsa, summary="Purged from the CDN too.")
    assert cdn.requests == []  # not in the editor's request: queued for the worker
    run_worker()
    purged = {
        (request["method"], request["headers"]["Host"], request["path"]) for request in cdn.requests
    }
    host = smsa.get_site().hostname
    for path in (
        smsa.url,
        zh.url,
        smsa.get_parent().url,
        f"/api/v2/pages/{smsa.pk}/",
        f"/api/v2/pages/{zh.pk}/",
        "/api/v2/pages/",
        "/sitemap.xml",
    ):
        assert ("PURGE", host, path) in purged, path


def test_a_footer_change_purges_every_page_from_the_cdn(
    admin_change, editor_client, cdn, english, chinese
):
    home = HomePage.objects.get(locale=english)
    publish_edit(admin_change, editor_client, home, contact_name="Secretariat, renamed")
    assert cdn.requests == []
    run_worker()
    purged = {request["path"] for request in cdn.requests}
    every_page = {page.url for page in Page.objects.live().filter(depth__gt=1).specific()}
    assert every_page <= purged
    assert {"/sitemap.xml", "/en/search/", "/zh-hans/search/"} <= purged
