from django.urls import path

from . import views

urlpatterns = [
    path("tal/", views.figures_page, name="figures"),
    path("tal/<slug:slug>.<str:extension>", views.figure_download, name="figure_download"),
]
