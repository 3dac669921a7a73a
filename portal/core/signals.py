from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import PortalSettings

FOOTER_FRAGMENT = "site_footer"


@receiver(post_save, sender=PortalSettings)
def refresh_footer(sender, **kwargs):
    cache.delete(make_template_fragment_key(FOOTER_FRAGMENT))
