"""Who may do what with match requests in the admin.

Coordinators of any organisation may view and work requests; which requests
is decided by ``MatchRequest.objects.for_user`` alone. Nobody creates requests
in the admin; only superusers delete or erase them.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies.base import BasePermissionPolicy

from portal.organisations.models import OrganisationAccess

from .models import MatchRequest

COORDINATOR_ACTIONS = {"view", "change"}
SUPERUSER_ACTIONS = {"view", "change", "delete"}


def is_coordinator(user):
    if not (user.is_authenticated and user.is_active):
        return False
    cached = getattr(user, "_matching_is_coordinator", None)
    if cached is None:
        cached = user.groups.filter(
            pk__in=OrganisationAccess.objects.values("coordinators")
        ).exists()
        user._matching_is_coordinator = cached
    return cached


class MatchRequestPermissionPolicy(BasePermissionPolicy):
    def __init__(self):
        super().__init__(MatchRequest)

    def user_has_permission(self, user, action):
        if not (user.is_authenticated and user.is_active):
            return False
        if user.is_superuser:
            return action in SUPERUSER_ACTIONS
        return action in COORDINATOR_ACTIONS and is_coordinator(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            self.user_has_permission(user, action)
            and MatchRequest.objects.for_user(user).filter(pk=instance.pk).exists()
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if self.user_has_any_permission(user, actions):
            return MatchRequest.objects.for_user(user)
        return MatchRequest.objects.none()

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True)
        if set(actions) & COORDINATOR_ACTIONS:
            return users.filter(
                Q(is_superuser=True)
                | Q(groups__pk__in=OrganisationAccess.objects.values("coordinators"))
            ).distinct()
        if set(actions) & SUPERUSER_ACTIONS:
            return users.filter(is_superuser=True)
        return users.none()

    def users_with_any_permission_for_instance(self, actions, instance):
        users = self.users_with_any_permission(actions)
        if not set(actions) & COORDINATOR_ACTIONS:
            return users
        return users.filter(
            Q(is_superuser=True) | Q(groups__pk=instance.organisation.access.coordinators_id)
        ).distinct()
