from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The platform layer every app builds on: home pages and shared blocks, languages
    (`i18n`), search, SEO, navigation and the site's template tags, the demo loader."""

    name = "home"
    verbose_name = "Home"

    def ready(self) -> None:
        from django.db.models.signals import pre_save
        from wagtail_localize.models import SegmentOverride

        from . import images
        from .i18n.overrides import check_override
        from .page_cache import signals as page_cache_signals
        from .webhooks import signals as webhook_signals

        pre_save.connect(check_override, sender=SegmentOverride, dispatch_uid="check_override")
        webhook_signals.connect()
        page_cache_signals.connect()
        images.connect()
