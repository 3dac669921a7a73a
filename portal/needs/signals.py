from django.dispatch import receiver
from wagtail.signals import post_page_move

from .models import NeedPage


@receiver(post_page_move, sender=NeedPage)
def follow_new_organisation(sender, instance, parent_page_before, parent_page_after, **kwargs):
    """A need moved to another organisation belongs to that one from now on: its
    listings, facet and reminders read the copied ``organisation``."""
    if parent_page_before.pk != parent_page_after.pk:
        NeedPage.objects.filter(pk=instance.pk).update(organisation_id=parent_page_after.pk)
