"""The language switcher, hreflang alternates and addresses in the visitor's language."""

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language

from .. import languages

register = template.Library()

register.filter("localized", languages.localized_path)


@register.filter
def content_lang(page):
    """` lang="da"` on a page's or a card's Danish text shown on an English page, else nothing."""
    language = getattr(page, "untranslated_language", None)
    return format_html(' lang="{}"', language) if language else ""


@register.simple_tag
def danish_only():
    """` lang="da"` on text that exists in Danish only (tags, place names, stories told
    about a tool), shown to a visitor reading another language; else nothing."""
    if get_language() == languages.DEFAULT_LANGUAGE:
        return ""
    return format_html(' lang="{}"', languages.DEFAULT_LANGUAGE)


@register.simple_tag(takes_context=True)
def localized_pageurl(context, page):
    """``{% pageurl %}``, kept in the visitor's language for a page that has no translation."""
    return languages.localized_page_url(page, context.get("request"))


@register.simple_tag(takes_context=True)
def language_links(context):
    # The server error page is made without a request, and offers no switcher.
    request = context.get("request")
    return languages.language_links(request) if request is not None else []


@register.simple_tag(takes_context=True)
def page_languages(context):
    """What the page template needs to say which language it is in.

    ``fallback`` is true when the visitor asked for a language the page has
    no translation in, and gets the Danish page at the same address.
    """
    request, page = context.get("request"), context.get("page")
    current = get_language()
    is_page = getattr(page, "translation_key", None) is not None and page.pk is not None
    if request is None:
        return {"current": current, "content": current, "fallback": False, "alternates": []}
    if not is_page:
        return {"current": current, "content": current, "fallback": False,
                "alternates": languages.view_alternates(request)}
    content = languages.page_language(page)
    alternates = languages.page_alternates(page, request)
    return {
        "current": current,
        "content": content,
        "fallback": content != current,
        "alternates": alternates,
        "canonical": dict(alternates).get(content) if content != current else None,
    }
