"""The public intake: offer and referral forms, the receipt and withdrawal.

Every response here is ``never_cache``: forms carry a one-time token and
receipts belong to one person. Nothing personal goes into a URL: the forms
post, and the receipt address holds only the signed reference.
"""

from django.conf import settings
from django.core.signing import BadSignature, Signer
from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from portal.core.languages import localized_page_url

from .availability import ShiftFull, is_open, published_opportunity
from .forms import OfferForm, ReferralChoiceForm, ReferralForm
from .intake import Duplicate, store
from .languages import active_language
from .mails import booked, waiting_for
from .models import FINISHED, Kind, MatchRequest, Status
from .tasks import RECEIPT_SALT, receipt_path
from .throttle import allow_submission
from .workflow import change_status


def rate_limited(request):
    response = render(request, "matching/rate_limited.html", status=429)
    response["Retry-After"] = str(settings.INTAKE_RATE_WINDOW_SECONDS)
    return response


def posted_data(request):
    """The posted fields, with bytes that are not UTF-8 marked as unreadable.

    Django reads a url-encoded body that is not UTF-8 as Latin-1, which turns
    such bytes into plausible letters ("ÿþ"). Decoded with replacement
    characters instead, the form refuses them next to the field they came in.
    """
    if request.content_type == "application/x-www-form-urlencoded":
        try:
            request.body.decode("utf-8")
        except UnicodeDecodeError:
            return QueryDict(request.body.decode("utf-8", errors="replace"))
    return request.POST


def _stored_or_errors(form, fields, shifts=(), waitlist=()):
    """Store the submission, or put the reason on the form; returns the request or None.

    The request keeps the language of the page it came from, for its receipt and mails.
    """
    try:
        match_request, _created = store({**fields, "preferred_language": active_language()},
                                        shifts, waitlist)
    except ShiftFull:
        form.add_error("shifts" if "shifts" in form.fields else None,
                       _("Der er ikke flere pladser på den valgte vagt. Vælg en anden vagt."))
    except Duplicate:
        form.add_error(None, _("Formularen er allerede brugt til en anden henvendelse. "
                               "Kontrollér oplysningerne, og send den igen."))
        form.renew_token()
    else:
        return match_request
    return None


def _render_invalid(request, template, context, form):
    form.fresh_guards()
    return render(request, template, context)


@never_cache
@require_http_methods(["GET", "POST"])
def offer(request, opportunity_id):
    opportunity = published_opportunity(opportunity_id)
    if opportunity is None:
        raise Http404
    if request.method == "GET":
        return redirect(localized_page_url(opportunity, request) + "#tilmelding")
    if not allow_submission(request):
        return rate_limited(request)

    form = OfferForm(posted_data(request), opportunity=opportunity)
    context = {"opportunity": opportunity, "form": form,
               "opportunity_url": localized_page_url(opportunity, request)}
    if not is_open(opportunity):
        form.add_error(None, _("Opgaven tager ikke imod tilmeldinger lige nu."))
        return _render_invalid(request, "matching/offer_page.html", context, form)
    if form.is_valid():
        data = form.cleaned_data
        match_request = _stored_or_errors(form, {
            "kind": Kind.OFFER, "organisation": opportunity.organisation,
            "opportunity": opportunity, "idempotency_token": data["idempotency_token"],
            "name": data["name"], "email": data["email"], "phone": data["phone"],
            "message": data["message"],
        }, data.get("shifts", ()), data.get("waitlist", ()))
        if match_request:
            return redirect(receipt_path(match_request))
    return _render_invalid(request, "matching/offer_page.html", context, form)


def _choice(request_data):
    """Municipality and activity from step one, or ``(None, None)``."""
    choice = ReferralChoiceForm(request_data)
    if choice.is_valid():
        return choice, choice.cleaned_data["municipality"], choice.cleaned_data["activity"]
    return choice, None, None


@never_cache
@require_http_methods(["GET", "POST"])
def referral(request):
    if request.method == "GET":
        choice, municipality, activity = _choice(request.GET if request.GET else None)
        form = ReferralForm(municipality=municipality, activity=activity) if activity else None
        return render(request, "matching/referral_page.html",
                      {"choice": choice, "form": form, "chosen": bool(activity)})

    if not allow_submission(request):
        return rate_limited(request)
    data = posted_data(request)
    choice, municipality, activity = _choice(data)
    form = ReferralForm(data, municipality=municipality, activity=activity)
    context = {"choice": choice, "form": form, "chosen": bool(activity)}
    if form.is_valid():
        data = form.cleaned_data
        fields = {name: data[name] for name in (
            "idempotency_token", "name", "referrer_role", "referrer_workplace", "email",
            "phone", "preferred_times", "language", "contact_route", "citizen_phone",
            "message", "municipality", "activity", "organisation",
        )}
        match_request = _stored_or_errors(form, {"kind": Kind.REFERRAL, **fields})
        if match_request:
            return redirect(receipt_path(match_request))
    return _render_invalid(request, "matching/referral_page.html", context, form)


def _from_token(token):
    try:
        reference = Signer(salt=RECEIPT_SALT).unsign(token)
    except BadSignature:
        raise Http404 from None
    return get_object_or_404(
        MatchRequest.objects.select_related("organisation"), reference=reference,
        erased_at__isnull=True,
    )


@never_cache
def receipt(request, token):
    match_request = _from_token(token)
    return render(request, "matching/receipt.html", {
        "match_request": match_request,
        "token": token,
        "can_withdraw": match_request.can_move_to(Status.WITHDRAWN),
        "finished": match_request.status in FINISHED,
        "retention_days": settings.MATCH_REQUEST_RETENTION_DAYS,
        "shifts": booked(match_request),
        "waiting": waiting_for(match_request),
    })


@never_cache
@require_POST
def withdraw(request, token):
    match_request = _from_token(token)
    if match_request.can_move_to(Status.WITHDRAWN):
        change_status(match_request, Status.WITHDRAWN)
    return redirect(receipt_path(match_request))
