from django.urls import path

from . import views

app_name = "matching"

urlpatterns = [
    path("tilmelding/<int:opportunity_id>/", views.offer, name="offer"),
    path("bestil-frivillig/", views.referral, name="referral"),
    path("kvittering/<str:token>/", views.receipt, name="receipt"),
    path("kvittering/<str:token>/tilbagetraek/", views.withdraw, name="withdraw"),
]
