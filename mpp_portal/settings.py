"""Settings come from the environment only (see README, "Configuration"); defaults run on a bare machine."""
from pathlib import Path

from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

from .env import env_bool, env_database, env_int, env_list, env_networks, env_str, env_url, secret_key

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("VAR_DIR", default=str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env_bool("DEBUG", default=True)
# `make run`: production behaviour (DEBUG off) served over plain HTTP on this machine, so no HTTPS
# redirect or Secure cookies, loopback host names, and a SECRET_KEY generated and kept in var/.
LOCAL_HTTP = env_bool("LOCAL_HTTP", default=False)
SECRET_KEY = secret_key(debug=DEBUG or LOCAL_HTTP, keep_in=VAR_DIR)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"] if DEBUG or LOCAL_HTTP else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "mpp_portal",
    "regions",
    "commitments",
    "mou",
    "dashboards",
    "quality",
    "operations",
    "taskforce",
    "opendata",
]

MIDDLEWARE = [
    "mpp_portal.middleware.RequestLimitsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "mpp_portal.middleware.PortalLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "mpp_portal.middleware.PagesRequireLoginMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "mpp_portal.middleware.SecurityHeadersMiddleware",
    "mpp_portal.middleware.DatabaseBusyMiddleware",
]

ROOT_URLCONF = "mpp_portal.urls"
WSGI_APPLICATION = "mpp_portal.wsgi.application"

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
                "mpp_portal.context_processors.portal",
            ],
        },
    },
]

# --- Database: SQLite in var/ by default (WAL, so the worker and the web process can share it).
DATABASES = {"default": env_database("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
        "transaction_mode": "IMMEDIATE",
    }
    # A file, not memory, so a Celery worker started by a test sees the test database.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-db.sqlite3")}
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env_int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Redis (optional): broker, cache. Without it, a filesystem broker and a file cache in var/.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    env_url("REDIS_URL", default="", schemes=("redis", "rediss", "unix"))
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
        }
    }

CELERY_BROKER_URL = env_url(
    "CELERY_BROKER_URL", default=REDIS_URL or "filesystem://", schemes=("redis", "rediss", "filesystem", "amqp")
)
if CELERY_BROKER_URL.startswith("filesystem://"):
    _queue_dir = VAR_DIR / "celery" / "queue"
    _queue_dir.mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_queue_dir),
        "data_folder_out": str(_queue_dir),
        "store_processed": False,
        "control_folder": str(VAR_DIR / "celery" / "control"),
    }
else:
    # How long a message taken by a worker that then died waits before the broker hands it out again.
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", default=3600)}
CELERY_RESULT_BACKEND = env_str("CELERY_RESULT_BACKEND") or None
CELERY_TASK_IGNORE_RESULT = CELERY_RESULT_BACKEND is None
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 15 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 10 * 60
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = "Asia/Jakarta"
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
CELERY_BEAT_SCHEDULE = {
    "recompute-progress-nightly": {"task": "dashboards.recompute_progress", "schedule": crontab(hour=1, minute=0),
                                   "kwargs": {"trigger": "nightly"}},
    # A recompute queued while the broker was down is sent again as soon as it answers.
    "recompute-waiting-send": {"task": "dashboards.recompute_waiting_send", "schedule": 60.0},
    # Just after midnight in Jakarta, so an agreement is expired on the first day past its term.
    "agreements-expire": {"task": "mou.agreements_expire", "schedule": crontab(hour=0, minute=15)},
    # Weekly stale-data reminders to officers, Monday 08:00 Asia/Jakarta.
    "quality-stale-reminders": {"task": "quality.stale_reminders_send",
                                "schedule": crontab(minute=0, hour=8, day_of_week="mon")},
    # Weekly digest with the dashboard PDF to ministry staff who opted in, Monday 07:00 Asia/Jakarta.
    "dashboards-weekly-digest": {"task": "dashboards.weekly_digest_send",
                                 "schedule": crontab(minute=0, hour=7, day_of_week="mon")},
    # With it: overdue reports to verifiers, returned reports to their officers.
    "regions-report-reminders": {"task": "regions.report_reminders_send",
                                 "schedule": crontab(minute=0, hour=8, day_of_week="mon")},
    # Monthly operations reports are due on the 10th: remind on the 7th, and on the 11th those still missing.
    "operations-reminders": {"task": "operations.reminders_send", "schedule": crontab(minute=0, hour=8,
                                                                                      day_of_month="7,11")},
    "operations-figures-nightly": {"task": "operations.figures_recompute", "schedule": crontab(hour=1, minute=30),
                                   "kwargs": {"trigger": "nightly"}},
    # Overdue follow-ups of the task force's assistance: each owner at most once a day.
    "taskforce-overdue-reminders": {"task": "taskforce.overdue_reminders_send", "schedule": crontab(minute=30, hour=8)},
}

# --- Auth
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Sessions read from the cache (Redis in production), written through to the database.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# API tokens expire after this many hours (and with any password change, logout or new login).
API_TOKEN_LIFETIME_HOURS = env_int("API_TOKEN_LIFETIME_HOURS", default=24, minimum=1)
# Proxies whose X-Forwarded-For is believed (addresses or networks); empty: the peer address is the client.
TRUSTED_PROXIES = env_networks("TRUSTED_PROXIES")
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# --- Language and time: Bahasa Indonesia first, English available; Jakarta time.
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

# --- Static and media
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATIC_ROOT.mkdir(exist_ok=True)  # whitenoise warns on a missing directory before the first collectstatic
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
# Any request body above this is refused before it is read (documents are at most 10 MB, imports 5 MB).
REQUEST_MAX_BYTES = env_int("REQUEST_MAX_BYTES", default=12 * 1024 * 1024, minimum=1024)
CSRF_FAILURE_VIEW = "mpp_portal.error_pages.csrf_failure"
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# --- API
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "mpp_portal.tokens.ExpiringTokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PARSER_CLASSES": [
        "mpp_portal.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_PAGINATION_CLASS": "mpp_portal.api.Pagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_RATES": {"token": "30/minute"},
    # Service errors (validation, permission, conflict) become one body shape each: mpp_portal/errors.py.
    "EXCEPTION_HANDLER": "mpp_portal.errors.api_exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "API Portal Pemantauan MPP",
    "DESCRIPTION": "Mal Pelayanan Publik: wilayah, MPP, peristiwa, nota kesepahaman dan kemajuan.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # One name per choice set used by several fields or models, so the schema has no clashes.
    "ENUM_NAME_OVERRIDES": {
        "MppStatusEnum": "regions.models.Mpp.Status",
        "AgreementKindEnum": "mou.models.Agreement.Kind",
        "AgreementStatusEnum": "mou.models.Agreement.Status",
        "InstitutionKindEnum": "mou.models.Institution.Kind",
        "MppReportStateEnum": "regions.models.MppReport.State",
        "MppReportBatchStateEnum": "regions.models.MppReportBatch.State",
        "RegionStageEnum": "regions.models.Region.Stage",
        "MppTenantKindEnum": "regions.models.MppTenant.Kind",
        "MppReportKindEnum": "regions.models.MppReport.Kind",
    },
}

# --- Security (production values apply when DEBUG is off)
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=not LOCAL_HTTP)
    SESSION_COOKIE_SECURE = not LOCAL_HTTP
    CSRF_COOKIE_SECURE = not LOCAL_HTTP
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", default=0 if LOCAL_HTTP else 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=False)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

EMAIL_BACKEND = env_str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env_int("EMAIL_PORT", default=25)
# Where django.core.mail.backends.filebased.EmailBackend writes messages (a folder of .log files).
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", default=str(VAR_DIR / "mail"))
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", default="portal-mpp@localhost")

DEMO_PASSWORD = env_str("DEMO_PASSWORD")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}
