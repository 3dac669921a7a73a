"""Who may keep which tool experiences: the editors of the organisation that had them.

``usages_for`` is the one place the admin narrows experiences; the permission
policy, every admin view and the form all go through it.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies.base import BasePermissionPolicy

from portal.organisations.models import OrganisationAccess, OrganisationPage

SEE_ALL_PERMISSION = "toolshare.change_toolusage"


def sees_all(user):
    """Superusers and moderators given the model permission keep every organisation's."""
    return user.is_active and (user.is_superuser or user.has_perm(SEE_ALL_PERMISSION))


def editable_organisations(user):
    if not (user.is_authenticated and user.is_active):
        return OrganisationPage.objects.none()
    if sees_all(user):
        return OrganisationPage.objects.all()
    return OrganisationPage.objects.filter(access__editors__in=user.groups.all())


def usages_for(user):
    from .models import ToolUsage

    if not (user.is_authenticated and user.is_active):
        return ToolUsage.objects.none()
    if sees_all(user):
        return ToolUsage.objects.all()
    return ToolUsage.objects.filter(organisation__in=editable_organisations(user))


class OwnOrganisationPolicy(BasePermissionPolicy):
    """Any action on an experience is allowed to the editors of its organisation."""

    def user_has_permission(self, user, action):
        return editable_organisations(user).exists()

    def user_has_any_permission(self, user, actions):
        return self.user_has_permission(user, None)

    def user_has_permission_for_instance(self, user, action, instance):
        return usages_for(user).filter(pk=instance.pk).exists()

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_permission_for_instance(user, None, instance)

    def instances_user_has_permission_for(self, user, action):
        return usages_for(user)

    def instances_user_has_any_permission_for(self, user, actions):
        return usages_for(user)

    def users_with_any_permission(self, actions):
        return get_user_model().objects.filter(
            Q(is_superuser=True) | Q(groups__in=OrganisationAccess.objects.values("editors")),
            is_active=True,
        ).distinct()

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])
