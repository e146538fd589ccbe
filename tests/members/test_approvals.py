"""Approvals that can't half-happen, and requests that can't race into a 500."""

import threading

import pytest
from django.core import mail
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from members.models import AccessRequest, User
from members.services import access_request_submit, member_invite

pytestmark = pytest.mark.django_db


@pytest.fixture
def school(member_school):
    member_school.email_domain = "calder-vale.example"
    member_school.save()
    return member_school


def confirmed(school, email, first_name="Jo"):
    return AccessRequest.objects.create(
        first_name=first_name,
        last_name="Bloggs",
        email=email,
        school=school,
        job_title="Teacher",
        domain_matches=email.endswith("@calder-vale.example"),
        email_confirmed_at=timezone.now(),
    )


def approve(client, staff_user, *requests, **extra):
    client.force_login(staff_user)
    return client.post(
        reverse("admin:members_accessrequest_changelist"),
        {"action": "approve", "_selected_action": [r.pk for r in requests]} | extra,
        follow=True,
    )


def test_approving_an_address_invited_since_links_that_account_to_the_school(
    client, staff_user, school
):
    request = confirmed(school, "jo@calder-vale.example")
    invited = member_invite(
        email="jo@calder-vale.example",
        first_name="Jo",
        last_name="B",
        school=None,
        invited_by=staff_user,
    )
    mail.outbox.clear()

    response = approve(client, staff_user, request)

    assert response.status_code == 200
    invited.refresh_from_db()
    assert invited.school == school and invited.is_member
    assert User.objects.filter(email="jo@calder-vale.example").count() == 1
    assert [m.to for m in mail.outbox] == [["jo@calder-vale.example"]]


def test_a_request_from_another_domain_needs_an_explicit_confirmation(client, staff_user, school):
    request = confirmed(school, "random.person@freemail.example")

    page = approve(client, staff_user, request)

    assert "not at the school's email domain" in page.content.decode()
    assert not User.objects.filter(email=request.email).exists()
    approve(client, staff_user, request, confirm_mismatch="1")
    assert User.objects.get(email=request.email).school == school


def test_each_approval_stands_alone_in_a_bulk_approval(client, staff_user, school):
    first = confirmed(school, "a@calder-vale.example", "Ann")
    unconfirmed = confirmed(school, "b@calder-vale.example", "Ben")
    AccessRequest.objects.filter(pk=unconfirmed.pk).update(email_confirmed_at=None)
    last = confirmed(school, "c@calder-vale.example", "Cat")

    response = approve(client, staff_user, first, unconfirmed, last)

    assert "Approved 2 requests." in response.content.decode()
    assert "has not confirmed their email yet" in response.content.decode()
    assert sorted(m.to[0] for m in mail.outbox) == [
        "a@calder-vale.example",
        "c@calder-vale.example",
    ]


@pytest.mark.django_db(transaction=True)
def test_simultaneous_requests_for_one_address_end_in_one_request(school):
    if connection.vendor != "postgresql":
        pytest.skip("threads with real transactions need PostgreSQL (the test DB is in memory)")
    errors = []

    def ask():
        try:
            access_request_submit(
                first_name="Sam",
                last_name="Race",
                email="sam@calder-vale.example",
                school=school,
                job_title="Teacher",
            )
        except Exception as error:  # noqa: BLE001 (any error is the failure we look for)
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=ask) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert AccessRequest.objects.filter(email="sam@calder-vale.example").count() == 1
