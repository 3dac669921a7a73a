from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views


class FiguresMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.may_see_figures(request.user)


@hooks.register("register_admin_urls")
def register_figures_urls():
    return [
        path("tal/", admin_views.index, name="figures_admin"),
        path("tal/<int:pk>/", admin_views.organisation_figures,
             name="figures_admin_organisation"),
        path("tal/<int:pk>/<slug:slug>.<str:extension>", admin_views.organisation_download,
             name="figures_admin_download"),
    ]


@hooks.register("register_admin_menu_item")
def register_figures_menu_item():
    return FiguresMenuItem(_("Tal"), reverse("figures_admin"), icon_name="table", order=290)
