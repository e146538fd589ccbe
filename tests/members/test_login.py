import pytest
from django.urls import reverse

from articles.models import Visibility
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_member_logs_in_with_email_and_returns_to_the_story(client, member, story_factory):
    story = story_factory(body="<p>MEMBERS-ONLY-7f3a</p>", visibility=Visibility.MEMBERS)

    response = client.post(
        reverse("members:login"),
        {"username": member.email, "password": PASSWORD, "next": story.get_absolute_url()},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == story.get_absolute_url()
    assert "MEMBERS-ONLY-7f3a" in response.content.decode()


def test_wrong_password_is_refused_with_a_message(client, member):
    response = client.post(
        reverse("members:login"), {"username": member.email, "password": "wrong"}
    )

    assert response.status_code == 200
    assert "enter a correct email address and password" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_member_logging_in_from_the_log_in_page_lands_in_the_member_area(client, member):
    response = client.post(
        reverse("members:login"), {"username": member.email, "password": PASSWORD}
    )

    assert response["Location"] == reverse("members:home")


def test_logging_in_after_a_password_reset_lands_in_the_member_area(client, member):
    complete = client.get(reverse("members:password-reset-complete")).content.decode()
    assert f'href="{reverse("members:login")}"' in complete

    response = client.post(
        reverse("members:login"), {"username": member.email, "password": PASSWORD}, follow=True
    )

    assert response.redirect_chain[-1][0] == reverse("members:home")
    assert response.status_code == 200


def test_logging_out_confirms_it_on_a_page_no_cache_keeps(client, member):
    client.force_login(member)

    response = client.post(reverse("members:logout"), follow=True)

    assert response.redirect_chain[-1][0] == reverse("members:logged-out")
    assert "You are logged out" in response.content.decode()
    assert "no-cache" in response["Cache-Control"]


def test_log_out_answers_post_only(client, member):
    client.force_login(member)

    assert client.get(reverse("members:logout")).status_code == 405
    client.post(reverse("members:logout"))
    assert "_auth_user_id" not in client.session


def test_log_in_refuses_a_redirect_to_another_site(client, member):
    response = client.post(
        reverse("members:login"),
        {"username": member.email, "password": PASSWORD, "next": "https://evil.example/"},
    )

    assert response["Location"] == reverse("members:home")
