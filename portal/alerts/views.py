"""The alert's pages: ask for one, confirm it, unsubscribe.

Every response is ``never_cache``: the form carries one-time values and the link
pages belong to one person. The address travels only in the POST body; links
carry signed tokens. A GET only shows; a POST acts, because mail scanners open
links. The unsubscribe address also takes RFC 8058's one-click POST, which a
mail program sends without a CSRF token: the token in the address is the
permission, and unsubscribing twice is harmless.
"""

from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from portal.core.languages import localized_path
from portal.matching.languages import active_language
from portal.matching.throttle import allow_submission
from portal.matching.views import posted_data, rate_limited
from portal.worker.outbox import enqueue_with_transaction

from .forms import SubscriptionForm
from .models import Subscription
from .saved_filters import describe, filterset_for, listing_path, notices, saved_query
from .tasks import send_confirmation
from .tokens import from_confirm_token, unsubscribe_key


def _page(request, form, query, status=200):
    filterset = filterset_for(query)
    return render(request, "alerts/subscribe.html", {
        "form": form, "filters": describe(filterset), "notices": notices(filterset),
        "listing_path": _in_language(listing_path(saved_query(filterset))),
    }, status=status)


def _in_language(path):
    return localized_path(path) if path else path


@never_cache
@require_http_methods(["GET", "POST"])
def subscribe(request):
    if request.method == "GET":
        query = saved_query(filterset_for(request.GET.urlencode()))
        return _page(request, SubscriptionForm(initial={"filters": query}), request.GET.urlencode())
    if not allow_submission(request):
        return rate_limited(request)
    form = SubscriptionForm(posted_data(request))
    if not form.is_valid():
        form.fresh_guards()
        return _page(request, form, form.data.get("filters", "")[:4000])
    data = form.cleaned_data
    _store(data["email"], saved_query(filterset_for(data["filters"])), data["frequency"],
           data["idempotency_token"], active_language())
    return redirect("alerts:check_mail")


def _store(email, query, frequency, token, language):
    """A new subscription with its confirmation mail (in one transaction, like an outbox).

    A second request for the same address and filters stores nothing: an unconfirmed
    one gets its confirmation again, a confirmed one stays as it is. The visitor sees
    the same page either way, so the form does not tell who is subscribed.
    """
    with transaction.atomic():
        if Subscription.objects.filter(idempotency_token=token).exists():
            return  # the same form sent twice
        existing = Subscription.objects.filter(email__iexact=email, query=query).first()
        if existing is None:
            existing = Subscription.objects.create(email=email, query=query,
                                                   frequency=frequency, idempotency_token=token,
                                                   language=language)
        if existing.confirmed_at is None:
            enqueue_with_transaction(send_confirmation, existing.pk)


@never_cache
def check_mail(request):
    return render(request, "alerts/check_mail.html")


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    subscription = from_confirm_token(token)
    if subscription is None:
        return render(request, "alerts/link_gone.html", status=404)
    if request.method == "POST":
        Subscription.objects.filter(pk=subscription.pk, confirmed_at__isnull=True).update(
            confirmed_at=timezone.now())
        return redirect(reverse("alerts:confirm", args=[token]))
    return render(request, "alerts/confirm.html", {
        "subscription": subscription, "filters": describe(filterset_for(subscription.query)),
    })


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    key = unsubscribe_key(token)
    if key is None:
        return render(request, "alerts/link_gone.html", status=404)
    subscription = Subscription.objects.filter(key=key).first()
    if request.method == "POST":
        Subscription.objects.filter(key=key).delete()
        return render(request, "alerts/unsubscribed.html")
    if subscription is None:  # unsubscribed before: the link says so again
        return render(request, "alerts/unsubscribed.html")
    return render(request, "alerts/unsubscribe.html", {
        "filters": describe(filterset_for(subscription.query)),
    })
