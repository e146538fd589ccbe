"""Changes are recorded in their transaction and purged from the HTTP cache after commit."""

import datetime
import threading

import pytest
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from articles.models import Visibility
from httpcache.models import Purge
from tests.httpcache.conftest import FakeVarnish

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def run_on_commit_at_once():
    """Here commits are real: work queued for after commit runs after commit."""


def test_saving_a_story_purges_its_pages_its_lists_and_its_tags(fake_varnish, story_factory):
    story = story_factory(tags=["sport"])
    fake_varnish.purges.clear()

    story.title = "A new title"
    story.save()

    tag_id = story.tags.get().pk
    assert fake_varnish.purged_keys() >= {
        f"story-{story.pk}",
        "news",
        f"section-{story.section_id}",
        f"tag-{tag_id}",
    }


def test_a_story_whose_similar_news_changes_leaves_the_cache(fake_varnish, story_factory):
    older = story_factory(tags=["ofsted", "inspection"])
    fake_varnish.purges.clear()

    story_factory(title="Inspection framework", tags=["ofsted", "inspection"])

    assert f"story-{older.pk}" in fake_varnish.purged_keys()


def test_nothing_is_purged_before_the_change_commits(fake_varnish, story_factory):
    story = story_factory()
    fake_varnish.purges.clear()

    with transaction.atomic():
        story.visibility = Visibility.MEMBERS
        story.save()
        assert fake_varnish.purges == []
        assert Purge.objects.filter(delivered_at__isnull=True).count() == 1

    assert f"story-{story.pk}" in fake_varnish.purged_keys()
    assert not Purge.objects.filter(delivered_at__isnull=True).exists()


def test_a_rolled_back_change_purges_nothing(fake_varnish, story_factory):
    story = story_factory()
    fake_varnish.purges.clear()

    with pytest.raises(RuntimeError), transaction.atomic():
        story.title = "Never saved"
        story.save()
        raise RuntimeError("the save fails later on")

    assert fake_varnish.purges == []
    assert not Purge.objects.filter(delivered_at__isnull=True).exists()


def test_one_transaction_makes_one_purge_with_one_epoch(fake_varnish, story_factory):
    story = story_factory()
    before = Purge.objects.count()
    fake_varnish.purges.clear()

    with transaction.atomic():
        story.title = "Retitled"
        story.save()
        story.tags.add("music")
        story.save()

    assert Purge.objects.count() == before + 1
    assert len(fake_varnish.purges) == 1


def test_each_change_moves_the_epoch_on(fake_varnish, story_factory):
    story = story_factory()
    story.save()
    story.save()

    epochs = [purge["epoch"] for purge in fake_varnish.purges]
    assert epochs == sorted(epochs) and len(set(epochs)) == len(epochs)


def test_a_page_is_sent_with_the_epoch_read_before_it_was_rendered(
    fake_varnish, client, story_factory
):
    story_factory()
    latest = max(purge["epoch"] for purge in fake_varnish.purges)

    response = client.get(reverse("articles:story-list"))

    assert response["X-Epoch"] == str(latest)


def test_a_change_saves_while_the_cache_is_down_and_is_purged_when_it_returns(
    fake_varnish, story_factory
):
    story = story_factory()
    fake_varnish.refuse = True

    story.visibility = Visibility.MEMBERS
    story.save()  # saved, and no error reaches the editor

    pending = Purge.objects.get(delivered_at__isnull=True)
    assert "503" in pending.last_error
    fake_varnish.refuse = False
    call_command("deliver_purges", once=True)
    assert f"story-{story.pk}" in fake_varnish.purged_keys()
    assert not Purge.objects.filter(delivered_at__isnull=True).exists()


def test_the_admin_says_while_a_purge_is_pending(fake_varnish, client, staff_user, story_factory):
    fake_varnish.refuse = True
    story_factory()
    client.force_login(staff_user)

    html = client.get(reverse("admin:index")).content.decode()

    assert "not reached the page cache yet" in html
    fake_varnish.refuse = False
    call_command("deliver_purges", once=True)
    assert (
        "not reached the page cache yet" not in client.get(reverse("admin:index")).content.decode()
    )


def test_a_school_change_purges_the_school_directory(fake_varnish, member_school):
    fake_varnish.purges.clear()

    member_school.membership_expires = None
    member_school.save()

    assert fake_varnish.purged_keys() == {"schools"}


def test_no_cache_configured_records_nothing(settings, story_factory):
    settings.HTTP_CACHE_URLS = []

    story_factory()

    assert not Purge.objects.exists()


def test_a_cache_that_is_down_keeps_no_other_cache_stale(settings, story_factory):
    down, up = FakeVarnish(), FakeVarnish()
    down.refuse = True
    servers = [down, up]
    for server in servers:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.HTTP_CACHE_URLS = [down.url, up.url]
    try:
        story = story_factory()

        assert f"story-{story.pk}" in up.purged_keys()
        assert Purge.objects.filter(delivered_at__isnull=True).exists()  # retried for the other
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()


def test_delivered_purges_are_forgotten_after_a_week(fake_varnish, story_factory):
    story_factory()
    Purge.objects.update(delivered_at=timezone.now() - datetime.timedelta(days=8))
    story_factory()

    call_command("deliver_purges", once=True)

    assert Purge.objects.count() == 1
