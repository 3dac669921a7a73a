"""The second factor, enforced in the Wagtail admin.

It runs after django-otp's ``OTPMiddleware``, which marks ``request.user`` as
verified once a code was accepted in this session.
"""

from django.contrib.auth.views import redirect_to_login
from django.urls import reverse

from portal.core.middleware import is_admin_request
from portal.core.two_factor import has_device

from .policy import requires_two_factor

# Pages a signed-in person may reach before the second step: signing in and
# out, the code page itself, and what Wagtail's page frame loads.
OPEN_BEFORE_VERIFYING = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "accounts_verify",
}
# Setting up the first app; once a person has one, these need its code too.
OPEN_BEFORE_FIRST_DEVICE = {"accounts_setup", "accounts_new_secret"}


class TwoFactorMiddleware:
    """Sends a signed-in person to the code page or to set up an app first.

    - someone with an app or backup codes enters a code after the password;
    - a coordinator or superuser without one is sent to set one up;
    - other editors without one go on as before.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not (is_admin_request(request) and user.is_authenticated) or user.is_verified():
            return None
        url_name = request.resolver_match.url_name
        if url_name in OPEN_BEFORE_VERIFYING:
            return None
        if has_device(user):
            return redirect_to_login(request.get_full_path(), reverse("accounts_verify"))
        if requires_two_factor(user) and url_name not in OPEN_BEFORE_FIRST_DEVICE:
            return redirect_to_login(request.get_full_path(), reverse("accounts_setup"))
        return None
