"""Who may do what with match requests in the admin.

Coordinators view and work their own organisations' requests, narrowed by
``COORDINATED`` (see ``portal.organisations.ownership``). Nobody creates
requests in the admin; only superusers delete or erase them.
"""

from portal.organisations.ownership import OwnOrganisationPolicy

from .models import COORDINATED, PASSED_ON_BY, MatchRequest, PassedOnReferral

COORDINATOR_ACTIONS = {"view", "change"}
SUPERUSER_ACTIONS = {"view", "change", "delete"}


def is_coordinator(user):
    """Whether this user coordinates any organisation (superusers count as every one's)."""
    return COORDINATED.admits(user)


class MatchRequestPermissionPolicy(OwnOrganisationPolicy):
    def __init__(self):
        super().__init__(MatchRequest, COORDINATED, actions=COORDINATOR_ACTIONS,
                         all_seeing_actions=SUPERUSER_ACTIONS)


class PassedOnPermissionPolicy(OwnOrganisationPolicy):
    """The anonymous trace of a referral passed on: its giver's coordinators read it."""

    def __init__(self):
        super().__init__(PassedOnReferral, PASSED_ON_BY, actions={"view"},
                         all_seeing_actions={"view"})
