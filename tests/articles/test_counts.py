"""Lists count from kept counts, which follow every change and every go-live."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from articles.models import Status, Story, Visibility

pytestmark = pytest.mark.django_db


def total_on(client, url) -> int:
    return client.get(url).context["paginator"].count


def test_the_news_count_follows_publishing_and_unpublishing(client, story_factory):
    stories = [story_factory() for _ in range(3)]

    assert total_on(client, reverse("articles:story-list")) == 3
    stories[0].status = Status.DRAFT
    stories[0].save()
    assert total_on(client, reverse("articles:story-list")) == 2


def test_a_member_only_story_counts_for_members_only(client, story_factory, member):
    story_factory()
    story_factory(visibility=Visibility.MEMBERS)

    assert total_on(client, reverse("articles:story-list")) == 1
    client.force_login(member)
    assert total_on(client, reverse("articles:story-list")) == 2


def test_a_tag_count_follows_retagging(client, story_factory):
    tagged = story_factory(tags=["sport"])
    story_factory(tags=["sport"])
    url = reverse("articles:tag-detail", args=["sport"])

    assert total_on(client, url) == 2
    tagged.tags.remove("sport")
    assert total_on(client, url) == 1


def test_counts_follow_a_deletion_once_it_commits(
    client, story_factory, monkeypatch, django_capture_on_commit_callbacks
):
    story_factory(tags=["sport"])
    monkeypatch.undo()  # after-commit work waits for the commit again

    with django_capture_on_commit_callbacks(execute=True):
        Story.objects.filter(tags__name="sport").delete()

    assert total_on(client, reverse("articles:tag-detail", args=["sport"])) == 0
    assert total_on(client, reverse("articles:story-list")) == 0


def test_a_section_count_follows_a_story_moving_section(client, story_factory, other_section):
    story = story_factory()

    story.section = other_section
    story.save()

    assert total_on(client, other_section.get_absolute_url()) == 1


def test_a_scheduled_story_joins_the_count_when_its_time_comes_with_nothing_run(
    client, story_factory
):
    story_factory()
    scheduled = story_factory(published_at=timezone.now() + datetime.timedelta(hours=1))
    assert total_on(client, reverse("articles:story-list")) == 1

    # Time passes: no save, no signal, only the clock.
    Story.objects.filter(pk=scheduled.pk).update(
        published_at=timezone.now() - datetime.timedelta(seconds=1)
    )

    assert total_on(client, reverse("articles:story-list")) == 2


def test_refresh_derived_rebuilds_counts_after_a_bulk_load(client, story_factory, section):
    story_factory()
    Story.objects.bulk_create(
        [
            Story(
                title=f"Bulk {n}",
                slug=f"bulk-{n}",
                standfirst="Loaded in bulk.",
                section=section,
                status=Status.PUBLISHED,
                published_at=timezone.now() - datetime.timedelta(days=n + 1),
            )
            for n in range(3)
        ]
    )

    call_command("refresh_derived", stdout=io.StringIO())

    assert total_on(client, reverse("articles:story-list")) == 4
