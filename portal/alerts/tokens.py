"""The signed links in the mails: one purpose each, naming the subscription's secret key.

A confirmation link works for ``CONFIRM_DAYS`` (an unconfirmed subscription is deleted
then anyway); an unsubscribe link works as long as the subscription exists.
"""

from datetime import timedelta

from django.core import signing

from .models import Subscription

CONFIRM_DAYS = 7
CONFIRM_SALT = "alerts.confirm"
UNSUBSCRIBE_SALT = "alerts.unsubscribe"


def confirm_token(subscription):
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(str(subscription.key))


def unsubscribe_token(subscription):
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(str(subscription.key))


def from_confirm_token(token):
    """The subscription the link names, or ``None`` when it is forged, expired or gone."""
    try:
        key = signing.TimestampSigner(salt=CONFIRM_SALT).unsign(
            token, max_age=timedelta(days=CONFIRM_DAYS))
    except signing.BadSignature:
        return None
    return Subscription.objects.filter(key=key).first()


def unsubscribe_key(token):
    """The key an unsubscribe link names (its subscription may be gone), or ``None``."""
    try:
        return signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token)
    except signing.BadSignature:
        return None
