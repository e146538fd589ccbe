"""Shareable previews: signed, expiring, revocable links to a story not yet live."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from articles import previews
from articles.models import PreviewLink, Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(story_factory):
    return story_factory(
        title="Embargoed until Monday",
        body="<p>PREVIEW-BODY-3c3c</p>",
        status=Status.DRAFT,
        published_at=None,
    )


def make_link(client, editor, story, days="7"):
    client.force_login(editor)
    client.post(reverse("admin:articles_story_make_preview_link", args=[story.pk]), {"days": days})
    client.logout()
    return PreviewLink.objects.filter(story=story).latest("created_at")


def test_someone_without_an_account_reads_a_draft_through_its_link(client, editor, draft):
    link = make_link(client, editor, draft)

    response = client.get(previews.path(link))

    html = response.content.decode()
    assert response.status_code == 200
    assert "PREVIEW-BODY-3c3c" in html
    assert "this story is not published yet" in html


def test_a_preview_is_never_cached_nor_indexed(client, editor, draft):
    response = client.get(previews.path(make_link(client, editor, draft)))

    cache_control = response["Cache-Control"]
    assert "no-store" in cache_control and "private" in cache_control
    assert response["X-Robots-Tag"] == "noindex"
    assert '<meta name="robots" content="noindex">' in response.content.decode()


def test_the_address_says_nothing_about_the_story(client, editor, draft):
    address = previews.path(make_link(client, editor, draft))

    assert draft.slug not in address and "embargoed" not in address.lower()


def test_a_link_lasts_seven_days_by_default_then_ends(client, editor, draft, monkeypatch):
    link = make_link(client, editor, draft, days="")
    assert link.expires_at - link.created_at == pytest.approx(
        datetime.timedelta(days=7), abs=datetime.timedelta(seconds=5)
    )
    later = timezone.now() + datetime.timedelta(days=7, minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)

    response = client.get(previews.path(link))

    assert response.status_code == 410
    assert "PREVIEW-BODY-3c3c" not in response.content.decode()
    assert "This preview link has ended" in response.content.decode()


def test_a_revoked_link_stops_working_at_once(client, editor, draft):
    link = make_link(client, editor, draft)
    client.force_login(editor)

    client.post(reverse("admin:articles_story_revoke_preview_link", args=[draft.pk, link.pk]))
    client.logout()

    assert client.get(previews.path(link)).status_code == 410


def test_a_forged_token_opens_nothing(client, editor, draft):
    link = make_link(client, editor, draft)
    token = previews.path(link).rstrip("/").rsplit("/", 1)[-1]

    response = client.get(reverse("articles:preview", kwargs={"token": token[:-2] + "xx"}))

    assert response.status_code == 410
    assert "PREVIEW-BODY-3c3c" not in response.content.decode()


def test_once_the_story_is_live_the_link_leads_to_its_address(client, editor, draft):
    link = make_link(client, editor, draft)
    draft.status = Status.PUBLISHED
    draft.save()

    response = client.get(previews.path(link))

    assert response.status_code == 302
    assert response["Location"] == draft.get_absolute_url()


def test_the_edit_page_lists_working_links_to_copy_and_revoke(client, editor, draft):
    link = make_link(client, editor, draft)
    client.force_login(editor)

    html = client.get(reverse("admin:articles_story_change", args=[draft.pk])).content.decode()

    assert "Share a preview" in html
    assert previews.path(link) in html
    assert f"revoke-preview-link-{link.pk}" in html


def test_a_link_lasts_at_most_thirty_days(client, editor, draft):
    client.force_login(editor)

    client.post(reverse("admin:articles_story_make_preview_link", args=[draft.pk]), {"days": "90"})

    assert not PreviewLink.objects.exists()


def test_a_writer_cannot_make_a_link_to_a_scheduled_story(client, writer, story_factory):
    scheduled = story_factory(published_at=timezone.now() + datetime.timedelta(days=2))
    client.force_login(writer)

    response = client.post(
        reverse("admin:articles_story_make_preview_link", args=[scheduled.pk]), {"days": "7"}
    )

    assert response.status_code == 403
    assert not PreviewLink.objects.exists()
