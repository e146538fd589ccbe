"""Corrections and update notes: shown under the story, and its modified date."""

import datetime
import json

import feedparser
import pytest
from django.urls import reverse

from articles.models import Correction

pytestmark = pytest.mark.django_db

CORRECTED = datetime.datetime(2026, 12, 3, 10, 15, tzinfo=datetime.UTC)


@pytest.fixture
def corrected(story_factory):
    story = story_factory(title="Council budget explained")
    Correction.objects.create(
        story=story,
        note="An earlier version gave the deficit as £4.8bn; it is £4.8m CORRECTION-7e7e.",
        made_at=CORRECTED,
    )
    return story


def json_ld(html: str) -> dict:
    start = html.index('<script type="application/ld+json">') + len(
        '<script type="application/ld+json">'
    )
    return json.loads(html[start : html.index("</script>", start)])


def test_a_correction_shows_under_the_story_with_its_date(client, corrected):
    html = client.get(corrected.get_absolute_url()).content.decode()

    assert "Corrections and updates" in html
    assert "CORRECTION-7e7e" in html
    assert '<time datetime="2026-12-03">3 December 2026</time>' in html


def test_date_modified_follows_the_latest_correction(client, corrected):
    html = client.get(corrected.get_absolute_url()).content.decode()

    assert json_ld(html)["dateModified"] == CORRECTED.isoformat()


def test_without_corrections_date_modified_is_the_publication_time(client, story_factory):
    story = story_factory()

    html = client.get(story.get_absolute_url()).content.decode()

    assert json_ld(html)["dateModified"] == story.published_at.isoformat()
    assert "Corrections and updates" not in html


def test_the_feed_entry_is_updated_at_the_correction(client, corrected):
    feed = feedparser.parse(client.get(reverse("articles:feed-atom")).content)

    entry = next(e for e in feed.entries if e.title == "Council budget explained")
    assert entry.updated_parsed[:5] == (2026, 12, 3, 10, 15)


def test_deleting_the_only_correction_clears_the_modified_date(client, corrected):
    corrected.corrections.get().delete()
    corrected.refresh_from_db()

    assert corrected.corrected_at is None
    assert "CORRECTION-7e7e" not in client.get(corrected.get_absolute_url()).content.decode()


def test_an_editor_adds_a_correction_in_the_story_form(client, editor, story_factory, section):
    from tests.articles.test_admin import story_form

    story = story_factory(title="Wrong figure", slug="wrong-figure")
    client.force_login(editor)

    client.post(
        reverse("admin:articles_story_change", args=[story.pk]),
        story_form(
            section,
            step="_save",
            title="Wrong figure",
            slug="wrong-figure",
            edit_base=story.updated_at.isoformat(),
            **{
                "corrections-TOTAL_FORMS": "1",
                "corrections-INITIAL_FORMS": "0",
                "corrections-0-kind": "update",
                "corrections-0-made_at_0": "2026-12-03",
                "corrections-0-made_at_1": "10:15",
                "corrections-0-note": "Added the council's reply UPDATE-8f8f.",
            },
        ),
    )

    html = client.get(story.get_absolute_url()).content.decode()
    assert "Update, " in html and "UPDATE-8f8f" in html


def test_a_writer_does_not_get_the_corrections_box(client, writer, story_factory):
    draft = story_factory(status="draft", published_at=None)
    client.force_login(writer)

    html = client.get(reverse("admin:articles_story_change", args=[draft.pk])).content.decode()

    assert "corrections-TOTAL_FORMS" not in html
