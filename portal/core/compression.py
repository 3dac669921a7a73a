"""Brotli or gzip for public text responses, never for one that carries a secret.

BREACH guesses a secret in a compressed response from its size when the
attacker can also put text of their own in it (a search word). So only what
``CachePolicyMiddleware`` made ``public`` is compressed: those responses hold
no CSRF token, set no cookie and are the same for every visitor. Forms,
receipts, the admin and anything shown to a signed-in user stay uncompressed.
Static files are compressed ahead of time by WhiteNoise (brotli and gzip).
"""

import brotli
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import cc_delim_re, patch_vary_headers

from .page_cache import accepted_encoding

# Quality 5 makes a 50 KB page about as small as gzip -9 would at less CPU; 11
# (the default) is for files compressed once, not pages made on request.
BROTLI_QUALITY = 5
MIN_LENGTH = 200
TEXT_TYPES = ("text/", "application/json", "application/xml", "application/rss+xml",
              "application/atom+xml", "application/ld+json", "text/calendar")


def _compressible(response):
    if response.streaming or len(response.content) < MIN_LENGTH:
        return False
    if response.has_header("Content-Encoding") or response.cookies:
        return False
    control = {part.strip().split("=")[0].lower()
               for part in cc_delim_re.split(response.get("Cache-Control", ""))}
    if "public" not in control or control & {"private", "no-store"}:
        return False
    return response.get("Content-Type", "").startswith(TEXT_TYPES)


class CompressionMiddleware(GZipMiddleware):
    """Django's gzip (with its BREACH padding), brotli where the client takes it."""

    def process_response(self, request, response):
        if not _compressible(response) or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            return response
        if accepted_encoding(request) != "br":
            return super().process_response(request, response)
        patch_vary_headers(response, ("Accept-Encoding",))
        compressed = brotli.compress(response.content, quality=BROTLI_QUALITY)
        if len(compressed) >= len(response.content):
            return response
        response.content = compressed
        response["Content-Length"] = str(len(compressed))
        response["Content-Encoding"] = "br"
        etag = response.get("ETag")
        if etag and etag.startswith('"'):
            response["ETag"] = "W/" + etag
        return response
