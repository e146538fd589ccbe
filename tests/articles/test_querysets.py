import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from articles.models import Status, Story, Visibility

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)


def test_draft_is_not_live(story_factory):
    story_factory(status=Status.DRAFT, published_at=None)

    assert not Story.objects.live().exists()


def test_draft_with_past_time_is_not_live(story_factory):
    story_factory(status=Status.DRAFT, published_at=timezone.now() - HOUR)

    assert not Story.objects.live().exists()


def test_published_with_past_time_is_live(story_factory):
    story = story_factory(published_at=timezone.now() - HOUR)

    assert list(Story.objects.live()) == [story]


def test_published_with_future_time_is_scheduled_not_live(story_factory):
    story_factory(published_at=timezone.now() + HOUR)

    assert not Story.objects.live().exists()


def test_scheduled_story_goes_live_when_its_time_comes(story_factory, monkeypatch):
    story = story_factory(published_at=timezone.now() + HOUR)
    later = timezone.now() + 2 * HOUR
    monkeypatch.setattr("articles.models.timezone.now", lambda: later)

    assert list(Story.objects.live()) == [story]


def test_publishing_without_a_time_stamps_now(section):
    before = timezone.now()
    story = Story.objects.create(
        title="T", slug="t", standfirst="S", section=section, status=Status.PUBLISHED
    )

    assert story.published_at >= before
    assert story.is_live


@pytest.fixture
def mixed(story_factory):
    return {
        "public": story_factory(),
        "members": story_factory(visibility=Visibility.MEMBERS),
        "draft": story_factory(status=Status.DRAFT),
        "scheduled": story_factory(published_at=timezone.now() + HOUR),
        "scheduled_members": story_factory(
            visibility=Visibility.MEMBERS, published_at=timezone.now() + HOUR
        ),
    }


def test_anonymous_sees_live_public_stories_only(mixed):
    assert set(Story.objects.visible_to(AnonymousUser())) == {mixed["public"]}


def test_logged_in_non_member_sees_live_public_stories_only(mixed, non_member):
    assert set(Story.objects.visible_to(non_member)) == {mixed["public"]}


def test_member_sees_live_public_and_member_stories(mixed, member):
    assert set(Story.objects.visible_to(member)) == {mixed["public"], mixed["members"]}


def test_staff_sees_live_stories_of_both_audiences_but_no_drafts_or_scheduled(mixed, staff_user):
    assert set(Story.objects.visible_to(staff_user)) == {
        mixed["public"],
        mixed["members"],
    }


def test_inactive_staff_is_treated_as_the_public(mixed, staff_user):
    staff_user.is_active = False

    assert set(Story.objects.visible_to(staff_user)) == {mixed["public"]}


def test_live_stories_are_newest_first(story_factory):
    older = story_factory(published_at=timezone.now() - 3 * HOUR)
    newer = story_factory(published_at=timezone.now() - HOUR)

    assert list(Story.objects.live()) == [newer, older]
