"""Bad requests answered in Danish, as JSON, with the parameter they are about."""

from django.http import Http404
from django.utils.translation import gettext as _
from ninja.errors import Throttled, ValidationError

# pydantic's error types, as a person would say them about a query parameter.
REASONS = {
    "int_parsing": lambda error: _("skal være et helt tal"),
    "int_type": lambda error: _("skal være et helt tal"),
    "greater_than_equal": lambda error: _("skal være mindst %(limit)s")
    % {"limit": error.get("ctx", {}).get("ge")},
    "less_than_equal": lambda error: _("må højst være %(limit)s")
    % {"limit": error.get("ctx", {}).get("le")},
    "date_from_datetime_parsing": lambda error: _("skal være en dato som ÅÅÅÅ-MM-DD"),
    "date_parsing": lambda error: _("skal være en dato som ÅÅÅÅ-MM-DD"),
    "date_type": lambda error: _("skal være en dato som ÅÅÅÅ-MM-DD"),
    "bool_parsing": lambda error: _("skal være true eller false"),
    "enum": lambda error: _("kan være %(choices)s")
    % {"choices": error.get("ctx", {}).get("expected", "").replace(" or ", _(" eller "))},
    "string_too_long": lambda error: _("er for lang"),
}


class BadParameter(Exception):
    """A query parameter the API cannot use; answered 400 with ``message``."""

    def __init__(self, parameter, message):
        super().__init__(message)
        self.parameter = parameter
        self.message = message


def _parameter(error):
    # A repeated parameter's error names its position too: ``("query", "type", 0)``.
    location = [part for part in error.get("loc", [])
                if part not in ("query", "path") and not isinstance(part, int)]
    return str(location[-1]) if location else ""


def _reason(error):
    explain = REASONS.get(error.get("type"))
    return explain(error) if explain else _("er ugyldig")


def bad_request(api, request, problems):
    """A 400 listing ``problems``: ``(parameter, message)`` pairs."""
    return api.create_response(request, {
        "detail": _("Forespørgslen har ugyldige parametre."),
        "errors": [{"parameter": name, "message": message} for name, message in problems],
    }, status=400)


def register(api):
    @api.exception_handler(ValidationError)
    def invalid_parameters(request, exc):
        problems = []
        for error in exc.errors:
            name = _parameter(error)
            problems.append((name, _("“%(name)s” %(reason)s.") % {
                "name": name, "reason": _reason(error)}))
        return bad_request(api, request, problems)

    @api.exception_handler(BadParameter)
    def bad_parameter(request, exc):
        return bad_request(api, request, [(exc.parameter, exc.message)])

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return api.create_response(request, {"detail": _("Findes ikke.")}, status=404)

    @api.exception_handler(Throttled)
    def throttled(request, exc):
        return api.create_response(request, {
            "detail": _("For mange forespørgsler. Prøv igen om %(seconds)s sekunder.")
            % {"seconds": exc.wait},
        }, status=429)
