"""Brotli or gzip for public text responses, never for one that carries a secret.

BREACH guesses a secret in a compressed response from its size when the
attacker can also put text of their own in it (a search word). So only what
``CachePolicyMiddleware`` made ``public`` is compressed: those responses hold
no CSRF token, set no cookie and are the same for every visitor. Forms,
receipts, the admin and anything shown to a signed-in user stay uncompressed;
the one exception is a kept page with a form, whose secrets are new in every
response (``portal.core.page_holes``). Static files are compressed ahead of
time by WhiteNoise (brotli and gzip).
"""

import brotli
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import cc_delim_re, patch_vary_headers

# Quality 5 makes a 50 KB page about as small as gzip -9 would at less CPU; 11
# (the default) is for files compressed once, not pages made on request.
BROTLI_QUALITY = 5
# A kept page with a form is gzipped from parts compressed once (page_holes); for
# a client that takes brotli only, it is compressed again for every visitor:
# quality 1 takes a quarter of 5's time for about 15 % more bytes.
REFILLED_BROTLI_QUALITY = 1
MIN_LENGTH = 200
TEXT_TYPES = ("text/", "application/json", "application/xml", "application/rss+xml",
              "application/atom+xml", "application/ld+json", "text/calendar")


def accepted_encodings(request):
    accepted = request.META.get("HTTP_ACCEPT_ENCODING", "")
    return {part.split(";")[0].strip().lower() for part in accepted.split(",")}


def accepted_encoding(request):
    """The compression this client gets: brotli, gzip or none."""
    names = accepted_encodings(request)
    if "br" in names:
        return "br"
    if "gzip" in names:
        return "gzip"
    return ""


def _compressible(response):
    if response.streaming or response.cookies:
        return False
    control = {part.strip().split("=")[0].lower()
               for part in cc_delim_re.split(response.get("Cache-Control", ""))}
    return "public" in control and not control & {"private", "no-store"}


# Django's own gzip, with its BREACH padding; only its response half is used.
_GZIP = GZipMiddleware(lambda request: None)


def compress(request, response, quality=BROTLI_QUALITY):
    """``response`` compressed as its client accepts, when it is text worth compressing."""
    if (response.streaming or len(response.content) < MIN_LENGTH
            or response.has_header("Content-Encoding")
            or not response.get("Content-Type", "").startswith(TEXT_TYPES)):
        return response
    patch_vary_headers(response, ("Accept-Encoding",))
    encoding = accepted_encoding(request)
    if encoding == "gzip":
        return _GZIP.process_response(request, response)
    if encoding != "br":
        return response
    compressed = brotli.compress(response.content, quality=quality)
    if len(compressed) >= len(response.content):
        return response
    response.content = compressed
    response["Content-Length"] = str(len(compressed))
    response["Content-Encoding"] = "br"
    etag = response.get("ETag")
    if etag and etag.startswith('"'):
        response["ETag"] = "W/" + etag
    return response


class CompressionMiddleware:
    """Compress what ``CachePolicyMiddleware`` made public."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not _compressible(response) or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            return response
        return compress(request, response)
