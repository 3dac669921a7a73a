"""The widget for other sites' <iframe>, and the page where a web editor makes its snippet."""

from urllib.parse import urlencode

from csp.decorators import csp_replace
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe
from wagtail.models import Site

from portal.core.site_address import public_root_url

from .forms import WidgetBuilderForm
from .widget import COUNT_PARAMETER, widget_context

# Room for the heading and the link to Bindeled, and for one card on a desktop
# width; narrower, the frame scrolls inside.
FRAME_BASE_PX = 140
FRAME_ITEM_PX = 190


@require_safe
@xframe_options_exempt
@csp_replace({"frame-ancestors": ["*"]})
def widget(request):
    """Any site may frame the widget: it holds links only, no form and no cookie.

    Every other page keeps ``frame-ancestors 'none'`` and ``X-Frame-Options: DENY``.
    """
    return render(request, "embed/widget.html", widget_context(request))


@require_safe
def builder(request):
    form = WidgetBuilderForm(request.GET or None)
    parameters = form.widget_parameters()
    count = dict(parameters)[COUNT_PARAMETER]
    widget_address = reverse("embed:widget") + "?" + urlencode(parameters)
    public_address = public_root_url(Site.find_for_request(request)) + widget_address
    return render(request, "embed/builder.html", {
        "form": form,
        "preview_url": widget_address,
        "frame_height": frame_height(count),
        "snippet": snippet(public_address, count),
    })


def frame_height(count):
    return FRAME_BASE_PX + FRAME_ITEM_PX * count


def snippet(address, count):
    """The HTML a host pastes; its size in attributes too, for sites that refuse inline styles."""
    return format_html(
        '<iframe src="{}" title="{}" height="{}" loading="lazy" '
        'style="width: 100%; border: 0;"></iframe>',
        address, _("Frivilligopgaver fra Bindeled"), frame_height(count),
    )
