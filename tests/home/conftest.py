"""Fixtures of the form-page tests (tests/home/test_forms*.py)."""

import pytest
from django.core.cache import cache
from wagtail.models import Locale

from home.models import FormPage
from tests.factories import translate
from tests.home.form_pages import CHINESE, build_form_page


@pytest.fixture
def fresh_rate_limits():
    """Rate limits count in the cache, which outlives a test's transaction."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def form_en(home_en) -> FormPage:
    return build_form_page(home_en)


@pytest.fixture
def form_zh(form_en, home_zh) -> FormPage:
    return translate(form_en, Locale.objects.get(language_code="zh-hans"), CHINESE)
