"""Danish for every staff user, whatever language their browser asks for.

Wagtail shows the admin, and writes its moderation mails, in the user's
preferred language; left empty, that is the language of the request (the
browser's), and a user without a profile gets no override at all. Each user
therefore starts with a profile that prefers the site's language; a user may
still choose another in their account settings.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.users.models import UserProfile


@receiver(post_save, sender=get_user_model())
def prefer_the_site_language(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        UserProfile.objects.get_or_create(
            user=instance, defaults={"preferred_language": settings.LANGUAGE_CODE}
        )
