"""Keep what the listing caches or copies in step with its sources."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import post_page_move

from portal.core.models import Activity, Municipality, Region, TargetGroup

from .filters import clear_taxonomy_choices
from .models import OpportunityPage

for taxonomy in (Activity, Municipality, Region, TargetGroup):
    post_save.connect(clear_taxonomy_choices, sender=taxonomy, dispatch_uid=f"opps-{taxonomy}-s")
    post_delete.connect(clear_taxonomy_choices, sender=taxonomy, dispatch_uid=f"opps-{taxonomy}-d")


@receiver(post_page_move, sender=OpportunityPage)
def follow_new_organisation(sender, instance, parent_page_before, parent_page_after, **kwargs):
    """An opportunity moved to another organisation belongs to that one from now on."""
    if parent_page_before.pk != parent_page_after.pk:
        OpportunityPage.objects.filter(pk=instance.pk).update(
            owner_organisation_id=parent_page_after.pk
        )
