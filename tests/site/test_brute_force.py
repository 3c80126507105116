"""Password guessing is cut short: django-axes on sign-in, a rate limit on page passwords."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from wagtail.models import Page, PageViewRestriction

from home.models import HomePage

WRONG = {"username": "editor", "password": "not-the-password"}


@pytest.fixture(autouse=True)
def empty_rate_limit_counters():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", "right-pw")


def sign_in(client, password: str, **headers: str):
    return client.post(
        "/admin/login/", {"username": "editor", "password": password}, headers=headers
    )


@pytest.mark.django_db
def test_admin_sign_in_locks_out_at_the_fifth_failure(client, editor):
    for _ in range(4):
        response = sign_in(client, "not-the-password")
        assert response.status_code == 200  # the form again, with its error
    assert sign_in(client, "not-the-password").status_code == 429
    locked = sign_in(client, "right-pw")
    assert locked.status_code == 429
    assert "Too many failed sign-in attempts" in locked.content.decode()
    assert "_auth_user_id" not in client.session  # even the right password is refused


@pytest.mark.django_db
def test_lockout_page_speaks_chinese(client, editor):
    for _ in range(5):
        sign_in(client, "not-the-password", accept_language="zh-hans")
    locked = sign_in(client, "right-pw", accept_language="zh-hans")
    assert locked.status_code == 429
    html = locked.content.decode()
    assert "登录失败次数过多" in html and "请稍后再试" in html


@pytest.mark.django_db
def test_a_success_before_the_limit_resets_the_count(client, editor):
    for _ in range(4):
        sign_in(client, "not-the-password")
    assert sign_in(client, "right-pw").status_code == 302
    client.logout()
    for _ in range(4):
        assert sign_in(client, "not-the-password").status_code == 200


def protect(page: Page) -> PageViewRestriction:
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="opensesame"
    )


def password_url(restriction: PageViewRestriction, page: Page, language: str) -> str:
    return f"/{language}/_util/authenticate_with_password/{restriction.id}/{page.id}/"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "Too many attempts. Please wait a minute"),
        ("zh-hans", "尝试次数过多。请等待一分钟后再输入密码。"),
    ],
)
def test_page_password_guesses_are_rate_limited(client, language, message):
    page = HomePage.objects.get(locale__language_code=language)
    restriction = protect(page)
    url = password_url(restriction, page, language)
    for _ in range(5):
        response = client.post(url, {"password": "guess", "return_url": page.url})
        assert response.status_code == 200
        assert message not in response.content.decode()
    limited = client.post(url, {"password": "opensesame", "return_url": page.url})
    assert limited.status_code == 429
    assert message in limited.content.decode()
    # The right password was not even checked: the page still asks for it.
    assert url in client.get(page.url).content.decode()


@pytest.mark.django_db
def test_the_right_password_within_the_limit_opens_the_page(client):
    page = HomePage.objects.get(locale__language_code="en")
    restriction = protect(page)
    url = password_url(restriction, page, "en")
    assert url in client.get(page.url).content.decode()  # the password form
    response = client.post(url, {"password": "opensesame", "return_url": page.url})
    assert response.status_code == 302
    opened = client.get(page.url).content.decode()
    assert url not in opened and page.title in opened


@pytest.mark.django_db
def test_unknown_restriction_is_404_even_when_limited(client):
    page = HomePage.objects.get(locale__language_code="en")
    restriction = protect(page)
    url = password_url(restriction, page, "en")
    for _ in range(6):
        client.post(url, {"password": "guess"})
    assert client.post(f"/en/_util/authenticate_with_password/999999/{page.id}/").status_code == 404
