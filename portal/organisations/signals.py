from django.db.models.signals import post_save
from django.dispatch import receiver

from .access import grant_organisation_access
from .models import OrganisationPage


@receiver(post_save, sender=OrganisationPage)
def give_new_organisation_its_groups(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        grant_organisation_access(instance)
