"""Retention, access and erasure of the alerts' e-mail addresses.

Registered with ``portal.core.retention`` in ``AlertsConfig.ready()``, so the
project's retention job (``erase_expired_requests``: command and task) deletes
unconfirmed subscriptions, and its export and erasure on request
(``export_personal_data``, ``erase_personal_data``, the admin's "Indsigt og
sletning") cover them, without the matching app knowing this one.
"""

from datetime import timedelta

from django.utils import timezone

from .models import Delivery, Subscription
from .saved_filters import describe, filterset_for
from .tokens import CONFIRM_DAYS

# Digest rows only prevent a second mail in the same period; older ones say nothing.
DELIVERIES_KEPT = timedelta(days=60)


def expire(today):
    """Delete subscriptions unconfirmed after ``CONFIRM_DAYS`` and old digest rows."""
    now = timezone.now()
    unconfirmed, _by_model = Subscription.objects.filter(
        confirmed_at__isnull=True, created_at__lt=now - timedelta(days=CONFIRM_DAYS)
    ).delete()
    old, _by_model = Delivery.objects.filter(claimed_at__lt=now - DELIVERIES_KEPT).delete()
    return unconfirmed + old


def _of(terms):
    subscriptions = Subscription.objects.none()
    for term in terms:
        subscriptions |= Subscription.objects.filter(email__iexact=term.strip())
    return subscriptions


def forget(terms):
    """Delete the subscriptions of any address among ``terms``; returns how many."""
    return _of(terms).delete()[1].get(Subscription._meta.label, 0)


def _when(value):
    return timezone.localtime(value).isoformat() if value else None


def export(email):
    """The person's subscriptions, as the export of personal data lists them."""
    return [
        {"email": subscription.email, "filters": describe(filterset_for(subscription.query)),
         "query": subscription.query, "frequency": subscription.frequency,
         "language": subscription.language,
         "created": _when(subscription.created_at),
         "confirmed": _when(subscription.confirmed_at),
         "last_digest_until": _when(subscription.digest_until)}
        for subscription in _of([email]).order_by("created_at")
    ]
