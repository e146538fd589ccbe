import datetime
from urllib.parse import urlsplit

import pytest
from axes.models import AccessAttempt
from django.core import mail
from django.urls import reverse

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

LIMIT = 5


def attempt(client, email, password, address="203.0.113.7"):
    return client.post(
        reverse("members:login"),
        {"username": email, "password": password},
        REMOTE_ADDR=address,
    )


def test_repeated_failures_lock_the_account_even_against_the_right_password(client, member):
    for _ in range(LIMIT):
        attempt(client, member.email, "wrong-guess")

    response = attempt(client, member.email, PASSWORD)

    assert response.status_code == 429
    assert "Too many failed log-ins" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_lock_covers_the_account_from_any_address(client, member):
    for n in range(LIMIT):
        attempt(client, member.email, "wrong-guess", address=f"198.51.100.{n}")

    assert attempt(client, member.email, PASSWORD, address="192.0.2.200").status_code == 429


def test_one_address_guessing_many_accounts_is_locked_out(client, member, non_member):
    for n in range(LIMIT):
        attempt(client, f"nobody{n}@example.com", "wrong-guess")

    assert attempt(client, non_member.email, PASSWORD).status_code == 429


def test_fewer_failures_than_the_limit_still_allow_the_right_password(client, member):
    for _ in range(LIMIT - 1):
        attempt(client, member.email, "wrong-guess")

    response = attempt(client, member.email, PASSWORD)

    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_the_lock_lifts_after_the_cool_off(client, member):
    for _ in range(LIMIT):
        attempt(client, member.email, "wrong-guess")
    AccessAttempt.objects.update(attempt_time=datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC))

    assert attempt(client, member.email, PASSWORD).status_code == 302


def test_choosing_a_new_password_lifts_the_lock(client, member):
    for _ in range(LIMIT):
        attempt(client, member.email, "wrong-guess")
    client.post(reverse("members:password-reset"), {"email": member.email})
    link = next(line for line in mail.outbox[0].body.splitlines() if "/password-reset/" in line)

    form = client.get(urlsplit(link).path, follow=True)
    client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "a-new-pass-phrase-8", "new_password2": "a-new-pass-phrase-8"},
    )

    assert attempt(client, member.email, "a-new-pass-phrase-8").status_code == 302
