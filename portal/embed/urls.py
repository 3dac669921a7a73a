from django.urls import path

from . import views

app_name = "embed"

urlpatterns = [
    path("", views.builder, name="builder"),
    path("frivilligopgaver/", views.widget, name="widget"),
]
