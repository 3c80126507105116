"""Production: everything that differs per deployment comes from the environment."""

import os
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

DEBUG = False

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("Set the SECRET_KEY environment variable.")

ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", WAGTAILADMIN_BASE_URL)  # noqa: F405

# HTTPS everywhere; the proxy in front terminates TLS and says so in X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() == "true"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"

# Several app servers share one database: connections stay open between requests (checked
# before reuse), instead of one new connection per request.
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("CONN_MAX_AGE", "600"))  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405

# Redis: the page cache, rendition look-ups and sessions, shared by every worker and server, so
# a purge on one reaches all. Without it each worker keeps its own memory cache, which another
# worker's purge cannot reach: the page cache stays off unless PAGE_CACHE_SECONDS says otherwise.
if os.environ.get("REDIS_URL"):
    CACHES = {
        alias: {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            # Sites sharing one Redis keep apart.
            "KEY_PREFIX": f"{os.environ.get('CACHE_KEY_PREFIX', 'medstudents')}:{alias}",
            "TIMEOUT": CACHES[alias].get("TIMEOUT", 300),  # noqa: F405
        }
        for alias in ("default", "renditions")
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "0"))

# Uploaded images and documents on S3-compatible storage (AWS, MinIO, R2...) when a bucket is
# given, through django-storages; local files under MEDIA_ROOT otherwise.
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {  # noqa: F405
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            # Private documents stay private: files are served through signed URLs.
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
    # Pages show images from the bucket's host: the content security policy must allow it.
    _options = STORAGES["default"]["OPTIONS"]  # noqa: F405
    _bucket = _options["bucket_name"]
    if _options["custom_domain"]:
        _media_origins = [f"https://{_options['custom_domain']}"]
    elif _options["endpoint_url"]:
        _endpoint = urlsplit(_options["endpoint_url"])
        _media_origins = [
            f"{_endpoint.scheme}://{_endpoint.netloc}",  # path-style addressing
            f"{_endpoint.scheme}://{_bucket}.{_endpoint.netloc}",  # virtual-hosted
        ]
    else:
        _region = f".{_options['region_name']}" if _options["region_name"] else ""
        _media_origins = [f"https://{_bucket}.s3{_region}.amazonaws.com"]
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"] = [  # noqa: F405
        *CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"],  # noqa: F405
        *_media_origins,
    ]

# A CDN in front of the site, purged with the page cache (home/page_cache/purge.py) through
# Wagtail's frontend cache: a generic HTTP purge URL (e.g. Varnish), Cloudflare or CloudFront.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ.get("CLOUDFLARE_BEARER_TOKEN", ""),
        "ZONEID": os.environ["CLOUDFLARE_ZONE_ID"],
    }
if os.environ.get("CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["CLOUDFRONT_DISTRIBUTION_ID"],
    }

# The proxy's header with the client's address, so lockouts and rate limits count clients,
# not the proxy (e.g. HTTP_X_REAL_IP); REMOTE_ADDR when the site is reached directly.
CLIENT_IP_META_KEY = os.environ.get("CLIENT_IP_META_KEY", "REMOTE_ADDR")
AXES_IPWARE_META_PRECEDENCE_ORDER = [CLIENT_IP_META_KEY]
RATELIMIT_IP_META_KEY = CLIENT_IP_META_KEY

# Password-reset and notification mail. Without EMAIL_HOST mail is refused loudly at start-up
# rather than lost silently later.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if not EMAIL_HOST:
    raise ImproperlyConfigured("Set EMAIL_HOST (the SMTP server that sends the site's mail).")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "true").lower() == "true"
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", f"noreply@{EMAIL_HOST}")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

MEDIA_ROOT = os.environ.get("MEDIA_ROOT", str(MEDIA_ROOT))  # noqa: F405
STATIC_ROOT = os.environ.get("STATIC_ROOT", str(STATIC_ROOT))  # noqa: F405

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        # Scanners send bad Host headers all day: one line each, not a traceback.
        "one_line": {"format": "%(levelname)s %(name)s %(message)s"},
    },
    "filters": {"without_traceback": {"()": "site_config.logging.WithoutTraceback"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "one_line": {
            "class": "logging.StreamHandler",
            "formatter": "one_line",
            "filters": ["without_traceback"],
        },
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.security.DisallowedHost": {
            "handlers": ["one_line"],
            "level": "WARNING",
            "propagate": False,
        },
    },
}
