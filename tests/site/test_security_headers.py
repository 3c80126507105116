"""Every public page keeps to its Content-Security-Policy: nothing inline to allow."""

from __future__ import annotations

import re

import pytest
from django.template.loader import render_to_string
from wagtail.models import Page

# Inline code the policy (script-src/style-src 'self', no 'unsafe-inline') would refuse. JSON
# data islands (`type="application/json"`) are not executed, so they are allowed.
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)[^>]*>", re.I)
INLINE_STYLE = re.compile(r"<style\b|\sstyle=\"|\son[a-z]+=\"", re.I)


def public_urls() -> list[str]:
    pages = Page.objects.live().public().filter(depth__gt=1).specific()
    return [page.url for page in pages if page.url]


def assert_nothing_inline(html: str, url: str) -> None:
    assert not INLINE_SCRIPT.search(html), (url, INLINE_SCRIPT.search(html).group(0))
    assert not INLINE_STYLE.search(html), (url, INLINE_STYLE.search(html).group(0))


@pytest.mark.django_db
def test_every_public_page_has_the_policy_and_nothing_inline(client):
    urls = public_urls()
    assert len(urls) > 20  # both languages of the demo site
    for url in urls + ["/en/search/?q=exchange", "/zh-hans/search/?q=交换"]:
        response = client.get(url)
        assert response.status_code == 200, url
        csp = response["Content-Security-Policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp, url
        assert "'unsafe-inline'" not in csp
        assert "frame-ancestors 'none'" in csp
        assert "camera=()" in response["Permissions-Policy"]
        assert_nothing_inline(response.content.decode(), url)


@pytest.mark.django_db
def test_the_editor_userbar_needs_nothing_inline_either(admin_client):
    url = public_urls()[0]
    html = admin_client.get(url).content.decode()
    assert "wagtail-userbar" in html
    assert_nothing_inline(html, url)


@pytest.mark.django_db
def test_admin_is_left_to_wagtail(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response


def test_server_error_page_has_no_inline_style():
    html = render_to_string("500.html")
    assert "css/site.css" in html
    assert_nothing_inline(html, "500.html")
