"""StreamField blocks shared by every page type; page types pick from these."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("overskrift"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("niveau"),
        choices=[("h2", _("Overskrift 2")), ("h3", _("Overskrift 3"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "components/blocks/heading.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("citat"))
    attribution = blocks.CharBlock(label=_("hvem siger det"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        template = "components/blocks/quote.html"


class FigureBlock(blocks.StructBlock):
    """A key figure, e.g. "55.000" — "ældre hjulpet med it"."""

    value = blocks.CharBlock(label=_("tal"), max_length=30)
    label = blocks.CharBlock(label=_("forklaring"), max_length=120)

    class Meta:
        icon = "order"


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("tekst"), max_length=80)
    page = blocks.PageChooserBlock(label=_("side"), required=False)
    url = blocks.URLBlock(label=_("eller adresse"), required=False)

    class Meta:
        icon = "link"
        template = "components/blocks/call_to_action.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("dokument"))
    title = blocks.CharBlock(label=_("titel"), required=False, max_length=120)

    class Meta:
        icon = "doc-full"
        template = "components/blocks/document_link.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("tekst"),
        features=["bold", "italic", "link", "ol", "ul", "document-link"],
        template="components/blocks/paragraph.html",
    )
    image = ImageBlock(label=_("billede"), template="components/blocks/image.html")
    quote = QuoteBlock()
    figures = blocks.ListBlock(
        FigureBlock(), label=_("nøgletal"), template="components/blocks/figures.html"
    )
    call_to_action = CallToActionBlock(label=_("knap"))
    document = DocumentLinkBlock(label=_("dokument"))
