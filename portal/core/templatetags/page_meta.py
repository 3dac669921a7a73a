"""The description search engines and link previews show for a page."""

from django import template
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _

register = template.Library()

# In order of preference: what the editor wrote for search engines (Wagtail's
# promote tab), then the page's own summary or introduction.
DESCRIPTION_FIELDS = ("search_description", "summary", "intro", "lead")
MAX_CHARS = 160


def _plain(value):
    return " ".join(strip_tags(str(value or "")).split())


@register.simple_tag(takes_context=True)
def meta_description(context):
    page = context.get("page")
    for field in DESCRIPTION_FIELDS:
        text = _plain(getattr(page, field, ""))
        if text:
            return Truncator(text).chars(MAX_CHARS)
    return _(
        "Bindeled samler frivilligopgaver, erfaringer og digitale værktøjer "
        "til det sociale frivillige arbejde i Danmark."
    )
