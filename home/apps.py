from django.apps import AppConfig


class HomeConfig(AppConfig):
    """Home pages, shared StreamField blocks and site-wide helpers (menus, footer, demo loader)."""

    name = "home"
    verbose_name = "Home"
