"""Every StreamField block explains itself in the block picker (icon, description, preview),
and the shared blocks refuse incomplete values with a message that says what to fix."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.blocks import StreamBlockValidationError
from wagtail_factories import ImageFactory

from home.blocks import BaseStreamBlock, CallToActionBlock, ImageBlock
from organizations.blocks import OrganizationStreamBlock
from programs.blocks import EventStreamBlock

pytestmark = pytest.mark.django_db

ALL_BLOCKS = {
    **OrganizationStreamBlock().child_blocks,
    **EventStreamBlock().child_blocks,
}


def test_every_block_type_is_offered():
    assert set(ALL_BLOCKS) == {
        "heading", "paragraph", "image", "quote", "key_figures", "call_to_action", "embed",
        "table", "contact_card", "timeline_excerpt", "partner_grid",
    }  # fmt: skip


@pytest.mark.parametrize("name", sorted(ALL_BLOCKS))
def test_block_has_icon_description_template_and_preview(admin_client, name):
    block = ALL_BLOCKS[name]
    assert block.meta.icon and block.meta.icon != "placeholder"
    assert str(block.get_description())
    assert block.meta.template
    assert block.is_previewable
    response = admin_client.get(
        reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix}
    )
    assert response.status_code == 200
    assert f"block-{name}" in response.content.decode()


def test_image_block_needs_alt_text_unless_decorative():
    block = ImageBlock()
    image = ImageFactory()
    with pytest.raises(ValidationError) as error:
        block.clean(block.to_python({"image": image.pk, "alt_text": " ", "decorative": False}))
    assert "Describe the image" in str(error.value.block_errors["alt_text"])
    block.clean(block.to_python({"image": image.pk, "alt_text": "", "decorative": True}))
    block.clean(block.to_python({"image": image.pk, "alt_text": "A lecture hall"}))


@pytest.mark.parametrize("has_page,has_url", [(True, True), (False, False)])
def test_call_to_action_needs_exactly_one_target(home_en, has_page, has_url):
    block = CallToActionBlock()
    value = block.to_python(
        {
            "text": "Apply",
            "page": home_en.pk if has_page else None,
            "url": "https://example.org" if has_url else "",
        }
    )
    with pytest.raises(ValidationError) as error:
        block.clean(value)
    assert "either a page or a web address" in str(error.value.block_errors["page"])


@pytest.mark.parametrize("target", ["page", "url"])
def test_call_to_action_with_one_target_is_accepted(home_en, target):
    block = CallToActionBlock()
    value = {"text": "Apply", "page": None, "url": ""}
    value[target] = home_en.pk if target == "page" else "https://example.org"
    block.clean(block.to_python(value))


def test_stream_errors_bubble_up_from_nested_image_block():
    stream = BaseStreamBlock()
    value = stream.to_python(
        [
            {
                "type": "image",
                "value": {"image": ImageFactory().pk, "alt_text": "", "decorative": False},
            }
        ]
    )
    with pytest.raises(StreamBlockValidationError) as error:
        stream.clean(value)
    assert "Describe the image" in str(error.value.as_json_data())
