"""Who is on the other end of a request, as far as the proxies in front let us know."""

from django.conf import settings


def client_address(request):
    """The visitor's address; behind proxies, the one the outermost trusted proxy saw.

    ``X-Forwarded-For`` is read only when ``TRUSTED_PROXY_COUNT`` says proxies
    add to it; otherwise any client could write it and escape a limit.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")
