"""Data migrations of the shared body blocks (`home.blocks.BaseStreamBlock`). Each app's
migrations run them for its own page models, so the apps keep depending on `home` only.

Besides the pages and their revisions (Wagtail's `MigrateStreamData`), wagtail-localize keeps
the source's content and a context per translated string, named after its block path: those
move with the blocks, so existing translations still match and are not asked for again."""

from __future__ import annotations

import json
import uuid
from functools import partial
from typing import Any

from django.db import migrations
from django.utils.deconstruct import deconstructible
from wagtail.blocks.migrations.migrate_operation import MigrateStreamData
from wagtail.blocks.migrations.operations import BaseBlockOperation
from wagtail_localize.models import TranslationContext as LocalizeContext

# Names the heading blocks split off key figures: the same id for a page and its translations.
HEADING_ID_NAMESPACE = uuid.UUID("6f1d3c1e-5b7a-4b8e-9a43-0c2f3f8d9e21")


def split_heading_id(key_figures_id: str) -> str:
    return str(uuid.uuid5(HEADING_ID_NAMESPACE, key_figures_id))


@deconstructible
class KeyFiguresToListOperation(BaseBlockOperation):
    """`key_figures` from `{heading, figures: [...]}` to the list of figures itself, its heading
    (when it has one) a heading block before it. Figures keep their ids."""

    def apply(self, block_value: list) -> list:
        migrated = []
        for child in block_value:
            value = child.get("value")
            if child.get("type") != "key_figures" or not isinstance(value, dict):
                migrated.append(child)  # another block, or figures already in a list
                continue
            heading = (value.get("heading") or "").strip()
            if heading:
                block_id = child.get("id") or str(uuid.uuid4())
                migrated.append(
                    {
                        "type": "heading",
                        "value": {"text": heading, "level": "h2"},
                        "id": split_heading_id(block_id),
                    }
                )
            migrated.append({**child, "value": value.get("figures") or []})
        return migrated

    @property
    def operation_name_fragment(self) -> str:
        return "key_figures_to_list"


def moved_context(path: str, field_path: str) -> tuple[str, str] | None:
    """Where a string of an old key figures block lives now (path, field path), or None.

    `body.<block>.heading` becomes `body.<heading block>.text`, and
    `body.<block>.figures.<figure>.<child>` becomes `body.<block>.<figure>.<child>`."""
    field, block_id, *rest = path.split(".")
    if field_path == f"{field}.key_figures.heading" and rest == ["heading"]:
        return f"{field}.{split_heading_id(block_id)}.text", f"{field}.heading.text"
    prefix = f"{field}.key_figures.figures.item."
    if field_path.startswith(prefix) and rest[:1] == ["figures"]:
        return ".".join([field, block_id, *rest[1:]]), f"{field}.key_figures.item." + (
            field_path.removeprefix(prefix)
        )
    return None


def move_key_figure_translations(
    apps: Any, schema_editor: Any, app_label: str, model_name: str, field_name: str
) -> None:
    """wagtail-localize's copy of each source page, and the contexts of its strings."""
    model = apps.get_model(app_label, model_name)
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    TranslationContext = apps.get_model("wagtail_localize", "TranslationContext")
    keys = list(model.objects.values_list("translation_key", flat=True).distinct())
    operation = KeyFiguresToListOperation()

    sources = TranslationSource.objects.filter(
        object_id__in=keys,
        specific_content_type__app_label=app_label,
        specific_content_type__model=model_name.lower(),
    )
    for source in sources:
        content = json.loads(source.content_json)
        stored = content.get(field_name)
        if not stored:
            continue
        stream = json.loads(stored) if isinstance(stored, str) else stored
        migrated = operation.apply(stream)
        content[field_name] = json.dumps(migrated) if isinstance(stored, str) else migrated
        source.content_json = json.dumps(content)
        source.save(update_fields=["content_json"])

    contexts = TranslationContext.objects.filter(
        object_id__in=keys, field_path__startswith=f"{field_name}.key_figures."
    )
    for context in contexts:
        moved = moved_context(context.path, context.field_path)
        if moved is None:
            continue
        context.path, context.field_path = moved
        # wagtail-localize finds a context by a hash of its path, made by this (private) method.
        context.path_id = LocalizeContext._get_path_id(context.path)
        context.save(update_fields=["path", "field_path", "path_id"])


def key_figures_to_list(app_label: str, model_name: str, field_name: str = "body") -> list:
    """The operations that move one model's key figures blocks to their list form."""
    return [
        MigrateStreamData(
            app_name=app_label,
            model_name=model_name,
            field_name=field_name,
            operations_and_block_paths=[(KeyFiguresToListOperation(), "")],
        ),
        migrations.RunPython(
            partial(
                move_key_figure_translations,
                app_label=app_label,
                model_name=model_name,
                field_name=field_name,
            ),
            migrations.RunPython.noop,
        ),
    ]
