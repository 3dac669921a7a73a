from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from portal.api.api import api
from portal.cases.grants import grants_csv, grants_json
from portal.core import views as core_views
from portal.core.site_address import PortalSitemap

# Addresses that are the same in every language: the admin, data and files.
urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("dokumenter/", include(wagtaildocs_urls)),
    path("api/v1/", api.urls),
    path("sitemap.xml", sitemap, {"sitemaps": {"wagtail": PortalSitemap}}, name="sitemap"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("favicon.ico", core_views.favicon, name="favicon"),
    path("stoette/bevillinger.csv", grants_csv, name="grants_csv"),
    path("stoette/bevillinger.json", grants_json, name="grants_json"),
]

if settings.DEBUG or settings.SERVE_MEDIA:
    urlpatterns += [re_path(r"^media/(?P<path>.*)$", serve,
                            {"document_root": settings.MEDIA_ROOT})]

# What visitors read: Danish at /, English under /en/ with the same paths
# (portal.core.languages).
urlpatterns += i18n_patterns(
    path("soeg/", include("search.urls")),
    path("", include("portal.api.urls")),
    path("indlejr/", include("portal.embed.urls")),
    path("", include("portal.matching.urls")),
    path("", include("portal.figures.urls")),
    path("opgaveagent/", include("portal.alerts.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
