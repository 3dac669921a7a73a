"""Who must sign in with a second factor.

Everyone who can read match requests (coordinators) or administer the site
(superusers) must; other editors may choose to.
"""

from portal.matching.permissions import is_coordinator


def requires_two_factor(user):
    return user.is_superuser or is_coordinator(user)
