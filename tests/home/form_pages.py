"""A form page for the form tests (fixtures in tests/home/conftest.py) and its answers."""

from __future__ import annotations

from home.models import FormField, FormPage, HomePage

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


def build_form_page(home: HomePage, extra_fields: tuple = (), **fields) -> FormPage:
    """A published English form page under `home`: name, e-mail, a dropdown and a link, then
    `extra_fields` (FormField instances)."""
    form_fields = [
        FormField(label="Name", field_type="singleline", help_text="Your full name."),
        FormField(label="Email", field_type="email"),
        FormField(
            label="Programme",
            field_type="dropdown",
            choices="Clinical\nResearch",
            default_value="Clinical",
        ),
        FormField(label="Website", field_type="url", required=False),
        *extra_fields,
    ]
    # The admin's inline panel numbers the rows; without it PostgreSQL returns them in any order.
    for position, field in enumerate(form_fields):
        field.sort_order = position
    page = FormPage(
        title="Application form",
        slug=fields.pop("slug", "application-form"),
        intro="<p>Tell us about yourself.</p>",
        thank_you_text="<p>Thanks, we got it.</p>",
        form_fields=form_fields,
        **fields,
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


VALID = {
    "name": "Li Hua",
    "email": "li.hua@example.org",
    "programme": "Clinical",
    "website": "https://example.org/li",
}
VALID_ZH = VALID | {"programme": "临床"}
