"""Form pages for the form tests: one built here, translated through wagtail-localize, and the
fixtures both test files share (a clean rate-limit budget for every test)."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from wagtail.models import Locale

from home.models import FormField, FormPage, HomePage
from tests.factories import translate

CHINESE = {
    "Application form": "申请表",
    "Name": "姓名",
    "Your full name.": "请填写全名。",
    "Email": "邮箱",
    "Programme": "项目",
    "Clinical<br/>Research": "临床<br/>科研",  # as wagtail-localize stores a multi-line text
    "Clinical": "临床",
    "Website": "网站",
    "Tell us about yourself.": "请介绍一下您自己。",
    "Thanks, we got it.": "谢谢，我们已收到。",
}


def build_form_page(home: HomePage, **fields) -> FormPage:
    """A published English form page under `home`: name, e-mail, a dropdown and a link."""
    page = FormPage(
        title="Application form",
        slug=fields.pop("slug", "application-form"),
        intro="<p>Tell us about yourself.</p>",
        thank_you_text="<p>Thanks, we got it.</p>",
        form_fields=[
            FormField(label="Name", field_type="singleline", help_text="Your full name."),
            FormField(label="Email", field_type="email"),
            FormField(
                label="Programme",
                field_type="dropdown",
                choices="Clinical\nResearch",
                default_value="Clinical",
            ),
            FormField(label="Website", field_type="url", required=False),
        ],
        **fields,
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Rate limits count in the cache, which outlives a test's transaction."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def form_en(home_en) -> FormPage:
    return build_form_page(home_en)


@pytest.fixture
def form_zh(form_en, home_zh) -> FormPage:
    return translate(form_en, Locale.objects.get(language_code="zh-hans"), CHINESE)


VALID = {
    "name": "Li Hua",
    "email": "li.hua@example.org",
    "programme": "Clinical",
    "website": "https://example.org/li",
}
VALID_ZH = VALID | {"programme": "临床"}
