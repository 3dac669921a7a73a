"""The second sign-in step and setting up an authenticator app, in the Wagtail admin."""

import django_otp
from django.contrib import messages
from django.http import QueryDict
from django.shortcuts import redirect, resolve_url
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from portal.core import two_factor

from .forms import AppCodeForm, CodeForm
from .policy import requires_two_factor

WRONG_CODE = _("Koden er forkert eller udløbet. Prøv igen.")
THROTTLED = _("For mange forkerte koder i træk. Vent et øjeblik, og prøv så igen.")


def _next_url(request):
    """Where to go after this step: the page asked for, if it is on this site."""
    target = request.POST.get("next") or request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return resolve_url("wagtailadmin_home")


def _with_next(url_name, request):
    query = QueryDict(mutable=True)
    query["next"] = _next_url(request)
    return f"{reverse(url_name)}?{query.urlencode(safe='/')}"


@sensitive_post_parameters("code")
@never_cache
def verify(request):
    user = request.user
    if user.is_verified():
        return redirect(_next_url(request))
    if not two_factor.has_device(user):
        return redirect(_with_next("accounts_setup", request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if two_factor.is_throttled(user):
            form.add_error("code", THROTTLED)
        elif device := two_factor.verify_code(user, form.cleaned_data["code"]):
            django_otp.login(request, device)
            _warn_about_remaining_backup_codes(request, device)
            return redirect(_next_url(request))
        else:
            form.add_error("code", WRONG_CODE)
    return TemplateResponse(request, "accounts/verify.html", {
        "form": form, "next": _next_url(request),
    })


def _warn_about_remaining_backup_codes(request, device):
    if not two_factor.is_backup_code_device(device):
        return
    left = len(two_factor.backup_codes(request.user))
    messages.warning(request, ngettext(
        "Du har brugt en reservekode. Du har %(count)d tilbage.",
        "Du har brugt en reservekode. Du har %(count)d tilbage.",
        left,
    ) % {"count": left})


@sensitive_post_parameters("code")
@never_cache
def setup(request):
    """Show the pending app's QR code and confirm it with a first code."""
    user = request.user
    pending = two_factor.pending_app_device(user)
    form = AppCodeForm(request.POST or None)
    if request.method == "POST" and pending and form.is_valid():
        if two_factor.confirm_app(pending, form.cleaned_data["code"]):
            return _finish_setup(request, pending)
        form.add_error("code", WRONG_CODE)
    return TemplateResponse(request, "accounts/setup.html", {
        "form": form,
        "pending": pending,
        "qr_code": pending and two_factor.qr_code_data_uri(pending),
        "secret": pending and two_factor.readable_secret(pending),
        "current_app": two_factor.app_device(user),
        "required": requires_two_factor(user),
        "next": _next_url(request),
        "page_title": _("Totrinsbekræftelse"),
        "header_icon": "key",
    })


def _finish_setup(request, device):
    if not two_factor.backup_codes(request.user):
        two_factor.replace_backup_codes(request.user)
    django_otp.login(request, device)
    messages.success(request, _(
        "Godkendelsesappen er sat op. Gem dine reservekoder et sikkert sted."
    ))
    return redirect(_with_next("accounts_backup_codes", request))


@require_POST
def new_secret(request):
    """A new secret to scan (a first app, or one replacing a lost phone)."""
    two_factor.start_app_setup(request.user)
    return redirect(_with_next("accounts_setup", request))


@never_cache
def backup_codes(request):
    if two_factor.app_device(request.user) is None:
        return redirect(_with_next("accounts_setup", request))
    if request.method == "POST":
        two_factor.replace_backup_codes(request.user)
        messages.success(request, _("Du har fået nye reservekoder. De gamle virker ikke længere."))
        return redirect(_with_next("accounts_backup_codes", request))
    return TemplateResponse(request, "accounts/backup_codes.html", {
        "codes": two_factor.backup_codes(request.user),
        "next": _next_url(request),
        "page_title": _("Reservekoder"),
        "header_icon": "key",
    })
