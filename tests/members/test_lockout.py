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


def test_failures_for_other_accounts_from_a_shared_address_still_let_the_right_password_in(
    client, member, non_member
):
    for n in range(LIMIT):
        attempt(client, f"nobody{n}@example.com", "wrong-guess")

    response = attempt(client, non_member.email, PASSWORD)

    assert response.status_code == 302
    assert "_auth_user_id" in client.session


@pytest.mark.parametrize(
    "typed", [str.upper, str.title, lambda e: f" {e}", lambda e: f"{e.upper()} "]
)
def test_the_lock_holds_however_the_address_is_typed(client, member, typed):
    variants = [member.email, member.email.upper(), f" {member.email}", member.email.title()]
    for guess in [*variants, member.email]:
        attempt(client, guess, "wrong-guess")

    assert attempt(client, typed(member.email), PASSWORD).status_code == 429


def test_an_address_failing_for_many_accounts_is_slowed_down(client, non_member, settings):
    from members import throttling

    for n in range(throttling.SLOW_DOWN_AFTER + 4):
        attempt(client, f"nobody{n}@example.com", "wrong-guess")
    request = client.post(reverse("members:login"), {}, REMOTE_ADDR="203.0.113.7").wsgi_request

    assert throttling.delay_for(request) == 2.0
    assert throttling.delay_for(type(request)(request.environ | {"REMOTE_ADDR": "192.0.2.9"})) == 0


def test_a_locked_staff_account_is_told_by_email(client, editor, mailoutbox):
    for _ in range(LIMIT):
        attempt(client, editor.email.upper(), "wrong-guess")

    (message,) = [m for m in mailoutbox if m.to == [editor.email]]
    assert "locked for 15 minutes" in message.subject


def test_behind_no_trusted_proxy_a_forwarded_address_is_ignored(rf, settings):
    from members.throttling import client_ip

    settings.TRUSTED_PROXY_COUNT = 0
    request = rf.get("/", REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="1.2.3.4")

    assert client_ip(request) == "10.0.0.5"


def test_behind_one_trusted_proxy_the_client_is_the_address_it_added(rf, settings):
    from members.throttling import client_ip

    settings.TRUSTED_PROXY_COUNT = 1
    spoofed = rf.get("/", REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.4")

    assert client_ip(spoofed) == "198.51.100.4"


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
