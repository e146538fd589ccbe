import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.urls import reverse

from members.models import User

pytestmark = pytest.mark.django_db


def invite(client, school, email="new.teacher@calder-vale.example"):
    return client.post(
        reverse("admin:members_user_invite"),
        {
            "email": email,
            "first_name": "Nia",
            "last_name": "Okafor",
            "school": school.pk,
            "job_title": "Head of Maths",
        },
    )


def test_staff_invite_a_person_who_gets_an_email_with_a_set_password_link(
    client, staff_user, member_school
):
    client.force_login(staff_user)

    response = invite(client, member_school)

    assert response.status_code == 302
    user = User.objects.get(email="new.teacher@calder-vale.example")
    assert user.school == member_school and not user.has_usable_password()
    assert mail.outbox[0].to == [user.email]
    assert "/members/welcome/" in mail.outbox[0].body


def test_the_invited_person_sets_a_password_and_can_log_in(client, staff_user, member_school):
    client.force_login(staff_user)
    invite(client, member_school)
    client.logout()
    link = urlsplit(re.search(r"https?://\S+", mail.outbox[0].body).group(0)).path

    page = client.get(link, follow=True)
    client.post(
        page.redirect_chain[-1][0],
        {"new_password1": "chosen-password-77", "new_password2": "chosen-password-77"},
    )
    client.logout()

    response = client.post(
        reverse("members:login"),
        {"username": "new.teacher@calder-vale.example", "password": "chosen-password-77"},
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(User.objects.get(email__startswith="new.").pk)


def test_inviting_an_existing_address_is_refused_with_a_message(
    client, staff_user, member_school, member
):
    client.force_login(staff_user)

    response = invite(client, member_school, email=member.email)

    assert response.status_code == 200
    assert "already has an account" in response.content.decode()
    assert not mail.outbox


def test_people_who_are_not_staff_cannot_invite(client, member, member_school):
    client.force_login(member)

    invite(client, member_school)

    assert not User.objects.filter(email="new.teacher@calder-vale.example").exists()
