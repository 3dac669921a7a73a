import os
from urllib.parse import urlsplit, urlunsplit

from .base import *  # noqa: F403
from .base import DATABASES, REDIS_URL, redis_cache

DEBUG = False
SECRET_KEY = "test-only-not-secret-bindeled"
ALLOWED_HOSTS = ["*"]  # the test client and the live server use several names
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
if not REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
elif os.environ.get("PYTEST_XDIST_WORKER"):
    # Each test process empties the cache between tests: parallel ones (gw0,
    # gw1, …) each get a Redis database of their own, after the one named.
    url = urlsplit(REDIS_URL)
    database = int(url.path.strip("/") or 0) + int(os.environ["PYTEST_XDIST_WORKER"][2:])
    CACHES = {"default": redis_cache(urlunsplit(url._replace(path=f"/{database}")))}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
LOGGING = {"version": 1, "disable_existing_loggers": False}
# Tests read each response's context and change data behind the signals' back;
# the page cache's own tests turn it on (tests/core/test_page_cache.py).
PAGE_CACHE_SECONDS = 0
# Serve static files straight from the source folders; no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# The browser tests' live server answers from threads; each must let go of its
# connection so the test database can be dropped at the end.
DATABASES["default"]["CONN_MAX_AGE"] = 0
