"""`manage.py backup` and `restore` round-trip the site from this database into a new
PostgreSQL database: page tree, revisions, translations, images, users and rendered pages."""

from __future__ import annotations

import json
import os
import tarfile
import uuid
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.management import CommandError, call_command

from tests.processes import manage, manage_ok
from tests.site.backup_snapshot import snapshot

POSTGRES = "postgres://postgres@127.0.0.1:5432"


def postgres_admin(sql: str) -> None:
    try:
        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
            connection.execute(sql)
    except psycopg.OperationalError as error:
        pytest.fail(f"The backup round-trip needs PostgreSQL on 127.0.0.1:5432: {error}")


@pytest.fixture
def postgres_database():
    name = f"restore_{uuid.uuid4().hex[:12]}"
    postgres_admin(f"CREATE DATABASE {name}")
    yield f"{POSTGRES}/{name}"
    postgres_admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def test_env(**values: str) -> dict[str, str]:
    return os.environ | {"DJANGO_SETTINGS_MODULE": "site_config.settings.test", **values}


@pytest.mark.django_db
def test_backup_restores_into_postgresql_identically(tmp_path, postgres_database):
    # Taken first: rendering makes any missing image renditions, which then go into the backup.
    # Wagtail finds renditions through the cache first, and earlier tests' rows were rolled back.
    for alias in settings.CACHES:
        caches[alias].clear()
    before = json.loads(json.dumps(snapshot()))
    archive = tmp_path / "site.tar.gz"
    call_command("backup", str(archive), verbosity=0)
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert {"manifest.json", "data.json"} <= set(names)
    assert any(name.startswith("media/original_images/") for name in names)

    env = test_env(DATABASE_URL=postgres_database, MEDIA_ROOT=str(tmp_path / "media"))
    manage_ok("migrate", "--no-input", "-v", "0", env=env)
    restored = manage_ok("restore", str(archive), env=env)
    assert "Loading the database" in restored.stdout  # progress is shown
    assert "Restored" in restored.stdout

    probe = (
        "import json; from tests.site.backup_snapshot import snapshot; "
        "print(json.dumps(snapshot()))"
    )
    after = json.loads(manage_ok("shell", "-v", "0", "-c", probe, env=env).stdout.splitlines()[-1])
    assert len(before["pages"]) > 60 and len(before["rendered"]) > 60
    for part in before:
        assert after[part] == before[part], part

    # A second restore into a site with content is refused unless asked for.
    refused = manage("restore", str(archive), env=env)
    assert refused.returncode != 0
    assert "--replace" in refused.stderr


@pytest.mark.django_db
def test_restore_refuses_what_is_not_a_backup(tmp_path):
    bogus = tmp_path / "bogus.tar.gz"
    bogus.write_bytes(b"not an archive")
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("restore", str(bogus), replace=True, verbosity=0)
    with pytest.raises(CommandError, match="No such file"):
        call_command("restore", str(tmp_path / "missing.tar.gz"), verbosity=0)
    assert Path(settings.MEDIA_ROOT).exists()
