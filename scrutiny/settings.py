"""Settings, read from the environment. Every default is the zero-setup demo.

A value that is present but malformed raises ImproperlyConfigured at start-up rather
than being silently replaced by a default.
"""

from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

from scrutiny.broker import filesystem_transport_options

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)


def _bool(name: str, default: bool) -> bool:
    raw = env.str(name, default=str(default)).strip().lower()
    if raw in {"1", "true", "yes", "on"}:
        return True
    if raw in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")


def _int(name: str, default: int) -> int:
    raw = env.str(name, default=str(default)).strip()
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from None


DEBUG = _bool("DEBUG", False)
SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG and env.str("SCRUTINY_ENV", default="demo") == "production":
        raise ImproperlyConfigured("SECRET_KEY must be set in production")
    SECRET_KEY = "insecure-demo-key-do-not-use-in-production"

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "crispy_forms",
    "crispy_forms_gds",
    "django_tables2",
    "django_filters",
    "simple_history",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "scrutiny",
    "committees",
    "returns",
    "packs",
    "workforce",
    "scorecards",
    "programmes",
    "assurance",
    "demo",
]

MIDDLEWARE = [
    "scrutiny.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "scrutiny.middleware.IdleSessionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lock-out page.
    "axes.middleware.AxesMiddleware",
    "scrutiny.middleware.WriteLockMiddleware",
]

ROOT_URLCONF = "scrutiny.urls"
WSGI_APPLICATION = "scrutiny.wsgi.application"

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
                "scrutiny.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}")
}
# Each request in one transaction; on SQLite a post's takes the write lock as it begins and
# a read's does not (scrutiny.middleware.WriteLockMiddleware).
DATABASES["default"]["ATOMIC_REQUESTS"] = True
# A worker keeps its database connection between requests (checked before reuse) instead
# of opening one per request, which on PostgreSQL costs more than the report page's reads.
DATABASES["default"]["CONN_MAX_AGE"] = _int("CONN_MAX_AGE", 60)
if DATABASES["default"]["CONN_MAX_AGE"] < 0:
    raise ImproperlyConfigured("CONN_MAX_AGE must be 0 (a connection per request) or more")
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A transaction takes SQLite's write lock when it begins, not at its first write: one
    # that read first and then found another writer ahead of it would fail at once with
    # "database is locked". Taken at the start, the second of two saves waits (up to
    # SQLITE_BUSY_SECONDS) for the first and then finds it has been overtaken.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        timeout=_int("SQLITE_BUSY_SECONDS", 20), transaction_mode="IMMEDIATE"
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "scrutiny.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"  # their own page, opening with their work
LOGOUT_REDIRECT_URL = "home"

# Sign-in that resists guessing (django-axes): after SIGN_IN_FAILURE_LIMIT wrong passwords
# for one username from one address, that pair is refused for SIGN_IN_COOLOFF_MINUTES; the
# page says when to try again, each lock-out is logged, and an administrator can lift it
# (Access attempts in the admin, or `manage.py axes_reset_username NAME`).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = _int("SIGN_IN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=_int("SIGN_IN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "scrutiny.views.sign_in.locked_out"
if AXES_FAILURE_LIMIT < 1 or timedelta(0) >= AXES_COOLOFF_TIME:
    raise ImproperlyConfigured(
        "SIGN_IN_FAILURE_LIMIT and SIGN_IN_COOLOFF_MINUTES must be 1 or more"
    )

# Passwords (OWASP ASVS 2.1): at least PASSWORD_MIN_LENGTH characters, none of the 20,000
# commonest, not all digits, not like the username or name.
PASSWORD_MIN_LENGTH = _int("PASSWORD_MIN_LENGTH", 12)
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": PASSWORD_MIN_LENGTH},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# A session ends after SESSION_IDLE_MINUTES without a request (each request starts the
# count again), and when the browser closes. Changing a password ends every other session
# of that person: Django checks each session against a hash of the password, and the
# password-change page keeps only the session it was changed in.
SESSION_IDLE_MINUTES = _int("SESSION_IDLE_MINUTES", 60)
if SESSION_IDLE_MINUTES < 1:
    raise ImproperlyConfigured("SESSION_IDLE_MINUTES must be 1 or more")
SESSION_COOKIE_AGE = SESSION_IDLE_MINUTES * 60
# The idle clock restarts at most this often (seconds; scrutiny.middleware), so a page does not
# each cost a write: a session ends between SESSION_IDLE_MINUTES less this and the full time.
SESSION_REFRESH_SECONDS = _int("SESSION_REFRESH_SECONDS", 60)
if SESSION_REFRESH_SECONDS < 0:
    raise ImproperlyConfigured("SESSION_REFRESH_SECONDS must be 0 or more")
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "d/m/Y"

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(BASE_DIR / "var" / "media")))
# Production collects static files into a hashed manifest (STATIC_MANIFEST=true); the demo
# and the tests serve them straight from static/ through whitenoise's finders.
STATIC_MANIFEST = _bool("STATIC_MANIFEST", False)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if STATIC_MANIFEST
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not STATIC_MANIFEST
WHITENOISE_AUTOREFRESH = DEBUG

CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"
DJANGO_TABLES2_TEMPLATE = "tables/govuk_table.html"
DJANGO_TABLES2_TABLE_ATTRS = {"class": "govuk-table"}

# Unbranded GOV.UK Frontend needs no third-party origin; inline scripts are refused.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'"],
        "script-src": ["'self'"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# The browser features no page uses are refused to every page (and anything it embeds).
PERMISSIONS_POLICY = {
    name: []
    for name in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}

# Secure by default: with DEBUG off, cookies go only over HTTPS, plain HTTP is redirected to
# HTTPS and browsers are told to use nothing else for a year (HSTS). Each can be turned off
# by name; behind a proxy that ends TLS, SECURE_PROXY_SSL_HEADER names the header it sets
# ("HTTP_X_FORWARDED_PROTO,https"), so the redirect knows a request came in over HTTPS.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = _bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = _bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # the load balancer asks over plain HTTP
SECURE_HSTS_SECONDS = _int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
if SECURE_HSTS_SECONDS < 0:
    raise ImproperlyConfigured("SECURE_HSTS_SECONDS must be 0 (no HSTS) or more")
SECURE_HSTS_INCLUDE_SUBDOMAINS = _bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = _bool("SECURE_HSTS_PRELOAD", True)
_proxy_header = env.list("SECURE_PROXY_SSL_HEADER", default=[])
if _proxy_header and (len(_proxy_header) != 2 or not _proxy_header[0].startswith("HTTP_")):
    raise ImproperlyConfigured(
        "SECURE_PROXY_SSL_HEADER must be a header and its value, e.g. HTTP_X_FORWARDED_PROTO,https"
    )
SECURE_PROXY_SSL_HEADER = tuple(_proxy_header) or None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Celery: without a broker every task runs in-process, synchronously (the test suite's
# default); `make demo` sets a filesystem broker and production a Redis one.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND", default="") or None
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = _int("CELERY_TASK_SOFT_TIME_LIMIT", 600)
CELERY_TASK_TIME_LIMIT = _int("CELERY_TASK_TIME_LIMIT", 660)
CELERY_WORKER_MAX_MEMORY_PER_CHILD = _int("CELERY_WORKER_MAX_MEMORY_PER_CHILD", 512_000)
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": CELERY_TASK_TIME_LIMIT * 2}
if CELERY_TASK_SOFT_TIME_LIMIT >= CELERY_TASK_TIME_LIMIT:
    raise ImproperlyConfigured("CELERY_TASK_SOFT_TIME_LIMIT must be below CELERY_TASK_TIME_LIMIT")
# `make demo` runs a real worker on kombu's filesystem transport (scrutiny/broker.py), its
# messages as files under CELERY_FILESYSTEM_DIR.
CELERY_FILESYSTEM_DIR = Path(
    env.str("CELERY_FILESYSTEM_DIR", default=str(BASE_DIR / "var" / "broker"))
)
if CELERY_BROKER_URL.startswith("filesystem://"):
    CELERY_BROKER_TRANSPORT_OPTIONS.update(filesystem_transport_options(CELERY_FILESYSTEM_DIR))

CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://scrutiny")}
# Agenda packs and report PDFs: relative links in a PDF point at this site, and a document
# may load only this origin's /static/ and /media/charts/ files (read from disk, never fetched).
PACK_SITE_URL = env.url("PACK_SITE_URL", default="http://127.0.0.1:8000").geturl()
# A render job whose worker has been silent this long (seconds) is taken over by another.
PACK_STALE_AFTER = _int("PACK_STALE_AFTER", 60)
if PACK_STALE_AFTER < 1:
    raise ImproperlyConfigured("PACK_STALE_AFTER must be at least 1 second")
# Celery beat sends the sweep that queues such jobs again this often (seconds), so a dead
# worker's pack is built again within PACK_STALE_AFTER + PACK_SWEEP_EVERY of its last sign of
# life: 90 s by default, long before the broker would hand its message out again.
PACK_SWEEP_EVERY = _int("PACK_SWEEP_EVERY", 30)
if PACK_SWEEP_EVERY < 1:
    raise ImproperlyConfigured("PACK_SWEEP_EVERY must be at least 1 second")
# Periodic tasks, run by `celery -A scrutiny beat` (one process; docker-compose.yml's beat).
CELERY_BEAT_SCHEDULE = {
    "packs-requeue-stalled-render-jobs": {
        "task": "packs.tasks.requeue_stalled_render_jobs",
        "schedule": PACK_SWEEP_EVERY,
        # Sweeps sent while no worker is up are dropped rather than run in a pile later.
        "options": {"expires": PACK_SWEEP_EVERY},
    },
}


# Small-number suppression threshold for anything the public sees (counts 1..N become "c").
SUPPRESSION_THRESHOLD = _int("SUPPRESSION_THRESHOLD", 5)
if SUPPRESSION_THRESHOLD < 0:
    raise ImproperlyConfigured("SUPPRESSION_THRESHOLD must be zero or more")

SITE_NAME = env.str("SITE_NAME", default="Children's services scrutiny")
OTP_TOTP_ISSUER = SITE_NAME  # the name an authenticator app shows beside the code

# Logs go to standard error, one JSON object a line with the request's id (scrutiny.logs);
# LOG_FORMAT=text gives plain lines. LOG_LEVEL=INFO adds a line per request
# (scrutiny.requests: method, path, status, duration, user id).
LOG_FORMAT = env.str("LOG_FORMAT", default="text" if DEBUG else "json")
if LOG_FORMAT not in {"json", "text"}:
    raise ImproperlyConfigured(f"LOG_FORMAT must be json or text, not {LOG_FORMAT!r}")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "scrutiny.logs.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "scrutiny.logs.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}

# Email: each committee's agenda goes to its members and substitutes when it is published.
# EMAIL_URL is django-environ's form, e.g. smtp+tls://user:password@smtp.example.org:587;
# the demo (and DEBUG) prints messages to the console; production sends by SMTP, to the
# local relay unless EMAIL_URL names another.
_PRODUCTION = not DEBUG and env.str("SCRUTINY_ENV", default="demo") == "production"
vars().update(
    env.email_url("EMAIL_URL", default="smtp://localhost:25" if _PRODUCTION else "consolemail://")
)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="scrutiny@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Where the links in an email point (no request to build them from).
SITE_URL = env.url("SITE_URL", default=PACK_SITE_URL).geturl().rstrip("/")

# The daily reminder of each person's work (scrutiny.tasks), sent at 7am by Celery beat
# (the compose file's ``beat`` service); ``manage.py send_work_reminders`` sends it by hand.
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE["send-work-reminders"] = {
    "task": "scrutiny.tasks.send_work_reminders",
    "schedule": crontab(hour=7, minute=0),
}
