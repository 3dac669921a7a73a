"""Each organisation's own figures in the admin, for its editors and coordinators only.

An organisation's figures are the public page's, narrowed to it, plus a row
per opportunity. Who may see which organisation is decided by the shared
``OrganisationScope`` (``portal.organisations.ownership``), for both of an
organisation's groups: another organisation's figures are a 404, like an id
that never existed.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from portal.organisations.models import OrganisationPage
from portal.organisations.ownership import COORDINATORS, EDITORS, OrganisationScope

from .areas import organisation_area
from .counting import counts_for
from .downloads import FORMATS, download
from .figures import figures_for

SCOPES = (OrganisationScope(EDITORS), OrganisationScope(COORDINATORS))


def organisations_of(user):
    """The organisations whose figures this user may see: those they edit or coordinate for."""
    pks = set()
    for scope in SCOPES:
        pks.update(scope.organisations(user).values_list("pk", flat=True))
    return OrganisationPage.objects.filter(pk__in=pks).order_by("title")


def may_see_figures(user):
    return any(scope.admits(user) for scope in SCOPES)


def index(request):
    organisations = list(organisations_of(request.user))
    if len(organisations) == 1:
        return redirect("figures_admin_organisation", pk=organisations[0].pk)
    return TemplateResponse(request, "figures/admin/index.html", {
        "organisations": organisations, "page_title": _("Tal"), "header_icon": "table",
    })


def _figures(request, pk):
    organisation = get_object_or_404(organisations_of(request.user), pk=pk)
    area = organisation_area(organisation)
    return organisation, area, figures_for(counts_for(area))


def organisation_figures(request, pk):
    organisation, area, figures = _figures(request, pk)
    return TemplateResponse(request, "figures/admin/organisation.html", {
        "organisation": organisation, "area": area, "figures": figures,
        "page_title": _("Tal for %(organisation)s") % {"organisation": organisation.title},
        "header_icon": "table",
    })


def organisation_download(request, pk, slug, extension):
    _organisation, area, figures = _figures(request, pk)
    for figure in figures:
        if figure.slug == slug and extension in FORMATS:
            return download(figure, area, extension)
    raise Http404
