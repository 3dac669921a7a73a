from django.urls import path, register_converter
from django.urls.converters import IntConverter

from . import after_views, views

app_name = "matching"

# Page ids are the database's 32-bit integers.
MAX_PAGE_ID = 2**31 - 1


class PageIdConverter(IntConverter):
    """A number too large to be a page id is no page (a 404), not a database overflow."""

    def to_python(self, value):
        page_id = int(value)
        if page_id > MAX_PAGE_ID:
            raise ValueError("not a page id")
        return page_id


register_converter(PageIdConverter, "page_id")

urlpatterns = [
    path("tilmelding/<page_id:opportunity_id>/", views.offer, name="offer"),
    path("bestil-frivillig/", views.referral, name="referral"),
    path("kvittering/<str:token>/", views.receipt, name="receipt"),
    path("kvittering/<str:token>/tilbagetraek/", views.withdraw, name="withdraw"),
    path("vagt/afmeld/<str:token>/", after_views.cancel_shift, name="cancel_shift"),
    path("vagt/ledig-plads/<str:token>/", after_views.take_place, name="take_place"),
    path("blev-det-et-match/<str:token>/", after_views.followup, name="followup"),
]
