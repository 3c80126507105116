"""Key figures in a body are a list of figures straight in the stream, so wagtail-localize's
editor labels a figure's value and its label apart; the migration to that form
(home/stream_migrations.py) keeps pages, drafts and existing Chinese translations."""

import html
import json

import pytest
from django.apps import apps
from django.urls import reverse
from wagtail import blocks
from wagtail_localize.models import Translation

from home.blocks import KeyFigureBlock
from home.stream_migrations import key_figures_to_list, split_heading_id
from organizations.models import OrganizationPage
from tests.factories import OrganizationPageFactory, translate

BLOCK_ID = "0c1f9d55-4c59-4f27-8f0e-6f5f5d1c0a01"
FIGURE_IDS = ["5d8f0a3b-1b8e-4d0e-9d1c-2f2a7c5e8b11", "9a7e6c5d-3b2a-4c1d-8e9f-0a1b2c3d4e22"]
CHINESE = {
    "Association": "协会",
    "At a glance": "概览",
    "countries": "个国家",
    "1.3 million": "130万",
    "medical students": "名医学生",
}


class KeyFiguresBeforeTheMigration(blocks.StructBlock):
    """The body's key figures block as it was before the list form: a heading and a list."""

    heading = blocks.CharBlock(required=False, max_length=120)
    figures = blocks.ListBlock(KeyFigureBlock(), min_num=1)


def figures_in_list_form() -> list[dict]:
    return [
        {"type": "item", "id": FIGURE_IDS[0], "value": {"value": "122", "label": "countries"}},
        {
            "type": "item",
            "id": FIGURE_IDS[1],
            "value": {"value": "1.3 million", "label": "medical students"},
        },
    ]


@pytest.fixture
def translated_before_the_migration(organization_index, chinese, monkeypatch) -> OrganizationPage:
    """An organisation with key figures in its body, stored, drafted and translated with
    wagtail-localize while the block had its old form; then the migration's operations run."""
    stream_block = OrganizationPage._meta.get_field("body").stream_block
    old_block = KeyFiguresBeforeTheMigration()
    old_block.set_name("key_figures")
    with monkeypatch.context() as patch:
        patch.setitem(stream_block.child_blocks, "key_figures", old_block)
        page = OrganizationPageFactory(parent=organization_index, title="Association", slug="a")
        page.body = json.dumps(
            [
                {
                    "type": "key_figures",
                    "id": BLOCK_ID,
                    "value": {"heading": "At a glance", "figures": figures_in_list_form()},
                },
                {"type": "paragraph", "id": "p1", "value": "<p>Founded in 1951.</p>"},
            ]
        )
        page.save_revision().publish()
        translate(page, chinese, CHINESE)
        page.save_revision()  # a draft on top of the live page
    for operation in key_figures_to_list("organizations", "OrganizationPage"):
        operation.code(apps, None)
    return OrganizationPage.objects.get(pk=page.pk)


def body_of(page) -> list[tuple[str, object]]:
    return [(block.block_type, block.value) for block in page.body]


def figures_of(value) -> list[tuple[str, str]]:
    return [(figure["value"], figure["label"]) for figure in value]


@pytest.mark.django_db
def test_the_migration_splits_the_heading_off_and_keeps_the_figures(
    translated_before_the_migration, chinese
):
    page = translated_before_the_migration
    for revision_or_page in (page, page.get_latest_revision_as_object()):
        heading, figures, paragraph = revision_or_page.body
        assert (heading.block_type, heading.id) == ("heading", split_heading_id(BLOCK_ID))
        assert dict(heading.value) == {"text": "At a glance", "level": "h2"}
        assert (figures.block_type, figures.id) == ("key_figures", BLOCK_ID)
        assert [item.id for item in figures.value.bound_blocks] == FIGURE_IDS
        assert figures_of(figures.value) == [
            ("122", "countries"),
            ("1.3 million", "medical students"),
        ]
        assert paragraph.block_type == "paragraph"

    chinese_page = page.get_translation(chinese)
    heading, figures, _paragraph = chinese_page.body
    assert heading.value["text"] == "概览"
    assert figures_of(figures.value) == [("122", "个国家"), ("130万", "名医学生")]


@pytest.mark.django_db
def test_after_the_migration_a_sync_keeps_every_chinese_string(
    client, translated_before_the_migration, chinese
):
    page = translated_before_the_migration
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=chinese
    )
    # What "Sync" does: the source is read again from the English page, in the new form.
    translation.source.update_from_db()
    segments = translation.source.stringsegment_set.select_related("string", "context")
    untranslated = [
        segment.string.data
        for segment in segments.annotate_translation(chinese)
        if segment.translation is None
    ]
    assert untranslated == []
    assert translation.get_progress() == (6, 6)  # title, heading, 3 figure texts, paragraph

    translation.save_target(publish=False)
    chinese_page = page.get_translation(chinese)
    chinese_page.get_latest_revision().publish()
    markup = client.get(chinese_page.get_url()).content.decode()
    assert '<h2 class="block-heading">概览</h2>' in markup
    assert "<dt>130万</dt><dd>名医学生</dd>" in markup
    assert "<dt>122</dt><dd>个国家</dd>" in markup


@pytest.mark.django_db
def test_the_translation_editor_labels_a_figures_value_and_label_apart(
    admin_client, organization_index, chinese
):
    page = OrganizationPageFactory(parent=organization_index, title="Association", slug="a")
    page.body = json.dumps(
        [
            {"type": "heading", "value": {"text": "At a glance", "level": "h2"}},
            {"type": "key_figures", "value": figures_in_list_form()},
        ]
    )
    page.save_revision().publish()
    chinese_page = translate(page, chinese)

    editor = admin_client.get(reverse("wagtailadmin_pages:edit", args=[chinese_page.pk]))
    marker = 'data-props="'
    start = editor.content.decode().index(marker) + len(marker)
    props = json.loads(html.unescape(editor.content.decode()[start:].split('"', 1)[0]))
    labels = {
        segment["source"]: (segment["location"]["field"], segment["location"]["subField"])
        for segment in props["segments"]
        if segment["type"] == "string"
    }
    assert labels["1.3 million"] == ("Key figures", "Value")
    assert labels["medical students"] == ("Key figures", "Label")
    assert labels["countries"] == ("Key figures", "Label")
    assert "122" not in labels  # a number without words comes over as it is
    assert labels["At a glance"] == ("Heading", "Heading")
