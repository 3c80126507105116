"""The build: idempotent builders for pages, snippets and images, and the translation step.

The English pages are built from the apps' data files; the Chinese pages are then made through
wagtail-localize (real, tracked translations) by looking up every source segment's string in
the glossary the data files filled. A segment without Chinese text stops the load with an error
that names it, so no English can slip into the Chinese site unnoticed.

Every builder is idempotent: what exists already (found by slug, name or title) is left as it
is, so running the loader again never overwrites what an editor changed in the admin.
"""

from __future__ import annotations

import hashlib
import io
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.core.exceptions import ObjectDoesNotExist
from django.core.files.images import ImageFile
from django.db import models, transaction
from django.db.models.signals import post_save
from django.utils.text import slugify
from PIL.Image import Image
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, ReferenceIndex, TranslatableMixin
from wagtail.search import index as search_index
from wagtail.search import signal_handlers as search_signals
from wagtail.search.tasks import insert_or_update_object_task
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.tasks import update_reference_index_task
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from .texts import Glossary

PageT = TypeVar("PageT", bound=Page)
ModelT = TypeVar("ModelT", bound=models.Model)

TARGET_LANGUAGE = "zh-hans"


class DemoError(Exception):
    """The demo content cannot be loaded as it stands (reported without a traceback)."""


class MissingChineseText(DemoError):
    """A source segment has no Chinese text in the glossary."""


@dataclass
class DemoBuild:
    """State shared by the apps' loaders during one run of `load_demo_content`."""

    stdout: Any
    verbosity: int = 1
    created: Counter = field(default_factory=Counter)
    # What the demo built or found, in build order; the translation step works through these.
    pages: list[Page] = field(default_factory=list)
    snippets: list[TranslatableMixin] = field(default_factory=list)
    # Pages created in this run: they must translate completely, or the load fails.
    new_keys: set = field(default_factory=set)
    glossary: Glossary = field(default_factory=Glossary)
    # Snippets by the key the data files refer to them with: (model, key) -> instance.
    keyed: dict[tuple[type, str], Any] = field(default_factory=dict)
    # Paths of the pages the apps offer for the home page's "featured" cards.
    featured: list[str] = field(default_factory=list)
    # The English home page and whether this run is filling it in (only then may the apps'
    # featured pages be put on it).
    home: Page | None = None
    home_is_new: bool = False
    warnings: list[str] = field(default_factory=list)
    _pages: dict[str, Page | None] = field(default_factory=dict)

    # -- output

    def log(self, message: str, level: int = 2) -> None:
        if self.verbosity >= level:
            self.stdout.write(message)

    def warn(self, message: str) -> None:
        self.warnings.append(message)
        self.stdout.write(f"Warning: {message}")

    # -- pages

    def find_page(self, path: str) -> Page | None:
        """The English page at `path` (slugs under the home page, "" for the home page).

        Always the same instance for a page: adding a child updates its parent's instance, and
        a stale one would undo that when it is published."""
        if not path:
            return self.home
        url_path = f"{self.home.url_path}{path}/"
        if url_path not in self._pages:
            pages = Page.objects.filter(locale=self.home.locale_id, url_path=url_path)
            self._pages[url_path] = pages.specific().first()
        return self._pages[url_path]

    def ensure_page(
        self, path: str, model: type[PageT], *, publish: bool = True, **fields: Any
    ) -> tuple[PageT, bool]:
        """The page at `path`, created as `model(**fields)` if there is none.

        An existing page is returned untouched, so edits made in the admin survive. With
        `publish=False` a new page is saved as a draft, for pages whose content refers to pages
        not built yet (e.g. a timeline excerpt of their own history); call `publish()` when it
        is complete.
        """
        existing = self.find_page(path)
        if existing is not None:
            if not isinstance(existing, model):
                raise DemoError(
                    f"{existing.url_path} exists but is a {type(existing).__name__}, not a "
                    f"{model.__name__}; rename or move it and run the loader again."
                )
            self.pages.append(existing)
            return existing, False
        parent_path, _, slug = path.rpartition("/")
        page = model(slug=slug, locale=self.home.locale, live=publish, **fields)
        self.find_page(parent_path).add_child(instance=page)
        self._pages[page.url_path] = page
        if publish:
            page.save_revision().publish()
        self.pages.append(page)
        self.new_keys.add(page.translation_key)
        self.created["pages"] += 1
        self.log(f"  + {page.url_path}")
        return page, True

    def publish(self, page: Page) -> None:
        """Publish the current state of `page` as a new revision."""
        page.save_revision().publish()

    # -- snippets

    def ensure_snippet(self, model: type[ModelT], lookup: dict[str, Any], **fields: Any) -> ModelT:
        """The English `model` instance matching `lookup`, created with `fields` if none."""
        existing = model._default_manager.filter(locale=self.home.locale, **lookup).first()
        if existing is not None:
            self.snippets.append(existing)
            return existing
        obj = model(locale=self.home.locale, **lookup, **fields)
        obj.full_clean()
        obj.save()
        self.snippets.append(obj)
        self.new_keys.add(obj.translation_key)
        self.created["snippets"] += 1
        return obj

    # -- images

    def ensure_image(self, title: str, draw: Callable[[], Image]) -> Any:
        """The image titled `title`, drawn with Pillow and stored if there is none."""
        image_model = get_image_model()
        image = image_model.objects.filter(title=title).first()
        if image is None:
            buffer = io.BytesIO()
            draw().save(buffer, format="PNG", optimize=True)
            content = buffer.getvalue()
            image = image_model(
                title=title,
                file=ImageFile(io.BytesIO(content), name=f"demo-{slugify(title)[:60]}.png"),
                file_size=len(content),
                file_hash=hashlib.sha1(content).hexdigest(),
            )
            image.save()
            self.created["images"] += 1
        return image

    # -- translation

    def translate_all(self) -> Counter:
        """Translate every snippet, then every page (parents first), that has no Chinese
        version yet. Returns counts of what was translated."""
        done: Counter = Counter()
        locale = Locale.objects.get(language_code=TARGET_LANGUAGE)
        unique_snippets = {(type(snippet), snippet.pk): snippet for snippet in self.snippets}
        for snippet in unique_snippets.values():
            if snippet.locale_id == locale.pk or snippet.has_translation(locale):
                continue
            if self._translate(snippet, locale):
                done["snippets"] += 1
        # Tree order (by path) puts every parent before its children.
        page_ids = {page.pk for page in self.pages}
        for page in Page.objects.filter(pk__in=page_ids).order_by("path").specific():
            if page.locale_id == locale.pk or page.has_translation(locale):
                continue
            parent = page.get_parent()
            if parent.depth > 1 and not parent.has_translation(locale):
                # wagtail-localize would copy the parent untranslated; leave the branch alone.
                self.warn(f"not translating {page!r}: its parent has no Chinese version")
                continue
            if self._translate(page, locale):
                done["pages"] += 1
        return done

    def _translate(self, obj: TranslatableMixin, locale: Locale) -> bool:
        strict = obj.translation_key in self.new_keys
        try:
            # A savepoint, so that a refused attempt leaves the source as it was.
            with transaction.atomic():
                source, created = TranslationSource.get_or_create_from_instance(obj)
                if not created:
                    # The source may predate edits (e.g. a Chinese page was deleted and the
                    # English one edited since): bring it up to date before translating again.
                    source.update_from_db()
                translations = self._chinese_segments(source, obj, locale)
        except MissingChineseText as error:
            if strict:
                raise MissingChineseText(
                    f"{error}; give it a Chinese text, {{ en = …, zh = … }}, in the app's "
                    "demo_content.toml"
                ) from None
            self.warn(f"not translating {obj!r}, its text changed since the demo: {error}")
            return False

        translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
        existing = set(
            StringTranslation.objects.filter(
                locale=locale, context__in=[segment.context for segment, _ in translations]
            ).values_list("translation_of_id", "context_id")
        )
        StringTranslation.objects.bulk_create(
            StringTranslation(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                data=chinese,
                translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
                tool_name="load_demo_content",
            )
            for segment, chinese in translations
            if (segment.string_id, segment.context_id) not in existing
        )
        if isinstance(obj, Page):
            # Publish here rather than with save_target(publish=True): that defers publishing
            # to transaction.on_commit, so inside the loader's transaction (or a test's) the
            # Chinese pages would stay drafts until the very end, or for ever.
            translation.save_target(publish=False)
            target = obj.get_translation(locale)
            target.get_latest_revision().publish()
        else:
            translation.save_target(publish=True)
        self.log(f"  = {obj} → {locale.language_code}")
        return True

    def _chinese_segments(
        self, source: TranslationSource, obj: TranslatableMixin, locale: Locale
    ) -> list[tuple[StringSegment, str]]:
        result = []
        segments = source.stringsegment_set.select_related("string", "context").order_by("order")
        for segment in segments:
            data = segment.string.data
            # Slugs and numbers are not offered for translation (home/i18n/synchronised.py).
            chinese = self.glossary.chinese_for(data)
            if chinese is None:
                raise MissingChineseText(
                    f"no Chinese text for {data!r} "
                    f"(field {segment.context.path!r} of {type(obj).__name__} {obj!r})"
                )
            result.append((segment, chinese))
        return result


@contextmanager
def deferred_indexing(references: bool = True) -> Iterator[None]:
    """Update the search and reference indexes once per object when the block succeeds,
    instead of on every save: building, publishing and translating a page saves it several
    times, and indexing on each save made up about half of the load time. With
    `references=False` the reference index is left as it is (for throwaway content, whose
    usage listings nobody reads)."""
    search_models = {
        model
        for model in search_index.get_indexed_models()
        if getattr(model, "search_auto_update", True)
    }
    to_search: dict[tuple[str, str, str], None] = {}
    to_reference: dict[tuple[str, str, str], None] = {}

    def remember(sender: type, instance: models.Model, raw: bool = False, **kwargs: Any) -> None:
        if raw:
            return
        key = (instance._meta.app_label, instance._meta.model_name, str(instance.pk))
        if sender in search_models:
            to_search[key] = None
        if references and sender in ReferenceIndex.tracked_models:
            to_reference[key] = None

    for model in search_models:
        post_save.disconnect(search_signals.post_save_signal_handler, sender=model)
    post_save.connect(remember, weak=False, dispatch_uid="demo-deferred-indexing")
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        post_save.disconnect(dispatch_uid="demo-deferred-indexing")
        for model in search_models:
            post_save.connect(search_signals.post_save_signal_handler, sender=model)
    # The same work the signal handlers would have queued, once per object still there
    # (the child rows of inline panels are replaced when a translation is synced).
    for task, keys in (
        (update_reference_index_task, to_reference),
        (insert_or_update_object_task, to_search),
    ):
        for key in keys:
            with suppress(ObjectDoesNotExist):
                task.call(*key)
