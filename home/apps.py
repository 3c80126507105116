from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The platform layer every app builds on: home pages and shared blocks, languages
    (`i18n`), search, SEO, navigation and the site's template tags, the demo loader."""

    name = "home"
    verbose_name = "Home"
