"""Settings for the OIC Mediation Capacity Portal, all read from the environment.

Every variable is documented in README.md ("Configuration"). A bad value stops start-up with a
message naming the variable (see ``oic_mediation.environment``).
"""

from __future__ import annotations

import datetime
from pathlib import Path

from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from oic_mediation.environment import (
    env_admins,
    env_bool,
    env_choice,
    env_database,
    env_email,
    env_int,
    env_list,
    env_origins,
    env_str,
    env_time_zone,
    secret_key,
)

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("DJANGO_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = secret_key(
    "DJANGO_SECRET_KEY", debug=DEBUG, development_key_file=VAR_DIR / "secret_key"
)
ALLOWED_HOSTS = env_list(
    "DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env_origins("DJANGO_CSRF_TRUSTED_ORIGINS")

DJANGO_APPS = [
    # modeltranslation must come before the admin so that translated fields show there.
    "modeltranslation",
    # Django's admin with the portal's site: second factor for staff, sign-in unlock.
    "oic_mediation.accounts.apps.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # The sitemap's template (oic_mediation.sitemaps).
    "django.contrib.sitemaps",
]
THIRD_PARTY_APPS = [
    "rest_framework",
    # DRF's plain-text tokens: kept only so that the old table follows users; none is issued or
    # accepted (migration oic_mediation 0001 deleted them). API tokens are knox's.
    "rest_framework.authtoken",
    "knox",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "import_export",
    "rules.apps.AutodiscoverRulesConfig",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_admin_lightweight_date_hierarchy",
    # Django's task API (backport of django.tasks) and its database backend: the portal's queue.
    "django_tasks",
    "django_tasks_db",
]
LOCAL_APPS = [
    # The ground floor (base model, audit, admin bases, the Secretariat group), then the
    # interfaces, then the domain apps; the README's "Code map" says who may import whom.
    "core",
    "oic_mediation",
    "oic_mediation.dashboard",
    "oic_mediation.background",
    "oic_mediation.mail",
    "network",
    "resolutions",
    "trainings",
    "conferences",
    # Tooling: the reference data and the demo data, with their commands.
    "seed",
]
INSTALLED_APPS = DJANGO_APPS + THIRD_PARTY_APPS + LOCAL_APPS

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before WhiteNoise, so that static files carry the policy too.
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # Anonymous public GETs from the shared cache until the next domain write (see the module).
    "oic_mediation.response_cache.PublicResponseCacheMiddleware",
    # oic_mediation.security: Cache-Control on private pages, staff idle timeout, mandatory OTP.
    "oic_mediation.security.PrivatePagesNoStoreMiddleware",
    "oic_mediation.security.StaffIdleTimeoutMiddleware",
    "oic_mediation.security.StaffSecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Axes must be last: it turns lockouts raised by authentication into responses.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "oic_mediation.urls"
WSGI_APPLICATION = "oic_mediation.wsgi.application"

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
                "csp.context_processors.nonce",
            ],
        },
    },
]

DATABASES = {"default": env_database("DATABASE_URL", VAR_DIR / "db.sqlite3")}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # psycopg 3's connection pool (Django 5.1+), one per process; 0 turns it off and keeps each
    # connection for DJANGO_DB_CONN_MAX_AGE seconds instead.
    DB_POOL_SIZE = env_int("DJANGO_DB_POOL_SIZE", 4)
    if DB_POOL_SIZE:
        DATABASES["default"]["CONN_MAX_AGE"] = 0  # the pool keeps the connections
        DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
            "min_size": 1,
            "max_size": DB_POOL_SIZE,
            "timeout": env_int("DJANGO_DB_POOL_TIMEOUT", 10, minimum=1),
        }
    else:
        DATABASES["default"]["CONN_MAX_AGE"] = env_int("DJANGO_DB_CONN_MAX_AGE", 60)
        DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # The database cache's own connection to the same database, in autocommit: a cache write
    # never waits for (or holds a lock until the end of) a request's transaction
    # (oic_mediation.database_cache; in tests, a mirror of the test database). One persistent
    # connection per thread, outside the pool: a cache query must never wait for a pooled
    # connection (nor, when the database is unreachable, for the pool's timeout).
    DATABASES["cache"] = {
        **DATABASES["default"],
        "OPTIONS": {
            name: value
            for name, value in DATABASES["default"].get("OPTIONS", {}).items()
            if name != "pool"
        },
        "ATOMIC_REQUESTS": False,
        "CONN_MAX_AGE": env_int("DJANGO_DB_CONN_MAX_AGE", 60),
        # A cache hit is one query: no health-check query before it on every request; the
        # cache reconnects by itself when the connection was lost.
        "CONN_HEALTH_CHECKS": False,
        "TEST": {"MIRROR": "default"},
    }
DATABASE_ROUTERS = ["oic_mediation.database_cache.CacheRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# A cache shared by every worker and every host: Redis when REDIS_URL is set, otherwise the
# database. A per-process memory cache would serve stale figures after a write in another worker.
# The API throttles count in this cache too.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    if not REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured(
            f"REDIS_URL={REDIS_URL!r} must start with redis://, rediss:// or unix://."
        )
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
    # Sessions read from Redis and written through to the database, which keeps them if Redis is
    # emptied or restarted.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {
        "default": {
            # Django's DatabaseCache, made safe under concurrent writers (see the module).
            "BACKEND": "oic_mediation.database_cache.DatabaseCache",
            "LOCATION": "portal_cache",
            # Every page in three languages, its query strings and the API's: far more than
            # Django's default of 300, which culled a third of the cache every few writes.
            "OPTIONS": {"MAX_ENTRIES": 50_000},
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Background work (oic_mediation.background): tasks are rows of the database, run by
# `manage.py run_worker` processes on any host (`make run` starts one beside the web server).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# API throttle counts (oic_mediation.api.throttling): the same server as the default cache, in
# a cache of their own, large enough that culling never drops a live count.
CACHES["throttle"] = {
    **CACHES["default"],
    **({} if REDIS_URL else {"LOCATION": "portal_throttle", "OPTIONS": {"MAX_ENTRIES": 100_000}}),
}

# How many proxies of ours stand in front of the portal and append to X-Forwarded-For (0: none,
# the header is ignored). The client's address, for the lockout and the throttles alike, is read
# by oic_mediation.client_address.
PROXY_COUNT = env_int("DJANGO_PROXY_COUNT", 0)

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # django-rules, answering alone for the names that are rules only (see the module).
    "oic_mediation.accounts.backends.PortalRulesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"
PASSWORD_RESET_TIMEOUT = env_int("DJANGO_INVITATION_TIMEOUT", 3 * 24 * 3600, minimum=600)

# Internationalisation: the OIC's three official languages. Arabic is right-to-left.
LANGUAGE_CODE = "en"
LANGUAGES = [("ar", _("Arabic")), ("en", _("English")), ("fr", _("French"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Arabic numbers grouped by thousands (Django's Arabic locale does not group them).
FORMAT_MODULE_PATH = ["oic_mediation.dashboard.formats"]
TIME_ZONE = env_time_zone("DJANGO_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("ar", "en", "fr")
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("en", "fr"), "ar": ("en", "fr")}

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploaded and generated files (evidence, published reports, renderings): the local disk by
# default; an S3-compatible bucket when DJANGO_STORAGE_BUCKET is set, shared by every host. They
# are never served as a directory: each goes through a view that checks who may read it
# (oic_mediation.files), with X-Accel-Redirect to nginx when DJANGO_X_ACCEL_REDIRECT is set.
MEDIA_ROOT = Path(env_str("DJANGO_MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGE_BUCKET = env_str("DJANGO_STORAGE_BUCKET")
if STORAGE_BUCKET:
    DEFAULT_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": STORAGE_BUCKET,
            # Another S3 API (MinIO, Ceph, moto in the tests) instead of AWS; keys from the
            # standard AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY variables.
            "endpoint_url": env_str("DJANGO_STORAGE_ENDPOINT_URL") or None,
            "region_name": env_str("DJANGO_STORAGE_REGION") or None,
            "location": env_str("DJANGO_STORAGE_PREFIX").strip("/"),
            "default_acl": None,  # the bucket's own policy: private
            "file_overwrite": False,
            "querystring_auth": True,
        },
    }
else:
    DEFAULT_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": DEFAULT_STORAGE,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG
# No URL serves MEDIA_ROOT (oic_mediation.urls routes nothing under it).
MEDIA_URL = "/media/"
X_ACCEL_REDIRECT = env_str("DJANGO_X_ACCEL_REDIRECT")
if X_ACCEL_REDIRECT and not (X_ACCEL_REDIRECT.startswith("/") and X_ACCEL_REDIRECT.endswith("/")):
    raise ImproperlyConfigured(
        f"DJANGO_X_ACCEL_REDIRECT={X_ACCEL_REDIRECT!r} must be a path that starts and ends with /, "
        "e.g. /protected-files/ (an internal location of nginx)."
    )
# Evidence files (PDF, office documents, images) attached to progress reports.
EVIDENCE_MAX_BYTES = env_int("DJANGO_EVIDENCE_MAX_MB", 10, minimum=1) * 1024 * 1024
# What one person may upload in 24 hours (resolutions.evidence.check_upload_quota).
EVIDENCE_DAILY_FILES = env_int("DJANGO_EVIDENCE_DAILY_FILES", 20, minimum=1)
EVIDENCE_DAILY_BYTES = env_int("DJANGO_EVIDENCE_DAILY_MB", 50, minimum=1) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# E-mail: every message is a background task (oic_mediation.mail), delivered by a worker through
# EMAIL_URL's backend (the console in development) and retried when the server fails.
_email = env_email("EMAIL_URL")
EMAIL_DELIVERY_BACKEND = _email.pop("EMAIL_BACKEND")
vars().update(_email)
EMAIL_BACKEND = "oic_mediation.mail.backends.QueuedEmailBackend"
DEFAULT_FROM_EMAIL = env_str(
    "DJANGO_DEFAULT_FROM_EMAIL", "OIC Mediation Portal <noreply@localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
SECRETARIAT_EMAILS = env_list("DJANGO_SECRETARIAT_EMAILS", [])
# The reporting traffic light (resolutions.selectors.reporting_light), as the UN registries of
# voluntary commitments: amber once a report is more than this many days overdue, red beyond the
# second threshold (two years).
REPORTING_AMBER_AFTER_DAYS = env_int("DJANGO_REPORTING_AMBER_AFTER_DAYS", 0)
REPORTING_RED_AFTER_DAYS = env_int("DJANGO_REPORTING_RED_AFTER_DAYS", 730)
if REPORTING_RED_AFTER_DAYS <= REPORTING_AMBER_AFTER_DAYS:
    raise ImproperlyConfigured(
        "DJANGO_REPORTING_RED_AFTER_DAYS must be greater than DJANGO_REPORTING_AMBER_AFTER_DAYS."
    )
# Who receives the portal's errors by e-mail (sent at once, not queued: see LOGGING).
ADMINS = env_admins("DJANGO_ADMINS")
PORTAL_BASE_URL = env_str("DJANGO_PORTAL_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
# The licence of the open data (exports, data package, feeds): an SPDX identifier among those of
# oic_mediation.api.datapackage.LICENCES.
OPEN_DATA_LICENCE = env_choice(
    "DJANGO_OPEN_DATA_LICENCE", "CC-BY-4.0", ["CC-BY-4.0", "CC0-1.0", "ODC-By-1.0", "PDDL-1.0"]
)
# The calendar feeds (oic_mediation.calendars) carry the events that ended at most this many days
# ago and every later one; None for every event (?history=all gives them whatever this says).
OIC_CALENDAR_PAST_DAYS: int | None = 365
# How long an anonymous visitor may be served a public page or API read without the shared cache
# being asked whether a write changed it; the public site lags at most this plus the 2 s of a render
# behind a write, and a day of heavy reporting does not re-render a page on every write
# (oic_mediation.response_cache). 0: every hit checks (the test suite's default).
PUBLIC_CACHE_STALE_SECONDS = env_int("DJANGO_PUBLIC_CACHE_STALE_SECONDS", 5)

# HTTPS: on by default in production. Behind a TLS-terminating proxy that sets
# X-Forwarded-Proto, set DJANGO_BEHIND_TLS_PROXY=true; the redirect may then be left to the proxy.
HTTPS = env_bool("DJANGO_HTTPS", not DEBUG)
if env_bool("DJANGO_BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", HTTPS)
# The load balancer asks /health/ over plain HTTP on the private network.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SECURE_HSTS_SECONDS = 365 * 24 * 3600 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_CONTENT_TYPE_NOSNIFF = True
# Full URLs (which may hold an invitation link's token) never leave the site; other sites get none.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# The __Host- prefix pins a cookie to this exact host over HTTPS; browsers refuse it over HTTP.
SESSION_COOKIE_NAME = "__Host-sessionid" if HTTPS else "sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken" if HTTPS else "csrftoken"
LANGUAGE_COOKIE_NAME = "__Host-language" if HTTPS else "django_language"
LANGUAGE_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = env_int("DJANGO_SESSION_AGE", 8 * 3600, minimum=300)
# Saving on every request makes both ages idle timeouts: the expiry moves with each request.
SESSION_SAVE_EVERY_REQUEST = True
# Staff see personal and unpublished data: their sessions end sooner (oic_mediation.security).
STAFF_IDLE_MINUTES = env_int("DJANGO_STAFF_IDLE_MINUTES", 30, minimum=1)
if not SECURE_SSL_REDIRECT and HTTPS:
    # The TLS proxy redirects HTTP to HTTPS itself.
    SILENCED_SYSTEM_CHECKS = ["security.W008"]

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

# A refused form (stale page, cookies blocked) gets the site's page, not Django's bare one.
CSRF_FAILURE_VIEW = "oic_mediation.errors.csrf_failure"

# Brute-force protection: lock a username from one address after repeated failures.
AXES_FAILURE_LIMIT = env_int("DJANGO_LOCKOUT_FAILURES", 5, minimum=1)
AXES_COOLOFF_TIME = env_int("DJANGO_LOCKOUT_MINUTES", 30, minimum=1) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# 429 with the page registration/lockout.html, or the API's JSON error format under /api/.
AXES_LOCKOUT_CALLABLE = "oic_mediation.security.lockout_response"
AXES_HTTP_RESPONSE_CODE = 429
AXES_VERBOSE = False
AXES_ENABLED = env_bool("DJANGO_LOCKOUT_ENABLED", True)
AXES_CLIENT_IP_CALLABLE = "oic_mediation.client_address.client_address"

# Staff must enrol an authenticator app (TOTP) before reaching the admin or My state.
STAFF_OTP_REQUIRED = env_bool("DJANGO_STAFF_OTP_REQUIRED", False)
OTP_TOTP_ISSUER = "OIC Mediation Portal"

# `make bench` only: routes /bench/bare/, a view with no database work, as the stack's ceiling.
BENCH_MODE = env_bool("OIC_BENCH", False)

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "oic_mediation.api.schema.PortalAutoSchema",
    "EXCEPTION_HANDLER": "oic_mediation.api.exceptions.exception_handler",
    # JSON only: the browsable API needs inline scripts, which the CSP forbids; /api/docs/ browses.
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    # JSON refusing lone surrogates and absurd nesting with a 400 (oic_mediation.api.parsers).
    "DEFAULT_PARSER_CLASSES": [
        "oic_mediation.api.parsers.PortalJSONParser",
        "oic_mediation.api.parsers.PortalFormParser",
        "oic_mediation.api.parsers.PortalMultiPartParser",
    ],
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token first: a request without credentials gets 401 with "WWW-Authenticate: Token"
        # (DRF answers 403 when the first scheme, like the session's, has no such header).
        # DRF's token authentication, refusing staff tokens once a second factor is required.
        "oic_mediation.api.authentication.PortalTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_FILTER_BACKENDS": [
        # django-filter, reading parameters as the schema declares them (oic_mediation.api.query).
        "oic_mediation.api.query.PortalFilterBackend",
        "oic_mediation.api.query.PortalOrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "oic_mediation.api.query.StrictLimitOffsetPagination",
    # "?format=" chooses a renderer except where it is a filter (training editions' format).
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "oic_mediation.api.query.FiltersFirstNegotiation",
    "PAGE_SIZE": 50,
    "DEFAULT_THROTTLE_CLASSES": [
        # Atomic counts, clients identified as by django-axes (oic_mediation.api.throttling).
        "oic_mediation.api.throttling.PortalAnonRateThrottle",
        "oic_mediation.api.throttling.PortalUserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env_str("DJANGO_API_ANON_RATE", "600/minute"),
        "user": env_str("DJANGO_API_USER_RATE", "1200/minute"),
    },
}
# API tokens (django-rest-knox): hashed, expiring, revoked with a password change or reset.
REST_KNOX = {
    "TOKEN_TTL": datetime.timedelta(days=env_int("DJANGO_API_TOKEN_DAYS", 30, minimum=1)),
    "TOKEN_LIMIT_PER_USER": 10,
    "AUTH_HEADER_PREFIX": "Token",
    "AUTO_REFRESH": False,
}

SPECTACULAR_SETTINGS = {
    "TITLE": "OIC Mediation Capacity Portal API",
    "DESCRIPTION": "Open data on the implementation of OIC Resolution 53/45-POL.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Separate request and response components: read-only fields stay out of request bodies.
    "COMPONENT_SPLIT_REQUEST": True,
    # Clients authenticate with a token; the session (the docs page in a browser) works too, but
    # is not a second way to document: schemathesis read the pair as the cookie being required.
    "AUTHENTICATION_WHITELIST": ["oic_mediation.api.authentication.PortalTokenAuthentication"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "oic_mediation.api.schema.drop_defaults_their_schema_refuses",
    ],
    # Several models have a "status" or "role" field with different choices: name each set.
    "ENUM_NAME_OVERRIDES": {
        "MemberStateStatusEnum": "network.models.MemberState.Status",
        "RosterRoleEnum": "network.models.RosterRole.Role",
        "SpeakerRoleEnum": "conferences.models.SessionSpeaker.Role",
        "ImplementationStatusEnum": "resolutions.models.ImplementationStatus",
        "CommitmentStatusEnum": "resolutions.models.CommitmentStatus",
        "ReportedStatusEnum": "oic_mediation.api.serializers.REPORTABLE_STATUSES",
        "ReviewStatusEnum": "resolutions.models.ProgressReport.Review",
        "FollowUpStatusEnum": "conferences.models.FollowUpStatus",
    },
}

IMPORT_EXPORT_USE_TRANSACTIONS = True
# Without these, django-import-export lets any staff member import and export; the portal's
# admins check the model permissions themselves (core.admin.ImportExportAdminMixin).
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "change"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"
IMPORT_EXPORT_SKIP_ADMIN_LOG = False

SIMPLE_HISTORY_REVERT_DISABLED = False

# Errors (500s, failed tasks) go by e-mail to ADMINS, straight through the delivery backend: a
# report of a failing database cannot wait in a queue kept in that database.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
        # A refused access is one warning line, without a traceback.
        "refusals_without_traceback": {"()": "oic_mediation.log_filters.RefusalsWithoutTraceback"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "mail_admins": {
            "level": "ERROR",
            "filters": ["require_debug_false"],
            "class": "django.utils.log.AdminEmailHandler",
            "email_backend": EMAIL_DELIVERY_BACKEND,
        },
    },
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "INFO").upper()},
    "loggers": {
        # Every record reaches the root's console once: this replaces Django's own "django"
        # console handler (debug mode), which would print each record a second time.
        "django": {"handlers": ["mail_admins"], "level": "INFO"},
        "django.request": {"filters": ["refusals_without_traceback"]},
        "django_tasks": {"handlers": ["mail_admins"], "level": "INFO"},
        "oic_mediation": {"handlers": ["mail_admins"], "level": "INFO"},
        "django.security.DisallowedHost": {
            "handlers": ["console"],
            "level": "ERROR",
            "propagate": False,
        },
    },
}

# Sign-in records (django-axes) are deleted after this many days by a scheduled task.
LOCKOUT_LOG_DAYS = env_int("DJANGO_LOCKOUT_LOG_DAYS", 90, minimum=1)

# Errors and their context to Sentry (or a compatible service) when SENTRY_DSN is set; personal
# data (user names, addresses, cookies, bodies) is not sent.
SENTRY_DSN = env_str("SENTRY_DSN")
if SENTRY_DSN:
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        integrations=[DjangoIntegration()],
        environment=env_str("SENTRY_ENVIRONMENT", "production"),
        send_default_pii=False,
        traces_sample_rate=0,
    )
