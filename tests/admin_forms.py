"""POST data for Wagtail's page editor, as a browser would send it.

The editor builds StreamField inputs with JavaScript, so the HTML alone lacks them; this adds
them from the page's stored values, so an unchanged form posts back unchanged content.
"""

from django.test import Client
from django.urls import reverse
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.test.utils.form_data import querydict_from_html


def block_form_data(block: blocks.Block, value, prefix: str) -> dict:
    if isinstance(block, blocks.StreamBlock):
        data = {f"{prefix}-count": str(len(value))}
        for i, child in enumerate(value):
            data |= {
                f"{prefix}-{i}-type": child.block_type,
                f"{prefix}-{i}-deleted": "",
                f"{prefix}-{i}-order": str(i),
                f"{prefix}-{i}-id": child.id or "",
            }
            data |= block_form_data(child.block, child.value, f"{prefix}-{i}-value")
        return data
    if isinstance(block, blocks.ListBlock):
        items = list(value.bound_blocks) if hasattr(value, "bound_blocks") else list(value)
        data = {f"{prefix}-count": str(len(items))}
        for i, item in enumerate(items):
            item_value, item_id = (item.value, item.id) if hasattr(item, "id") else (item, "")
            data |= {
                f"{prefix}-{i}-deleted": "",
                f"{prefix}-{i}-order": str(i),
                f"{prefix}-{i}-id": item_id or "",
            }
            data |= block_form_data(block.child_block, item_value, f"{prefix}-{i}-value")
        return data
    if isinstance(block, blocks.StructBlock):
        data = {}
        for name, child in block.child_blocks.items():
            data |= block_form_data(child, value.get(name), f"{prefix}-{name}")
        return data
    if isinstance(block, blocks.ChooserBlock):
        return {prefix: str(value.pk) if value else ""}
    if isinstance(block, blocks.BooleanBlock):
        return {prefix: "on"} if value else {}
    form_value = block.field.widget.format_value(block.value_for_form(value))
    return {prefix: "" if form_value is None else form_value}


def page_edit_data(client: Client, page: Page) -> dict:
    """The editor's form for `page`, as posted unchanged."""
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form").dict()
    specific = page.specific
    for field in specific._meta.get_fields():
        if isinstance(field, StreamField):
            value = getattr(specific, field.name)
            data |= block_form_data(field.stream_block, value, field.name)
    return data
