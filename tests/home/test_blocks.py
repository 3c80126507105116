"""Every StreamField block explains itself in the block picker: icon, description, preview."""

import pytest
from django.urls import reverse

from organizations.blocks import OrganizationStreamBlock
from programs.blocks import ProgramStreamBlock

pytestmark = pytest.mark.django_db

ALL_BLOCKS = {
    **OrganizationStreamBlock().child_blocks,
    **ProgramStreamBlock().child_blocks,
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
