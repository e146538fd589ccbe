"""Two people editing one story: the later save never silently undoes the earlier one."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from articles.models import Story
from members import roles
from tests.articles.test_admin import story_form
from tests.conftest import person_with_role

pytestmark = pytest.mark.django_db


def change_url(story):
    return reverse("admin:articles_story_change", args=[story.pk])


def opened(client, story):
    """Open the story's edit page; return the form's hidden edit base."""
    html = client.get(change_url(story)).content.decode()
    return re.search(r'name="edit_base" value="([^"]*)"', html).group(1)


def edit(story, section, edit_base, **fields):
    current = {"title": story.title, "slug": story.slug, "standfirst": story.standfirst}
    return story_form(section, **(current | fields), edit_base=edit_base)


@pytest.fixture
def story(story_factory):
    return story_factory(title="Heads meet in Halifax", standfirst="The first meeting.")


@pytest.fixture
def two_editors(client, editor):
    """The editor's browser, and a second editor's."""
    other = person_with_role(roles.EDITOR, "alex@example.org", "Alex")
    other.last_name = "Okafor"
    other.save()
    second = Client()
    client.force_login(editor)
    second.force_login(other)
    return client, second


def test_saving_over_a_newer_save_is_refused_naming_who_and_when(two_editors, story, section):
    mine, theirs = two_editors
    my_base, their_base = opened(mine, story), opened(theirs, story)
    theirs.post(change_url(story), edit(story, section, their_base, title="Heads meet in Hebden"))

    response = mine.post(
        change_url(story), edit(story, section, my_base, standfirst="My new standfirst.")
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Alex Okafor saved this story at" in html
    assert "differs from yours in: Title, Standfirst" in html
    assert "My new standfirst." in html  # still in the form
    story.refresh_from_db()
    assert (story.title, story.standfirst) == ("Heads meet in Hebden", "The first meeting.")


def test_saving_again_after_the_refusal_replaces_their_version(two_editors, story, section):
    mine, theirs = two_editors
    my_base, their_base = opened(mine, story), opened(theirs, story)
    theirs.post(change_url(story), edit(story, section, their_base, title="Heads meet in Hebden"))
    refused = mine.post(change_url(story), edit(story, section, my_base, standfirst="Mine."))
    new_base = re.search(r'name="edit_base" value="([^"]*)"', refused.content.decode()).group(1)

    response = mine.post(change_url(story), edit(story, section, new_base, standfirst="Mine."))

    assert response.status_code == 302
    story.refresh_from_db()
    assert story.standfirst == "Mine."


def test_saving_twice_in_a_row_from_one_form_each_time_goes_through(client, editor, story, section):
    client.force_login(editor)

    first = client.post(change_url(story), edit(story, section, opened(client, story)))
    second = client.post(
        change_url(story), edit(story, section, opened(client, story), title="Second save")
    )

    assert (first.status_code, second.status_code) == (302, 302)
    assert Story.objects.get(pk=story.pk).title == "Second save"


def test_the_story_remembers_who_saved_it_last(client, editor, story, section):
    client.force_login(editor)

    client.post(change_url(story), edit(story, section, opened(client, story)))

    story.refresh_from_db()
    assert story.edited_by == editor


def test_the_story_list_shows_who_saved_each_story_last(client, editor, story, section):
    client.force_login(editor)
    client.post(change_url(story), edit(story, section, opened(client, story)))

    html = client.get(reverse("admin:articles_story_changelist")).content.decode()

    assert "last edited by" in html.lower()
    assert re.search(rf'class="field-edited_by[^"]*">{editor}<', html)
