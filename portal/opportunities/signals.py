"""Keep what the listing caches or copies in step with its sources."""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from portal.core.models import Activity, Municipality, Region, TargetGroup

from .facets import listing_changed
from .filters import clear_taxonomy_choices
from .models import OpportunityPage, Shift

for taxonomy in (Activity, Municipality, Region, TargetGroup):
    post_save.connect(clear_taxonomy_choices, sender=taxonomy, dispatch_uid=f"opps-{taxonomy}-s")
    post_delete.connect(clear_taxonomy_choices, sender=taxonomy, dispatch_uid=f"opps-{taxonomy}-d")


def _after_commit(**kwargs):
    # Now, and again after the commit, so a count cached in between cannot
    # hold on to rows from before it.
    listing_changed()
    transaction.on_commit(listing_changed)


for signal in (post_save, post_delete, page_published, page_unpublished):
    signal.connect(_after_commit, sender=OpportunityPage, dispatch_uid=f"opps-{signal}-page")
for signal in (post_save, post_delete):
    signal.connect(_after_commit, sender=Shift, dispatch_uid=f"opps-{signal}-shift")
for field in ("municipalities", "activities", "target_groups"):
    m2m_changed.connect(_after_commit, sender=getattr(OpportunityPage, field).through,
                        dispatch_uid=f"opps-m2m-{field}")


@receiver(post_page_move, sender=OpportunityPage)
def follow_new_organisation(sender, instance, parent_page_before, parent_page_after, **kwargs):
    """An opportunity moved to another organisation belongs to that one from now on."""
    if parent_page_before.pk != parent_page_after.pk:
        OpportunityPage.objects.filter(pk=instance.pk).update(
            owner_organisation_id=parent_page_after.pk
        )
