"""The open data API, /api/v1/: read-only, public, rate-limited, described by OpenAPI.

Built on django-ninja, which Wagtail 8 already depends on (its own v3 API is
made with it): the OpenAPI document at /api/v1/openapi.json is generated from
the type hints of the operations and their schemas. The interactive docs page
ninja can serve is left off: it is English only and not accessible; the
page /aaben-data/ explains the API instead. The document is Danish, and
English at /api/v1/openapi.json?lang=en (``http.in_asked_language``).
"""

from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI
from ninja.renderers import JSONRenderer

from . import content, errors, opportunities, taxonomies
from .http import in_asked_language, json_text, open_data_view
from .throttle import ClientRateThrottle


class DanishJSONRenderer(JSONRenderer):
    def render(self, request, data, *, response_status):
        return json_text(data)


api = NinjaAPI(
    title=_("Bindeled – åbne data"),
    version="1.0.0",
    description=_(
        "Frivilligopgaver med vagter, organisationer, samskabelsescases, vejledninger, "
        "digitale værktøjer og taksonomier fra Bindeled. Kun læsning, ingen "
        "personoplysninger. Indholdet må genbruges efter CC BY 4.0. Se /aaben-data/."
    ),
    urls_namespace="api_v1",
    openapi_url="/openapi.json",
    docs_url=None,
    docs_decorator=in_asked_language,
    renderer=DanishJSONRenderer(),
    throttle=[ClientRateThrottle()],
)
api.add_decorator(open_data_view, mode="view")
errors.register(api)
api.add_router("/opportunities/", opportunities.router)
api.add_router("/", content.router)
api.add_router("/taxonomies/", taxonomies.router)
