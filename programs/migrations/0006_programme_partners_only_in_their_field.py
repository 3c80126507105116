# Programmes list their partners once, in their `partners` field: the partners of the partner
# grids in their bodies join that list (in grid order, after the partners already there) and
# the grids go. The same on each page's latest revision, so a draft keeps its partners too.

import json

import home.safe_urls
import wagtail.fields
from django.db import migrations, models
from django.db.models.functions import Cast


def grid_partners(stream: list) -> list[int]:
    partners = []
    for block in stream:
        if block.get("type") == "partner_grid":
            for item in (block.get("value") or {}).get("partners") or []:
                pk = item.get("value") if isinstance(item, dict) else item
                if pk is not None:
                    partners.append(pk)
    return partners


def without_grids(stream: list) -> list:
    return [block for block in stream if block.get("type") != "partner_grid"]


def decoded(stored) -> list:
    data = json.loads(stored) if isinstance(stored, str) else stored
    return json.loads(data) if isinstance(data, str) else data or []


def move_grid_partners_into_the_field(apps, schema_editor):
    PartnerProgramPage = apps.get_model("programs", "PartnerProgramPage")
    ProgramPartner = apps.get_model("programs", "ProgramPartner")
    PartnerInstitution = apps.get_model("programs", "PartnerInstitution")
    existing_partners = set(PartnerInstitution.objects.values_list("pk", flat=True))
    # The bodies as stored: a StreamField's value leaves out blocks its definition lacks.
    stored = PartnerProgramPage.objects.annotate(text=Cast("body", models.TextField()))
    bodies = {pk: decoded(text) for pk, text in stored.values_list("pk", "text")}
    for page in PartnerProgramPage.objects.all():
        stream = bodies[page.pk]
        moved = grid_partners(stream)
        if len(without_grids(stream)) == len(stream):
            continue
        rows = list(ProgramPartner.objects.filter(page=page).order_by("sort_order", "pk"))
        for order, row in enumerate(rows):  # numbered afresh, the new ones after them
            ProgramPartner.objects.filter(pk=row.pk).update(sort_order=order)
        listed = [row.institution_id for row in rows]
        for pk in moved:
            if pk not in listed and pk in existing_partners:
                ProgramPartner.objects.create(page=page, institution_id=pk, sort_order=len(listed))
                listed.append(pk)
        page.body = json.dumps(without_grids(stream))
        page.save(update_fields=["body"])
        revision = page.latest_revision
        if revision is not None:
            content = revision.content
            content["body"] = json.dumps(without_grids(decoded(content.get("body"))))
            draft_rows = sorted(
                content.get("partners") or [], key=lambda row: row.get("sort_order") or 0
            )
            in_draft = [row.get("institution") for row in draft_rows]
            for pk in moved:
                if pk not in in_draft and pk in existing_partners:
                    draft_rows.append({"pk": None, "page": page.pk, "institution": pk})
                    in_draft.append(pk)
            for order, row in enumerate(draft_rows):
                row["sort_order"] = order
            content["partners"] = draft_rows
            revision.content = content
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):

    dependencies = [
        ('programs', '0005_help_texts'),
    ]

    operations = [
        migrations.RunPython(move_grid_partners_into_the_field, migrations.RunPython.noop),
        migrations.AlterField(
            model_name='partnerprogrampage',
            name='body',
            field=wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 8), ('quote', 11), ('key_figures', 17), ('call_to_action', 21), ('embed', 22), ('table', 23), ('contact_card', 29)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 120}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Section heading (H2)'), ('h3', 'Subsection heading (H3)')], 'help_text': 'Use H2 for sections and H3 inside them, so headings stay in order.'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('home.blocks.ParagraphBlock', (), {}), 4: ('wagtail.images.blocks.ImageChooserBlock', (), {}), 5: ('wagtail.blocks.CharBlock', (), {'help_text': 'Describe the image for people who cannot see it. Required unless decorative.', 'max_length': 250, 'required': False}), 6: ('wagtail.blocks.BooleanBlock', (), {'help_text': 'Tick only if the image adds nothing to the text; screen readers skip it.', 'required': False}), 7: ('wagtail.blocks.CharBlock', (), {'max_length': 250, 'required': False}), 8: ('wagtail.blocks.StructBlock', [[('image', 4), ('alt_text', 5), ('decorative', 6), ('caption', 7)]], {}), 9: ('wagtail.blocks.TextBlock', (), {'label': 'Quote'}), 10: ('wagtail.blocks.CharBlock', (), {'help_text': 'Who said it.', 'max_length': 200, 'required': False}), 11: ('wagtail.blocks.StructBlock', [[('quote', 9), ('attribution', 10)]], {}), 12: ('wagtail.blocks.CharBlock', (), {'max_length': 120, 'required': False}), 13: ('wagtail.blocks.CharBlock', (), {'help_text': 'The figure as it should read, e.g. "1.3 million" or "122".', 'max_length': 40}), 14: ('wagtail.blocks.CharBlock', (), {'help_text': 'What it counts, e.g. "countries".', 'max_length': 120}), 15: ('wagtail.blocks.StructBlock', [[('value', 13), ('label', 14)]], {}), 16: ('wagtail.blocks.ListBlock', (15,), {'min_num': 1}), 17: ('wagtail.blocks.StructBlock', [[('heading', 12), ('figures', 16)]], {}), 18: ('wagtail.blocks.CharBlock', (), {'help_text': 'The button label, e.g. "Apply now".', 'max_length': 80}), 19: ('wagtail.blocks.PageChooserBlock', (), {'help_text': 'Link to a page of this site…', 'required': False}), 20: ('wagtail.blocks.URLBlock', (), {'help_text': '…or to another website.', 'required': False, 'validators': [home.safe_urls.validate_safe_url]}), 21: ('wagtail.blocks.StructBlock', [[('text', 18), ('page', 19), ('url', 20)]], {}), 22: ('wagtail.embeds.blocks.EmbedBlock', (), {'description': 'A video or post embedded from another site.', 'help_text': 'Paste a video or post address, e.g. from YouTube or Vimeo.', 'icon': 'media', 'preview_template': 'home/blocks/embed_block_preview.html', 'preview_value': 'https://www.youtube.com/watch?v=preview', 'template': 'home/blocks/embed_block.html'}), 23: ('home.blocks.TranslatableTableBlock', (), {}), 24: ('wagtail.blocks.CharBlock', (), {'help_text': 'A person, office or team.', 'max_length': 120}), 25: ('wagtail.blocks.TextBlock', (), {'required': False}), 26: ('wagtail.blocks.CharBlock', (), {'max_length': 40, 'required': False}), 27: ('wagtail.blocks.EmailBlock', (), {'required': False}), 28: ('wagtail.blocks.URLBlock', (), {'required': False, 'validators': [home.safe_urls.validate_safe_url]}), 29: ('wagtail.blocks.StructBlock', [[('name', 24), ('role', 12), ('address', 25), ('phone', 26), ('email', 27), ('website', 28)]], {})}),
        ),
    ]
