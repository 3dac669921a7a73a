from django.urls import path

from . import views
from .api import api

urlpatterns = [
    path("api/v1/", api.urls),
    path("aaben-data/", views.open_data, name="open_data"),
]
