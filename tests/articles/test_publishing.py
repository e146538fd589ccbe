"""Save draft, Submit for review, Publish now, Schedule, Unpublish: what each
button does to a story, and what staff are told. Times are UK time."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from articles.models import Status, Story
from tests.articles.test_admin import story_form

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:articles_story_add")
LIST_URL = reverse("admin:articles_story_changelist")

# 09:00 in London on a summer morning is 08:00 UTC.
SUMMER_MORNING = {"published_at_0": "2030-07-01", "published_at_1": "09:00"}


def change_url(story):
    return reverse("admin:articles_story_change", args=[story.pk])


def said(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def saved_story() -> Story:
    return Story.objects.get(slug="governors-meet-the-new-chair")


def test_schedule_publishes_at_the_uk_time_entered_and_says_so(client, editor, section):
    client.force_login(editor)

    response = client.post(ADD_URL, story_form(section, step="_schedule", **SUMMER_MORNING))

    story = saved_story()
    assert story.published_at == datetime.datetime(2030, 7, 1, 8, 0, tzinfo=datetime.UTC)
    assert story.status == Status.PUBLISHED and not story.is_live
    assert any("is scheduled for Mon 1 Jul, 09:00" in text for text in said(response))


def test_a_scheduled_story_goes_live_at_its_time(client, editor, section, monkeypatch):
    client.force_login(editor)
    client.post(ADD_URL, story_form(section, step="_schedule", **SUMMER_MORNING))
    after = datetime.datetime(2030, 7, 1, 8, 0, 1, tzinfo=datetime.UTC)

    monkeypatch.setattr(timezone, "now", lambda: after)

    assert saved_story() in Story.objects.live()


def test_schedule_without_a_time_is_refused_and_saves_nothing(client, editor, section):
    client.force_login(editor)

    response = client.post(ADD_URL, story_form(section, step="_schedule"))

    assert response.status_code == 200
    assert "Choose the publication time to schedule the story for" in response.content.decode()
    assert not Story.objects.exists()


def test_schedule_for_a_time_that_has_passed_is_refused(client, editor, section):
    client.force_login(editor)

    response = client.post(
        ADD_URL,
        story_form(section, step="_schedule", published_at_0="2020-01-06", published_at_1="09:00"),
    )

    assert "Mon 6 Jan 2020, 09:00 has passed" in response.content.decode()
    assert not Story.objects.exists()


def test_publish_now_makes_the_story_live_and_says_so(client, editor, section):
    client.force_login(editor)

    response = client.post(ADD_URL, story_form(section, step="_publish"))

    assert saved_story().is_live
    assert any("is live." in text for text in said(response))


def test_publish_now_brings_a_scheduled_story_forward(client, editor, story_factory, section):
    story = story_factory(published_at=timezone.now() + datetime.timedelta(days=3))
    client.force_login(editor)

    client.post(
        change_url(story),
        story_form(
            section, step="_publish", slug=story.slug, edit_base=story.updated_at.isoformat()
        ),
    )

    story.refresh_from_db()
    assert story.is_live


def test_a_draft_with_a_future_time_is_not_scheduled_and_the_message_says_so(
    client, editor, section
):
    client.force_login(editor)

    response = client.post(ADD_URL, story_form(section, step="_save", **SUMMER_MORNING))

    assert saved_story().status == Status.DRAFT
    assert any(
        "is saved as a draft. It is not scheduled: press Schedule" in text
        for text in said(response)
    )


def test_unpublish_takes_a_live_story_back_to_draft(client, editor, story_factory, section):
    story = story_factory(title="Live for now")
    client.force_login(editor)

    response = client.post(
        change_url(story),
        story_form(
            section,
            step="_unpublish",
            title="Live for now",
            slug=story.slug,
            edit_base=story.updated_at.isoformat(),
        ),
    )

    story.refresh_from_db()
    assert story.status == Status.DRAFT
    assert any("is unpublished and back to draft" in text for text in said(response))
    assert client.get(story.get_absolute_url()).status_code == 404


def test_the_edit_page_shows_the_state_and_the_buttons_for_it(client, editor, story_factory):
    story = story_factory(
        published_at=datetime.datetime(2030, 12, 3, 9, 0, tzinfo=datetime.UTC),
    )
    client.force_login(editor)

    html = client.get(change_url(story)).content.decode()

    assert "Scheduled for Tue 3 Dec 2030, 09:00" in html
    assert 'name="_publish"' in html and 'name="_unpublish"' in html


def test_the_story_list_shows_each_state(client, editor, story_factory):
    story_factory(title="Drafted", status=Status.DRAFT, published_at=None)
    story_factory(title="Reviewing", status=Status.REVIEW, published_at=None)
    story_factory(published_at=datetime.datetime(2030, 12, 3, 9, 0, tzinfo=datetime.UTC))
    story_factory(published_at=datetime.datetime(2026, 1, 5, 12, 30, tzinfo=datetime.UTC))
    client.force_login(editor)

    html = client.get(LIST_URL).content.decode()

    assert '<td class="field-publication_state">Draft</td>' in html
    assert "In review" in html
    assert "Scheduled for Tue 3 Dec 2030, 09:00" in html
    assert "Live since Mon 5 Jan 2026, 12:30" in html


def test_a_writer_submits_a_draft_and_every_editor_is_emailed(
    client, writer, editor, staff_user, section, mailoutbox
):
    client.force_login(writer)

    response = client.post(ADD_URL, story_form(section, step="_submit"))

    assert saved_story().status == Status.REVIEW
    assert any("is submitted for review. Editors have been emailed." in t for t in said(response))
    assert sorted(m.to[0] for m in mailoutbox) == [editor.email, staff_user.email]
    message = mailoutbox[0]
    assert message.subject == "For review: Governors meet the new chair"
    assert "Wren has submitted a story for review" in message.body
    assert f"/admin/articles/story/{saved_story().pk}/change/" in message.body


def test_a_writer_still_edits_a_story_in_review(client, writer, story_factory, section):
    story = story_factory(status=Status.REVIEW, published_at=None)
    client.force_login(writer)

    client.post(
        change_url(story),
        story_form(
            section,
            step="_save",
            title="Sharper headline",
            slug=story.slug,
            edit_base=story.updated_at.isoformat(),
        ),
    )

    story.refresh_from_db()
    assert (story.title, story.status) == ("Sharper headline", Status.REVIEW)


def test_the_list_puts_the_latest_change_first_drafts_included(client, editor, story_factory):
    story_factory(title="Old live story")
    draft = story_factory(title="Fresh draft", status=Status.DRAFT, published_at=None)
    Story.objects.filter(pk=draft.pk).update(updated_at=timezone.now() + datetime.timedelta(1))
    client.force_login(editor)

    html = client.get(LIST_URL).content.decode()

    assert html.index("Fresh draft") < html.index("Old live story")


def test_the_list_title_links_to_the_edit_page(client, editor, story_factory):
    story = story_factory(title="Linked headline")
    client.force_login(editor)

    html = client.get(LIST_URL).content.decode()

    assert f'<a href="{change_url(story)}">Linked headline</a>' in html


def test_the_list_filters_by_author(client, writer, editor, section):
    client.force_login(writer)
    client.post(ADD_URL, story_form(section, step="_save", title="By the writer"))
    client.force_login(editor)
    client.post(ADD_URL, story_form(section, title="By the editor", slug="by-the-editor"))

    html = client.get(LIST_URL, {"author": writer.pk}).content.decode()

    results = html[html.index('id="result_list"') :]
    assert "By the writer" in results
    assert "By the editor" not in results
