"""The two mails of an alert, in the subscriber's language, as plain text with a simple
HTML copy.

Every mail carries the subscription's one-click unsubscribe (RFC 8058): a link in
the text and the ``List-Unsubscribe`` / ``List-Unsubscribe-Post`` headers, whose
POST needs nothing but the token in the address.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from portal.core.languages import localized_path
from portal.core.translations import show_in_language
from portal.matching.languages import active_language, in_language, moment_text

from .saved_filters import describe, filterset_for, listing_path
from .tokens import confirm_token, unsubscribe_token

# More than this in one digest: the mail lists the newest and links to the rest.
DIGEST_ITEMS = 20


def base_url():
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def unsubscribe_url(subscription):
    return base_url() + reverse("alerts:unsubscribe", args=[unsubscribe_token(subscription)])


def _message(subscription, template, context, message_id):
    context = {**context, "filters": describe(filterset_for(subscription.query)),
               "unsubscribe_url": unsubscribe_url(subscription),
               "frequency": subscription.get_frequency_display().lower()}
    subject, _newline, text = render_to_string(f"alerts/mail/{template}.txt",
                                               context).strip().partition("\n")
    domain = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname
    message = EmailMultiAlternatives(
        subject.strip(), text.strip() + "\n", settings.DEFAULT_FROM_EMAIL, [subscription.email],
        headers={
            "List-Unsubscribe": f"<{context['unsubscribe_url']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Message-ID": f"<{message_id}@{domain}>",
            "Content-Language": active_language(),
        },
    )
    message.attach_alternative(
        render_to_string(f"alerts/mail/{template}.html", {**context, "subject": subject.strip()}),
        "text/html")
    return message


def confirmation(subscription):
    with in_language(subscription.language):
        confirm_url = base_url() + reverse("alerts:confirm", args=[confirm_token(subscription)])
        return _message(subscription, "confirm", {"confirm_url": confirm_url},
                        f"alert-confirm-{subscription.key}")


def _item(page):
    """One opportunity as the digest lists it; ``page`` as ``show_in_language`` shows it."""
    where = _("online") if page.is_online else ", ".join(
        municipality.name for municipality in page.municipalities.all())
    return {
        "page": page, "title": page.title, "summary": page.summary, "where": where,
        "commitment": page.get_commitment_display(),
        "organisation": page.owner_organisation.title if page.owner_organisation else "",
        "published": moment_text(page.published_at),
        "url": base_url() + page.get_url_parts()[2],
    }


def digest(subscription, delivery, matches, since):
    """The digest of ``matches`` (a queryset, newest first), new since ``since``."""
    total = matches.count()
    pages = matches.select_related("owner_organisation").prefetch_related(
        "municipalities")[:DIGEST_ITEMS]
    listing = listing_path(subscription.query)
    with in_language(subscription.language):
        # An English subscriber reads an opportunity's live English translation (title,
        # summary, address) where there is one, and the Danish one at its /en/ address.
        pages = show_in_language(pages)
        return _message(subscription, "digest", {
            "items": [_item(page) for page in pages], "total": total,
            "more": max(total - DIGEST_ITEMS, 0), "since": moment_text(since),
            "listing_url": base_url() + localized_path(listing) if listing else "",
        }, f"alert-{delivery.pk}.{delivery.period}"), total
