"""The public pages behind the links in the e-mails after an offer.

Each link is for one thing (``portal.matching.links``). A GET only shows what
the link will do; the change is a POST from the page's button, because mail
scanners open the links in a message before the person does. A forged link
is a 404; a used or expired one says so (410).
"""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from . import links
from .followup import record_answer
from .languages import moment_text
from .mails import describe_shift, receipt_path, shift_place
from .models import FollowUpAnswer
from .reminders import cannot_come
from .tracking import ActionToken
from .waitlist import OfferGone, take

Purpose = ActionToken.Purpose


def _token(value, purpose):
    token = links.find(value, purpose)
    if token is None:
        raise Http404
    return token


def _gone(request):
    return render(request, "matching/link_gone.html", status=410)


def _shift_context(token):
    shift = token.shift
    return {"shift": describe_shift(shift.starts_at, shift.ends_at, shift_place(shift)),
            "opportunity": shift.opportunity.title, "token": token,
            "until": moment_text(token.expires_at, weekday=True),
            "receipt_url": receipt_path(token.request)}


@never_cache
@require_http_methods(["GET", "POST"])
def cancel_shift(request, token):
    token = _token(token, Purpose.CANCEL)
    if not token.usable:
        return _gone(request)
    context = _shift_context(token)
    if request.method == "POST":
        if not cannot_come(token):
            return _gone(request)
        return render(request, "matching/cancel_shift.html", {**context, "done": True})
    return render(request, "matching/cancel_shift.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def take_place(request, token):
    token = _token(token, Purpose.TAKE_PLACE)
    if not token.usable:
        return _gone(request)
    context = _shift_context(token)
    if request.method == "POST":
        try:
            take(token)
        except OfferGone:
            return _gone(request)
        return render(request, "matching/take_place.html", {**context, "done": True})
    return render(request, "matching/take_place.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def followup(request, token):
    token = _token(token, Purpose.FOLLOWUP)
    if not token.usable:
        return _gone(request)
    match_request = token.request
    context = {"token": token, "answers": FollowUpAnswer.choices,
               "organisation": match_request.organisation.title,
               "reference": match_request.reference,
               "chosen": request.GET.get("svar", match_request.followup_answer)}
    if request.method == "POST":
        answer = request.POST.get("answer")
        if answer not in FollowUpAnswer.values:
            context["error"] = True
            return render(request, "matching/followup.html", context, status=400)
        if not record_answer(token, answer):
            return _gone(request)
        context.update(done=True, chosen=answer, answer_label=FollowUpAnswer(answer).label)
    return render(request, "matching/followup.html", context)
