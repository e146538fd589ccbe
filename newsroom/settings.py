"""Settings for Newsroom, read from the environment (one file, 12-factor).

Development (`make run`, `make test`) sets DJANGO_DEBUG=1. Without it the
settings are production settings and refuse to start without a secret key
and a list of allowed hosts.
"""

import datetime
import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set it (a long random string) or set "
            "DJANGO_DEBUG=1 for local development."
        )
    SECRET_KEY = "django-insecure-development-only-key-never-used-in-production"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_ALLOWED_HOSTS is not set. Give the site's host names, comma "
            "separated, or set DJANGO_DEBUG=1 for local development."
        )
    ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "taggit",
    "django_prose_editor",
    "axes",
    "reversion",
    "django_tasks_db",
    "httpcache",
    "jobs",
    "members",
    "library",
    "articles",
    "newsletter",
    "pages",
    "wordpress",
]

MIDDLEWARE = [
    # First, so that its ETag covers the final response: unchanged pages
    # answer 304 (Varnish passes If-None-Match through on a pass or miss).
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before any view reads the database (it reads the epoch first), and
    # after whitenoise, so static files skip it.
    "httpcache.pages.HttpCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Turns a 404 into an old address's 301 or 410 (articles.Redirect).
    "articles.middleware.RedirectFallbackMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "newsroom.middleware.AdminContentSecurityPolicy",
    # Last, as django-axes asks: it turns a locked-out log-in into our page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                # The CSP nonce, for the admin's {% csp_nonce_attr %} (public
                # pages use none: they run no inline script and are cached).
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "newsroom.context_processors.site",
                "articles.context_processors.sections",
                "pages.context_processors.page_links",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web server and the job worker write to one file: writers take the lock
    # when their transaction starts and wait for each other (up to 20 s) instead
    # of failing with "database is locked"; WAL lets readers go on meanwhile.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

# The HTTP cache (Varnish, deploy/varnish/) keeps anonymous pages; the app
# says for how long and under which keys (httpcache.pages), and purges those
# keys after each change commits (httpcache.purges). HTTP_CACHE_URLS lists
# the caches to purge (`make serve` sets it); empty, nothing is purged.
HTTP_CACHE_URLS = env_list("HTTP_CACHE_URLS")
# The longest a shared cache may keep an anonymous page; shorter when the
# page changes by itself sooner (a scheduled story, a membership date).
HTTP_CACHE_SECONDS = int(os.environ.get("HTTP_CACHE_SECONDS", 300))
HTTP_CACHE_PURGE_TIMEOUT = float(os.environ.get("HTTP_CACHE_PURGE_TIMEOUT", 2.0))

# Django's cache framework: Redis in production (REDIS_URL or CACHE_URL),
# local memory by default, `dummy://` for none. Nothing on a page's path
# depends on it: pages are cached by Varnish, derived data lives in the
# database. It is here for what only the app can cache.
CACHE_URL = os.environ.get("REDIS_URL") or os.environ.get("CACHE_URL", "locmem://")
if CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": "newsroom",
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
        }
    }
elif CACHE_URL.startswith("dummy://"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "members.User"
AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses log-ins for a locked-out account or address.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Throttle guessing (members/throttling.py): after 5 failures for one account,
# typed in any case and from any address, that account's log-in is refused for 15
# minutes, even with the right password, and staff are emailed. An address that
# fails for many accounts is slowed down, never locked: a school's staff share one.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username"]
# axes warns when addresses are not locked: here they are deliberately slowed
# down instead (members.throttling), so one guesser cannot lock out a school.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_USERNAME_CALLABLE = "members.throttling.axes_username"
AXES_CLIENT_IP_CALLABLE = "members.throttling.client_ip"
# How many proxies of our own stand in front of Django and append to
# X-Forwarded-For (0: the header is ignored, REMOTE_ADDR is the client).
TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", 0))
AXES_LOCKOUT_TEMPLATE = "members/locked_out.html"
# The log-in forms post the email in a field named "username" (AuthenticationForm).
AXES_USERNAME_FORM_FIELD = "username"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
LOGIN_URL = "members:login"
# Members land in their area unless the log-in came from a page (``next``);
# logging out says so on a page of its own (public pages are cached for everyone).
LOGIN_REDIRECT_URL = "members:home"
LOGOUT_REDIRECT_URL = "members:logged-out"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
# Serve uploaded media from Django itself: fine for development and one box;
# production puts media on S3-compatible storage behind a CDN.
SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", DEBUG)

# The demo's stories, pages, sections and schools as data files, read by
# `manage.py load_demo` (articles/demo_data.py). Read from the checkout, as the
# templates are: the project runs from its repository (an editable install).
DEMO_DIR = BASE_DIR / "demo"

# In development whitenoise serves straight from the app and project folders;
# in production from STATIC_ROOT, filled by collectstatic.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
# The feeds' XSL stylesheet (articles/feeds.py): browsers apply it only if it
# comes as XSL or XML, and whitenoise has no type of its own for .xsl.
WHITENOISE_MIMETYPES = {".xsl": "text/xsl"}

# Library files nobody but members (or staff) may fetch live outside MEDIA_ROOT,
# with no public address: library.views.protected_file checks who asks, then
# sends them itself ("django"), has nginx send them ("nginx": X-Accel-Redirect
# to PROTECTED_FILES_NGINX_PREFIX, an `internal` location aliasing
# PROTECTED_ROOT), or redirects to a short-lived signed URL ("redirect": the
# "protected" storage is a private S3 bucket through django-storages).
PROTECTED_ROOT = Path(os.environ.get("DJANGO_PROTECTED_ROOT", BASE_DIR / "protected"))
PROTECTED_FILES = os.environ.get("DJANGO_PROTECTED_FILES", "django")
if PROTECTED_FILES not in {"django", "nginx", "redirect"}:
    raise ImproperlyConfigured("DJANGO_PROTECTED_FILES must be django, nginx or redirect.")
PROTECTED_FILES_NGINX_PREFIX = "/_protected/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "protected": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PROTECTED_ROOT, "base_url": None},
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Hero images: the largest upload accepted, and the most pixels (more is a
# decompression bomb, or at least more than a news photo needs).
HERO_IMAGE_MAX_BYTES = int(os.environ.get("HERO_IMAGE_MAX_BYTES", 20_000_000))
# Documents (PDF, Word, Excel, PowerPoint) in the media library.
DOCUMENT_MAX_BYTES = int(os.environ.get("DOCUMENT_MAX_BYTES", 25_000_000))
HERO_IMAGE_MAX_PIXELS = int(os.environ.get("HERO_IMAGE_MAX_PIXELS", 40_000_000))
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Django's tasks framework: renditions are built by a task. The immediate
# backend runs it when the story's transaction commits; a queue-backed
# backend can take over without code changes.
# Background jobs live in the database (django-tasks-db) and run in the worker
# (`manage.py run_worker`, started by `make run` and `make serve`). The tests run
# them inline (tests/conftest.py) unless a test asks for the queue.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Django 6.1 mailers: the console in development, SMTP in production (or any
# backend named in DJANGO_EMAIL_BACKEND).
MAILERS = {
    "default": {
        "BACKEND": os.environ.get(
            "DJANGO_EMAIL_BACKEND",
            "newsroom.console_mail.EmailBackend"
            if DEBUG
            else "django.core.mail.backends.smtp.EmailBackend",
        ),
    }
}
# The SMTP server's options, for the SMTP backend only: another backend (the
# console's, say) refuses options it does not know.
if MAILERS["default"]["BACKEND"].endswith("smtp.EmailBackend"):
    MAILERS["default"]["OPTIONS"] = {
        key: value
        for key, value in {
            "host": os.environ.get("DJANGO_EMAIL_HOST"),
            "port": int(os.environ["DJANGO_EMAIL_PORT"])
            if os.environ.get("DJANGO_EMAIL_PORT")
            else None,
            "username": os.environ.get("DJANGO_EMAIL_USER"),
            "password": os.environ.get("DJANGO_EMAIL_PASSWORD"),
            "use_tls": env_bool("DJANGO_EMAIL_USE_TLS", True),
        }.items()
        if value is not None
    }
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "news@example.org")

SITE_NAME = "Pennine Schools Network"
# The Weekly Update's sending rate, in messages a second (0: as fast as the mail
# server takes them). Set it to what your mail provider allows.
WEEKLY_UPDATE_RATE = float(os.environ.get("WEEKLY_UPDATE_RATE", 0))
# Where links in emails point (invitations, confirmations): the public address.
SITE_URL = os.environ.get("DJANGO_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

TAGGIT_CASE_INSENSITIVE = True

# Security. Production serves over HTTPS; DJANGO_HTTPS=0 lets `make serve`
# run the production settings over plain HTTP on this machine.
HTTPS = env_bool("DJANGO_HTTPS", not DEBUG)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", 31_536_000 if HTTPS else 0))
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
if env_bool("DJANGO_BEHIND_PROXY"):
    # The load balancer terminates TLS and says so in this header.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content Security Policy (Django 6). The public site runs no inline script
# and loads nothing from elsewhere; JSON-LD blocks are data, not script.
# The admin's rich-text editor needs an inline import map: see
# newsroom.middleware.AdminContentSecurityPolicy.


def _origin(url: str) -> str | None:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") else None


# Hosts that serve our images and static files when they are not this site (S3,
# a CDN): read from MEDIA_URL, STATIC_URL and the default storage's
# custom_domain, plus DJANGO_ASSET_HOSTS; both content policies allow them.
ASSET_HOSTS = sorted(
    {origin for origin in (_origin(MEDIA_URL), _origin(STATIC_URL)) if origin}
    | {
        f"https://{domain}"
        for domain in [STORAGES["default"].get("OPTIONS", {}).get("custom_domain")]
        if domain
    }
    | set(env_list("DJANGO_ASSET_HOSTS"))
)

# Story videos play in frames from these hosts only, and only once the reader
# presses play (articles/videos.py); nothing else may be framed.
VIDEO_EMBED_HOSTS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF, *ASSET_HOSTS],
    "img-src": [CSP.SELF, "data:", *ASSET_HOSTS],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "frame-src": VIDEO_EMBED_HOSTS,
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        # A line per job started and finished drowns the rest: only failures.
        "quiet_jobs": {
            "()": "jobs.log_filters.QuietJobs",
            "level": os.environ.get("DJANGO_TASKS_LOG_LEVEL", "WARNING"),
        }
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "filters": ["quiet_jobs"],
        }
    },
    "root": {
        "handlers": ["console"],
        "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO"),
    },
    "loggers": {
        # Django's own handler under DEBUG printed each line a second time
        # beside the root's: one handler, the root's.
        "django": {"handlers": [], "propagate": True},
    },
}
