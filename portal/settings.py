"""Settings for the Standards and Norms Portal, read from the environment.

Every variable is documented in `.env.example` and in the README. The defaults
are safe: debug is off, and with debug off a secret key and allowed hosts must
be given explicitly.
"""

import math
import os
import re
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

TRUE_VALUES = {"1", "true", "yes", "on"}
FALSE_VALUES = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE_VALUES:
        return True
    if value in FALSE_VALUES:
        return False
    raise ImproperlyConfigured(f"{name} must be one of 1/0, true/false, yes/no, on/off; got {raw!r}.")


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", default=False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set and DJANGO_DEBUG is off. Refusing to start with a "
            "known key: set DJANGO_SECRET_KEY to a long random value (see .env.example), "
            "or set DJANGO_DEBUG=1 for local development."
        )
    # Debug only: a throwaway key that changes on every start, never a committed constant.
    from django.core.management.utils import get_random_secret_key

    SECRET_KEY = get_random_secret_key()

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "DJANGO_ALLOWED_HOSTS is empty and DJANGO_DEBUG is off: list the host names the portal "
        "answers to, comma-separated (e.g. standards.example.org)."
    )
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "rest_framework",
    "django_filters",
    "corsheaders",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "portal",
    "standards",
    "programmes",
    "recommendations",
]

MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "portal.outage.DatabaseOutageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

# SQLite under var/ is the embedded default; DATABASE_URL=postgres://... switches to
# PostgreSQL through psycopg 3.
DEFAULT_DATABASE_URL = f"sqlite:///{VAR_DIR / 'portal.sqlite3'}"
DATABASE_URL = os.environ.get("DATABASE_URL", "").strip() or DEFAULT_DATABASE_URL
try:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)}
except ValueError as exc:
    raise ImproperlyConfigured(f"DATABASE_URL is not a valid database URL ({exc}).") from exc
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(exist_ok=True)
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
IS_POSTGRESQL = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"

# Database timeouts and outages (portal/outage.py). A database that is down, frozen or unreachable
# costs a request a few seconds at most: it then answers 503 with Retry-After, and while the outage
# lasts requests needing the database are refused at once until a background probe finds it back.
# DJANGO_DB_CONNECT_TIMEOUT: whole seconds to open a connection (libpq's minimum is 2).
# DJANGO_DB_STATEMENT_TIMEOUT: seconds a statement may run (PostgreSQL cancels it) and, plus one
# second, the most a request waits on an unresponsive server; 0 turns both off (long migrations).
# On SQLite it is how long a write waits for a lock.


def env_seconds(name: str, default: float, *, minimum: float, whole: bool = False) -> float:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw) if whole else float(raw)
    except ValueError:
        value = None
    if value is None or not math.isfinite(value) or value < minimum:
        kind = "a whole number of seconds" if whole else "a number of seconds"
        raise ImproperlyConfigured(f"{name} must be {kind}, at least {minimum:g}; got {raw!r}.")
    return value


DB_CONNECT_TIMEOUT = env_seconds("DJANGO_DB_CONNECT_TIMEOUT", 5, minimum=2, whole=True)
DB_STATEMENT_TIMEOUT = env_seconds("DJANGO_DB_STATEMENT_TIMEOUT", 10, minimum=0)
DB_OPTIONS = DATABASES["default"].setdefault("OPTIONS", {})
if IS_POSTGRESQL:
    DB_OPTIONS["connect_timeout"] = DB_CONNECT_TIMEOUT
    if DB_STATEMENT_TIMEOUT:
        statement_ms = round(DB_STATEMENT_TIMEOUT * 1000)
        DB_OPTIONS["options"] = f"{DB_OPTIONS.get('options', '')} -c statement_timeout={statement_ms}".strip()
        # A partitioned network leaves data unacknowledged: the kernel gives up after this long.
        DB_OPTIONS["tcp_user_timeout"] = statement_ms + 1000
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3" and DB_STATEMENT_TIMEOUT:
    DB_OPTIONS["timeout"] = DB_STATEMENT_TIMEOUT

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
# The six official UN languages; the SDG framework is stored in all of them.
LANGUAGES = [
    ("en", _("English")),
    ("ar", _("Arabic")),
    ("zh-hans", _("Chinese")),
    ("fr", _("French")),
    ("ru", _("Russian")),
    ("es", _("Spanish")),
]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
TESTING = env_bool("DJANGO_TESTING")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# In development and tests whitenoise serves straight from static/ (no collectstatic needed).
WHITENOISE_USE_FINDERS = WHITENOISE_AUTOREFRESH = DEBUG or TESTING

FIXTURES_DIR = BASE_DIR / "fixtures"

# The throttle counts requests per client in this cache. Local memory needs no server; with
# several worker processes each keeps its own count.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "portal"}}

# REST API v1 (portal/api.py). Anonymous clients may read; each client address gets
# DJANGO_API_THROTTLE_RATE requests ("120/minute"; "off" disables the throttle).
THROTTLE_RATE_PATTERN = re.compile(r"^[1-9][0-9]*/(s|sec|second|m|min|minute|h|hour|d|day)$")
API_THROTTLE_RATE = os.environ.get("DJANGO_API_THROTTLE_RATE", "").strip() or "120/minute"
if API_THROTTLE_RATE.lower() == "off":
    API_THROTTLE_RATE = None
elif not THROTTLE_RATE_PATTERN.match(API_THROTTLE_RATE):
    raise ImproperlyConfigured(
        f'DJANGO_API_THROTTLE_RATE must look like "120/minute" (per second, minute, hour or day) or be "off"; '
        f"got {API_THROTTLE_RATE!r}."
    )
try:
    API_NUM_PROXIES = int(os.environ.get("DJANGO_API_NUM_PROXIES", "").strip() or "0")
except ValueError:
    API_NUM_PROXIES = -1
if API_NUM_PROXIES < 0:
    raise ImproperlyConfigured("DJANGO_API_NUM_PROXIES must be a whole number (0 when no proxy is in front).")

# The API's own classes (pagination, CSV, throttle, content negotiation) are set on its views in
# portal/api.py: DRF imports DEFAULT_* classes while portal.api itself is being imported.
REST_FRAMEWORK = {
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_THROTTLE_RATES": {"anon": API_THROTTLE_RATE},
    "NUM_PROXIES": API_NUM_PROXIES,
    "EXCEPTION_HANDLER": "portal.api.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Standards and Norms Portal API",
    "DESCRIPTION": (
        "Read-only access to the UN standards and norms in crime prevention and criminal justice, UNODC "
        "programmes and Crime Congress recommendations, and their evidence-bearing links to the SDG targets. "
        "The overview at /api/ explains identifiers, filters, harvesting, formats and versioning."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "InstrumentKindEnum": "standards.models.InstrumentKind",
        "ProvisionKindEnum": "standards.models.ProvisionKind",
        "ProgrammeKindEnum": "programmes.models.ProgrammeKind",
        "ResourceKindEnum": "programmes.models.ResourceKind",
        "MeetingKindEnum": "recommendations.models.MeetingKind",
        "AgendaItemKindEnum": "recommendations.models.AgendaItemKind",
        "DocumentKindEnum": "recommendations.models.DocumentKind",
        "RecommendationKindEnum": "recommendations.models.RecommendationKind",
    },
}

# Any origin may read the public API (never the pages or the admin).
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_HEADERS = ["accept", "if-modified-since", "if-none-match"]
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "Link", "X-Total-Count", "Retry-After"]

if not DEBUG:
    SECURE_CONTENT_TYPE_NOSNIFF = True
    SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", default=True)
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
