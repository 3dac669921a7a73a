"""Response policies decided once, by class of URL, for the whole site."""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_vary_headers

PUBLIC_MAX_AGE_SECONDS = 300


def is_admin_request(request):
    return request.path_info.startswith(settings.ADMIN_URL_PREFIX)


class PortalLocaleMiddleware(LocaleMiddleware):
    """Django's, minus ``Vary: Accept-Language``: the address alone decides the language.

    Danish is served at ``/`` and English under ``/en/``, whatever the
    browser asks for, so the answer never depends on ``Accept-Language``;
    saying it does would make shared caches keep a copy per browser language.
    """

    def process_response(self, request, response):
        response.headers.setdefault("Content-Language", translation.get_language())
        return response


class PortalCSPMiddleware(CSPMiddleware):
    """The strict public policy everywhere, the admin's own policy under /admin/."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        # Wagtail renders a preview through the middleware as a dummy request for the
        # page's own address (``is_dummy``); it is shown in the admin's frame.
        previewed = getattr(request, "is_dummy", False)
        if not report_only and (is_admin_request(request) or previewed):
            admin_policy = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
            return PolicyParts(admin_policy, None, None, parts.nonce)
        return parts


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class CachePolicyMiddleware:
    """Public pages may be cached by anyone; nothing personal ever is.

    - the admin (previews included) and anything shown to a signed-in user: no-store;
    - views that chose their own policy (forms and receipts use ``never_cache``) keep it;
    - a response that carries a CSRF token or sets a cookie is private to its visitor;
    - any other successful anonymous GET is public for a few minutes.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if is_admin_request(request) or (user is not None and user.is_authenticated):
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
            return response
        if response.has_header("Cache-Control"):
            return response
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or response.cookies:
            patch_cache_control(response, private=True, no_cache=True)
            patch_vary_headers(response, ["Cookie"])
        elif request.method in ("GET", "HEAD") and response.status_code == 200:
            patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE_SECONDS)
        return response
