"""The blocks only cases and guides use: a case's results, a guide's steps."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from portal.core.blocks import FigureBlock, QuoteBlock


class ResultBlock(blocks.StreamBlock):
    figures = blocks.ListBlock(
        FigureBlock(), label=_("nøgletal"), template="components/blocks/figures.html"
    )
    quote = QuoteBlock()
    paragraph = blocks.RichTextBlock(
        label=_("tekst"), features=["bold", "italic", "link", "ul"],
        template="components/blocks/paragraph.html",
    )


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("trin"), max_length=120)
    text = blocks.RichTextBlock(label=_("sådan gør I"), features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "list-ol"
