import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from articles.models import Visibility
from members.models import User
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_member_area_shows_member_updates_and_the_members_school(client, member, story_factory):
    story_factory(title="Update UPDATE-1f1f", visibility=Visibility.MEMBERS)
    story_factory(title="Public PUBLIC-2e2e")
    client.force_login(member)

    html = client.get(reverse("members:home")).content.decode()

    assert "UPDATE-1f1f" in html
    assert "PUBLIC-2e2e" not in html
    assert "Calder Vale Primary" in html


def test_member_updates_are_paginated_and_junk_pages_are_not_found(client, member, story_factory):
    for _ in range(13):
        story_factory(visibility=Visibility.MEMBERS)
    client.force_login(member)

    assert "Page 1 of 2" in client.get(reverse("members:home")).content.decode()
    assert client.get(reverse("members:home"), {"page": "2"}).status_code == 200
    assert client.get(reverse("members:home"), {"page": "nine"}).status_code == 404


def test_member_area_is_never_cached(client, member):
    client.force_login(member)

    response = client.get(reverse("members:home"))

    assert "no-cache" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_logged_in_non_member_is_told_why_there_is_nothing_to_read(client, non_member):
    client.force_login(non_member)

    response = client.get(reverse("members:home"))

    assert response.status_code == 403
    assert "not linked to a school that is a current member" in response.content.decode()


def test_member_changes_their_name_and_job_title(client, member):
    client.force_login(member)

    client.post(
        reverse("members:account"),
        {"first_name": "Amira", "last_name": "Haddad", "job_title": "Deputy Head"},
    )

    member.refresh_from_db()
    assert (member.first_name, member.job_title) == ("Amira", "Deputy Head")


def test_member_changes_their_password(client, member):
    client.force_login(member)

    response = client.post(
        reverse("members:password-change"),
        {
            "old_password": PASSWORD,
            "new_password1": "brand-new-pass-52",
            "new_password2": "brand-new-pass-52",
        },
    )

    assert response["Location"] == reverse("members:password-change-done")
    member.refresh_from_db()
    assert member.check_password("brand-new-pass-52")


def test_password_reset_emails_a_link_that_sets_a_new_password(client, member):
    client.post(reverse("members:password-reset"), {"email": member.email})
    link = next(line for line in mail.outbox[0].body.splitlines() if "/password-reset/" in line)
    path = link.split("testserver", 1)[1]

    form = client.get(path, follow=True)
    client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "reset-password-61", "new_password2": "reset-password-61"},
    )

    assert User.objects.get(pk=member.pk).check_password("reset-password-61")


def test_password_reset_email_names_the_network_not_the_host(client, member, settings):
    client.post(reverse("members:password-reset"), {"email": member.email})

    assert mail.outbox[0].subject == f"Choose a new password for {settings.SITE_NAME}"
    assert f"on the {settings.SITE_NAME} website" in mail.outbox[0].body


def test_password_reset_for_an_unknown_address_looks_the_same(client, db):
    response = client.post(reverse("members:password-reset"), {"email": "nobody@example.com"})

    assert response["Location"] == reverse("members:password-reset-done")
    assert not mail.outbox


def test_log_in_page_offers_password_reset_and_request_access(client, db):
    html = client.get(reverse("members:login")).content.decode()

    assert reverse("members:password-reset") in html
    assert reverse("members:request-access") in html


def test_a_new_member_update_shows_in_the_member_area_at_once(client, member, story_factory):
    for _ in range(12):
        story_factory(visibility=Visibility.MEMBERS)
    client.force_login(member)
    assert "Page 1 of" not in client.get(reverse("members:home")).content.decode()

    story_factory(
        title="Newest update NEWEST-4e",
        visibility=Visibility.MEMBERS,
        published_at=timezone.now() - datetime.timedelta(seconds=1),
    )

    html = client.get(reverse("members:home")).content.decode()
    assert "Page 1 of 2" in html and "NEWEST-4e" in html
