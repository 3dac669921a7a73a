"""The public figures page, /tal/, and its downloads: one area at a time, picked by GET."""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from .across import hidden_across
from .areas import COUNTRY, UnknownArea, area_from_parameter, picker_choices
from .counting import counts_for
from .downloads import FORMATS, download
from .figures import figures_for

PARAMETER = "sted"


def public_figures(area):
    return figures_for(counts_for(area), hidden_across(area))


def figures_page(request):
    try:
        area = area_from_parameter(request.GET.get(PARAMETER))
    except UnknownArea:
        context = {"area": COUNTRY, "choices": picker_choices(), "figures": [],
                   "error": _("Vi kender ikke det sted. Vælg hele landet, en region eller en "
                              "kommune på listen.")}
        return render(request, "figures/figures_page.html", context, status=400)
    context = {"area": area, "choices": picker_choices(), "figures": public_figures(area),
               "parameter": PARAMETER}
    return render(request, "figures/figures_page.html", context)


def figure_download(request, slug, extension):
    try:
        area = area_from_parameter(request.GET.get(PARAMETER))
    except UnknownArea:
        raise Http404 from None
    for figure in public_figures(area):
        if figure.slug == slug and extension in FORMATS:
            return download(figure, area, extension)
    raise Http404
