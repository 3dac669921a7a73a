"""The reference for bench/load_benchmark.py: a plain Django view on the same gunicorn.

One view that returns a small HTML page, no middleware, no database: what
Django itself costs per request on this machine. Served with
``gunicorn bench.plain_django:application``.
"""

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

settings.configure(
    DEBUG=False,
    SECRET_KEY="bench-only-not-secret",
    ALLOWED_HOSTS=["127.0.0.1"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
)

PAGE = b"<!DOCTYPE html><html lang=\"da\"><head><title>Hej</title></head><body>Hej</body></html>"


def hello(request):
    return HttpResponse(PAGE)


urlpatterns = [path("", hello)]
application = get_wsgi_application()
