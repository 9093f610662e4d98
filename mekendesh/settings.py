"""Mekendesh settings, read from environment variables.

Development needs no configuration: data goes to ``MEKENDESH_HOME`` (a per-user directory by
default) on an embedded SQLite database. With ``MEKENDESH_ENV=production`` the system refuses to
start without a strong ``SECRET_KEY`` and turns on every transport-security setting that
``mekendesh check --deploy`` looks for.
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from mekendesh.lib.env import default_home, env_bool, env_int, env_list, env_str
from mekendesh.origin import UnknownOrigin, origin_for

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent

ENV = env_str("MEKENDESH_ENV", "development").lower()
if ENV not in {"development", "test", "production"}:
    raise ImproperlyConfigured("MEKENDESH_ENV must be development, test or production")
PRODUCTION = ENV == "production"

HOME = Path(env_str("MEKENDESH_HOME") or default_home())

_DEV_SECRET_KEY = "development-only-key-never-use-in-production-4f1c9b2e7d"


def _strong_secret(key: str) -> bool:
    # The same test as Django's security.W009: long, varied, not a generated insecure key.
    return len(key) >= 50 and len(set(key)) >= 5 and not key.startswith("django-insecure-")


SECRET_KEY = env_str("SECRET_KEY")
if PRODUCTION:
    if not _strong_secret(SECRET_KEY):
        raise ImproperlyConfigured(
            "SECRET_KEY is missing or weak: production needs at least 50 characters with at least 5 different ones."
        )
elif not SECRET_KEY:
    SECRET_KEY = _DEV_SECRET_KEY
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS")

# Keys of the keyed hash (HMAC-SHA256) stored beside encrypted document numbers for exact look-up:
# the first hashes new numbers, all of them find stored ones (so SECRET_KEY can be rotated;
# `mekendesh rehash_documents` then moves stored hashes to the current key).
LOOKUP_HASH_KEYS = (
    [env_str("MEKENDESH_LOOKUP_HASH_KEY"), *env_list("MEKENDESH_LOOKUP_HASH_KEY_FALLBACKS")]
    if env_str("MEKENDESH_LOOKUP_HASH_KEY")
    else [SECRET_KEY, *SECRET_KEY_FALLBACKS]
)
# Keys of the audit trail's hash chain (HMAC-SHA256): without a key, someone who can write to the
# database cannot rebuild the chain after changing a row. Earlier keys still verify older rows.
AUDIT_CHAIN_KEYS = (
    [env_str("MEKENDESH_AUDIT_KEY"), *env_list("MEKENDESH_AUDIT_KEY_FALLBACKS")]
    if env_str("MEKENDESH_AUDIT_KEY")
    else [SECRET_KEY, *SECRET_KEY_FALLBACKS]
)
# Salt for django-fernet-encrypted-fields (Fernet: AES-128-CBC with HMAC-SHA256).
SALT_KEY = env_list("MEKENDESH_ENCRYPTION_SALT") or ["mekendesh-personal-data"]

DEBUG = env_bool("DEBUG", default=not PRODUCTION) and not PRODUCTION
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "mekendesh.accounts.apps.MekendeshAdminConfig",  # django.contrib.admin, administrators only
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "axes",
    "django_tasks_db",
    "mekendesh.accounts",
    "mekendesh.audit",
    "mekendesh.reference",
    "mekendesh.workflows",
    "mekendesh.people",
    "mekendesh.credentials",
    "mekendesh.web",
    "mekendesh.vendor_translations",
    "mekendesh.demo",
    "mekendesh.jobs",
    "mekendesh.notifications",
    "mekendesh.imports",
    "mekendesh.cases",
    "mekendesh.screening",
    "mekendesh.statistics",
    "mekendesh.guidance",
    "mekendesh.employment",
    "mekendesh.diaspora",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "mekendesh.web.security.PrivatePagesMiddleware",  # outside the rest: also their own answers
    "django.middleware.locale.LocaleMiddleware",
    "mekendesh.web.request_checks.RequestBodyMiddleware",  # before the CSRF check reads the body
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "mekendesh.audit.context.AuditOriginMiddleware",
    "mekendesh.accounts.middleware.StaffSecondFactorMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "mekendesh.urls"
WSGI_APPLICATION = "mekendesh.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "mekendesh.web.context_processors.site",
            ],
        },
    },
]

# The country of origin this installation serves (ISO 3166-1 alpha-2, mekendesh.origin): the
# citizenship the registrations must have, the issuing country of their passports, the regions of
# origin, the consulates, the interface languages and the default one. An unknown code stops the
# start with a message naming the known ones.
try:
    ORIGIN = origin_for(env_str("MEKENDESH_ORIGIN_COUNTRY", "KG"))
except UnknownOrigin as error:
    raise ImproperlyConfigured(str(error)) from None
ORIGIN_COUNTRY = ORIGIN.code

# Each country of origin keeps its own embedded database, so that trying another country's demo
# never mixes two countries' registers (a server database is checked at start instead).
_default_db_file = "mekendesh.sqlite3" if ORIGIN_COUNTRY == "KG" else f"mekendesh-{ORIGIN_COUNTRY.lower()}.sqlite3"
_default_db = f"sqlite:///{HOME / _default_db_file}"
if not env_str("DATABASE_URL"):
    # The embedded database lives in MEKENDESH_HOME; make the directory on first use.
    HOME.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or _default_db, conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0)
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20, "init_command": "PRAGMA journal_mode=WAL;"}
    )
    # Tests use a file, not a shared in-memory database: the live server's threads and the tests
    # that race two requests then wait for each other's locks instead of failing at once.
    DATABASES["default"]["TEST"] = {"NAME": str(HOME / "test-mekendesh.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "web:after_login"
LOGOUT_REDIRECT_URL = "web:home"

# django-allauth: e-mail or phone + password for migrants; TOTP second factor for staff.
ACCOUNT_LOGIN_METHODS = {"email", "phone"}  # phone: see AccountAdapter.get_user_by_phone
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = env_str("ACCOUNT_EMAIL_VERIFICATION", "optional")
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_ADAPTER = "mekendesh.accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {"signup": "mekendesh.accounts.signup.SignupForm"}  # same answer for a taken address
ACCOUNT_PREVENT_ENUMERATION = True
MFA_ADAPTER = "mekendesh.accounts.adapter.MFAAdapter"
MFA_FORMS = {"activate_totp": "mekendesh.accounts.forms.ActivateTOTPForm"}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Mekendesh"

# django-axes: lock an account out, from every address, after repeated failures; before that the
# account waits between tries (SIGN_IN_SLOWDOWN_SECONDS after SIGN_IN_SLOWDOWN_AFTER failures,
# doubling). The owner gets a link that unlocks it, valid UNLOCK_LINK_MINUTES (accounts.lockout).
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 30) / 60
AXES_LOCKOUT_PARAMETERS = ["username"]
SIGN_IN_SLOWDOWN_AFTER = env_int("SIGN_IN_SLOWDOWN_AFTER", 2)
SIGN_IN_SLOWDOWN_SECONDS = env_int("SIGN_IN_SLOWDOWN_SECONDS", 2)
UNLOCK_LINK_MINUTES = env_int("UNLOCK_LINK_MINUTES", 60)
# axes warns when the address is not part of the lock-out: here it is left out on purpose (an
# address does not open a locked account), and allauth's per-address limit below slows an address
# that tries many accounts, without locking a whole consulate behind one address out.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_USERNAME_FORM_FIELD = "login"
AXES_USERNAME_CALLABLE = "mekendesh.accounts.lockout.login_name"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "mekendesh.accounts.lockout.lockout_response"
# allauth's own limit on failed sign-ins (it also guards authenticator codes) stays above axes'
# lock-out, so that a person who mistypes their password sees the lock-out page, not a form error.
ACCOUNT_RATE_LIMITS = {"login_failed": f"10/m/ip,{AXES_FAILURE_LIMIT + 5}/5m/key"}

# Sessions: a new session at login (Django rotates the key), ended after inactivity.
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_MINUTES", 30) * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"


_LANGUAGE_NAMES = {
    "ky": _("Kyrgyz"),
    "ru": _("Russian"),
    "tk": _("Turkmen"),
    "tg": _("Tajik"),
    "uz": _("Uzbek"),
    "en": _("English"),
}
LANGUAGE_CODE = ORIGIN.languages[0]
LANGUAGES = [(code, _LANGUAGE_NAMES[code]) for code in ORIGIN.languages]
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
TIME_ZONE = env_str("TIME_ZONE", ORIGIN.time_zone)
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT") or HOME / "static")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(HOME / "media")}},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION

# Mail (Django's MAILERS): SMTP in production, printed to the console in development, unless
# EMAIL_BACKEND names another backend. SMTP reads EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER,
# EMAIL_HOST_PASSWORD and EMAIL_USE_TLS.
_EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if PRODUCTION else "django.core.mail.backends.console.EmailBackend",
)
MAILERS = {
    "default": {
        "BACKEND": _EMAIL_BACKEND,
        "OPTIONS": (
            {
                "host": env_str("EMAIL_HOST", "localhost"),
                "port": env_int("EMAIL_PORT", 25),
                "username": env_str("EMAIL_HOST_USER"),
                "password": env_str("EMAIL_HOST_PASSWORD"),
                "use_tls": env_bool("EMAIL_USE_TLS"),
            }
            if _EMAIL_BACKEND == "django.core.mail.backends.smtp.EmailBackend"
            else {}
        ),
    }
}
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Mekendesh <no-reply@localhost>")

TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# Background jobs (mekendesh.jobs): a running job writes a sign of life every
# JOB_HEARTBEAT_SECONDS; one silent for JOB_STALE_SECONDS counts as stopped and is resumed or failed.
JOB_HEARTBEAT_SECONDS = float(env_str("MEKENDESH_JOB_HEARTBEAT_SECONDS", "10"))
JOB_STALE_SECONDS = float(env_str("MEKENDESH_JOB_STALE_SECONDS", "60"))
JOB_PROGRESS_INTERVAL = 0.5  # seconds between progress writes of one job
JOB_MODULES = env_list("MEKENDESH_JOB_MODULES")  # more modules declaring job kinds, beside apps' jobs.py

# Notifications (mekendesh.notifications): SMS goes through SMS_BACKEND, the dotted path of a
# class like mekendesh.notifications.sms.backends.base.BaseSmsBackend; production sends none
# until a gateway is named. A message that fails is tried again after NOTIFICATION_RETRY_SECONDS,
# doubling each time, NOTIFICATION_MAX_ATTEMPTS times in all.
_SMS_BACKENDS = "mekendesh.notifications.sms.backends"
SMS_BACKEND = env_str(
    "MEKENDESH_SMS_BACKEND",
    {"production": f"{_SMS_BACKENDS}.disabled.SmsBackend", "test": f"{_SMS_BACKENDS}.locmem.SmsBackend"}.get(
        ENV, f"{_SMS_BACKENDS}.console.SmsBackend"
    ),
)
NOTIFICATION_MAX_ATTEMPTS = env_int("MEKENDESH_NOTIFICATION_MAX_ATTEMPTS", 5)
NOTIFICATION_RETRY_SECONDS = env_int("MEKENDESH_NOTIFICATION_RETRY_SECONDS", 300)

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Mekendesh API",
    "DESCRIPTION": "Register of citizens abroad and related services.",
    "VERSION": "0.1.0",
    # Swagger UI's files come with the package (drf-spectacular-sidecar), not from a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # The document and its page: signed-in staff (with their second factor) only.
    "SERVE_PERMISSIONS": ["mekendesh.accounts.api_permissions.IsStaffMember"],
}

# One process in the embedded set-up; several web processes in production share Redis.
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": env_str("REDIS_URL")}
        if env_str("REDIS_URL")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "mekendesh"}
    )
}
# Request bodies: at most REQUEST_BODY_MAX_BYTES, and no file parts, unless a view says otherwise
# (mekendesh.web.request_checks.request_body_limit); the form fields of a body, at most
# DATA_UPLOAD_MAX_MEMORY_SIZE; a file part above FILE_UPLOAD_MAX_MEMORY_SIZE goes to a temporary file.
REQUEST_BODY_MAX_BYTES = env_int("REQUEST_BODY_MAX_BYTES", 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = env_int("FILE_UPLOAD_MAX_MEMORY_SIZE", 2621440)
# Public forms: how many submissions one address may make per hour.
REGISTRATION_RATE_PER_HOUR = env_int("REGISTRATION_RATE_PER_HOUR", 20)

# Content-Security-Policy: scripts from the site only (no inline script; a template that needs one
# gives it the request's nonce, {{ csp_nonce }}), nothing framed, forms posted to the site only.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

# Bulk import: the largest file accepted, the rows checked per chunk, and from how many rows on
# the check runs in worker processes (one per core).
IMPORT_MAX_BYTES = env_int("IMPORT_MAX_BYTES", 512 * 1024 * 1024)
IMPORT_CHUNK_ROWS = env_int("IMPORT_CHUNK_ROWS", 20_000)
IMPORT_PARALLEL_FROM_ROWS = env_int("IMPORT_PARALLEL_FROM_ROWS", 50_000)
IMPORT_WORKERS = env_int("IMPORT_WORKERS", 0)  # 0: one per core
# A job run from the command line keeps its heartbeat from a thread of its own (tests that hold
# the database in one transaction turn it off).
IMPORT_INLINE_HEARTBEAT = env_bool("IMPORT_INLINE_HEARTBEAT", True)
# A workbook whose parts unpack to more than this is refused as a compression bomb.
IMPORT_MAX_UNZIPPED_BYTES = env_int("IMPORT_MAX_UNZIPPED_BYTES", 2 * 1024**3)

# Assistance cases: where their documents are kept (outside the web root, never served but by the
# case pages), the largest document accepted, how many working days before a deadline a case
# turns amber, and after how many working days at the head of a consulate an overdue case goes on
# to the ministry.
CASE_DOCUMENTS_DIR = Path(env_str("MEKENDESH_CASE_DOCUMENTS_DIR") or HOME / "private" / "case-documents")
CASE_DOCUMENT_MAX_BYTES = env_int("CASE_DOCUMENT_MAX_BYTES", 10 * 1024 * 1024)
CASE_AMBER_WORKING_DAYS = env_int("CASE_AMBER_WORKING_DAYS", 2)
CASE_ESCALATE_TO_MINISTRY_AFTER = env_int("CASE_ESCALATE_TO_MINISTRY_AFTER", 3)
# The site's address as people reach it, for links in messages sent by background jobs.
SITE_URL = env_str("MEKENDESH_SITE_URL") or (
    f"https://{ALLOWED_HOSTS[0]}" if PRODUCTION and ALLOWED_HOSTS else "http://127.0.0.1:8000"
)
# Guidance reminders (mekendesh.guidance.reminders): how many days before a permit, a migration
# registration or a passport runs out a person who asked for reminders gets one.
try:
    REMINDER_DAYS = sorted(
        {int(day) for day in env_list("MEKENDESH_REMINDER_DAYS", "30,7,1") if day.strip()}, reverse=True
    )
except ValueError:
    raise ImproperlyConfigured("MEKENDESH_REMINDER_DAYS is a list of whole days, such as 30,7,1") from None
if not REMINDER_DAYS or min(REMINDER_DAYS) < 1:
    raise ImproperlyConfigured("MEKENDESH_REMINDER_DAYS is a list of whole days of at least 1, such as 30,7,1")
# The public guidance API (/api/guidance/): how many requests one address may make per hour.
GUIDANCE_API_RATE_PER_HOUR = env_int("GUIDANCE_API_RATE_PER_HOUR", 600)
# Registration credentials (mekendesh.credentials): the private key that signs them (PEM, Ed25519,
# outside the database; made under MEKENDESH_HOME on first use except in production) and the
# published key set beside it (public keys with their states: active, verify-only, retired).
CREDENTIAL_KEY_FILE_SET = bool(env_str("MEKENDESH_CREDENTIAL_KEY_FILE"))
CREDENTIAL_KEY_FILE = Path(env_str("MEKENDESH_CREDENTIAL_KEY_FILE") or HOME / "credentials" / "signing-key.pem")
CREDENTIAL_KEYSET_FILE = Path(
    env_str("MEKENDESH_CREDENTIAL_KEYSET_FILE") or CREDENTIAL_KEY_FILE.with_name("keyset.json")
)
CREDENTIAL_ISSUER = env_str("MEKENDESH_CREDENTIAL_ISSUER", ORIGIN_COUNTRY).upper()
CREDENTIAL_VALID_DAYS = env_int("MEKENDESH_CREDENTIAL_VALID_DAYS", 365)
CREDENTIAL_STATUS_LIST_HOURS = env_int("MEKENDESH_CREDENTIAL_STATUS_LIST_HOURS", 168)
CREDENTIAL_VERIFY_RATE_PER_HOUR = env_int("CREDENTIAL_VERIFY_RATE_PER_HOUR", 120)

# Screening of host-country lists: the linkage engine (duckdb, or spark with a cluster's master in
# SPARK_MASTER), the model every run scores with (trained on the first large run, kept here), and
# the share of a list a new version may remove before an analyst must confirm it.
SCREENING_ENGINE = env_str("MEKENDESH_SCREENING_ENGINE", "duckdb")
if SCREENING_ENGINE not in {"duckdb", "spark"}:
    raise ImproperlyConfigured("MEKENDESH_SCREENING_ENGINE must be duckdb or spark")
SCREENING_MODEL_FILE = Path(env_str("MEKENDESH_SCREENING_MODEL_FILE") or HOME / "screening" / "model.json")
SCREENING_CONFIRM_REMOVAL_SHARE = float(env_str("MEKENDESH_SCREENING_CONFIRM_REMOVAL_SHARE", "0.5"))

# The public status check (mekendesh.screening.status): per client address and per passport
# number, in each hour, the first *_FREE checks are answered at once, the next ones only after a
# wait of STATUS_SLOWDOWN_SECONDS that doubles with each, and past *_LIMIT attempts none until the
# hour ends. The counts are kept in the database, which every web process shares. A one-time code
# that shows the person's cases is valid STATUS_CODE_MINUTES and may be tried STATUS_CODE_ATTEMPTS
# times.
STATUS_ADDRESS_FREE = env_int("STATUS_ADDRESS_FREE", 5)
STATUS_ADDRESS_LIMIT = env_int("STATUS_ADDRESS_LIMIT", 30)
STATUS_NUMBER_FREE = env_int("STATUS_NUMBER_FREE", 3)
STATUS_NUMBER_LIMIT = env_int("STATUS_NUMBER_LIMIT", 10)
STATUS_SLOWDOWN_SECONDS = env_int("STATUS_SLOWDOWN_SECONDS", 2)
STATUS_CODE_MINUTES = env_int("STATUS_CODE_MINUTES", 10)
STATUS_CODE_ATTEMPTS = env_int("STATUS_CODE_ATTEMPTS", 5)
