from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from portal.core.two_factor import has_device

from . import views
from .policy import requires_two_factor


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("totrin/", views.verify, name="accounts_verify"),
        path("totrin/opsaet/", views.setup, name="accounts_setup"),
        path("totrin/opsaet/ny-noegle/", views.new_secret, name="accounts_new_secret"),
        path("totrin/reservekoder/", views.backup_codes, name="accounts_backup_codes"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("accounts_setup"),
        "label": _("Totrinsbekræftelse"),
        "help_text": _("Godkendelsesapp og reservekoder til at logge ind."),
    }


@hooks.register("construct_main_menu")
def hide_menu_until_verified(request, menu_items):
    """The menu only leads to pages that would send the person back here."""
    user = request.user
    if not user.is_verified() and (requires_two_factor(user) or has_device(user)):
        menu_items.clear()
