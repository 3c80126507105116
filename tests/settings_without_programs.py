"""The test settings with the `programs` app taken out (see test_plugins.py)."""

from site_config.settings.test import *  # noqa: F403

PROJECT_APPS = [app for app in PROJECT_APPS if app != "programs"]  # noqa: F405
INSTALLED_APPS = [app for app in INSTALLED_APPS if app != "programs"]  # noqa: F405
