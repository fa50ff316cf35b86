"""Aandacht's one settings module.

Every value that differs between machines comes from the environment through
the typed readers in `aandacht.core.env`, which stop the start with one clear
line on a bad value. See the README for the full list of variables.
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
import django_stubs_ext
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from aandacht.core.env import (
    EnvError,
    env_bool,
    env_database_url,
    env_hours,
    env_int,
    env_list,
    env_str,
)

django_stubs_ext.monkeypatch()  # lets admin and forms classes take type arguments

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

DEMO = env_bool("AANDACHT_DEMO", False)
DEBUG = env_bool("DEBUG", False)


def _demo_secret_key() -> str:
    """A random key kept in var/ so demo sessions survive a restart."""
    path = VAR_DIR / "demo_secret_key"
    if not path.exists():
        VAR_DIR.mkdir(exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


def _secret_key() -> str:
    key = env_str("SECRET_KEY")
    if key:
        return key
    if DEMO:
        return _demo_secret_key()
    raise EnvError(
        "SECRET_KEY is not set: give it a long random value "
        "(or set AANDACHT_DEMO=1 to run the demo)."
    )


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("AANDACHT_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "aandacht.core",
    "aandacht.contacts",
    "aandacht.callers",
    "aandacht.guidance",
    "aandacht.training",
    "aandacht.roster",
    "aandacht.socialmap",
    "aandacht.callbacks",
    "aandacht.insights",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "csp",
]

# Form and API bodies, files aside: the largest real one (a month's
# availability grid, a report) is a few kilobytes, and every byte of text is
# scrubbed, so a larger body is refused with a 400 before a worker spends on it.
DATA_UPLOAD_MAX_MEMORY_SIZE = 256 * 1024
# Uploaded files stay in memory, never in a temporary file (core/uploads.py),
# up to the largest upload a screen accepts (a call log, 10 MB) and its form.
FILE_UPLOAD_HANDLERS = ["aandacht.core.uploads.InMemoryUploadHandler"]
FILE_UPLOAD_MAX_MEMORY_SIZE = 11 * 1024 * 1024

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "aandacht.core.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "aandacht.core.middleware.NoStoreWhenSignedInMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "aandacht.core.middleware.StaffIdleTimeoutMiddleware",
    "aandacht.core.middleware.TwoFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "aandacht.urls"
WSGI_APPLICATION = "aandacht.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "aandacht.core.context_processors.navigation",
            ],
        },
    },
]

# --- Database ---------------------------------------------------------------
DATABASE_URL = env_database_url("DATABASE_URL", "sqlite:///var/aandacht.db")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    _name = Path(DATABASES["default"]["NAME"])
    if not _name.is_absolute() and str(_name) != ":memory:":
        DATABASES["default"]["NAME"] = str(BASE_DIR / _name)
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- People and login -------------------------------------------------------
AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "aandacht.core.auth.AandachtBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
] + [
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    }
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Staff see sensitive data, so their sessions end after 30 idle minutes; a
# volunteer's session lasts a long shift so a report is not cut off.
STAFF_IDLE_MINUTES = env_int("AANDACHT_STAFF_IDLE_MINUTES", 30, minimum=5, maximum=240)
SESSION_COOKIE_AGE = 3600 * env_int("AANDACHT_SESSION_HOURS", 10, minimum=1, maximum=24)
# How long a new API token works before a new one must be made.
API_TOKEN_DAYS = env_int("AANDACHT_API_TOKEN_DAYS", 365, minimum=1, maximum=730)
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Dormant caller profiles lose their text after this (`manage.py purge_profiles`).
PROFILE_RETENTION_DAYS = env_int(
    "AANDACHT_PROFILE_RETENTION_DAYS", 730, minimum=183, maximum=3650
)

# Without call logs, demand is estimated from answered contacts divided by the
# share of callers assumed to get through (the report: a quarter to two fifths
# of call attempts go unanswered).
AANDACHT_ASSUMED_ANSWER_RATE = (
    env_int("AANDACHT_ASSUMED_ANSWER_PERCENT", 65, minimum=1, maximum=100) / 100
)

# How callers reach the line, shown on the public self-test. Hours are daily,
# HH:MM-HH:MM; an empty address hides that channel.
LINE_PHONE = env_str("AANDACHT_LINE_PHONE", "088 0767 000") or ""
LINE_PHONE_HOURS = env_hours("AANDACHT_LINE_PHONE_HOURS", "00:00-24:00")
LINE_CHAT_URL = env_str("AANDACHT_LINE_CHAT_URL", "") or ""
LINE_CHAT_HOURS = env_hours("AANDACHT_LINE_CHAT_HOURS", "14:00-23:00")
LINE_MAIL_URL = env_str("AANDACHT_LINE_MAIL_URL", "") or ""

# The social map's HSDS API (/api/hsds/) is public by default, as Open
# Referral intends; set this to require a logged-in user.
HSDS_API_LOGIN_REQUIRED = env_bool("AANDACHT_HSDS_API_LOGIN_REQUIRED", False)

# Call-back numbers are stored encrypted with a Fernet key (32 random bytes,
# URL-safe base64). Several keys, comma-separated, rotate: the first encrypts,
# all decrypt. The demo keeps a generated key in var/; elsewhere, without a
# key, call-back requests cannot be recorded and `manage.py check` warns.


def _callback_keys() -> list[str]:
    keys = env_list("AANDACHT_CALLBACK_KEY", [])
    if keys or not DEMO:
        return keys
    path = VAR_DIR / "demo_callback_key"
    if not path.exists():
        VAR_DIR.mkdir(exist_ok=True)
        # 32 random bytes in URL-safe base64 with its one "=": a Fernet key.
        path.write_text(secrets.token_urlsafe(32) + "=")
        path.chmod(0o600)
    return [path.read_text().strip()]


CALLBACK_KEYS = _callback_keys()

# Unfinished contact drafts are deleted by `manage.py purge_drafts` after this.
DRAFT_RETENTION_DAYS = env_int(
    "AANDACHT_DRAFT_RETENTION_DAYS", 14, minimum=1, maximum=365
)

# Lock-out: wrong passwords for one user name from one address lock that
# user name at that address only, so a stranger elsewhere cannot lock a
# volunteer out, and one person's typos do not lock out colleagues who share
# the address of a contact location.
AXES_FAILURE_LIMIT = env_int("AANDACHT_LOGIN_ATTEMPTS", 5, minimum=3, maximum=20)
AXES_COOLOFF_TIME = timedelta(
    minutes=env_int("AANDACHT_LOCKOUT_MINUTES", 60, minimum=1, maximum=1440)
)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# The address the audit log records: behind the proxy, the one the proxy saw.
AXES_CLIENT_IP_CALLABLE = "aandacht.core.addresses.client_ip"
AXES_RESET_ON_SUCCESS = True
# Tries at a locked address are refused without being counted, so they neither
# extend that lock-out nor slow down the user name everywhere else.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "aandacht.core.views_auth.locked_out"
AXES_VERBOSE = False
# Our own audit log records every login; axes keeps only the failure counts,
# with their addresses, until the lock-out is over (`purge_login_attempts`).
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ACCESS_FAILURE_LOG = False

# Slow-down: once a user name has had AANDACHT_LOGIN_ATTEMPTS failures from
# any addresses within the lock-out time, each next try waits 2, 4, 8, ...
# seconds after the last failure, at most this long. It does not lock out.
LOGIN_MAX_WAIT_SECONDS = env_int(
    "AANDACHT_LOGIN_MAX_WAIT_SECONDS", 60, minimum=2, maximum=3600
)

# Requests per minute per client address; 0 switches the limit off. The
# counts are in the cache below, never in the database.
SELF_TEST_RATE_LIMIT = env_int(
    "AANDACHT_SELF_TEST_REQUESTS_PER_MINUTE", 60, minimum=0, maximum=100_000
)
HSDS_API_RATE_LIMIT = env_int(
    "AANDACHT_HSDS_API_REQUESTS_PER_MINUTE", 300, minimum=0, maximum=100_000
)
# Each process has its own memory cache, so with several processes a client
# gets the limit once per process. A shared cache (Redis, Memcached) needs a
# package that is not in requirements.lock.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "aandacht",
    }
}

OTP_TOTP_ISSUER = env_str("AANDACHT_OTP_ISSUER", "Aandacht")

# --- Language and time ------------------------------------------------------
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Amsterdam"

# --- Static files -----------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedStaticFilesStorage",
    },
}
WHITENOISE_USE_FINDERS = True

# --- Mail ---------------------------------------------------------------------
EMAIL_HOST = env_str("AANDACHT_EMAIL_HOST")
EMAIL_PORT = env_int("AANDACHT_EMAIL_PORT", 587, minimum=1, maximum=65535)
EMAIL_HOST_USER = env_str("AANDACHT_EMAIL_USER", "") or ""
EMAIL_HOST_PASSWORD = env_str("AANDACHT_EMAIL_PASSWORD", "") or ""
EMAIL_USE_TLS = env_bool("AANDACHT_EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env_str("AANDACHT_EMAIL_FROM", "aandacht@localhost")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Without a mail server only the demo and development offer password reset:
# the console backend would otherwise put reset links in production logs.
PASSWORD_RESET_ENABLED = bool(EMAIL_HOST) or DEMO or DEBUG

# --- Security -----------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
SECURE_HSTS_SECONDS = 0 if DEBUG else 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
# Not "no-referrer": Chromium then sends "Origin: null" and CSRF checks fail.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = env_bool("AANDACHT_SSL_REDIRECT", False)
BEHIND_PROXY = env_bool("AANDACHT_BEHIND_PROXY", False)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = True

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "object-src": [NONE],
    }
}

# --- Logging: never a caller's data, so no request bodies or query strings ---
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # WeasyPrint narrates every step of a PDF at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# The Django admin is for technical superusers only; roles work in the app.
ADMIN_URL = env_str("AANDACHT_ADMIN_URL", "django-admin/") or "django-admin/"
if ADMIN_URL.startswith("/") or not ADMIN_URL.endswith("/"):
    raise EnvError(
        f"AANDACHT_ADMIN_URL must look like 'path/' (no leading slash, "
        f"a trailing one), not {ADMIN_URL!r}."
    )
