"""What a restore must reproduce, as JSON-ready data: taken in-process from the original and
through `manage.py shell` from the restored database."""

from __future__ import annotations

import hashlib
import json
import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.images import get_image_model
from wagtail.models import Page, Revision
from wagtail_localize.models import Translation

# A form's CSRF token is new in every response: leave it out of the comparison.
CSRF_TOKEN = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*"')


def digest(content: bytes) -> str:
    return hashlib.sha256(CSRF_TOKEN.sub(rb'\1"', content)).hexdigest()


def snapshot() -> dict:
    # Times to the millisecond: Django's JSON serialisation keeps no finer precision.
    pages = Page.objects.order_by("path").select_related("locale", "content_type")
    client = Client()
    rendered = {}
    for page in pages.live().public().filter(depth__gt=1).specific():
        response = client.get(page.url)
        rendered[page.url] = [response.status_code, digest(response.content)]
    images = get_image_model().objects.order_by("id")
    return {
        "pages": [
            [
                p.id,
                p.path,
                p.url_path,
                p.title,
                p.locale.language_code,
                p.live,
                p.content_type.model,
                str(p.translation_key),
                p.latest_revision_id,
            ]
            for p in pages
        ],
        "revisions": sorted(
            [
                r.id,
                r.object_id,
                r.content_type.model,
                r.created_at.isoformat(timespec="milliseconds"),
                digest(json.dumps(r.content, sort_keys=True).encode()),
            ]
            for r in Revision.objects.select_related("content_type")
        ),
        "translations": sorted(
            [t.source.object_id.hex, t.target_locale.language_code, t.enabled]
            for t in Translation.objects.select_related("source", "target_locale")
        ),
        "images": [
            [i.id, i.title, i.file.name, digest(i.file.read()), i.renditions.count()]
            for i in images
        ],
        "users": sorted(
            [u.username, u.is_superuser, sorted(g.name for g in u.groups.all()), u.password]
            for u in get_user_model().objects.all()
        ),
        "group_permissions": sorted(
            [g.name, sorted(p.codename for p in g.permissions.all())] for g in Group.objects.all()
        ),
        "rendered": rendered,
    }
