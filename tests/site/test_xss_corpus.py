"""An XSS corpus through every block and text field, by each write path: code
(`save_revision()`), the admin's page form, wagtail-localize's string editor and PO upload.
Whichever path wrote it, the public page shows it as text (escaped) and the API serves rich text
sanitised, plain text as the text it is, and no `javascript:` link anywhere."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from django.utils.html import escape
from wagtail_factories import ImageFactory
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from programs.models import PartnerProgramPage
from tests.admin_forms import block_form_data, page_edit_data
from tests.factories import (
    HistoryPageFactory,
    PartnerInstitutionFactory,
    PartnerProgramPageFactory,
    TimelineEventBlockFactory,
    translate,
)
from tests.html import api_detail, main_html

pytestmark = pytest.mark.django_db

PAYLOAD = "'\"><script>alert(1)</script><img src=x onerror=alert(2)>"
SHORT = '"><svg onload=alert(3)>'  # for fields of 40 characters
# Breaks out of an attribute without a tag: the one kind wagtail-localize lets a translation have.
TAGLESS = '" onmouseover="alert(7)" x=\''
RICH = (
    '<p>Text<script>alert(4)</script></p><p><img src="x" onerror="alert(5)">'
    '<a href="javascript:alert(6)">link</a></p>'
)


def programme_body(
    image_id: int, text: str = PAYLOAD, short: str = SHORT, rich: str = RICH
) -> list[dict]:
    """Every block of a programme's body, with `text` in every text (hostile by default)."""
    return [
        {"type": "heading", "value": {"text": text, "level": "h2"}},
        {"type": "paragraph", "value": rich},
        {
            "type": "image",
            "value": {"image": image_id, "alt_text": text, "decorative": False, "caption": text},
        },
        {"type": "quote", "value": {"quote": text, "attribution": text}},
        {"type": "key_figures", "value": [{"value": short, "label": text}]},
        {
            "type": "call_to_action",
            "value": {"text": text, "page": None, "url": "https://example.org/apply"},
        },
        {
            "type": "table",
            "value": {
                "data": [[text, "Slots"], ["Exchange", text]],
                "table_caption": text,
                "first_row_is_table_header": True,
                "first_col_is_header": False,
            },
        },
        {
            "type": "contact_card",
            "value": {
                "name": text,
                "role": text,
                "address": text,
                "phone": short,
                "email": "office@example.org",
                "website": "https://example.org/",
            },
        },
    ]


class ActiveMarkup(HTMLParser):
    """Collects what a browser would run or follow: script elements, event-handler attributes,
    `javascript:` URLs, and images (none of the payload's may become one)."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        # JSON-LD is data, not code (home/structured_data.py escapes it for the element).
        if tag == "script" and ("type", "application/ld+json") not in attrs:
            self.found.append(tag)
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{tag}[{name}]")
            if name in ("href", "src") and "javascript:" in (value or "").lower():
                self.found.append(f"{tag}[{name}={value}]")
            if tag == "img" and name == "src" and value == "x":
                self.found.append("img[src=x]")


def assert_shown_as_text(html: str, text: str = PAYLOAD) -> None:
    parser = ActiveMarkup()
    parser.feed(html)
    assert parser.found == []
    # The payload is on the page, as text: the check above had something to find.
    assert escape(text) in html


def strings(data) -> list[str]:
    if isinstance(data, dict):
        return [text for value in data.values() for text in strings(value)]
    if isinstance(data, list):
        return [text for value in data for text in strings(value)]
    return [data] if isinstance(data, str) else []


def assert_api_harmless(detail: dict, plain: str = PAYLOAD) -> None:
    texts = strings(detail)
    assert plain in texts  # plain text is served as the text the editor wrote
    for text in texts:
        assert "javascript:" not in text.lower(), text
        if text != plain and "<" in text:
            lowered = text.lower()  # HTML (rich text): sanitised
            assert "<script" not in lowered and "onerror" not in lowered, text


@pytest.fixture
def hostile_programme(program_index) -> PartnerProgramPage:
    """Written from code, as an importer would, through `save_revision()`."""
    partner = PartnerInstitutionFactory(name=PAYLOAD, short_name=SHORT, city=PAYLOAD)
    page = PartnerProgramPageFactory(
        parent=program_index, title=PAYLOAD, body=[], partner_institutions=[partner]
    )
    page.body = json.dumps(programme_body(ImageFactory().pk))
    page.summary, page.eligibility = PAYLOAD, RICH
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_written_from_code(client, hostile_programme):
    assert_shown_as_text(client.get(hostile_programme.url).content.decode())
    assert_api_harmless(api_detail(client, hostile_programme))


def test_history_timeline_written_from_code(client, organisation):
    history = HistoryPageFactory(
        parent=organisation,
        title=PAYLOAD,
        events=[("event", TimelineEventBlockFactory(title=PAYLOAD, text=PAYLOAD))],
    )
    history.save_revision().publish()
    assert_shown_as_text(main_html(client, history))
    assert_api_harmless(api_detail(client, history))


def test_written_through_the_admin_form(admin_client, program_index):
    page = PartnerProgramPageFactory(parent=program_index, title="Exchange", body=[])
    # What Draftail can post: its JSON has no markup of its own, links are its only way in.
    rich = '<p>Text <a href="javascript:alert(6)">link</a></p>'
    body = programme_body(ImageFactory().pk, rich=rich)
    stream = page.body.stream_block.to_python(body)
    post = page_edit_data(admin_client, page) | block_form_data(
        page.body.stream_block, stream, "body"
    )
    post |= {"title": PAYLOAD, "action-publish": "action-publish"}
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), post)
    assert response.status_code == 302, response.content.decode()[:3000]
    page.refresh_from_db()
    assert page.title == PAYLOAD and page.live
    admin_client.logout()  # as a visitor sees it (an editor's page carries the userbar's scripts)
    assert_shown_as_text(admin_client.get(page.url).content.decode())
    assert_api_harmless(api_detail(admin_client, page))


@pytest.fixture
def chinese_translation(program_index, chinese) -> tuple[PartnerProgramPage, Translation]:
    """A clean English programme with every block, translated into Chinese."""
    page = PartnerProgramPageFactory(parent=program_index, title="Exchange", body=[])
    rich = '<p>Plain <a href="https://example.org/">link</a></p>'
    page.body = json.dumps(programme_body(ImageFactory().pk, "Plain words", "12", rich))
    page.summary, page.eligibility = "Plain words", rich
    page.save_revision().publish()
    translate(page, chinese)
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=chinese
    )
    return page, translation


def publish_translation(page: PartnerProgramPage, translation: Translation) -> PartnerProgramPage:
    translation.save_target(publish=False)
    target = page.get_translation(translation.target_locale)
    target.get_latest_revision().publish()
    return PartnerProgramPage.objects.get(pk=target.pk)


def refused_strings(translation: Translation) -> int:
    return StringTranslation.objects.filter(
        locale=translation.target_locale, context__object=translation.source.object, has_error=True
    ).count()


@pytest.mark.parametrize("payload", [PAYLOAD, TAGLESS])
def test_written_through_a_po_file_upload(admin_client, client, chinese_translation, payload):
    page, translation = chinese_translation
    download = reverse("wagtail_localize:download_pofile", args=[translation.id])
    po = polib.pofile(admin_client.get(download).content.decode())
    assert len(po) > 10
    for entry in po:
        rich = "<a id=" in entry.msgid
        entry.msgstr = entry.msgid + RICH if rich else payload
    upload = reverse("wagtail_localize:upload_pofile", args=[translation.id])
    po_file = SimpleUploadedFile("zh.po", str(po).encode(), content_type="text/x-gettext")
    admin_client.post(upload, {"file": po_file})
    chinese_page = publish_translation(page, translation)
    admin_client.logout()
    html = client.get(chinese_page.url).content.decode()
    if payload == PAYLOAD:
        # wagtail-localize keeps a translation with markup the source lacks, flagged as an
        # error for the translator, and the page keeps the source text meanwhile.
        assert refused_strings(translation) == len(po)
        assert chinese_page.title == "Exchange"
        assert_shown_as_text(html, "Plain words")
        assert_api_harmless(api_detail(client, chinese_page), "Plain words")
    else:
        assert chinese_page.title == TAGLESS
        assert_shown_as_text(html, TAGLESS)
        assert_api_harmless(api_detail(client, chinese_page), TAGLESS)


@pytest.mark.parametrize("payload", [PAYLOAD, TAGLESS])
def test_written_through_the_string_editor(admin_client, client, chinese_translation, payload):
    page, translation = chinese_translation
    segments = StringSegment.objects.filter(source=translation.source).select_related("string")
    for segment in segments:
        value = segment.string.data + RICH if "<a id=" in segment.string.data else payload
        response = admin_client.put(
            reverse("wagtail_localize:edit_string_translation", args=[translation.id, segment.id]),
            encode_multipart(BOUNDARY, {"value": value}),
            content_type=MULTIPART_CONTENT,
        )
        assert response.status_code == 200, response.content
    chinese_page = publish_translation(page, translation)
    admin_client.logout()
    html = client.get(chinese_page.url).content.decode()
    if payload == PAYLOAD:
        assert refused_strings(translation) == len(segments)
        assert_shown_as_text(html, "Plain words")
    else:
        assert_shown_as_text(html, TAGLESS)
        assert_api_harmless(api_detail(client, chinese_page), TAGLESS)
