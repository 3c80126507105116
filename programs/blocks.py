from django.apps import apps
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StreamValue
from wagtail.snippets.blocks import SnippetChooserBlock

from home.blocks import BaseStreamBlock


class PartnerGridBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120)
    partners = blocks.ListBlock(SnippetChooserBlock("programs.PartnerInstitution"), min_num=1)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        parent_context = parent_context or {}
        page = parent_context.get("page")
        partners = [partner for partner in value["partners"] if partner is not None]
        if page is not None:
            # The page looked up the partners of all its grids at once (see grid_partner_ids).
            in_language = parent_context.get("partners_in_language") or apps.get_model(
                "programs", "PartnerInstitution"
            ).in_language([partner.pk for partner in partners], page.locale_id)
            partners = [in_language.get(partner.pk, partner) for partner in partners]
        context["partners"] = partners
        return context

    def prime_api(self, value, resolver) -> None:
        """The API: the partners and, in the same pass, their pages on this site."""
        from .api import prime_partner_institutions

        prime_partner_institutions([p.pk for p in value["partners"] if p is not None], resolver)

    def get_preview_value(self):
        partners = apps.get_model("programs", "PartnerInstitution").objects.filter(
            locale__language_code="en"
        )[:4]
        return self.to_python({"heading": "Our partners", "partners": [p.pk for p in partners]})

    class Meta:
        icon = "group"
        template = "programs/blocks/partner_grid_block.html"
        description = _("A grid of partner institutions with their logos and countries.")


class EventStreamBlock(BaseStreamBlock):
    """An event's body: the common blocks and grids of partners (an event has no partner list
    of its own). A programme lists its partners in its `partners` field, and only there."""

    partner_grid = PartnerGridBlock()


def grid_partner_ids(body: StreamValue) -> list[int]:
    """The ids of the partners shown by the partner grids of an `EventStreamBlock` body."""
    return [
        partner.pk
        for block in body
        if block.block_type == "partner_grid"
        for partner in block.value["partners"]
        if partner is not None
    ]
