"""Emphasis of the searched words in result titles and summaries."""

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()

# The database backends do not report where they matched, so words are marked
# here. Danish endings vary ("frivillig", "frivillige", "frivilliges"), so a
# long term matches any word sharing its stem-like beginning.
STEM_KEEP = 4
STEM_TRIM = 2


def _stem(term):
    return term if len(term) <= STEM_KEEP else term[: max(STEM_KEEP, len(term) - STEM_TRIM)]


@register.filter
def highlight(text, terms):
    """``text`` escaped, with words beginning like one of ``terms`` in <mark>."""
    text = str(text or "")
    stems = sorted({_stem(term) for term in terms or () if term}, key=len, reverse=True)
    if not stems:
        return escape(text)
    pattern = re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(stem) for stem in stems) + r")\w*", re.IGNORECASE
    )
    parts, position = [], 0
    for match in pattern.finditer(text):
        parts.append(escape(text[position : match.start()]))
        parts.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))
