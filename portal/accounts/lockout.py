"""The answer django-axes gives once a username is locked out from one address."""

from django.conf import settings
from django.template.response import TemplateResponse


def locked_out(request, original_response=None, credentials=None):
    minutes = max(1, round(settings.AXES_COOLOFF_TIME.total_seconds() / 60))
    return TemplateResponse(
        request, "accounts/locked_out.html", {"cooloff_minutes": minutes},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    ).render()
