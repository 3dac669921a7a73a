from django.urls import path

from . import views

# The API itself (/api/v1/) is the same in every language: portal/urls.py.
urlpatterns = [
    path("aaben-data/", views.open_data, name="open_data"),
]
