"""Keep what the listing caches or copies in step with its sources."""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import (
    copy_for_translation_done,
    page_published,
    page_unpublished,
    post_page_move,
)

from portal.core.models import Activity, Municipality, Region, TargetGroup
from portal.core.page_cache import start_new_generation

from .facet_index import listing_changed
from .filters import clear_taxonomy_choices
from .models import OpportunityPage, Shift, ShiftBooking
from .models.pages import changes_public_view
from .tasks import announce_listing_change

for taxonomy in (Activity, Municipality, Region, TargetGroup):
    post_save.connect(clear_taxonomy_choices, sender=taxonomy, dispatch_uid=f"opps-{taxonomy}-s")
    post_delete.connect(clear_taxonomy_choices, sender=taxonomy, dispatch_uid=f"opps-{taxonomy}-d")


def _after_commit(**kwargs):
    # Now, and again after the commit, so an index built in between cannot
    # hold on to rows from before it.
    listing_changed()
    transaction.on_commit(announce_listing_change)


@receiver(post_save, sender=OpportunityPage)
def _after_page_save(sender, instance, update_fields=None, **kwargs):
    if changes_public_view(instance, update_fields):
        _after_commit()


for signal in (post_delete, page_published, page_unpublished):
    signal.connect(_after_commit, sender=OpportunityPage, dispatch_uid=f"opps-{signal}-page")
for signal in (post_save, post_delete):
    signal.connect(_after_commit, sender=Shift, dispatch_uid=f"opps-{signal}-shift")
# A shift changed or a place taken changes the free places the kept pages show.
for model in (Shift, ShiftBooking):
    for signal in (post_save, post_delete):
        signal.connect(start_new_generation, sender=model,
                       dispatch_uid=f"pagecache-{signal}-{model.__name__}")
for field in ("municipalities", "activities", "target_groups"):
    m2m_changed.connect(_after_commit, sender=getattr(OpportunityPage, field).through,
                        dispatch_uid=f"opps-m2m-{field}")
# A municipality moved to another region, or a term removed, changes the counts too.
for taxonomy in (Activity, Municipality, Region, TargetGroup):
    for signal in (post_save, post_delete):
        signal.connect(_after_commit, sender=taxonomy, dispatch_uid=f"opps-{signal}-{taxonomy}")


def _refresh_subtree(path):
    OpportunityPage.objects.filter(path__startswith=path).refresh_listing_columns()


@receiver(page_published)
@receiver(page_unpublished)
def refresh_published(sender, instance, **kwargs):
    # save() refreshes too, but only when the specific page is the one saved.
    if isinstance(instance, OpportunityPage):
        OpportunityPage.objects.filter(pk=instance.pk).refresh_listing_columns()


@receiver(post_save, sender=Shift)
@receiver(post_delete, sender=Shift)
def refresh_next_shift(sender, instance, **kwargs):
    OpportunityPage.objects.filter(pk=instance.opportunity_id).refresh_listing_columns()


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def refresh_restricted(sender, instance, **kwargs):
    """A restriction on a page hides, and its removal shows, every opportunity below it."""
    path = Page.objects.filter(pk=instance.page_id).values_list("path", flat=True).first()
    if path:
        _refresh_subtree(path)


@receiver(post_page_move)
def refresh_moved(sender, instance, **kwargs):
    """Moved under or out of a restricted section, a subtree's opportunities follow."""
    _refresh_subtree(instance.path)


@receiver(post_page_move, sender=OpportunityPage)
def follow_new_organisation(sender, instance, parent_page_before, parent_page_after, **kwargs):
    """An opportunity moved to another organisation belongs to that one from now on."""
    if parent_page_before.pk != parent_page_after.pk:
        OpportunityPage.objects.filter(pk=instance.pk).update(
            owner_organisation_id=parent_page_after.pk
        )


@receiver(copy_for_translation_done)
def share_shifts_with_translation(sender, source_obj, target_obj, **kwargs):
    """A translation reads its Danish page's shifts: it gets no copies of its own.

    Only translating leaves them out; an editor's ordinary "copy page" copies them.
    The copy's latest revision goes too, or publishing it would save the copies again.
    """
    if not isinstance(target_obj, OpportunityPage):
        return
    Shift.objects.filter(opportunity=target_obj).delete()
    revision = target_obj.latest_revision
    if revision is not None and revision.content.get("shifts"):
        revision.content["shifts"] = []
        revision.save(update_fields=["content"])
