"""Request access and password reset cannot be turned against people."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def ask(client, school, email="victim@calder-vale.example", first_name="Robin", **request):
    return client.post(
        reverse("members:request-access"),
        {
            "first_name": first_name,
            "last_name": "Head",
            "email": email,
            "school": school.pk,
            "job_title": "URGENT visit http://evil.example/fix",
        },
        **request,
    )


def test_an_address_gets_at_most_one_email_an_hour_however_often_it_is_posted(
    client, member_school, mailoutbox
):
    for address in ("10.0.0.1", "10.0.0.2", "10.0.0.3"):
        ask(client, member_school, REMOTE_ADDR=address)

    assert [m.to for m in mailoutbox] == [["victim@calder-vale.example"]]


def test_an_existing_account_is_emailed_once_an_hour_too(client, member_school, member, mailoutbox):
    for _ in range(3):
        ask(client, member_school, email=member.email.upper())

    assert len(mailoutbox) == 1


def test_a_name_holding_a_link_is_refused_and_nothing_is_sent(client, member_school, mailoutbox):
    response = ask(client, member_school, first_name="URGENT visit http://evil.example/fix")

    assert "Write just your name here" in response.content.decode()
    assert mailoutbox == []


def test_the_email_carries_no_text_the_requester_wrote_but_their_name(
    client, member_school, mailoutbox
):
    ask(client, member_school)

    body = mailoutbox[0].body
    assert "Robin" in body
    assert "evil.example" not in body and "URGENT" not in body


def test_one_client_address_is_limited_with_a_clear_message(client, member_school, mailoutbox):
    for n in range(5):
        ask(client, member_school, email=f"person{n}@calder-vale.example")

    response = ask(client, member_school, email="person9@calder-vale.example")

    assert response.status_code == 429
    assert "too many requests from your network" in response.content.decode()
    assert len(mailoutbox) == 5


def test_password_reset_emails_an_address_once_an_hour(client, member, mailoutbox):
    for address in ("10.0.0.1", "10.0.0.2", "10.0.0.3"):
        client.post(reverse("members:password-reset"), {"email": member.email}, REMOTE_ADDR=address)

    assert len(mailoutbox) == 1


def test_password_reset_limits_one_client_address(client, member, mailoutbox):
    for n in range(5):
        client.post(reverse("members:password-reset"), {"email": f"nobody{n}@example.com"})

    response = client.post(reverse("members:password-reset"), {"email": member.email})

    assert response.status_code == 429
    assert mailoutbox == []


def test_password_reset_answers_the_same_for_unknown_addresses(client, member):
    known = client.post(reverse("members:password-reset"), {"email": member.email}, follow=True)
    unknown = client.post(
        reverse("members:password-reset"), {"email": "nobody@example.com"}, follow=True
    )

    assert known.redirect_chain == unknown.redirect_chain
