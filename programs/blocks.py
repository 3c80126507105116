from django.apps import apps
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from home.blocks import BaseStreamBlock
from home.i18n.links import localize_all
from home.images import PARTNER_LOGO, prefetch_pictures


class PartnerGridBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120)
    partners = blocks.ListBlock(SnippetChooserBlock("programs.PartnerInstitution"), min_num=1)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        page = (parent_context or {}).get("page")
        partners = list(value["partners"])
        partners = localize_all(partners, page.locale) if page else partners
        prefetch_pictures(partners, "logo", PARTNER_LOGO)
        context["partners"] = partners
        return context

    def get_preview_value(self):
        partners = apps.get_model("programs", "PartnerInstitution").objects.filter(
            locale__language_code="en"
        )[:4]
        return self.to_python({"heading": "Our partners", "partners": [p.pk for p in partners]})

    class Meta:
        icon = "group"
        template = "programs/blocks/partner_grid_block.html"
        description = _("A grid of partner institutions with their logos and countries.")


class ProgramStreamBlock(BaseStreamBlock):
    partner_grid = PartnerGridBlock()
