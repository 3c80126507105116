"""Settings shared by every environment. Environment-specific files import from here."""

import datetime
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# The domain apps; each registers its own pages, blocks, snippets and hooks.
# Order matters: demo content is loaded app by app in this order (dependencies first).
PROJECT_APPS = [
    "home",
    "organizations",
    "programs",
]

INSTALLED_APPS = [
    *PROJECT_APPS,
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales (same app label)
    "wagtail_headless_preview",
    "django_tasks_db",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "rest_framework",
    "corsheaders",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_countries",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before CommonMiddleware, so its headers are on every API answer, redirects included.
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's, plus stricter Chinese matching and no language redirect for API/admin 404s.
    "home.i18n.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Anonymous GETs answered from the cache skip everything below (home/page_cache/).
    "home.page_cache.middleware.AnonymousPageCacheMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its lockout page.
    "axes.middleware.AxesMiddleware",
]

# Brute-force protection for every password login (admin and front-end): django-axes counts
# failures per username and address and locks the pair out for a while.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "account_locked.html"
# Page passwords (Wagtail's password-protected pages): attempts per client address.
PAGE_PASSWORD_RATE = "5/m"
# Form submissions (form pages and the API's submit endpoint): attempts per client address.
FORM_SUBMISSION_RATE = "5/10m"
# Behind a proxy, the header holding the client's address (e.g. HTTP_X_REAL_IP); production
# sets it from the environment.
CLIENT_IP_META_KEY = "REMOTE_ADDR"
AXES_IPWARE_META_PRECEDENCE_ORDER = [CLIENT_IP_META_KEY]
RATELIMIT_IP_META_KEY = CLIENT_IP_META_KEY

ROOT_URLCONF = "site_config.urls"
WSGI_APPLICATION = "site_config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# SQLite is the embedded default; DATABASE_URL points elsewhere (PostgreSQL in production and CI).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The server and the task worker write at the same time: each transaction takes the write
    # lock when it starts and waits for it, rather than failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20}
    )
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # No JIT compilation: PostgreSQL may cost a join of several page types' tables (search
    # results, home.routing.with_page_types) high enough to compile it, a second spent to save
    # microseconds; a site's queries are all short. (Behind pgbouncer: `jit = off` on the server.)
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: English is the default, Simplified Chinese the second locale.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("zh-hans", _("Simplified Chinese")),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
# Our own date formats per language (e.g. "29 December 2014" rather than Django's "Dec. 29, 2014").
FORMAT_MODULE_PATH = ["site_config.formats"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# The anonymous page cache (home/page_cache/): whole answers to visitors who are not logged in
# (pages, API, sitemap, feeds), purged the moment what they show changes. In this process's
# memory unless REDIS_URL is set (production: shared by every worker and server).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
    # Wagtail looks renditions up here before the database (home/images.py).
    "renditions": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "renditions",
        "TIMEOUT": 60 * 60 * 24 * 7,
        "OPTIONS": {"MAX_ENTRIES": 10_000},
    },
}
# How long this cache and shared caches (a CDN) keep an answer, in seconds; 0 turns it off.
# Browsers revalidate every time (ETag), so visitors see a publish on their next request.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
# How long a CDN may still answer from an expired copy while it fetches the new one.
PAGE_CACHE_STALE_SECONDS = 60

# The public API (/api/v2/, docs/api.md): read anonymously by other apps. Cross-origin reads
# only from the origins listed in CORS_ALLOWED_ORIGINS (comma-separated), never with
# credentials: the API must not act on a visitor's session.
CORS_ALLOWED_ORIGINS = [
    origin.strip()
    for origin in os.environ.get("CORS_ALLOWED_ORIGINS", "").split(",")
    if origin.strip()
]
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_CREDENTIALS = False
# POST only reaches the form-submission endpoint (JSON only, see home/api/forms.py).
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS", "POST"]
WAGTAILAPI_LIMIT_MAX = 50

# Draft previews for headless front ends (home/headless_preview.py, docs/api.md): the editor's
# "Front end" preview mode opens HEADLESS_PREVIEW_URL, with `{locale}` replaced by the page's
# language code, e.g. https://app.example.org/{locale}/preview. Unset, the mode is not offered.
HEADLESS_PREVIEW_URL = os.environ.get("HEADLESS_PREVIEW_URL", "").strip()
# How long a preview token opens its draft (seconds).
HEADLESS_PREVIEW_MAX_AGE = int(os.environ.get("HEADLESS_PREVIEW_MAX_AGE", "3600"))
WAGTAIL_HEADLESS_PREVIEW = {
    # The plugin's per-hostname URLs; per-locale URLs come from HEADLESS_PREVIEW_URL instead.
    "CLIENT_URLS": {"default": HEADLESS_PREVIEW_URL},
    # A redirect rather than a nested frame: Wagtail 7.1+ handles cross-origin preview frames.
    "REDIRECT_ON_PREVIEW": True,
    "ENFORCE_TRAILING_SLASH": False,
}

# Background tasks (Wagtail's own task framework, django-tasks). Wagtail's internal tasks keep
# running at once in the request ("default"); the site's own background work (webhook
# deliveries, CDN purges, image renditions) is stored in the database and run by a worker
# process, `python manage.py db_worker`.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
}
BACKGROUND_TASK_BACKEND = "background"
WEBHOOKS_TASK_BACKEND = BACKGROUND_TASK_BACKEND
FRONTEND_CACHE_TASK_BACKEND = BACKGROUND_TASK_BACKEND
# Image renditions made ahead of the first view (home/images.py) wait for the same worker, at a
# lower priority than webhook deliveries: never made in an editor's request.
RENDITIONS_TASK_BACKEND = BACKGROUND_TASK_BACKEND
# Delivery: attempts in all, seconds before the first retry (doubled each time), and the
# receiver's time to answer.
WEBHOOKS_MAX_ATTEMPTS = 5
WEBHOOKS_RETRY_BASE_SECONDS = 30.0
WEBHOOKS_TIMEOUT_SECONDS = 5.0

WAGTAIL_SITE_NAME = "MedStudents Network"
WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
# The admin asks no outside service: no version check, no Gravatar avatars (unreachable from
# mainland China, where many editors work, and a leak of editors' e-mail hashes).
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Bilingual (Chinese bigrams, English stems) on top of the database backend.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "home.search.backend"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Off: Wagtail's responsive wrapper is an inline style, which the CSP refuses; site.css sizes
# embedded frames instead.
WAGTAILEMBEDS_RESPONSIVE_HTML = False

# Public pages load nothing inline and nothing from elsewhere except embedded players' frames.
# The admin is left to Wagtail's own headers: its editor relies on inline styles.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "frame-src": ["https:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
# No public page uses a device feature; say so, so an injected frame cannot ask for one.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "camera",
        "geolocation",
        "microphone",
        "payment",
        "usb",
        "interest-cohort",
    )
}

# Only the features an editor needs; anything else would be cleaned out at input anyway.
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "home.rich_text.widgets.CheckedDraftailRichTextArea",
        "OPTIONS": {
            "features": ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]
        },
    }
}

# A page submitted for translation stays a draft in the target locale until a translator
# publishes it, rather than going live in the source language.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Machine translation in wagtail-localize's editor, through DeepL, only when a key is supplied:
# without DEEPL_API_KEY the setting stays unset, so no button offers it and nothing calls out.
_deepl_api_key = os.environ.get("DEEPL_API_KEY", "").strip()
if _deepl_api_key:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": _deepl_api_key},
    }
