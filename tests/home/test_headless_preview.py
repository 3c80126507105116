"""Draft previews for headless front ends: the editor's "Front end" preview mode sends the
front end a signed token, and `/api/v2/page_preview/` turns it into the draft, in the shape of
a page's detail (docs/api.md, "Previews for headless front ends")."""

import time
from unittest import mock
from urllib.parse import parse_qs, urlsplit

import pytest
from django.apps import apps
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page
from wagtail.test.utils.form_data import querydict_from_html
from wagtail_headless_preview.models import PagePreview

from home.headless_preview import FRONT_END_MODE, HeadlessPreviewPageMixin
from programs.models import ProgramPartner
from tests.admin_forms import page_edit_data
from tests.factories import (
    OrganizationPageFactory,
    PartnerInstitutionFactory,
    PartnerProgramPageFactory,
)

pytestmark = pytest.mark.django_db

CLIENT_URL = "https://app.example.org/{locale}/preview"
ORIGIN = "https://app.example.org"

front_end = override_settings(HEADLESS_PREVIEW_URL=CLIENT_URL)


def front_end_preview(admin_client, page: Page) -> dict[str, str]:
    """Open the page's latest draft in "Front end" mode as an editor; the front end's address
    the preview redirects to, split into its base and query."""
    response = admin_client.get(
        reverse("wagtailadmin_pages:view_draft", args=[page.pk]), {"mode": FRONT_END_MODE}
    )
    assert response.status_code == 302
    url = urlsplit(response["Location"])
    query = {name: values[0] for name, values in parse_qs(url.query).items()}
    return {"base": f"{url.scheme}://{url.netloc}{url.path}", **query}


def read_preview(params: dict, **headers):
    """The front end's request: anonymous, only what the preview URL carried."""
    query = {name: params[name] for name in ("content_type", "token") if name in params}
    return Client().get("/api/v2/page_preview/", query, **headers)


def draft_of(page: Page, **changes) -> Page:
    page = page.get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision()
    return page


# -- the editor's side ---------------------------------------------------------------------


def test_every_page_type_offers_the_front_end_preview():
    page_models = [m for m in apps.get_models() if issubclass(m, Page) and m is not Page]
    assert page_models
    for model in page_models:
        assert issubclass(model, HeadlessPreviewPageMixin), model
        # Before any other serve_preview (e.g. RoutablePageMixin's), so the mode is honoured.
        assert model.serve_preview is HeadlessPreviewPageMixin.serve_preview, model


@front_end
def test_preview_modes_keep_the_html_preview_first(organisation):
    assert organisation.preview_modes[0][0] == ""
    assert organisation.default_preview_mode == ""
    with translation.override("zh-hans"):
        assert (FRONT_END_MODE, "前端") in [
            (m, str(label)) for m, label in organisation.preview_modes
        ]
    assert (FRONT_END_MODE, "Front end") in [
        (m, str(label)) for m, label in organisation.preview_modes
    ]


def test_without_a_front_end_the_mode_is_hidden(organisation):
    assert [mode for mode, _ in organisation.preview_modes] == [""]


@front_end
def test_the_editor_offers_the_mode_and_the_default_stays_html(admin_client, organisation):
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[organisation.pk]))
    assert f'value="{FRONT_END_MODE}"' in edit.content.decode()
    html = admin_client.get(reverse("wagtailadmin_pages:view_draft", args=[organisation.pk]))
    assert html.status_code == 200
    assert "<html" in html.content.decode()


@front_end
def test_live_preview_on_edit_goes_to_the_locales_front_end(admin_client, organisation):
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[organisation.pk])
    data = page_edit_data(admin_client, organisation)
    data["title"] = "Association, edited live"
    assert admin_client.post(url, data).json()["is_valid"]
    response = admin_client.get(url, {"mode": FRONT_END_MODE})
    assert response.status_code == 302
    assert response["Location"].startswith("https://app.example.org/en/preview?")
    params = {k: v[0] for k, v in parse_qs(urlsplit(response["Location"]).query).items()}
    assert params["content_type"] == "organizations.organizationpage"
    assert read_preview(params).json()["title"] == "Association, edited live"


# -- the front end's side ------------------------------------------------------------------


@front_end
def test_english_draft_in_the_shape_of_the_published_detail(admin_client, organisation):
    draft_of(organisation, title="Association (draft)")
    params = front_end_preview(admin_client, organisation)
    assert params["base"] == "https://app.example.org/en/preview"
    response = read_preview(params)
    assert response.status_code == 200, response.content
    assert response["Cache-Control"].count("no-store") == 1
    assert "ETag" not in response
    preview = response.json()
    published = Client().get(f"/api/v2/pages/{organisation.pk}/").json()
    assert published["title"] == "Association"
    assert preview["title"] == "Association (draft)"
    assert preview.keys() == published.keys()
    assert preview["meta"].keys() == published["meta"].keys()
    assert preview["meta"]["locale"] == "en"
    assert preview["id"] == organisation.pk
    assert preview["meta"]["translations"] == published["meta"]["translations"]


@front_end
def test_chinese_draft_is_the_chinese_draft(admin_client, organisation, chinese):
    chinese_page = organisation.get_translation(chinese)
    draft_of(chinese_page, title="协会（草稿）")
    params = front_end_preview(admin_client, chinese_page)
    assert params["base"] == "https://app.example.org/zh-hans/preview"
    preview = read_preview(params).json()
    assert preview["title"] == "协会（草稿）"
    assert preview["id"] == chinese_page.pk
    assert preview["meta"]["locale"] == "zh-hans"
    assert "/zh-hans/" in preview["meta"]["html_url"]
    assert [t["locale"] for t in preview["meta"]["translations"]] == ["en"]
    # The published Chinese page and the English draft are unchanged.
    assert Client().get(f"/api/v2/pages/{chinese_page.pk}/").json()["title"] == "协会"


@front_end
def test_never_published_page(admin_client, organization_index):
    page = OrganizationPageFactory(parent=organization_index, title="Not yet", live=False)
    draft_of(page, title="Not yet, draft")
    preview = read_preview(front_end_preview(admin_client, page))
    assert preview.status_code == 200
    assert preview.json()["title"] == "Not yet, draft"
    assert Client().get(f"/api/v2/pages/{page.pk}/").status_code == 404


@front_end
def test_drafts_never_reach_the_pages_endpoint(admin_client, organisation):
    draft_of(organisation, title="Secret draft title")
    read_preview(front_end_preview(admin_client, organisation))
    for url in (f"/api/v2/pages/{organisation.pk}/", "/api/v2/pages/?search=Secret"):
        assert "Secret draft" not in Client().get(url).content.decode()


# -- bad requests: always a 4xx in JSON -------------------------------------------------------


@front_end
def test_tampered_expired_and_mismatched_tokens(admin_client, organisation):
    params = front_end_preview(admin_client, organisation)
    token = params["token"]
    bad = {
        "tampered signature": {
            **params,
            "token": token[:-2] + ("AA" if token[-2:] != "AA" else "BB"),
        },
        "tampered content": {**params, "token": "id=1;" + token},
        "other page type": {**params, "content_type": "organizations.committeepage"},
        "not a page": {**params, "content_type": "programs.partnerinstitution"},
        "unknown type": {**params, "content_type": "nowhere.nothing"},
        "garbage type": {**params, "content_type": "'; DROP TABLE--"},
        "garbage token": {**params, "token": "\u5927" * 40},
        "huge token": {**params, "token": "a" * 100_000},
        "nul": {**params, "token": "a\x00b"},
        "no token": {"content_type": params["content_type"]},
        "no type": {"token": token},
        "nothing": {},
    }
    for name, query in bad.items():
        response = Client().get("/api/v2/page_preview/", query)
        assert 400 <= response.status_code < 500, (name, response.status_code)
        assert "message" in response.json(), name
    assert Client().get("/api/v2/page_preview/", {**params, "x": "1"}).status_code == 400

    # Still valid just before the lifetime ends; not after.
    with override_settings(HEADLESS_PREVIEW_MAX_AGE=60):
        assert read_preview(params).status_code == 200
        with mock.patch("time.time", return_value=time.time() + 61):
            expired = read_preview(params)
    assert expired.status_code == 403
    assert "expired" in expired.json()["message"]


@front_end
def test_a_token_opens_only_its_own_draft(admin_client, organisation, organization_index):
    other = OrganizationPageFactory(parent=organization_index, title="Other")
    draft_of(other, title="Other draft")
    mine, theirs = (front_end_preview(admin_client, page) for page in (organisation, other))
    assert read_preview(mine).json()["id"] == organisation.pk
    assert read_preview(theirs).json()["id"] == other.pk
    # Swapping the stored drafts behind the tokens is detected.
    rows = {
        p.token: p for p in PagePreview.objects.filter(token__in=[mine["token"], theirs["token"]])
    }
    rows[mine["token"]].content_json, rows[theirs["token"]].content_json = (
        rows[theirs["token"]].content_json,
        rows[mine["token"]].content_json,
    )
    for row in rows.values():
        row.save()
    assert read_preview(mine).status_code == 403
    assert read_preview(theirs).status_code == 403


# -- CORS ------------------------------------------------------------------------------------


@front_end
@override_settings(CORS_ALLOWED_ORIGINS=[ORIGIN])
def test_cors_follows_the_allowed_origins(admin_client, organisation):
    params = front_end_preview(admin_client, organisation)
    allowed = read_preview(params, HTTP_ORIGIN=ORIGIN)
    assert allowed["Access-Control-Allow-Origin"] == ORIGIN
    assert "Access-Control-Allow-Credentials" not in allowed
    other = read_preview(params, HTTP_ORIGIN="https://evil.example.com")
    assert "Access-Control-Allow-Origin" not in other


def test_the_front_end_mode_is_refused_when_not_configured(admin_client, organisation):
    response = admin_client.get(
        reverse("wagtailadmin_pages:view_draft", args=[organisation.pk]), {"mode": FRONT_END_MODE}
    )
    assert response.status_code == 404
    assert "HEADLESS_PREVIEW_URL" in response.content.decode()
    assert not PagePreview.objects.exists()


@front_end
def test_a_new_page_before_its_first_save(admin_client, organisation):
    """Previewing while creating: no page row yet, the draft is only in the preview."""
    url = reverse(
        "wagtailadmin_pages:preview_on_add",
        args=["organizations", "committeepage", organisation.pk],
    )
    add_url = reverse(
        "wagtailadmin_pages:add", args=["organizations", "committeepage", organisation.pk]
    )
    html = admin_client.get(add_url).content.decode()
    data = querydict_from_html(html, form_id="page-edit-form").dict()
    data |= {"title": "New committee", "slug": "new-committee", "body-count": "0"}
    data |= {"acronym": "NEW", "full_name": "Standing Committee on Newness", "focus": "New."}
    state = admin_client.post(url, data).json()
    assert state["is_valid"], state
    response = admin_client.get(url, {"mode": FRONT_END_MODE})
    params = {k: v[0] for k, v in parse_qs(urlsplit(response["Location"]).query).items()}
    preview = read_preview(params)
    assert preview.status_code == 200, preview.content
    body = preview.json()
    assert body["title"] == "New committee"
    assert body["id"] is None
    assert body["meta"]["detail_url"] is None
    assert body["meta"]["locale"] == "en"
    assert body["meta"]["html_url"].endswith("/new-committee/")
    assert body["meta"]["parent"]["id"] == organisation.pk
    published = Client().get(f"/api/v2/pages/{organisation.pk}/").json()
    assert body["meta"].keys() <= published["meta"].keys() | {"parent"}
    print(body)


@front_end
def test_inline_rows_come_from_the_draft(admin_client, program_index):
    """A programme's partners are rows of their own: the preview shows the draft's."""
    kept, dropped, added = (PartnerInstitutionFactory(name=n) for n in ("Kept", "Dropped", "Added"))
    programme = PartnerProgramPageFactory(
        parent=program_index, partner_institutions=[kept, dropped]
    )
    draft = programme.get_latest_revision_as_object()
    draft.partners = [
        ProgramPartner(institution=added, sort_order=0),
        ProgramPartner(institution=kept, sort_order=1),
    ]
    draft.save_revision()
    preview = read_preview(front_end_preview(admin_client, programme)).json()
    assert [p["name"] for p in preview["partners"]] == ["Added", "Kept"]
    published = Client().get(f"/api/v2/pages/{programme.pk}/").json()
    assert [p["name"] for p in published["partners"]] == ["Kept", "Dropped"]
