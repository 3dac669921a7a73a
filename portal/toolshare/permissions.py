"""Who may keep which tool experiences: the editors of the organisation that had them.

``EXPERIENCES`` is the one narrowing of experiences in the admin (see
``portal.organisations.ownership``); the permission policy, every admin view
and the form go through it. Editors may do anything with their own
organisations' experiences.
"""

from portal.organisations.ownership import EDITORS, OrganisationScope

SEE_ALL_PERMISSION = "toolshare.change_toolusage"


def sees_all(user):
    """Superusers and moderators given the model permission keep every organisation's."""
    return user.is_superuser or user.has_perm(SEE_ALL_PERMISSION)


EXPERIENCES = OrganisationScope(EDITORS, sees_all=sees_all)

