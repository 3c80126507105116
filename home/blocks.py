"""StreamField blocks shared by every page type. Domain apps extend `BaseStreamBlock`."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import StreamFieldSegmentExtractor
from wagtail_localize.segments.ingest import StreamFieldSegmentsWriter

from home.i18n.synchronised import has_words
from home.safe_urls import validate_safe_url


class NumbersSynchronisedMixin:
    """For a StructBlock whose text children often hold a number (a key figure, a phone
    number): wagtail-localize offers each child as it would, except a value without words,
    which is not offered, so it comes over from the English page on each sync.

    Only for structs of text, link and page/image chooser blocks: ingesting a translated
    snippet chooser would need the locales, which blocks are not given."""

    def get_translatable_segments(self, value) -> list:
        # A StreamField's blocks are extracted with their overridable values (links, ids).
        extractor = StreamFieldSegmentExtractor(None, include_overridables=True)
        return [
            segment
            for segment in extractor.handle_struct_block(value)
            if not isinstance(segment, StringSegmentValue) or has_words(segment.render_text())
        ]

    def restore_translated_segments(self, value, segments):
        return StreamFieldSegmentsWriter(None, None, None).handle_struct_block(value, segments)


class DisplayChoiceBlock(blocks.ChoiceBlock):
    """A choice about presentation (heading level, date precision): kept out of the search
    index, where its label would read as content."""

    def get_searchable_content(self, value):
        return []


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = DisplayChoiceBlock(
        choices=[("h2", _("Section heading (H2)")), ("h3", _("Subsection heading (H3)"))],
        default="h2",
        help_text=_("Use H2 for sections and H3 inside them, so headings stay in order."),
    )

    class Meta:
        icon = "title"
        template = "home/blocks/heading_block.html"
        description = _("A section or subsection heading.")
        preview_value = {"text": "Our standing committees", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    class Meta:
        icon = "pilcrow"
        template = "home/blocks/paragraph_block.html"
        description = _("Formatted text with links and lists.")
        preview_value = (
            "<p>Medical students from around the world meet, exchange and start projects "
            "for a healthier world.</p>"
        )


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        required=False,
        max_length=250,
        help_text=_("Describe the image for people who cannot see it. Required unless decorative."),
    )
    decorative = blocks.BooleanBlock(
        required=False,
        help_text=_("Tick only if the image adds nothing to the text; screen readers skip it."),
    )
    caption = blocks.CharBlock(required=False, max_length=250)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("decorative") and not (value.get("alt_text") or "").strip():
            raise StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(_("Describe the image, or mark it as decorative."))
                }
            )
        return value

    def get_preview_value(self):
        # An image from the library, if there is one: block previews cannot upload files.
        image = get_image_model().objects.order_by("pk").first()
        return self.to_python(
            {"image": image.pk if image else None, "alt_text": "A preview image", "caption": ""}
        )

    class Meta:
        icon = "image"
        template = "home/blocks/image_block.html"
        description = _("An image with alternative text and an optional caption.")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(required=False, max_length=200, help_text=_("Who said it."))

    class Meta:
        icon = "openquote"
        template = "home/blocks/quote_block.html"
        description = _("A quotation with its source.")
        preview_value = {
            "quote": "The exchange changed how I think about patients back home.",
            "attribution": "A returning exchange student",
        }


class KeyFigureBlock(NumbersSynchronisedMixin, blocks.StructBlock):
    value = blocks.CharBlock(
        max_length=40, help_text=_('The figure as it should read, e.g. "1.3 million" or "122".')
    )
    label = blocks.CharBlock(max_length=120, help_text=_('What it counts, e.g. "countries".'))

    class Meta:
        icon = "order"
        label = _("Key figure")


class KeyFiguresBlock(blocks.ListBlock):
    """A row of figures, straight in the stream (a heading block goes before it): as a list at
    the top of the stream, each figure's value and label keep their own labels in
    wagtail-localize's editor, which names a segment after the first two levels of its path."""

    def __init__(self, **kwargs):
        super().__init__(KeyFigureBlock(), **kwargs)

    class Meta:
        min_num = 1
        icon = "table"
        label = _("Key figures")
        template = "home/blocks/key_figures_block.html"
        description = _("A row of headline numbers, such as members and countries.")
        preview_value = [
            {"value": "1.3 million", "label": "medical students"},
            {"value": "130", "label": "member organisations"},
            {"value": "122", "label": "countries"},
        ]


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=80, help_text=_('The button label, e.g. "Apply now".'))
    page = blocks.PageChooserBlock(required=False, help_text=_("Link to a page of this site…"))
    url = blocks.URLBlock(
        required=False, validators=[validate_safe_url], help_text=_("…or to another website.")
    )

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = _("Choose either a page or a web address, not both and not neither.")
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(message), "url": ValidationError(message)}
            )
        return value

    class Meta:
        icon = "link"
        template = "home/blocks/call_to_action_block.html"
        description = _("A prominent button linking to a page or a website.")
        preview_value = {"text": "Apply for an exchange", "url": "https://example.org/apply"}


class ContactCardBlock(NumbersSynchronisedMixin, blocks.StructBlock):
    name = blocks.CharBlock(max_length=120, help_text=_("A person, office or team."))
    role = blocks.CharBlock(required=False, max_length=120)
    address = blocks.TextBlock(required=False)
    phone = blocks.CharBlock(required=False, max_length=40)
    email = blocks.EmailBlock(required=False)
    website = blocks.URLBlock(required=False, validators=[validate_safe_url])

    class Meta:
        icon = "user"
        template = "home/blocks/contact_card_block.html"
        description = _("How to reach a person or an office.")
        preview_value = {
            "name": "Secretariat",
            "role": "General enquiries",
            "phone": "+86 512 6588 4028",
            "email": "secretariat@example.org",
        }


class TranslatableTableBlock(TableBlock):
    """A table whose cells wagtail-localize offers for translation (it skips plain TableBlocks),
    except those without words (numbers, years), which stay as in the English table."""

    def get_translatable_segments(self, value):
        value = value or {}
        segments = [
            StringSegmentValue(f"{row}.{col}", cell)
            for row, cells in enumerate(value.get("data") or [])
            for col, cell in enumerate(cells)
            if cell and has_words(str(cell))
        ]
        if (value.get("table_caption") or "").strip():
            segments.append(StringSegmentValue("caption", value["table_caption"]))
        return segments

    def restore_translated_segments(self, value, segments):
        value = dict(value)
        data = [list(cells) for cells in value.get("data") or []]
        for segment in segments:
            if segment.path == "caption":
                value["table_caption"] = segment.render_text()
                continue
            row, col = (int(part) for part in segment.path.split("."))
            data[row][col] = segment.render_text()
        value["data"] = data
        return value

    class Meta:
        icon = "table"
        template = "home/blocks/table_block.html"
        description = _("A table, e.g. exchange slots, fees or deadlines.")
        preview_value = {
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "table_caption": "Exchange slots",
            "data": [["Programme", "Slots", "Deadline"], ["Clinical exchange", "12", "1 March"]],
        }


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    key_figures = KeyFiguresBlock()
    call_to_action = CallToActionBlock()
    embed = EmbedBlock(
        help_text=_("Paste a video or post address, e.g. from YouTube or Vimeo."),
        icon="media",
        template="home/blocks/embed_block.html",
        description=_("A video or post embedded from another site."),
        # The picker's preview must not fetch from the provider: it shows a stand-in.
        preview_value="https://www.youtube.com/watch?v=preview",
        preview_template="home/blocks/embed_block_preview.html",
    )
    table = TranslatableTableBlock()
    contact_card = ContactCardBlock()
