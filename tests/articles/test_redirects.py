"""Old addresses keep working: 301 to where a story went, 410 when it is gone."""

import pytest
from django.urls import reverse

from articles.models import Redirect, Status

pytestmark = pytest.mark.django_db


def test_a_live_storys_old_slug_answers_301_to_its_new_address(client, story_factory):
    story = story_factory(slug="old-address")
    story.slug = "new-address"
    story.save()

    response = client.get("/news/old-address/")

    assert response.status_code == 301
    assert response["Location"] == "/news/new-address/"


def test_every_earlier_slug_leads_to_the_current_address(client, story_factory):
    story = story_factory(slug="first-address")
    for slug in ("second-address", "third-address"):
        story.slug = slug
        story.save()

    assert client.get("/news/first-address/")["Location"] == "/news/third-address/"
    assert client.get("/news/second-address/")["Location"] == "/news/third-address/"


def test_a_drafts_old_slug_is_not_kept(client, story_factory):
    draft = story_factory(slug="draft-address", status=Status.DRAFT, published_at=None)
    draft.slug = "better-draft-address"
    draft.save()

    assert client.get("/news/draft-address/").status_code == 404
    assert not Redirect.objects.exists()


def test_moving_back_to_an_old_slug_serves_the_story_there_again(client, story_factory):
    story = story_factory(slug="back-again")
    story.slug = "away"
    story.save()
    story.slug = "back-again"
    story.save()

    assert client.get("/news/back-again/").status_code == 200
    assert client.get("/news/away/")["Location"] == "/news/back-again/"


def test_an_unpublished_storys_old_slug_answers_404(client, story_factory):
    story = story_factory(slug="was-here")
    story.slug = "now-here"
    story.save()
    story.status = Status.DRAFT
    story.save()

    assert client.get("/news/was-here/").status_code == 404


def test_a_deleted_story_answers_410_gone(client, story_factory):
    story = story_factory(slug="taken-down")
    story.delete()

    response = client.get("/news/taken-down/")

    assert response.status_code == 410
    assert "This page has been removed" in response.content.decode()


def test_a_deleted_storys_old_slugs_answer_410_too(client, story_factory):
    story = story_factory(slug="older-name")
    story.slug = "newer-name"
    story.save()
    story.delete()

    assert client.get("/news/older-name/").status_code == 410


def test_a_deleted_draft_answers_404(client, story_factory):
    story_factory(slug="never-seen", status=Status.DRAFT, published_at=None).delete()

    assert client.get("/news/never-seen/").status_code == 404


def test_an_address_from_an_earlier_site_answers_301_to_a_story(client, story_factory):
    story = story_factory(slug="sports-day")
    Redirect.objects.create(old_path="/2019/03/sports-day/", story=story)
    Redirect.objects.create(old_path="/index.php?p=123", story=story)

    assert client.get("/2019/03/sports-day/")["Location"] == "/news/sports-day/"
    assert client.get("/index.php?p=123")["Location"] == "/news/sports-day/"
    assert client.get("/index.php?p=124").status_code == 404


def test_an_address_from_an_earlier_site_answers_301_to_any_address(client):
    Redirect.objects.create(old_path="/about-us/", new_path="/schools/")

    response = client.get("/about-us/")

    assert (response.status_code, response["Location"]) == (301, "/schools/")


def test_editors_keep_redirects_in_the_admin(client, editor, story_factory):
    story = story_factory(title="Where it went")
    client.force_login(editor)

    client.post(
        reverse("admin:articles_redirect_add"),
        {"old_path": "/old-site/news/42/", "story": story.pk, "new_path": ""},
    )
    listing = client.get(reverse("admin:articles_redirect_changelist")).content.decode()

    assert "/old-site/news/42/" in listing
    assert f"301 → {story.get_absolute_url()}" in listing


def test_a_redirect_needs_an_address_starting_with_a_slash(client, editor):
    client.force_login(editor)

    response = client.post(
        reverse("admin:articles_redirect_add"), {"old_path": "old-site/42", "new_path": "/"}
    )

    assert "Start the old address with a slash" in response.content.decode()
    assert not Redirect.objects.exists()
