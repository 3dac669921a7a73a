"""Access and erasure on request, for superusers in the admin (like the commands)."""

import json

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages

from .privacy import erase_personal_data, personal_data, requests_of


class EmailForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("Personens e-mailadresse"))


def personal_data_view(request):
    """POST only carries the address: it must never sit in a URL or an access log."""
    if not request.user.is_superuser:
        raise PermissionDenied
    form = EmailForm(request.POST if request.method == "POST" else None)
    found = None
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        action = request.POST.get("action")
        if action == "export":
            response = HttpResponse(
                json.dumps(personal_data(email, user=request.user), ensure_ascii=False, indent=2),
                content_type="application/json; charset=utf-8",
            )
            response["Content-Disposition"] = 'attachment; filename="personoplysninger.json"'
            return response
        if action == "erase":
            report = erase_personal_data(email, user=request.user)
            messages.success(request, _("%(count)d henvendelser er slettet.")
                             % {"count": len(report.erased)})
        found = requests_of(email).count()
    return TemplateResponse(request, "matching/admin/personal_data.html", {
        "form": form, "found": found, "page_title": _("Indsigt og sletning"),
        "header_icon": "user",
    })
