from unittest import mock

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.utils import translation
from wagtail.models import Locale

from home.models import HomePage
from organizations.models import OrganizationIndexPage, OrganizationPage
from programs.models import ProgramIndexPage
from tests.factories import (
    OrganizationIndexPageFactory,
    OrganizationPageFactory,
    ProgramIndexPageFactory,
    translate,
)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Build the demo site once per test session; each test runs in a transaction that is rolled
    back, so every test starts from the same complete bilingual site.

    The demo's images get no renditions ahead of time (tests/home/test_images.py covers that):
    made for all 18 at once they would add some 20 seconds to every session; pages showing
    them make theirs on first view."""
    with django_db_blocker.unblock(), mock.patch("home.images.enqueue_renditions"):
        call_command("load_demo_content", verbosity=0)


@pytest.fixture
def english(db) -> Locale:
    return Locale.objects.get(language_code="en")


@pytest.fixture
def chinese(db) -> Locale:
    return Locale.objects.get(language_code="zh-hans")


@pytest.fixture
def home_en(english) -> HomePage:
    return HomePage.objects.get(locale=english)


@pytest.fixture
def home_zh(chinese) -> HomePage:
    return HomePage.objects.get(locale=chinese)


@pytest.fixture
def organization_index(home_en, chinese) -> OrganizationIndexPage:
    """A new, empty organisation section in English and Chinese, for factory-built pages."""
    index = OrganizationIndexPageFactory(parent=home_en)
    translate(index, chinese)
    return index


@pytest.fixture
def organisation(organization_index, chinese) -> OrganizationPage:
    """An organisation page titled "Association" and its Chinese translation "协会"."""
    page = OrganizationPageFactory(parent=organization_index, title="Association")
    translate(page, chinese, {"Association": "协会"})
    return page


@pytest.fixture
def program_index(home_en, chinese) -> ProgramIndexPage:
    """A new, empty programme section in English and Chinese, for factory-built pages."""
    index = ProgramIndexPageFactory(parent=home_en)
    translate(index, chinese)
    return index


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


@pytest.fixture(autouse=True)
def no_renditions_of_rolled_back_images():
    """Wagtail looks renditions up in their cache before the database: entries left by earlier
    tests name rows their rollback removed (and ids the next images reuse)."""
    caches["renditions"].clear()


@pytest.fixture(autouse=True)
def english_interface():
    """Requests activate their page's language and leave it active in the thread; start every
    test from English so messages read the same whatever ran before."""
    with translation.override("en"):
        yield
