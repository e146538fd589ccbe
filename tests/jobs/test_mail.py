"""Every email the site sends goes through the queue and arrives over real SMTP."""

import pytest
from django.urls import reverse

from members.services import member_invite

pytestmark = pytest.mark.django_db


def test_a_password_reset_arrives_through_the_queue(client, smtp, member):
    response = client.post(reverse("members:password-reset"), {"email": member.email})

    assert response.status_code == 302
    (message,) = smtp.to(member.email)
    assert "/members/password-reset/" in smtp.texts(message)


def test_an_invitation_arrives_through_the_queue(smtp, member_school, staff_user):
    member_invite(
        email="new.head@calder-vale.example",
        first_name="New",
        last_name="Head",
        school=member_school,
        invited_by=staff_user,
    )

    (message,) = smtp.to("new.head@calder-vale.example")
    assert "/members/welcome/" in smtp.texts(message)


def test_a_request_for_access_sends_its_confirmation_through_the_queue(client, smtp, member_school):
    client.post(
        reverse("members:request-access"),
        {
            "first_name": "Robin",
            "last_name": "Head",
            "email": "robin@calder-vale.example",
            "school": member_school.pk,
            "job_title": "Head teacher",
        },
    )

    (message,) = smtp.to("robin@calder-vale.example")
    assert "/members/confirm/" in smtp.texts(message)


def test_an_smtp_outage_fails_no_page(client, settings, member, member_school):
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": 9, "timeout": 2},
        }
    }

    reset = client.post(reverse("members:password-reset"), {"email": member.email})
    request = client.post(
        reverse("members:request-access"),
        {
            "first_name": "Sam",
            "last_name": "Teacher",
            "email": "sam@calder-vale.example",
            "school": member_school.pk,
            "job_title": "Teacher",
        },
    )
    subscribe = client.post(reverse("newsletter:subscribe"), {"email": "x@example.org"})

    assert [reset.status_code, request.status_code, subscribe.status_code] == [302, 302, 302]
