"""What the app tells an HTTP cache: who may keep a response, how long, under which keys."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Status

pytestmark = pytest.mark.django_db


def directives(response) -> dict:
    found = {}
    for part in response["Cache-Control"].split(","):
        name, _, value = part.strip().partition("=")
        found[name] = value
    return found


def keys(response) -> set[str]:
    return set(response["xkey"].split())


def test_an_anonymous_page_may_be_kept_by_a_shared_cache_but_not_by_browsers(
    client, story_factory, settings
):
    settings.HTTP_CACHE_SECONDS = 300
    story_factory()

    response = client.get(reverse("articles:story-list"))

    cache_control = directives(response)
    assert "public" in cache_control
    assert cache_control["max-age"] == "0"
    assert cache_control["s-maxage"] == "300"


def test_a_story_page_carries_the_keys_of_every_story_it_shows(client, story_factory):
    others = [story_factory(tags=["sport"]) for _ in range(3)]
    story = story_factory(tags=["sport"])

    response = client.get(story.get_absolute_url())

    assert keys(response) >= {"all", f"story-{story.pk}", *(f"story-{o.pk}" for o in others)}


def test_a_list_carries_its_own_key_and_its_stories_keys(client, story_factory):
    story = story_factory(tags=["sport"])
    tag_id = story.tags.get().pk

    news = client.get(reverse("articles:story-list"))
    tagged = client.get(reverse("articles:tag-detail", args=["sport"]))
    section = client.get(story.section.get_absolute_url())

    assert {"news", f"story-{story.pk}"} <= keys(news)
    assert {f"tag-{tag_id}", f"story-{story.pk}"} <= keys(tagged)
    assert {f"section-{story.section_id}", f"story-{story.pk}"} <= keys(section)


def test_feeds_carry_the_keys_of_their_stories(client, story_factory):
    story = story_factory()

    response = client.get(reverse("articles:feed"))

    assert {"news", f"story-{story.pk}"} <= keys(response)


def test_a_logged_in_readers_page_is_private_and_has_no_keys(client, story_factory, member):
    story = story_factory()
    client.force_login(member)

    response = client.get(story.get_absolute_url())

    assert "private" in directives(response)
    assert "public" not in directives(response)
    assert "xkey" not in response


def test_no_shared_cache_keeps_a_page_past_the_next_scheduled_story(client, story_factory):
    story_factory()
    story_factory(published_at=timezone.now() + datetime.timedelta(seconds=90))

    response = client.get(reverse("articles:home"))

    assert 85 <= int(directives(response)["s-maxage"]) <= 90


def test_a_scheduled_time_that_has_passed_does_not_pin_the_lifetime(
    client, story_factory, settings
):
    settings.HTTP_CACHE_SECONDS = 300
    story_factory(published_at=timezone.now() - datetime.timedelta(seconds=1))  # just went live

    response = client.get(reverse("articles:story-list"))

    assert directives(response)["s-maxage"] == "300"


def test_the_school_directory_is_not_kept_past_a_membership_ending_tonight(client, member_school):
    member_school.membership_expires = timezone.localdate()
    member_school.save()
    midnight = timezone.make_aware(
        datetime.datetime.combine(
            timezone.localdate() + datetime.timedelta(days=1), datetime.time()
        )
    )

    response = client.get(reverse("members:school-list"))

    until_midnight = (midnight - timezone.now()).total_seconds()
    assert int(directives(response)["s-maxage"]) <= min(300, until_midnight)
    assert "schools" in keys(response)


def test_errors_and_drafts_are_not_kept(client, story_factory):
    draft = story_factory(status=Status.DRAFT)

    response = client.get(draft.get_absolute_url())

    assert response.status_code == 404
    assert directives(response)["s-maxage"] == "0"
    assert "public" not in directives(response)


def test_a_page_that_sets_a_cookie_is_not_public(client, db):
    response = client.get(reverse("members:login"))

    assert "csrftoken" in response.cookies
    assert "public" not in response["Cache-Control"]
