"""Backups: the database in Django's portable JSON plus the media files, in one archive.

A plain `dumpdata`/`loaddata` fails across databases: it carries rows every database builds for
itself (content types, the search index), and permissions whose ids differ from the target's.
The archive leaves the former out and refers to content types by natural key; a restore empties
the database without letting Django re-create permissions, loads the archived ones with their
ids, then adds any that a newer version of the code defines. It restores into SQLite or
PostgreSQL alike.
"""

from __future__ import annotations

import io
import json
import tarfile
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import django
import wagtail
from django.apps import apps
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes
from django.contrib.contenttypes.models import ContentType
from django.core import management
from django.db import connection, transaction
from wagtail.models import Page

FORMAT_VERSION = 1
DATA_NAME = "data.json"
MANIFEST_NAME = "manifest.json"
MEDIA_PREFIX = "media/"

# Rebuilt by the target database itself (migrate, update_index) or meaningless elsewhere
# (sessions, sign-in attempts, open editing sessions, hour-long headless previews).
EXCLUDED = (
    "contenttypes",
    "sessions",
    "admin.LogEntry",
    "wagtailsearch",
    "axes",
    "wagtailadmin.EditingSession",
    "wagtail_headless_preview",
)

Progress = Callable[[str], None]


class BackupError(Exception):
    """Something the person running the command must fix; said in one sentence."""


def excluded_labels() -> list[str]:
    """The exclusions that exist in this project (dumpdata refuses unknown labels)."""
    labels = []
    for label in EXCLUDED:
        app_label, _, model_name = label.partition(".")
        if app_label not in apps.app_configs:
            continue
        if model_name and not _has_model(app_label, model_name):
            continue
        labels.append(label)
    return labels


def _has_model(app_label: str, model_name: str) -> bool:
    try:
        apps.get_model(app_label, model_name)
    except LookupError:
        return False
    return True


def media_files(media_root: Path) -> Iterator[Path]:
    if media_root.is_dir():
        yield from sorted(path for path in media_root.rglob("*") if path.is_file())


def create_backup(archive: Path, progress: Progress) -> dict:
    """Write the database and the media files to `archive` (a .tar.gz); return its manifest."""
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as work:
        data = Path(work) / DATA_NAME
        progress("Dumping the database…")
        management.call_command(
            "dumpdata",
            exclude=excluded_labels(),
            natural_foreign=True,
            output=str(data),
            indent=None,
            verbosity=0,
        )
        rows = json.loads(data.read_text())
        files = list(media_files(media_root))
        manifest = {
            "format": FORMAT_VERSION,
            "django": django.get_version(),
            "wagtail": wagtail.__version__,
            "database": connection.vendor,
            "rows": len(rows),
            "pages": sum(1 for row in rows if row["model"] == "wagtailcore.page"),
            "media_files": len(files),
        }
        progress(f"{manifest['rows']} rows ({manifest['pages']} pages), {len(files)} media files")
        with tarfile.open(archive, "w:gz") as tar:
            _add_bytes(tar, MANIFEST_NAME, json.dumps(manifest, indent=2).encode())
            tar.add(data, arcname=DATA_NAME)
            for number, path in enumerate(files, start=1):
                tar.add(path, arcname=MEDIA_PREFIX + path.relative_to(media_root).as_posix())
                if number % 100 == 0 or number == len(files):
                    progress(f"Media: {number}/{len(files)} files archived")
    return manifest


def _add_bytes(tar: tarfile.TarFile, name: str, content: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(content)
    tar.addfile(info, io.BytesIO(content))


def database_has_content() -> bool:
    """True when pages exist beyond what `migrate` creates (the root and its welcome page)."""
    return Page.objects.filter(depth__gt=2).exists() or Page.objects.filter(depth=2).count() > 1


def read_manifest(tar: tarfile.TarFile) -> dict:
    try:
        member = tar.getmember(MANIFEST_NAME)
    except KeyError:
        raise BackupError("This is not a backup made by `manage.py backup`.") from None
    manifest = json.load(tar.extractfile(member))
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(f"Unsupported backup format {manifest.get('format')!r}.")
    return manifest


@contextmanager
def opened_archive(archive: Path) -> Iterator[tarfile.TarFile]:
    try:
        with tarfile.open(archive, "r:gz") as tar:
            yield tar
    except (OSError, tarfile.TarError) as error:
        raise BackupError(f"Cannot read {archive}: {error}") from error


def without_foreign_permissions(rows: list[dict]) -> list[dict]:
    """Drop permissions for models this database does not have (SQLite's full-text index
    exists only on SQLite), and every group's reference to them."""
    known = {tuple(key) for key in ContentType.objects.values_list("app_label", "model")}
    dropped = set()
    kept = []
    for row in rows:
        if row["model"] == "auth.permission" and tuple(row["fields"]["content_type"]) not in known:
            codename = row["fields"]["codename"]
            dropped.add((codename, *row["fields"]["content_type"]))
            continue
        kept.append(row)
    for row in kept:
        for field in ("permissions", "user_permissions"):  # groups' and users'
            if field in row["fields"] and row["model"] in {"auth.group", "auth.user"}:
                keys = row["fields"][field]
                row["fields"][field] = [key for key in keys if tuple(key) not in dropped]
    return kept


def restore_backup(archive: Path, progress: Progress, *, replace: bool = False) -> dict:
    """Load `archive` into the (migrated) database and MEDIA_ROOT; return its manifest.

    Refuses a database that already has content unless `replace` is set, and then empties it
    first: a restore never merges two sites.
    """
    if database_has_content() and not replace:
        raise BackupError("The database already has content; pass --replace to overwrite it.")
    media_root = Path(settings.MEDIA_ROOT)
    with opened_archive(archive) as tar, tempfile.TemporaryDirectory() as work:
        manifest = read_manifest(tar)
        progress(
            f"Backup of {manifest['pages']} pages and {manifest['media_files']} media files "
            f"(made on {manifest['database']}, Wagtail {manifest['wagtail']})"
        )
        tar.extract(DATA_NAME, work, filter="data")
        data = Path(work) / DATA_NAME
        with transaction.atomic():
            progress("Emptying the database…")
            management.call_command(
                "flush", interactive=False, inhibit_post_migrate=True, verbosity=0
            )
            for app_config in apps.get_app_configs():
                create_contenttypes(app_config, verbosity=0)
            progress("Loading the database…")
            data.write_text(json.dumps(without_foreign_permissions(json.loads(data.read_text()))))
            management.call_command("loaddata", str(data), verbosity=0)
            for app_config in apps.get_app_configs():
                create_permissions(app_config, verbosity=0)
        media = [m for m in tar.getmembers() if m.isfile() and m.name.startswith(MEDIA_PREFIX)]
        for number, member in enumerate(media, start=1):
            member.name = member.name.removeprefix(MEDIA_PREFIX)
            tar.extract(member, media_root, filter="data")
            if number % 100 == 0 or number == len(media):
                progress(f"Media: {number}/{len(media)} files restored")
    progress("Rebuilding the search index…")
    management.call_command("update_index", verbosity=0)
    return manifest
