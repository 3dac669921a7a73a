"""Settings shared by every environment.

The environment is read here and only here: each variable has a type and a
default, and the defaults give the embedded setup (SQLite, database search,
local-memory cache, console e-mail).
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_str(name, default=""):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def env_list(name, default=()):
    value = os.environ.get(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


# --- The configuration surface ------------------------------------------------
SECRET_KEY = env_str("SECRET_KEY")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
REDIS_URL = env_str("REDIS_URL")
SEARCH_URL = env_str("SEARCH_URL")
SEARCH_INDEX_PREFIX = env_str("SEARCH_INDEX_PREFIX", "bindeled_")
# How long a search may take on the database (PostgreSQL) before the page says
# search is unavailable, in milliseconds; Elasticsearch has its own TIMEOUT.
SEARCH_DATABASE_TIMEOUT_MS = env_int("SEARCH_DATABASE_TIMEOUT_MS", 3000)
EMAIL_URL_HOST = env_str("EMAIL_HOST")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Bindeled <noreply@bindeled.dk>")
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
MATCH_REQUEST_RETENTION_DAYS = env_int("MATCH_REQUEST_RETENTION_DAYS", 180)
SEARCH_QUERY_RETENTION_DAYS = env_int("SEARCH_QUERY_RETENTION_DAYS", 30)
# Intake abuse limits: submissions per client and window; seconds a person needs at least.
INTAKE_RATE_LIMIT = env_int("INTAKE_RATE_LIMIT", 20)
INTAKE_RATE_WINDOW_SECONDS = env_int("INTAKE_RATE_WINDOW_SECONDS", 600)
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
INTAKE_MIN_FILL_SECONDS = env_int("INTAKE_MIN_FILL_SECONDS", 3)
INTAKE_MAIL_ATTEMPTS = env_int("INTAKE_MAIL_ATTEMPTS", 5)
# After the offer (portal.matching): a reminder this many hours before a booked shift; a
# freed place held this long for the first on the waiting list; "Blev det et match?" this
# many days after a request is marked contacted (or after its last shift), answerable for
# FOLLOWUP_ANSWER_DAYS.
SHIFT_REMINDER_HOURS = env_int("SHIFT_REMINDER_HOURS", 24)
WAITLIST_OFFER_HOURS = env_int("WAITLIST_OFFER_HOURS", 24)
FOLLOWUP_AFTER_DAYS = env_int("FOLLOWUP_AFTER_DAYS", 14)
FOLLOWUP_ANSWER_DAYS = env_int("FOLLOWUP_ANSWER_DAYS", 30)
# Organisations' needs (portal.needs): their editors are reminded this many days before
# a need's end date.
NEED_REMINDER_DAYS = env_int("NEED_REMINDER_DAYS", 14)
# The worker stops a task of its own running longer than this; a task still
# marked running after twice this belonged to a worker that died, and runs again.
TASK_TIME_LIMIT_SECONDS = env_int("TASK_TIME_LIMIT_SECONDS", 120)
# Attempts to bring a changed page into Elasticsearch before it is reported as failed.
SEARCH_INDEX_ATTEMPTS = env_int("SEARCH_INDEX_ATTEMPTS", 6)
LOG_LEVEL = env_str("LOG_LEVEL", "INFO")
# How long a public page is kept whole in the shared cache (0: not at all).
# Changes retire kept pages at once; this bounds what only time changes
# (a shift that has begun).
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
# How old the figures at /tal/ may be: an area's counts are kept this long (portal/figures).
FIGURES_CACHE_SECONDS = env_int("FIGURES_CACHE_SECONDS", 300)
# Staff sign-in: wrong passwords allowed per username and client address, then a pause.
LOGIN_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
LOGIN_COOLOFF_MINUTES = env_int("LOGIN_COOLOFF_MINUTES", 15)
# The open data API (portal/api): requests allowed per client address and window.
API_RATE_LIMIT = env_int("API_RATE_LIMIT", 120)
API_RATE_WINDOW_SECONDS = env_int("API_RATE_WINDOW_SECONDS", 60)

# --- Applications -------------------------------------------------------------
INSTALLED_APPS = [
    "portal.core",
    "portal.worker",  # before django_tasks_db: its db_worker replaces theirs
    "portal.organisations",
    "portal.home",
    "portal.opportunities",
    "portal.cases",
    "portal.toolshare",
    "portal.funding",
    "portal.needs",
    "portal.editorial",
    "portal.embed",
    "portal.matching",
    "portal.alerts",
    "search",
    "portal.api",
    "portal.accounts",
    "portal.figures",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETag and 304 for every response that leaves, kept pages included.
    "django.middleware.http.ConditionalGetMiddleware",
    # Kept public pages answer here (portal/core/page_cache.py), before the rest
    # of the stack; below it pages are compressed, so they are kept compressed,
    # once per encoding.
    "portal.core.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.core.middleware.PortalLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # After the host is checked: the site and home page without queries.
    "portal.core.sites.KnownSiteMiddleware",
    "portal.core.compression.CompressionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "portal.accounts.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "portal.core.middleware.PortalCSPMiddleware",
    "portal.core.middleware.SecurityHeadersMiddleware",
    "portal.core.middleware.CachePolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a lockout raised while signing in into its answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "csp.context_processors.nonce",
            ],
        },
    },
]

# --- Data ---------------------------------------------------------------------
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def redis_cache(url):
    """The shared cache on Redis at ``url``; the outage tests build theirs with it too."""
    return {
        # Answers as an empty cache while Redis is unreachable (portal/core/cache.py).
        "BACKEND": "portal.core.cache.ResilientRedisCache",
        "LOCATION": url,
        "KEY_PREFIX": "bindeled",
        # A dead server costs a request milliseconds, a hung one a second, and
        # only once per process every RETRY_AFTER_SECONDS. A shorter read
        # timeout took a busy server for a dead one (tests under heavy load).
        "OPTIONS": {
            "socket_connect_timeout": 0.2,
            "socket_timeout": 1.0,
            "RETRY_AFTER_SECONDS": 5,
        },
    }


if REDIS_URL:
    CACHES = {"default": redis_cache(REDIS_URL)}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "bindeled",
        }
    }

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# --- Search -------------------------------------------------------------------
if SEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            # Elasticsearch 9 with Danish and English analysis; the worker retries
            # failed index updates.
            "BACKEND": "search.backends.elasticsearch",
            "URLS": [SEARCH_URL],
            "INDEX_PREFIX": SEARCH_INDEX_PREFIX,
            # A slow cluster must not hold a visitor long: one retry, then the
            # search page says the search is unavailable.
            "TIMEOUT": 3,
            "OPTIONS": {"max_retries": 1, "retry_on_timeout": False},
            "INDEX_SETTINGS": {
                "settings": {
                    "analysis": {
                        "analyzer": {
                            # Every text field without an analyser of its own:
                            # Danish stop words and stemming ("frivillige" → "frivillig").
                            "default": {"type": "danish"},
                            # Autocomplete without ASCII folding, so "besø" finds
                            # "besøgsven" (the query side is not folded either).
                            "edgengram_analyzer": {
                                "type": "custom",
                                "tokenizer": "standard",
                                "filter": ["lowercase", "edgengram"],
                            },
                        }
                    }
                }
            },
        }
    }
elif DATABASE_URL.startswith("sqlite"):
    # SQLite's FTS5 has no stemming: this backend stems in Python, so
    # "ensomhed" finds "ensomme" as it does on PostgreSQL.
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.sqlite"}}
else:
    # On PostgreSQL the backend builds its tsvectors and queries with this
    # text-search configuration, and English texts with ``english``.
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.postgres",
            "SEARCH_CONFIG": "danish",
        }
    }

# --- E-mail -------------------------------------------------------------------
if EMAIL_URL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = EMAIL_URL_HOST
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
    EMAIL_TIMEOUT = 10
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Language and time --------------------------------------------------------
LANGUAGE_CODE = "da"
LANGUAGES = [("da", _("Dansk")), ("en", _("Engelsk"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Copenhagen"
# Dates as each language writes them, under Django's format names and a few of ours
# (portal/formats/__init__.py).
FORMAT_MODULE_PATH = ["portal.formats"]
USE_I18N = True
USE_TZ = True
# Pages are translated with wagtail.contrib.simple_translation: a Danish page is copied
# into English and edited there (README, "Languages and translation").
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = [("da", "Dansk"), ("en", "English")]
# No English alias of every Danish page: a page without a translation is served in
# Danish under /en/ by the router (portal/core/routing.py), so the tree need not hold
# an alias copy of each of 100,000 opportunities.
WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE = False
# Slugs are ASCII, æ/ø/å spelled ae/oe/aa (portal.core.slugs); the admin script does the rest.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("da", "Dansk"), ("en", "English")]

# --- Static and media ---------------------------------------------------------
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_URL = "/static/"
MEDIA_URL = "/media/"
# Uploaded images and their renditions are made while the site runs, so a proxy in front
# should serve MEDIA_ROOT; without one, the app serves them itself.
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Security -----------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
)

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
    }
}
# The Wagtail admin relies on inline styles and scripts of its own; it is only
# served to signed-in staff, so it gets a policy of its own.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
ADMIN_URL_PREFIX = "/admin/"

# --- Staff sign-in: throttling and the second factor (portal/accounts) -------
AUTHENTICATION_BACKENDS = [
    # First, so a locked-out username and address is refused before the password
    # is checked. Its ModelBackend half lets the first backend load a session's
    # user too, which Wagtail's test helpers rely on; the password itself is
    # checked by the second.
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# The database handler counts wrong passwords for every app server without
# Redis, and deletes an attempt once its cool-off has passed.
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = timedelta(minutes=LOGIN_COOLOFF_MINUTES)
# A username together with an address: a stranger guessing a coordinator's
# password locks out only themselves, never the coordinator at the office.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "portal.core.clients.client_address"
AXES_LOCKOUT_CALLABLE = "portal.accounts.lockout.locked_out"
AXES_RESET_ON_SUCCESS = True
# Tries during the pause do not restart it, so "try again in 15 minutes" holds.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_DISABLE_ACCESS_LOG = True  # successful sign-ins are not recorded
AXES_ENABLE_ADMIN = False  # there is no Django admin; Wagtail is the admin
OTP_TOTP_ISSUER = "Bindeled"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Wagtail ------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Bindeled"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "avif"]
# Renditions for the public pages (portal/core/pictures.py), lighter than Wagtail's defaults
# (80/80/85): the phone listing must stay under 300 KB (tests/e2e/test_page_weight.py).
WAGTAILIMAGES_AVIF_QUALITY = 55
WAGTAILIMAGES_WEBP_QUALITY = 72
WAGTAILIMAGES_JPEG_QUALITY = 78
WAGTAILIMAGES_IMAGE_FORM_BASE = "portal.core.images.ImageForm"
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Publishing an approved page; lets a trusted organisation's opportunity through.
WAGTAIL_FINISH_WORKFLOW_ACTION = "portal.editorial.finish.publish_approved"
# Avatars from gravatar.com would tell a third party which staff use the admin.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILSEARCH_HITS_MAX_AGE = SEARCH_QUERY_RETENTION_DAYS
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Logging: never log request bodies (they can hold personal data) ---------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django.security.DisallowedHost": {"level": "ERROR"},
        # Task and page-event chatter belongs in the audit log, not the console.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}
