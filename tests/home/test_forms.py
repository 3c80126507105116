"""Form pages as visitors and editors use them: both languages, submissions stored (or not),
e-mail, spam protection, translation through wagtail-localize, the admin's submissions."""

from __future__ import annotations

import csv
import io
import smtplib

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Page
from wagtail.test.utils.form_data import querydict_from_html
from wagtail_localize.models import TranslationSource

from home.forms.spam import HONEYPOT_FIELD
from home.models import FormField, FormPage
from tests.home.form_pages import VALID, VALID_ZH
from tests.html import main_html
from tests.site.test_security_headers import assert_nothing_inline

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_rate_limits")]


def post(client, page: Page, data: dict, address: str = "192.0.2.1"):
    return client.post(page.url, data, REMOTE_ADDR=address)


def main_of(response) -> str:
    return response.content.decode().split("<main", 1)[1].split("</main>", 1)[0]


# -- the demo's forms ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/en/contact/", ["Contact us", "Your name", "E-mail address", "Partnerships", "Send"]),
        ("/zh-hans/contact/", ["联系我们", "您的姓名", "电子邮箱", "合作", "发送"]),
        ("/en/exchange-interest/", ["Research exchange", "Year of study", "(86)512"[:0]]),
        ("/zh-hans/exchange-interest/", ["科研交流", "年级", "交流项目意向登记"]),
    ],
)
def test_demo_forms_render_in_both_languages(client, url, expected):
    response = client.get(url)
    assert response.status_code == 200
    html = main_of(response)
    for text in expected:
        assert text in html, text
    assert_nothing_inline(response.content.decode(), url)
    assert 'name="csrfmiddlewaretoken"' in html


def test_the_honeypot_is_hidden_by_a_class_and_labelled_leave_empty(client, form_en, form_zh):
    html = main_html(client, form_en)
    assert f'<div class="visually-hidden"><label for="id_{HONEYPOT_FIELD}">' in html
    assert "Leave this field empty" in html
    assert "请勿填写此栏" in main_html(client, form_zh)


def test_contact_intro_carries_the_secretariat_address(client):
    html = main_of(client.get("/en/contact/"))
    assert "NO.199 Ren-ai Road" in html and "(86)512-65884028" in html


# -- submitting -------------------------------------------------------------------------------


def test_valid_submission_is_stored_and_thanked_without_mail(client, form_en, mailoutbox):
    response = post(client, form_en, VALID)
    assert response.status_code == 200
    assert "Thanks, we got it." in main_of(response)
    [submission] = FormSubmission.objects.filter(page=form_en)
    assert submission.form_data == VALID
    assert HONEYPOT_FIELD not in submission.form_data
    assert mailoutbox == []


def test_chinese_submission_thanks_in_chinese(client, form_zh):
    response = post(client, form_zh, VALID_ZH)
    assert "谢谢，我们已收到。" in main_of(response)
    assert FormSubmission.objects.get(page=form_zh).form_data["programme"] == "临床"


def test_notification_mail_only_when_an_address_is_set(client, form_en, mailoutbox):
    form_en.to_address = "office@example.org, exchanges@example.org"
    form_en.save_revision().publish()
    post(client, form_en, VALID)
    [mail] = mailoutbox
    assert mail.to == ["office@example.org", "exchanges@example.org"]
    assert mail.subject == "New submission: Application form"
    assert "Name: Li Hua" in mail.body and "Leave this field" not in mail.body


def test_a_mail_failure_still_keeps_and_thanks(client, form_en, monkeypatch, caplog):
    def refuse(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("mail server down")

    monkeypatch.setattr("wagtail.contrib.forms.models.send_mail", refuse)
    form_en.to_address = "office@example.org"
    form_en.save_revision().publish()
    response = post(client, form_en, VALID)
    assert response.status_code == 200
    assert "Thanks, we got it." in main_of(response)
    assert FormSubmission.objects.filter(page=form_en).exists()
    assert "Could not e-mail a submission" in caplog.text


def test_dates_use_the_browsers_picker_and_iso_dates_in_chinese(client):
    page = FormPage.objects.get(slug="exchange-interest", locale__language_code="zh-hans")
    assert 'type="date" name="earliest_start"' in main_html(client, page)
    answers = {
        "your_name": "李华",
        "e_mail_address": "li@example.org",
        "medical_school": "苏州大学医学部",
        "year_of_study": "三至四年级",
        "kind_of_exchange": "科研交流",
        "earliest_start": "2027-07-01",
        "why_this_exchange": "希望参与科研。",
    }
    response = post(client, page, answers)
    assert "感谢您的关注" in main_of(response)
    assert FormSubmission.objects.get(page=page).form_data["earliest_start"] == "2027-07-01"


def test_invalid_submission_shows_each_error_in_chinese(client, form_zh):
    response = post(client, form_zh, {"email": "not-an-address", "programme": "Other"})
    assert response.status_code == 200
    html = main_of(response)
    assert "请更正下列错误。" in html
    # Django's own messages, in Chinese, each next to its field.
    assert '<ul class="errorlist" id="id_name_error"><li>必需字段</li></ul>' in html
    assert '<ul class="errorlist" id="id_email_error"><li>请输入合法的邮件地址。</li>' in html
    assert '<ul class="errorlist" id="id_programme_error"><li>选择一个有效的选项。' in html
    assert 'aria-describedby="id_name_helptext id_name_error"' in html
    assert 'value="not-an-address"' in html  # what was typed stays
    assert not FormSubmission.objects.exists()


def test_unsafe_link_is_refused(client, form_en):
    response = post(client, form_en, VALID | {"website": "javascript:alert(1)"})
    assert "Enter a valid URL." in main_of(response)
    assert not FormSubmission.objects.exists()


def test_filled_honeypot_looks_accepted_but_is_not_kept(client, form_en, mailoutbox):
    form_en.to_address = "office@example.org"
    form_en.save_revision().publish()
    response = post(client, form_en, VALID | {HONEYPOT_FIELD: "https://spam.example"})
    assert response.status_code == 200
    assert "Thanks, we got it." in main_of(response)
    assert not FormSubmission.objects.exists()
    assert mailoutbox == []


def test_rate_limit_per_address(client, form_en, form_zh):
    for _ in range(5):
        assert post(client, form_en, VALID).status_code == 200
    response = post(client, form_en, VALID)
    assert response.status_code == 429
    assert "Too many submissions from your address" in main_of(response)
    assert 'value="Li Hua"' in main_of(response)
    assert FormSubmission.objects.count() == 5
    # The same budget on every form page, in the visitor's language.
    response = post(client, form_zh, VALID_ZH)
    assert response.status_code == 429
    assert "提交次数过多" in main_of(response)
    # Another address is not affected.
    assert post(client, form_en, VALID, address="198.51.100.7").status_code == 200
    assert FormSubmission.objects.count() == 6


# -- translation ------------------------------------------------------------------------------


def test_wagtail_localize_extracts_field_texts_but_not_names(form_en):
    source, _ = TranslationSource.get_or_create_from_instance(form_en)
    paths = set(source.stringsegment_set.values_list("context__path", flat=True))
    field_paths = {path.rsplit(".", 1)[1] for path in paths if path.startswith("form_fields.")}
    assert field_paths == {"label", "help_text", "choices", "default_value"}
    assert {"intro", "thank_you_text", "title"} <= {path.split(".")[0] for path in paths}


def test_translation_shows_chinese_labels_and_choices_with_the_same_names(client, form_en, form_zh):
    names = list(form_en.form_fields.values_list("clean_name", flat=True))
    assert list(form_zh.form_fields.values_list("clean_name", flat=True)) == names
    assert form_zh.form_fields.first().locale.language_code == "zh-hans"
    html = main_html(client, form_zh)
    for text in ("申请表", "请介绍一下您自己。", "姓名", "请填写全名。", "邮箱", "临床", "科研"):
        assert text in html, text
    assert ">Clinical<" not in html
    # Answers of both languages line up under the same names.
    post(client, form_en, VALID)
    post(client, form_zh, VALID_ZH)
    # As sets: PostgreSQL's jsonb keeps an object's keys in its own order.
    keys = [set(s.form_data) for s in FormSubmission.objects.all()]
    assert keys == [set(names), set(names)]


def test_sync_after_an_english_edit_keeps_names_and_chinese_labels(
    admin_client, django_capture_on_commit_callbacks, form_en, form_zh
):
    form_en.form_fields.add(
        FormField(label="Phone", field_type="singleline", required=False, sort_order=4)
    )
    form_en.save_revision().publish()
    source = TranslationSource.objects.get(object_id=form_en.translation_key)
    sync_url = reverse("wagtail_localize:update_translations", args=[source.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(sync_url, {"publish_translations": "on"})
    assert response.status_code == 302
    rows = FormPage.objects.get(pk=form_zh.pk).form_fields.values_list("clean_name", "label")
    # The new field shows in English until it is translated; the others keep their Chinese.
    assert list(rows) == [
        ("name", "姓名"),
        ("email", "邮箱"),
        ("programme", "项目"),
        ("website", "网站"),
        ("phone", "Phone"),
    ]


def test_translation_editor_offers_the_field_texts(admin_client, form_zh):
    response = admin_client.get(f"/admin/pages/{form_zh.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    for text in ("Your full name.", "Clinical", "Thanks, we got it."):
        assert text in html, text


# -- editors ----------------------------------------------------------------------------------


def test_form_pages_belong_under_home_pages_only(home_en, organization_index):
    assert FormPage.can_create_at(home_en)
    assert not FormPage.can_create_at(organization_index)
    assert FormPage.allowed_subpage_models() == []


def test_field_and_page_validation_gives_form_errors(form_en):
    field = FormField(page=form_en, label="Choose", field_type="radio", choices=" ")
    with pytest.raises(ValidationError) as error:
        field.full_clean(exclude=["locale", "translation_key", "page"])
    assert "choices" in error.value.message_dict
    field = FormField(page=form_en, label="HP website", field_type="singleline")
    with pytest.raises(ValidationError) as error:
        field.full_clean(exclude=["locale", "translation_key", "page"])
    assert "label" in error.value.message_dict
    field = FormField(page=form_en, label="Link", field_type="url", default_value="javascript:x")
    with pytest.raises(ValidationError) as error:
        field.full_clean(exclude=["locale", "translation_key", "page"])
    assert "default_value" in error.value.message_dict
    form_en.subject = "New application"
    with pytest.raises(ValidationError) as error:
        form_en.full_clean()
    assert "to_address" in error.value.message_dict
    form_en.to_address = "office@example.org"
    form_en.subject = "Hello\nBcc: everyone@example.org"
    with pytest.raises(ValidationError) as error:
        form_en.full_clean()
    assert "subject" in error.value.message_dict
    form_en.subject = ""
    form_en.to_address = "office@example.org, not an address"
    with pytest.raises(ValidationError) as error:
        form_en.full_clean()
    assert "to_address" in error.value.message_dict


def test_admin_add_form_reports_a_dropdown_without_choices(admin_client, home_en):
    url = f"/admin/pages/add/home/formpage/{home_en.pk}/"
    html = admin_client.get(url).content.decode()
    for help_text in ("Shown above the form", "Shown once a visitor", "Empty: the site"):
        assert help_text in html, help_text
    data = querydict_from_html(html, form_id="page-edit-form")
    data = data.dict() | {
        "title": "Volunteer sign-up",
        "slug": "volunteer",
        "form_fields-TOTAL_FORMS": "1",
        "form_fields-0-label": "Committee",
        "form_fields-0-field_type": "dropdown",
        "form_fields-0-required": "on",
        "form_fields-0-choices": "",
        "form_fields-0-ORDER": "1",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "List the choices, one per line." in response.content.decode()
    assert not FormPage.objects.filter(slug="volunteer").exists()
    data["form_fields-0-choices"] = "SCOME\nSCOPE"
    response = admin_client.post(url, data)
    assert response.status_code == 302
    assert FormPage.objects.get(slug="volunteer").form_fields.get().clean_name == "committee"


def test_admin_lists_submissions_and_exports_csv(admin_client, client, form_en):
    post(client, form_en, VALID)
    assert form_en.title in admin_client.get("/admin/forms/").content.decode()
    url = f"/admin/forms/submissions/{form_en.pk}/"
    listing = admin_client.get(url)
    assert listing.status_code == 200
    assert "li.hua@example.org" in listing.content.decode()
    export = admin_client.get(url, {"export": "csv"})
    assert export.status_code == 200
    content = b"".join(export.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content)))
    assert rows[0][1:] == ["Name", "Email", "Programme", "Website"]
    assert rows[1][1:] == ["Li Hua", "li.hua@example.org", "Clinical", "https://example.org/li"]


def test_previews_render_the_form_and_the_thank_you_page(form_en):
    for mode, text in (("form", "Tell us about yourself."), ("landing", "Thanks, we got it.")):
        response = form_en.make_preview_request(preview_mode=mode)
        assert response.status_code == 200, mode
        assert text in response.content.decode()


# -- cost ---------------------------------------------------------------------------------------


def render_queries(client, url: str) -> tuple[int, int]:
    """(all queries, queries of form fields) of serving `url`, once warmed up."""
    client.get(url)  # warm up: site root paths, content types
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    sqls = [query["sql"] for query in queries]
    return len(sqls), sum("home_formfield" in sql for sql in sqls)


def test_form_page_render_costs_a_fixed_number_of_queries(client, form_en, form_zh):
    """The site's chrome (menus, breadcrumbs, language links: whatever every page costs) plus
    one query for the fields, whatever their number: 4 here, 9 on the demo's exchange form."""
    small_en, small_zh = render_queries(client, form_en.url), render_queries(client, form_zh.url)
    large_en = render_queries(client, "/en/exchange-interest/")
    large_zh = render_queries(client, "/zh-hans/exchange-interest/")
    assert small_en == large_en and small_zh == large_zh
    assert small_en[1] == small_zh[1] == 1
