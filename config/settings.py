"""Polku settings, read from the environment.

DJANGO_ENV=production turns on the production posture: a SECRET_KEY and ALLOWED_HOSTS must be given,
cookies are secure, HTTPS is enforced and `manage.py check --deploy` is clean.
"""

import json
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


ENVIRONMENT = env_str("DJANGO_ENV", "development")
PRODUCTION = ENVIRONMENT == "production"

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY must be set when DJANGO_ENV=production.")
    SECRET_KEY = "development-only-key-never-used-in-production-0123456789abcdefghij"

DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver")
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DJANGO_ENV=production.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Polku, lowest layer first (see shared/style.md): ips <- employers <- fidelity <- reports; content alone.
    "ips",
    "employers",
    "fidelity",
    "reports",
    "django_tasks",
    "django_tasks_db",
    "content",
    # Wagtail (training pages)
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.locales",
    "wagtail.contrib.simple_translation",
    "wagtail",
    "modelcluster",
    "taggit",
    # Third party
    "django_htmx",
    "template_partials",
    "django_tables2",
    "django_filters",
    "axes",
    "auditlog",
    "csp",
    # Sign-in: OpenID Connect single sign-on and two-factor sign-in (django-allauth); its views live under /accounts/.
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "allauth.mfa",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Django's, writing the session row only when its idle expiry is a minute stale (ips/sessions.py).
    "ips.sessions.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Django's, taking the user from the session's query (ips/sessions.py).
    "ips.sessions.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Organisation admins and reporters who sign in with a password set up two-factor sign-in first (ips/mfa.py).
    "ips.middleware.RequireTwoFactorMiddleware",
    # Signs out SESSION_MAX_HOURS after signing in; then "no-store, private" on every signed-in response.
    "ips.middleware.SessionLifetimeMiddleware",
    "ips.middleware.NoStoreMiddleware",
    "ips.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    # One insert per request of the access-log rows its views collected (ips/audit.py).
    "ips.middleware.AccessLogMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Runs a POST with a one-time submission id itself, after the CSRF check (ips/submissions.py).
    "ips.submissions.OneTimeSubmissionMiddleware",
    # AxesMiddleware last: it turns a lockout into the lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

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
                "ips.context_processors.navigation",
            ],
        },
    },
]


def database_config() -> dict:
    """DATABASE_URL first, then the libpq PG* variables (pg_virtualenv sets them), else the embedded SQLite."""
    if url := env_str("DATABASE_URL"):
        return dj_database_url.parse(url, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))
    if env_str("PGDATABASE"):
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": env_str("PGDATABASE"),
            "USER": env_str("PGUSER"),
            "PASSWORD": env_str("PGPASSWORD"),
            "HOST": env_str("PGHOST"),
            "PORT": env_str("PGPORT"),
            "CONN_MAX_AGE": env_int("DB_CONN_MAX_AGE", 60),
        }
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": env_str("SQLITE_PATH", str(BASE_DIR / "db.sqlite3")),
        "OPTIONS": {
            # WAL lets readers and one writer work at once; IMMEDIATE avoids "database is locked" on upgrade.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
            "transaction_mode": "IMMEDIATE",
        },
    }


DATABASES = {"default": database_config()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "ips.User"
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
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "ips:home"
LOGOUT_REDIRECT_URL = "login"

# Sessions end after 30 idle minutes: a request pushes the expiry forward, writing the session row when the stored
# expiry is more than a minute stale (ips/sessions.py), not on every request.
SESSION_ENGINE = "ips.sessions"
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_MINUTES", 30) * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# However active, a user signs in again this many hours after signing in (ips.middleware.SessionLifetimeMiddleware).
SESSION_MAX_HOURS = env_int("SESSION_MAX_HOURS", 12)

# Repeated failed logins lock the account (django-axes: maintained, database-backed, per username).
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username"]
# Lock by account, not by address: a county's whole office often shares one public IP behind NAT, and an
# address lockout would shut out every colleague after one person's typos.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False

# django-allauth: Polku's own sign-in page stays (ips/views/accounts.py) and hands a checked password to allauth's
# login flow, which asks for the second factor when the user has one. Nobody signs up: accounts come from an
# organisation admin, and single sign-on only links a provider's person to an active Polku user (ips/sso.py).
ACCOUNT_ADAPTER = "ips.sso.AccountAdapter"
SOCIALACCOUNT_ADAPTER = "ips.sso.SocialAccountAdapter"
ACCOUNT_LOGIN_METHODS = {"username"}
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGOUT_ON_GET = False
SOCIALACCOUNT_AUTO_SIGNUP = False
SOCIALACCOUNT_LOGIN_ON_GET = False
SOCIALACCOUNT_STORE_TOKENS = False
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_PASSKEY_LOGIN_ENABLED = False
MFA_TOTP_ISSUER = "Polku"
# Two-factor sign-in is required of these roles when they sign in with a password (optional for everyone else).
MFA_REQUIRED_ROLES = env_list("MFA_REQUIRED_ROLES", "org_admin,reporter")


def oidc_apps(raw: str) -> list[dict]:
    """OIDC_PROVIDERS: a JSON list, one object per organisation that signs its staff in through its identity provider:
    {"organisation": "<code>", "issuer": "https://...", "client_id": "...", "secret": "...", "name": "...",
    "groups_claim": "groups", "group_roles": {"<group>": "reporter"}}. Becomes allauth's settings-only apps, one per
    organisation, with the organisation's code as provider id (/accounts/oidc/<code>/login/)."""
    apps = []
    for entry in json.loads(raw or "[]"):
        code = entry["organisation"]
        apps.append(
            {
                "provider_id": code,
                "name": entry.get("name", code),
                "client_id": entry["client_id"],
                "secret": entry["secret"],
                "settings": {
                    "server_url": entry["issuer"],
                    "oauth_pkce_enabled": True,
                    "organisation": code,
                    "groups_claim": entry.get("groups_claim", ""),
                    "group_roles": entry.get("group_roles", {}),
                },
            }
        )
    return apps


SOCIALACCOUNT_PROVIDERS = {
    "openid_connect": {"APPS": oidc_apps(env_str("OIDC_PROVIDERS")), "SCOPE": ["openid", "profile", "email"]}
}

# The accessibility statement (/accessibility/): when Polku was last assessed against WCAG 2.1 AA, when the statement
# was last updated, where feedback may also be e-mailed, and how many messages one address may send in an hour.
ACCESSIBILITY_ASSESSED_ON = env_str("ACCESSIBILITY_ASSESSED_ON", "2026-12-01")
ACCESSIBILITY_STATEMENT_UPDATED_ON = env_str("ACCESSIBILITY_STATEMENT_UPDATED_ON", "2026-12-06")
ACCESSIBILITY_CONTACT_EMAIL = env_str("ACCESSIBILITY_CONTACT_EMAIL", "")
ACCESSIBILITY_FEEDBACK_PER_HOUR = env_int("ACCESSIBILITY_FEEDBACK_PER_HOUR", 5)

# Password-reset mail: at most this many requests per address and per client IP within the window (refused ones
# count too), counted in the shared database (ips/models/security.py); over a limit the answer stays the same.
PASSWORD_RESET_PER_ADDRESS = env_int("PASSWORD_RESET_PER_ADDRESS", 3)
PASSWORD_RESET_PER_IP = env_int("PASSWORD_RESET_PER_IP", 10)
PASSWORD_RESET_WINDOW_MINUTES = env_int("PASSWORD_RESET_WINDOW_MINUTES", 60)
# Behind the balancer REMOTE_ADDR is the balancer: the client is the last X-Forwarded-For entry it appends.
CLIENT_IP_FROM_FORWARDED_FOR = env_bool("CLIENT_IP_FROM_FORWARDED_FOR", False)

LANGUAGE_CODE = "fi"
LANGUAGES = [("fi", "Suomi"), ("sv", "Svenska"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Swedish and English dates as they are written in Finland (config/formats/): 26.11.2026 in every language.
FORMAT_MODULE_PATH = ["config.formats"]
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# Only collected in production; elsewhere WhiteNoise serves straight from the finders.
STATIC_ROOT = BASE_DIR / "staticfiles" if PRODUCTION else None
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "polku@localhost")

# Security headers. The policy allows no inline script anywhere Polku renders itself.
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/cms/", "/django-admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}

if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    if env_bool("BEHIND_TLS_PROXY", False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # The load test (loadtest/) runs production settings over plain HTTP on 127.0.0.1. The switch is refused
    # unless every allowed host is a loopback name, so it can never serve a real site without TLS.
    if env_bool("PLAIN_HTTP_ON_LOOPBACK", False):
        if not set(ALLOWED_HOSTS) <= {"127.0.0.1", "localhost", "[::1]"}:
            raise ImproperlyConfigured("PLAIN_HTTP_ON_LOOPBACK is only allowed when ALLOWED_HOSTS are loopback.")
        SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = SECURE_SSL_REDIRECT = False
        SECURE_HSTS_SECONDS = 0
    # A load balancer probes /health/ over plain HTTP inside its network.
    SECURE_REDIRECT_EXEMPT = [r"^health/$"]

# Audit log (django-auditlog): who, when, which record, what action, from where.
AUDITLOG_INCLUDE_ALL_MODELS = False
AUDITLOG_DISABLE_REMOTE_ADDR = False
# Loading a backup (loaddata saves raw) restores the log as it was: without this every loaded record would get a
# new CREATE row dated at the restore, and a record loaded before its client would stop the load.
AUDITLOG_DISABLE_ON_RAW_SAVE = True

# Background tasks (django-tasks, which Wagtail uses too). Wagtail's own small tasks stay immediate; funder
# workbooks run on the "exports" backend: in the database, picked up by `manage.py db_worker --backend exports`
# (`make demo` starts one). TASKS_EXPORTS_BACKEND=immediate builds them inside the request instead (tests).
EXPORTS_BACKEND = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}[env_str("TASKS_EXPORTS_BACKEND", "database")]
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "exports": {"BACKEND": EXPORTS_BACKEND},
}
# A finished export waits this long for its download, then it is deleted.
EXPORT_KEEP_HOURS = env_int("EXPORT_KEEP_HOURS", 24)
# Imports of a team's own tracker (employers/imports/): the largest file and the most data rows taken at once.
IMPORT_MAX_BYTES = env_int("IMPORT_MAX_BYTES", 5 * 1024 * 1024)
IMPORT_MAX_ROWS = env_int("IMPORT_MAX_ROWS", 20000)

# Wagtail
WAGTAIL_SITE_NAME = "Polku"
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Where links in e-mails sent outside a request (the daily agenda digest) point.
SITE_URL = env_str("SITE_URL", WAGTAILADMIN_BASE_URL)
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Uploads (content editors in /cms/ only): limited in size, and in type by extension and by content.
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "txt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "content.forms.DocumentForm"
# No SVG: it can carry script. Wagtail also checks that the content is an image of the named format.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40 * 1000 * 1000
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
TRAINING_PUBLIC = env_bool("TRAINING_PUBLIC", False)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}
