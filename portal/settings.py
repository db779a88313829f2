"""Settings for the Standards and Norms Portal, read from the environment.

Every variable is documented in `.env.example` and in the README. The defaults
are safe: debug is off, and with debug off a secret key and allowed hosts must
be given explicitly.
"""

import math
import os
import re
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.text import format_lazy
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
    "modeltranslation",  # before the admin, as it asks: per-language fields of curated content (translation.py)
    "portal.apps.PortalAdminConfig",  # django.contrib.admin on the portal's site
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
    "csp",
    "axes",
    "portal",
    "standards",
    "programmes",
    "recommendations",
]

MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous GETs are answered here from the response cache, before everything below (whose headers
    # the stored response already carries); only the headers above depend on the request itself.
    "portal.response_cache.ResponseCacheMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",  # above the outage middleware, so a 503 page carries the policy too
    "portal.outage.DatabaseOutageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "portal.languages.LanguageNegotiationMiddleware",  # an unprefixed page to the visitor's language
    "portal.languages.APILanguageMiddleware",  # the API's ?lang= or Accept-Language, before the cache keys by it
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
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
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.languages.language_links",
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

# Read replicas (portal/db_router.py): DATABASE_REPLICA_URLS, comma-separated, adds aliases replica1,
# replica2, ... that take the reads of requests which have not written; writes stay on "default".
DATABASE_REPLICA_URLS = env_list("DATABASE_REPLICA_URLS", "")
try:
    for number, replica_url in enumerate(DATABASE_REPLICA_URLS, start=1):
        DATABASES[f"replica{number}"] = dj_database_url.parse(replica_url, conn_max_age=60, conn_health_checks=True)
except ValueError as exc:
    raise ImproperlyConfigured(f"DATABASE_REPLICA_URLS holds an invalid database URL ({exc}).") from exc
DATABASE_ROUTERS = ["portal.db_router.ReplicaRouter"] if DATABASE_REPLICA_URLS else []

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


def env_whole_number(name: str, default: int, minimum: int = 0) -> int:
    raw = os.environ.get(name, "").strip() or str(default)
    if not raw.isdigit() or int(raw) < minimum:
        raise ImproperlyConfigured(f"{name} must be a whole number of at least {minimum}; got {raw!r}.")
    return int(raw)


DB_CONNECT_TIMEOUT = env_seconds("DJANGO_DB_CONNECT_TIMEOUT", 5, minimum=2, whole=True)
DB_STATEMENT_TIMEOUT = env_seconds("DJANGO_DB_STATEMENT_TIMEOUT", 10, minimum=0)
DB_OPTIONS = DATABASES["default"].setdefault("OPTIONS", {})
DB_PARALLEL_WORKERS = env_whole_number("DJANGO_DB_PARALLEL_WORKERS", 0)  # 0: starting one cost more than it saved
if IS_POSTGRESQL:
    DB_OPTIONS["connect_timeout"] = DB_CONNECT_TIMEOUT
    if DB_STATEMENT_TIMEOUT:
        statement_ms = round(DB_STATEMENT_TIMEOUT * 1000)
        DB_OPTIONS["options"] = f"{DB_OPTIONS.get('options', '')} -c statement_timeout={statement_ms}".strip()
        # A partitioned network leaves data unacknowledged: the kernel gives up after this long.
        DB_OPTIONS["tcp_user_timeout"] = statement_ms + 1000
    options = f"{DB_OPTIONS.get('options', '')} -c max_parallel_workers_per_gather={DB_PARALLEL_WORKERS}"
    DB_OPTIONS["options"] = options.strip()
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3" and DB_STATEMENT_TIMEOUT:
    DB_OPTIONS["timeout"] = DB_STATEMENT_TIMEOUT

for alias in DATABASE_REPLICA_URLS and list(DATABASES)[1:]:  # the same timeouts on every replica
    DATABASES[alias]["OPTIONS"] = {**DB_OPTIONS, **DATABASES[alias].get("OPTIONS", {})}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
# The six official UN languages; the SDG framework is stored in all of them.
LANGUAGES = [  # in the order the United Nations lists them
    ("ar", _("Arabic")),
    ("zh-hans", _("Chinese")),
    ("en", _("English")),
    ("fr", _("French")),
    ("ru", _("Russian")),
    ("es", _("Spanish")),
]
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60  # the switcher's choice is remembered for a year
# The languages the public pages are offered in (switcher, /fr/... addresses, alternates, sitemap): all six,
# whose interface is translated (tests/portal/test_translations.py); a language left out answers 404.
PUBLIC_LANGUAGES = [
    code.strip()
    for code in os.environ.get("DJANGO_PUBLIC_LANGUAGES", ",".join(code for code, _ in LANGUAGES)).split(",")
    if code.strip()
]
if LANGUAGE_CODE not in PUBLIC_LANGUAGES or not set(PUBLIC_LANGUAGES) <= {code for code, _ in LANGUAGES}:
    raise ImproperlyConfigured(
        f"DJANGO_PUBLIC_LANGUAGES must list {LANGUAGE_CODE!r} and only codes of LANGUAGES; got {PUBLIC_LANGUAGES!r}."
    )
# The interface's translations: locale/<ll>/LC_MESSAGES/django.po, compiled to .mo by `make install`.
LOCALE_PATHS = [BASE_DIR / "locale"]

# Curated content in the six languages (django-modeltranslation, each app's translation.py): `title` gains
# title_ar ... title_es in the same table (no join, no query). Reading `title` gives the active language,
# else the English; queries and the search vectors read the base column, kept English (portal/translated.py).
MODELTRANSLATION_DEFAULT_LANGUAGE = MODELTRANSLATION_PREPOPULATE_LANGUAGE = LANGUAGE_CODE  # slugs from English
MODELTRANSLATION_LANGUAGES = tuple(code for code, _ in LANGUAGES)
MODELTRANSLATION_FALLBACK_LANGUAGES = (LANGUAGE_CODE,)
MODELTRANSLATION_BUILD_LOCALIZED_VERBOSE_NAME = lambda name, code: format_lazy(  # noqa: E731  "official title (French)"
    "{} ({})", name, dict(LANGUAGES)[code]
)
# Dates: templates use the language's DATE_FORMAT; portal/formats/<ll>/formats.py overrides Django's where it differs.
FORMAT_MODULE_PATH = ["portal.formats"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
TESTING = env_bool("DJANGO_TESTING")
if TESTING and not DATABASE_REPLICA_URLS:  # a replica alias for the router's tests: the test database itself
    DATABASES["replica1"] = {**DATABASES["default"], "TEST": {"MIRROR": "default"}}
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

# Cache and throttles
# The API throttle (DRF) and the search throttle count requests per client in the default cache.
# REDIS_URL (redis://host:6379/0) puts the counts in Redis, shared by every worker and instance;
# without it each worker process keeps its own count in local memory.


REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if REDIS_URL and not REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
    raise ImproperlyConfigured(f"REDIS_URL must start with redis://, rediss:// or unix://; got {REDIS_URL!r}.")
if REDIS_URL:
    # If Redis is unreachable the throttles let requests through (logged) rather than fail every page.
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "portal",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1, "IGNORE_EXCEPTIONS": True},
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "portal"}}

# Response cache (portal/response_cache.py, portal/versioning.py): whole anonymous responses kept per
# content version. With Redis the version itself is read from the cache (no query per request), as
# every worker and instance shares it; a per-process cache would not see other workers' writes, so
# without Redis each request reads the version with one primary-key query.
CONTENT_VERSION_IN_CACHE = bool(REDIS_URL)
CONTENT_VERSION_CACHE_SECONDS = 60  # bounds a lost update of the cached number (Redis briefly down)
CONTENT_VERSION_PUSHED = bool(REDIS_URL)  # each change announced to every process (portal.versioning.VersionFeed)
RESPONSE_CACHE_LOCAL_BYTES = env_whole_number("DJANGO_RESPONSE_CACHE_LOCAL_MB", 32) * 2**20  # per process
RESPONSE_CACHE_SECONDS = env_whole_number("DJANGO_RESPONSE_CACHE_SECONDS", 3600)  # 0 turns the cache off
RESPONSE_CACHE_MAX_AGE = env_whole_number("DJANGO_RESPONSE_CACHE_MAX_AGE", 60)  # what CDNs and browsers may keep
# A deploy can change every page without changing content: the release goes into every key and ETag.
RESPONSE_CACHE_RELEASE = os.environ.get("DJANGO_RELEASE", "").strip() or "dev"

# Reverse proxies in front of the portal that append to X-Forwarded-For (0: none, use the connecting
# address). The throttles and the login lock count clients from it; with a proxy declared,
# X-Forwarded-Proto is trusted for HTTPS (see Security). DJANGO_API_NUM_PROXIES is the older name.
if os.environ.get("DJANGO_NUM_PROXIES", "").strip():
    NUM_PROXIES = env_whole_number("DJANGO_NUM_PROXIES", 0)
else:
    NUM_PROXIES = env_whole_number("DJANGO_API_NUM_PROXIES", 0)

THROTTLE_RATE_PATTERN = re.compile(r"^[1-9][0-9]*/(s|sec|second|m|min|minute|h|hour|d|day)$")


def env_throttle_rate(name: str, default: str) -> str | None:
    rate = os.environ.get(name, "").strip() or default
    if rate.lower() == "off":
        return None
    if not THROTTLE_RATE_PATTERN.match(rate):
        raise ImproperlyConfigured(
            f'{name} must look like "{default}" (per second, minute, hour or day) or be "off"; got {rate!r}.'
        )
    return rate


# REST API v1 (portal/api/): anonymous clients may read, each address DJANGO_API_THROTTLE_RATE times.
API_THROTTLE_RATE = env_throttle_rate("DJANGO_API_THROTTLE_RATE", "120/minute")
# HTML search (/search/, portal/throttling.py): DJANGO_SEARCH_THROTTLE_RATE searches per address.
SEARCH_THROTTLE_RATE = env_throttle_rate("DJANGO_SEARCH_THROTTLE_RATE", "60/minute")

# The API's own classes (pagination, CSV, throttle, content negotiation) are set on its views in
# portal/api/viewsets.py: DRF imports DEFAULT_* classes while portal.api itself is being imported.
REST_FRAMEWORK = {
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_THROTTLE_RATES": {"anon": API_THROTTLE_RATE},
    "NUM_PROXIES": NUM_PROXIES,
    "EXCEPTION_HANDLER": "portal.api.errors.exception_handler",
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

# Security
# HTTPS: cookies are secure unless DJANGO_SECURE_COOKIES=0; HSTS and the redirect to https:// are
# switched on by the environment once the site is served over HTTPS (never in debug mode).
SECURE_CONTENT_TYPE_NOSNIFF = True
if not DEBUG:
    SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", default=True)
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
    SECURE_HSTS_SECONDS = env_whole_number("DJANGO_SECURE_HSTS_SECONDS", 0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS")
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD")
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT")
# X-Forwarded-Proto says "https" only when a proxy sets it; without one a client could claim it.
if env_bool("DJANGO_SECURE_PROXY_SSL_HEADER", default=NUM_PROXIES > 0):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"


# Content-Security-Policy (django-csp): everything from this site, no inline script or style, no
# framing. The Swagger UI loads its start-up script as a file (portal/api/urls.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}
# Permissions-Policy (django-permissions-policy): the portal needs none of these browser features.
PERMISSIONS_POLICY = {
    feature: []
    for feature in """
    accelerometer autoplay camera display-capture encrypted-media geolocation gyroscope magnetometer
    microphone midi payment publickey-credentials-get screen-wake-lock serial usb xr-spatial-tracking
""".split()  # noqa: SIM905 (a word list reads better than 16 quoted strings)
}

# Password guessing on the admin login (django-axes): DJANGO_LOGIN_FAILURE_LIMIT failures from one
# address for one username lock that pair out for DJANGO_LOGIN_COOLOFF_MINUTES (each further attempt
# starts the wait again). Counted in the database, so every worker sees one count; a curator lifts a
# lock under Admin > Axes > Access attempts, or with `manage.py axes_reset`.
AUTHENTICATION_BACKENDS = ["portal.security.LoginLockBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = env_whole_number("DJANGO_LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env_whole_number("DJANGO_LOGIN_COOLOFF_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "portal.security.client_ip"
AXES_LOCKOUT_CALLABLE = "portal.security.lockout_response"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
