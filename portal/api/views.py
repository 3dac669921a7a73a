"""/aaben-data/: the Danish page that explains the API, its licence and the feeds."""

from django.shortcuts import render


def open_data(request):
    return render(request, "api/open_data.html", {
        "api_root": request.build_absolute_uri("/api/v1/"),
        "site_root": request.build_absolute_uri("/").rstrip("/"),
    })
