"""The widget's filters: the listing's own, plus one for the organisation.

Every filter of /frivilligopgaver/ is the listing's ``OpportunityFilterSet``:
the same parameters, conditions and notices, so a host can copy a listing
address's query string onto the widget's. The listing has no organisation
filter (an organisation shows its opportunities on its own profile), but a
host is often an organisation that wants only its own, so the widget adds it
here, as the listing would: unknown values are dropped with a notice.
"""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portal.core.privacy import unrestricted
from portal.core.translations import in_default_locale
from portal.opportunities.filters import OpportunityFilterSet
from portal.organisations.models import OrganisationPage

ORGANISATION = "organisation"


def public_organisations(slugs=None):
    """Organisations a visitor may see, by title; only those of ``slugs`` when given.

    An unpublished or private organisation's opportunities are never listed,
    so it is neither offered nor accepted as a filter.
    """
    organisations = (in_default_locale(unrestricted(OrganisationPage.objects.live()))
                     .order_by("title"))
    if slugs is not None:
        organisations = organisations.filter(slug__in=set(slugs))
    return list(organisations)


class EmbedFilterSet(OpportunityFilterSet):
    organisation = django_filters.MultipleChoiceFilter(label=_("Organisation"))

    def __init__(self, data=None, *args, **kwargs):
        # A NUL byte is never in a slug, and PostgreSQL refuses it in a query.
        wanted = [slug for slug in data.getlist(ORGANISATION) if slug and "\x00" not in slug] \
            if data else []
        # Read only when asked for: most widgets name no organisation.
        self.organisations = public_organisations(wanted) if wanted else []
        super().__init__(data, *args, **kwargs)
        self.filters[ORGANISATION].extra["choices"] = [
            (organisation.slug, organisation.title) for organisation in self.organisations
        ]

    def _known_values_only(self, data):
        data = super()._known_values_only(data)
        if data is None:
            return None
        known = {organisation.slug for organisation in self.organisations}
        values = [value for value in data.getlist(ORGANISATION) if value]
        for value in values:
            if value not in known:
                self.notices.append(
                    _("Vi kender ikke %(label)s “%(value)s”, så det filter er udeladt.")
                    % {"label": _("organisation"), "value": value[:60]}
                )
        data.setlist(ORGANISATION, [value for value in values if value in known])
        return data

    def condition(self, name):
        if name == ORGANISATION:
            return Q(owner_organisation__in=self.chosen_organisations())
        return super().condition(name)

    def chosen_organisations(self):
        chosen = set(self.values.get(ORGANISATION, []))
        return [organisation for organisation in self.organisations if organisation.slug in chosen]
