import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from members.models import AccessRequest, User
from members.services import AccessRequestError, access_request_approve

pytestmark = pytest.mark.django_db


@pytest.fixture
def school_with_domain(member_school):
    member_school.email_domain = "calder-vale.example"
    member_school.save()
    return member_school


def request_access(client, school, email="jo.bloggs@calder-vale.example"):
    return client.post(
        reverse("members:request-access"),
        {
            "first_name": "Jo",
            "last_name": "Bloggs",
            "email": email,
            "school": school.pk,
            "job_title": "SENCo",
        },
    )


def link_in(message):
    return re.search(r"https?://\S+", message.body).group(0)


def confirm(client, message):
    path = urlsplit(link_in(message)).path
    assert "Confirm my email address" in client.get(path).content.decode()
    return client.post(path)


def test_request_records_the_person_and_sends_a_confirmation_link(client, school_with_domain):
    response = request_access(client, school_with_domain)

    assert response.status_code == 302
    assert response["Location"] == reverse("members:request-access-sent")
    access_request = AccessRequest.objects.get()
    assert (access_request.full_name, access_request.job_title) == ("Jo Bloggs", "SENCo")
    assert not access_request.email_confirmed
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["jo.bloggs@calder-vale.example"]
    assert "/members/confirm/" in mail.outbox[0].body


def test_request_from_the_schools_domain_is_marked_as_matching(client, school_with_domain):
    request_access(client, school_with_domain, email="jo@calder-vale.example")

    assert AccessRequest.objects.get().domain_matches


def test_request_from_another_domain_is_not_marked_as_matching(client, school_with_domain):
    request_access(client, school_with_domain, email="jo@gmail.example")

    assert not AccessRequest.objects.get().domain_matches


def test_following_the_link_confirms_the_email(client, school_with_domain):
    request_access(client, school_with_domain)

    response = confirm(client, mail.outbox[0])

    assert response.status_code == 200
    assert "Email confirmed" in response.content.decode()
    assert AccessRequest.objects.get().email_confirmed


def test_opening_the_link_alone_confirms_nothing(client, school_with_domain):
    request_access(client, school_with_domain)

    client.get(urlsplit(link_in(mail.outbox[0])).path)

    assert not AccessRequest.objects.get().email_confirmed


def test_a_tampered_link_confirms_nothing(client, school_with_domain):
    request_access(client, school_with_domain)

    response = client.post(reverse("members:confirm-email", args=["not-a-real-token"]))

    assert response.status_code == 400
    assert "not valid" in response.content.decode()
    assert not AccessRequest.objects.get().email_confirmed


def test_a_duplicate_request_makes_no_second_record_and_resends_the_link_only_after_an_hour(
    client, school_with_domain
):
    request_access(client, school_with_domain)
    request_access(client, school_with_domain)
    assert AccessRequest.objects.count() == 1
    assert len(mail.outbox) == 1

    cache.clear()  # the hour has passed (the limit lives in the cache)
    request_access(client, school_with_domain)

    assert AccessRequest.objects.count() == 1
    assert len(mail.outbox) == 2
    assert link_in(mail.outbox[0]).rsplit("/", 3)[0] == link_in(mail.outbox[1]).rsplit("/", 3)[0]


def test_a_request_for_an_existing_account_says_nothing_on_the_page_and_emails_the_owner(
    client, school_with_domain, member
):
    response = request_access(client, school_with_domain, email=member.email.upper())

    assert response["Location"] == reverse("members:request-access-sent")
    assert not AccessRequest.objects.exists()
    assert "already has an account" in mail.outbox[0].body


def test_only_member_schools_can_be_chosen(client, expired_member):
    response = request_access(client, expired_member.school)

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not AccessRequest.objects.exists()


def test_the_form_refuses_a_bad_email_with_a_message_and_keeps_the_rest(client, member_school):
    response = request_access(client, member_school, email="not-an-email")

    html = response.content.decode()
    assert "Enter a valid email address." in html
    assert 'value="Bloggs"' in html


@pytest.fixture
def confirmed_request(client, school_with_domain):
    request_access(client, school_with_domain)
    confirm(client, mail.outbox[0])
    mail.outbox.clear()
    return AccessRequest.objects.get()


def approve_in_admin(client, staff_user, access_request, action="approve"):
    client.force_login(staff_user)
    return client.post(
        reverse("admin:members_accessrequest_changelist"),
        {"action": action, "_selected_action": [access_request.pk]},
        follow=True,
    )


def test_approval_creates_a_member_linked_to_the_school_and_emails_a_password_link(
    client, staff_user, confirmed_request, school_with_domain
):
    approve_in_admin(client, staff_user, confirmed_request)

    user = User.objects.get(email="jo.bloggs@calder-vale.example")
    assert user.school == school_with_domain and user.job_title == "SENCo"
    assert user.is_member
    assert not user.has_usable_password()
    confirmed_request.refresh_from_db()
    assert confirmed_request.status == AccessRequest.Status.APPROVED
    assert confirmed_request.decided_by == staff_user
    assert mail.outbox[0].to == [user.email]
    assert "is approved" in mail.outbox[0].subject
    assert "/members/welcome/" in mail.outbox[0].body


def test_the_approved_person_chooses_a_password_and_lands_in_the_member_area(
    client, staff_user, confirmed_request
):
    approve_in_admin(client, staff_user, confirmed_request)
    client.logout()
    link = urlsplit(link_in(mail.outbox[0])).path

    form_page = client.get(link, follow=True)
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "a-fresh-password-93", "new_password2": "a-fresh-password-93"},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == reverse("members:home")
    assert "<h1>Members' area</h1>" in response.content.decode()


def test_rejection_emails_the_person_and_creates_no_account(client, staff_user, confirmed_request):
    approve_in_admin(client, staff_user, confirmed_request, action="reject")

    confirmed_request.refresh_from_db()
    assert confirmed_request.status == AccessRequest.Status.REJECTED
    assert not User.objects.filter(email=confirmed_request.email).exists()
    assert mail.outbox[0].to == [confirmed_request.email]
    assert "could not approve" in mail.outbox[0].body


def test_an_unconfirmed_request_cannot_be_approved(client, staff_user, school_with_domain):
    request_access(client, school_with_domain)

    response = approve_in_admin(client, staff_user, AccessRequest.objects.get())

    assert "has not confirmed their email yet" in response.content.decode()
    assert not User.objects.filter(email="jo.bloggs@calder-vale.example").exists()


def test_a_decided_request_cannot_be_decided_again(staff_user, confirmed_request):
    access_request_approve(access_request=confirmed_request, decided_by=staff_user)

    with pytest.raises(AccessRequestError, match="already been decided"):
        access_request_approve(access_request=confirmed_request, decided_by=staff_user)
