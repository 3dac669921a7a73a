"""What every API response carries: CORS for reading, validators, and a cache lifetime.

Validators without doing the work: the ETag names the site-wide page-cache
generation (``portal.core.page_cache``; every publish, unpublish, move,
deletion, shift, booking and taxonomy change starts a new one), the day (an
opportunity expires at midnight) and a short time bucket (a shift that has
begun leaves the lists without any change being saved), with the address
asked for. ``Last-Modified`` is when this process family first answered under
that ETag, kept beside it in the cache. A conditional GET that still matches
is answered 304 before any database query. While Redis is down there is no
generation: the response gets no validators of ours, and Django's
``ConditionalGetMiddleware`` still gives it a content ETag and 304s.

API responses are not kept by the page cache (no ``public`` in their
``Cache-Control``): each request must reach the rate limit.

The OpenAPI document is written in the language ``?lang=`` names (``en``),
Danish without it (``in_asked_language``).
"""

import hashlib
import json
import time
from functools import wraps

from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

from portal.core.languages import DEFAULT_LANGUAGE
from portal.core.page_cache import GENERATION_KEY

API_VERSION = "v1"
MAX_AGE_SECONDS = 60
# How long a list may show a shift that has begun, at most.
TIME_BUCKET_SECONDS = 300
LANGUAGE_PARAM = "lang"
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "ETag, Last-Modified, Retry-After",
}


def json_text(data):
    """JSON with æ, ø and å as themselves, not as ``\\u00e6`` escapes."""
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)


def json_response(data):
    """``data`` as the API's JSON, as it is: for records already in the operation's schema."""
    return HttpResponse(json_text(data), content_type="application/json; charset=utf-8")


def validators(request):
    """``(etag, last_modified)`` of the answer to ``request``, or ``(None, None)``."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        return None, None
    bucket = int(time.time() // TIME_BUCKET_SECONDS)
    parts = [API_VERSION, generation, str(timezone.localdate()), str(bucket),
             request.path, request.META.get("QUERY_STRING", "")]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]
    since_key = f"api:since:{digest}"
    cache.add(since_key, int(time.time()), timeout=TIME_BUCKET_SECONDS * 2)
    since = cache.get(since_key)
    return f'"{digest}"', since


def open_data_view(run):
    """Wrap an API operation: answer a matching conditional GET, and mark every answer."""

    @wraps(run)
    def wrapper(request, *args, **kwargs):
        etag, last_modified = validators(request)
        response = None
        if etag is not None and request.method in ("GET", "HEAD"):
            response = get_conditional_response(
                request, etag=etag, last_modified=last_modified
            )
        if response is None:
            response = run(request, *args, **kwargs)
        if etag is not None and response.status_code in (200, 304):
            response["ETag"] = etag
            if last_modified is not None:
                response["Last-Modified"] = http_date(last_modified)
        for name, value in CORS_HEADERS.items():
            response[name] = value
        if response.status_code in (200, 304):
            response["Cache-Control"] = f"max-age={MAX_AGE_SECONDS}"
        else:
            response["Cache-Control"] = "no-store"
        return response

    return wrapper


def asked_language(request):
    """The language ``?lang=`` names if the portal has it (``en``, ``en-GB``), else Danish."""
    asked = request.GET.get(LANGUAGE_PARAM, "").strip().lower()
    try:
        return translation.get_supported_language_variant(asked or DEFAULT_LANGUAGE)
    except LookupError:
        return DEFAULT_LANGUAGE


def in_asked_language(view):
    """Render the OpenAPI document in the asked language and say which it is.

    The API has one address for every language, and the portal takes the language
    from the address, never from ``Accept-Language`` (README, "Languages and translation"): so a
    parameter, and every cache keeps each language apart by its URL, with no ``Vary``.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        language = asked_language(request)
        with translation.override(language):
            response = view(request, *args, **kwargs)
        response["Content-Language"] = language
        return response

    return wrapper
