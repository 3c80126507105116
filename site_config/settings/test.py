import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-insecure-key"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# From the environment when a test starts a second site (the backup round-trip).
MEDIA_ROOT = os.environ.get("MEDIA_ROOT", str(BASE_DIR / ".local" / "test-media"))  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
# Static files come straight from the finders: no collectstatic before the tests.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# The page cache purges after each transaction commits, and a test's transaction never does:
# off, except in the tests that turn it on to check it (tests/site/test_page_cache.py).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "0"))
# Renditions are made at once, inside the save or publish, so tests can look for them there.
RENDITIONS_TASK_BACKEND = "default"
