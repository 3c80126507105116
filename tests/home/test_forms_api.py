"""Form pages through the API: the page's detail describes its fields; `POST
/api/v2/forms/<id>/submit/` takes JSON and answers JSON, with the page's validation, honeypot
and rate limit, and never a 500."""

from __future__ import annotations

import json

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import PageViewRestriction

from home.forms.spam import HONEYPOT_FIELD
from home.models import FormField, FormPage
from tests.home.form_pages import VALID, VALID_ZH, build_form_page
from tests.html import api_detail

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_rate_limits")]


def submit(client, page_id: int, body, address: str = "192.0.2.1", **extra):
    if not isinstance(body, str | bytes):
        body = json.dumps(body)
    return client.post(
        f"/api/v2/forms/{page_id}/submit/",
        body,
        content_type=extra.pop("content_type", "application/json"),
        REMOTE_ADDR=address,
        **extra,
    )


# -- describing -----------------------------------------------------------------------------


def test_detail_describes_the_fields(client, form_en):
    data = api_detail(client, form_en)
    assert data["meta"]["type"] == "home.FormPage"
    assert data["intro"] == "<p>Tell us about yourself.</p>"
    assert data["thank_you_text"] == "<p>Thanks, we got it.</p>"
    form = data["form_fields"]
    assert form["submit_url"] == f"/api/v2/forms/{form_en.pk}/submit/"
    assert form["honeypot"] == HONEYPOT_FIELD
    assert form["fields"][0] == {
        "name": "name",
        "label": "Name",
        "type": "singleline",
        "required": True,
        "help_text": "Your full name.",
        "choices": [],
        "default": "",
    }
    programme = form["fields"][2]
    assert (programme["type"], programme["choices"]) == ("dropdown", ["Clinical", "Research"])
    assert programme["default"] == "Clinical"
    assert [field["name"] for field in form["fields"]] == list(VALID)
    assert HONEYPOT_FIELD not in [field["name"] for field in form["fields"]]


def test_staff_addresses_stay_private(client, form_en):
    form_en.to_address = "office@example.org"
    form_en.from_address = "forms@example.org"
    form_en.save_revision().publish()
    detail = json.dumps(api_detail(client, form_en))
    assert "office@example.org" not in detail and "forms@example.org" not in detail
    detail = client.get(f"/api/v2/pages/{form_en.pk}/?fields=to_address")
    assert detail.status_code == 400


def test_chinese_detail_has_chinese_labels_and_the_same_names(client, form_en, form_zh):
    english = api_detail(client, form_en)["form_fields"]["fields"]
    chinese = api_detail(client, form_zh)["form_fields"]["fields"]
    assert [f["name"] for f in chinese] == [f["name"] for f in english]
    assert [f["label"] for f in chinese] == ["姓名", "邮箱", "项目", "网站"]
    assert chinese[2]["choices"] == ["临床", "科研"]


def test_fields_are_for_the_detail_only(client, form_en):
    listing = client.get("/api/v2/pages/?type=home.FormPage&fields=*")
    assert listing.status_code == 200
    assert "form_fields" not in listing.json()["items"][0]
    response = client.get("/api/v2/pages/?type=home.FormPage&fields=form_fields")
    assert response.status_code == 400
    assert "form_fields" in response.json()["message"]


# -- submitting -----------------------------------------------------------------------------


def test_valid_submission_is_stored(client, form_en, mailoutbox):
    response = submit(client, form_en.pk, VALID)
    assert response.status_code == 201
    assert response.json() == {"status": "received"}
    assert "no-cache" in response["Cache-Control"]
    assert FormSubmission.objects.get(page=form_en).form_data == VALID
    assert mailoutbox == []


def test_notification_mail_is_sent_for_api_submissions_too(client, form_en, mailoutbox):
    form_en.to_address = "office@example.org"
    form_en.save_revision().publish()
    assert submit(client, form_en.pk, VALID).status_code == 201
    assert [mail.to for mail in mailoutbox] == [["office@example.org"]]


def test_json_values_become_form_values(client, home_en):
    extra = (
        FormField(label="Age", field_type="number", required=False),
        FormField(label="Agree", field_type="checkbox"),
        FormField(label="Topics", field_type="checkboxes", choices="A\nB\nC"),
    )
    page = build_form_page(home_en, extra_fields=extra, slug="typed")
    body = VALID | {"age": 23, "agree": True, "topics": ["A", "C"], "website": None}
    response = submit(client, page.pk, body)
    assert response.status_code == 201, response.json()
    data = FormSubmission.objects.get(page=page).form_data
    assert (data["age"], data["agree"], data["topics"], data["website"]) == (
        "23",
        True,
        ["A", "C"],
        "",
    )
    errors = submit(client, page.pk, body | {"agree": False}).json()["errors"]
    assert errors == {"agree": ["This field is required."]}


def test_field_errors_in_the_pages_language(client, form_en, form_zh):
    body = {"email": "nope", "programme": "Other", "website": "javascript:alert(1)"}
    response = submit(client, form_en.pk, body)
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert errors["name"] == ["This field is required."]
    assert errors["email"] == ["Enter a valid email address."]
    assert errors["programme"] == [
        "Select a valid choice. Other is not one of the available choices."
    ]
    assert "website" in errors
    errors = submit(client, form_zh.pk, body).json()["errors"]
    assert errors["name"] == ["必需字段"]
    assert errors["email"] == ["请输入合法的邮件地址。"]
    assert not FormSubmission.objects.exists()


def test_unknown_fields_and_wrong_shapes_are_field_errors(client, form_en, form_zh):
    body = VALID | {"nickname": "Hua", "name": {"first": "Li"}, "email": [1, 2]}
    errors = submit(client, form_en.pk, body).json()["errors"]
    assert errors == {
        "nickname": ["Unknown field."],
        "name": ["Enter a text, a number or a list of texts."],
        "email": ["Enter a text, a number or a list of texts."],
    }
    errors = submit(client, form_zh.pk, {"nickname": "x"}).json()["errors"]
    assert errors == {"nickname": ["未知字段。"]}


def test_filled_honeypot_answers_received_but_stores_nothing(client, form_en):
    response = submit(client, form_en.pk, VALID | {HONEYPOT_FIELD: "http://spam.example"})
    assert response.status_code == 201
    assert response.json() == {"status": "received"}
    assert not FormSubmission.objects.exists()


def test_rate_limit_is_shared_with_the_page_and_per_address(client, form_en, form_zh):
    for _ in range(3):
        assert submit(client, form_en.pk, VALID).status_code == 201
    for _ in range(2):
        assert client.post(form_en.url, VALID, REMOTE_ADDR="192.0.2.1").status_code == 200
    response = submit(client, form_en.pk, VALID)
    assert response.status_code == 429
    assert response.json() == {
        "message": "Too many submissions from your address. Please wait a few minutes and try "
        "again."
    }
    assert "提交次数过多" in submit(client, form_zh.pk, VALID_ZH).json()["message"]
    assert submit(client, form_en.pk, VALID, address="198.51.100.7").status_code == 201
    assert FormSubmission.objects.count() == 6


# -- what is refused ------------------------------------------------------------------------


def test_drafts_private_and_other_pages_are_404(client, form_en, home_en):
    assert submit(client, home_en.pk, VALID).status_code == 404
    assert submit(client, 10**30, VALID).status_code == 404
    PageViewRestriction.objects.create(page=form_en, restriction_type="login")
    response = submit(client, form_en.pk, VALID)
    assert response.status_code == 404
    assert response.json() == {"message": "not found"}
    PageViewRestriction.objects.all().delete()
    form_en.unpublish()
    assert submit(client, form_en.pk, VALID).status_code == 404
    assert not FormSubmission.objects.exists()


def test_only_json_is_accepted(client, form_en):
    form = client.post(f"/api/v2/forms/{form_en.pk}/submit/", VALID)  # multipart, as a form
    assert form.status_code == 415
    text = submit(client, form_en.pk, json.dumps(VALID), content_type="text/plain")
    assert text.status_code == 415
    assert client.get(f"/api/v2/forms/{form_en.pk}/submit/").status_code == 405
    assert not FormSubmission.objects.exists()


HOSTILE_BODIES = [
    "",
    "{",
    "null",
    "[]",
    '"text"',
    "12",
    "[" * 100_000 + "]" * 100_000,
    '{"name": ' + "[" * 5000 + "]" * 5000 + "}",
    b"\xff\xfe\x00garbage",
    '{"name": "\\u0000", "email": "a@b.c\\u0000"}',
    '{"name": 1e999, "programme": -0}',
    '{"__proto__": {}, "constructor": 1}',
    '{"name": "' + "x" * 100_000 + '"}',
    '{"programme": ["Clinical", "Research"]}',
    '{"name": true, "email": false}',
    '{"hp_website": ["a", "b"]}',
]


@pytest.mark.parametrize("body", HOSTILE_BODIES)
def test_hostile_bodies_never_cause_a_server_error(client, form_en, body):
    response = submit(client, form_en.pk, body)
    assert response.status_code in (400, 413, 415), response.content[:200]  # "" has no type
    assert response["Content-Type"] == "application/json"
    assert set(response.json()) <= {"message", "errors"}
    assert not FormSubmission.objects.exists()


def test_oversized_bodies_and_unreal_numbers_are_refused(client, home_en):
    page = build_form_page(
        home_en, extra_fields=(FormField(label="Age", field_type="number"),), slug="numbers"
    )
    huge = submit(client, page.pk, '{"name": "' + "x" * 3_000_000 + '"}')
    assert (huge.status_code, huge.json()) == (413, {"message": "submission too large"})
    for number in ("1e999", "-1e999", "NaN", "Infinity"):
        response = submit(client, page.pk, f'{{"age": {number}}}')
        assert response.status_code == 400, number
        assert "age" in response.json()["errors"], number
    assert not FormSubmission.objects.exists()


@override_settings(CORS_ALLOWED_ORIGINS=["https://app.example.org"])
def test_cors_preflight_allows_posting_json_from_allowed_origins_only(client, form_en):
    url = f"/api/v2/forms/{form_en.pk}/submit/"
    headers = {
        "HTTP_ACCESS_CONTROL_REQUEST_METHOD": "POST",
        "HTTP_ACCESS_CONTROL_REQUEST_HEADERS": "content-type",
    }
    allowed = client.options(url, HTTP_ORIGIN="https://app.example.org", **headers)
    assert allowed["Access-Control-Allow-Origin"] == "https://app.example.org"
    assert "POST" in allowed["Access-Control-Allow-Methods"]
    assert "Access-Control-Allow-Credentials" not in allowed
    other = client.options(url, HTTP_ORIGIN="https://evil.example", **headers)
    assert "Access-Control-Allow-Origin" not in other


def detail_queries(client, page_id: int) -> int:
    url = f"/api/v2/pages/{page_id}/"
    client.get(url)  # warm up
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_detail_costs_the_same_whatever_the_number_of_fields(client, form_en):
    exchange = FormPage.objects.get(slug="exchange-interest", locale__language_code="en")
    assert exchange.form_fields.count() > form_en.form_fields.count()
    assert detail_queries(client, form_en.pk) == detail_queries(client, exchange.pk)
