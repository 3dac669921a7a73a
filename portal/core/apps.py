import logging

from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"


def mail_transport():
    """Which way the portal's mail leaves, in words, without credentials.

    Said at start-up because a wrong guess (STARTTLS towards a plain relay)
    otherwise shows only as mail failing after its retries.
    """
    if settings.EMAIL_BACKEND != SMTP_BACKEND:
        return f"{settings.EMAIL_BACKEND} (no SMTP server: EMAIL_HOST is not set)"
    if settings.EMAIL_USE_SSL:
        security = "over SSL"
    elif settings.EMAIL_USE_TLS:
        security = "with STARTTLS"
    else:
        security = "without encryption"
    return f"SMTP to {settings.EMAIL_HOST}:{settings.EMAIL_PORT} {security}"


class CoreConfig(AppConfig):
    name = "portal.core"
    label = "core"
    verbose_name = _("Fælles")

    def ready(self):
        from . import checks, signals  # noqa: F401

        # Wagtail's admin forms load models: they can be imported only once the apps are ready.
        from .slugs import use_danish_slugs_in_admin_forms

        use_danish_slugs_in_admin_forms()

        logger.info("Mail: %s", mail_transport())
