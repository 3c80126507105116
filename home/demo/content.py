"""An app's demo content: its `demo_content.toml`, read and built into English pages and
snippets. README.md ("Demo content") describes the format.

Values are converted by the field or block they go into, so the data files hold only what
an editor would type or choose. A page that refers to a page further down its file is saved as
a draft and completed, then published, once the whole file is built.
"""

from __future__ import annotations

import re
import tomllib
from functools import partial
from pathlib import Path
from typing import Any

from django.apps import AppConfig
from django.db import models
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from home.models import HomePage

from .build import DemoBuild, DemoError
from .pictures import banner_picture, logo_picture
from .texts import english

FILE_NAME = "demo_content.toml"
PAGE_LINK = re.compile(r'(<a linktype="page" id=")([^"]*)"')


class NotBuiltYet(DemoError):
    """A value refers to a page that does not exist (yet)."""


class DemoContent:
    """One app's data file, and how its values become field and block values."""

    def __init__(self, app: AppConfig) -> None:
        self.app = app
        self.path = Path(app.path) / FILE_NAME
        with self.path.open("rb") as file:
            self.data = tomllib.load(file)
        self.build: DemoBuild | None = None

    # -- building

    def load(self, build: DemoBuild) -> None:
        self.build = build
        build.featured += self.data.get("featured", [])
        for model_name, entries in self.data.get("snippets", {}).items():
            model = self.app.get_model(model_name)
            for key, values in entries.items():
                first, *rest = values
                build.keyed[model, key] = build.ensure_snippet(
                    model,
                    {first: english(values[first])},
                    **{name: self.field(model, name, values[name]) for name in rest},
                )
        unfinished = []
        for spec in self.data.get("page", []):
            model = self.app.get_model(spec["type"])
            values, later = {}, {}
            for name, value in spec.items():
                if name in ("path", "type"):
                    continue
                try:
                    values[name] = self.field(model, name, value)
                except NotBuiltYet:
                    later[name] = value
            if not spec["path"]:
                fill_in_home(build, values)
                continue
            page, created = build.ensure_page(spec["path"], model, publish=not later, **values)
            if created and later:
                unfinished.append((page, later))
        for page, later in unfinished:
            for name, value in later.items():
                setattr(page, name, self.field(type(page), name, value))
            build.publish(page)

    def report(self, locale: Locale) -> str:
        """What the app has in `locale`: its pages and its snippets."""
        pages = Page.objects.filter(content_type__app_label=self.app.label)
        counts = {Page._meta.verbose_name_plural: pages.filter(locale=locale).count()}
        for name in self.data.get("snippets", {}):
            model = self.app.get_model(name)
            counts[model._meta.verbose_name_plural] = model.objects.filter(locale=locale).count()
        return ", ".join(f"{what} {count}" for what, count in counts.items())

    # -- values

    def field(self, model: type[models.Model], name: str, value: Any) -> Any:
        field = model._meta.get_field(name)
        if isinstance(field, StreamField):
            return self.block(field.stream_block, value)
        if isinstance(field, RichTextField):
            return self.rich_text(value)
        if field.one_to_many:  # a child relation: its rows, in order
            child = field.related_model
            return [
                child(sort_order=position, **{k: self.field(child, k, v) for k, v in row.items()})
                for position, row in enumerate(value)
            ]
        if field.is_relation:
            return self.reference(field.related_model, value)
        return english(value)

    def block(self, block: blocks.Block, value: Any) -> Any:
        if isinstance(block, blocks.StreamBlock):
            return [
                (name, self.block(block.child_blocks[name], item_value))
                for item in value
                for name, item_value in item.items()
            ]
        if isinstance(block, blocks.StructBlock):
            return {
                name: self.block(child, value[name]) if name in value else child.get_default()
                for name, child in block.child_blocks.items()
            }
        if isinstance(block, blocks.ListBlock):
            return [self.block(block.child_block, item) for item in value]
        if isinstance(block, blocks.RichTextBlock):
            return self.rich_text(value)
        if isinstance(block, blocks.ChooserBlock):  # a page, an image or a snippet
            return self.reference(block.target_model, value)
        return english(value)

    def rich_text(self, parts: list[dict]) -> str:
        html = ""
        for part in parts:
            if "en" in part:
                html += f"<p>{part['en']}</p>"
                continue
            [(tag, items)] = part.items()  # a list: { ul = [texts] } or { ol = [texts] }
            html += f"<{tag}>" + "".join(f"<li>{item['en']}</li>" for item in items) + f"</{tag}>"
        return PAGE_LINK.sub(lambda match: f'{match[1]}{self.page(match[2]).pk}"', html)

    def reference(self, model: type[models.Model], value: Any) -> Any:
        if issubclass(model, Page):
            return self.page(value)
        if model is get_image_model():
            return self.image(value)
        return self.build.keyed[model, value]

    def page(self, path: str) -> Page:
        page = self.build.find_page(path)
        if page is None:
            raise NotBuiltYet(f"{self.path} refers to {path!r}, a page that does not exist")
        return page

    def image(self, spec: dict) -> Any:
        if "logo" in spec:
            draw = partial(logo_picture, spec["initials"], seed=spec["logo"])
            return self.build.ensure_image(f"Logo: {spec['logo']}", draw)
        options = {key: value for key, value in spec.items() if key != "banner"}
        return self.build.ensure_image(spec["banner"], partial(banner_picture, **options))


def find_home() -> HomePage:
    """The English home page, as home's migration created it."""
    home = HomePage.objects.filter(locale=Locale.get_default(), depth=2).first()
    if home is None:
        raise DemoError("No English HomePage: run `manage.py migrate` first.")
    return home


def fill_in_home(build: DemoBuild, values: dict) -> None:
    """Write the home page, unless someone has written on it since the migration made it."""
    home = build.home
    blank = not home.intro.strip() and not home.body and not home.key_figures
    if not blank or home.revisions.count() > 1:
        build.log("Home page has content already: left as it is.")
        return
    for name, value in values.items():
        setattr(home, name, value)
    home.draft_title = home.title
    home.save()
    # Published in finish_home(), once every app has offered its featured pages.
    build.home_is_new = True
    build.new_keys.add(home.translation_key)


def finish_home(build: DemoBuild) -> None:
    if build.home_is_new:
        home = build.home
        pages = [build.find_page(path) for path in build.featured]
        home.featured_pages = [("page", page) for page in pages if page is not None]
        build.publish(home)
        build.created["home page filled in"] += 1
