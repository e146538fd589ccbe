""" "Did you mean": a search finding few stories offers the query respelt with the
archive's own words, only words of stories the reader may see (DESIGN.md,
"Visibility: the invariant")."""

import datetime
import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Status, Visibility

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)
SUGGESTION_LINK = re.compile(r'Did you mean: <a href="([^"]+)">(.*?)</a>\?')


def search(client, q):
    return client.get(reverse("articles:search"), {"q": q})


def suggested(response) -> str | None:
    suggestion = response.context.get("suggestion")
    return suggestion and suggestion.query


def titles(response):
    return [story.title for story in response.context["page_obj"].object_list]


@pytest.fixture
def safeguarding_stories(story_factory):
    story_factory(title="Safeguarding training for governors SG-1a2b")
    story_factory(title="New safeguarding lead at Calder Vale SG-3c4d")
    story_factory(title="Sports day results", standfirst="Relays, races and a sack race.")


def test_a_misspelt_word_suggests_the_archives_spelling(client, safeguarding_stories):
    response = search(client, "safegaurding")

    assert suggested(response) == "safeguarding"
    assert "Did you mean: <a" in response.content.decode()


def test_the_suggestion_links_to_its_results(client, safeguarding_stories):
    page = search(client, "safegaurding").content.decode()
    href, text = SUGGESTION_LINK.search(page).groups()

    response = client.get(html.unescape(href))

    assert text == "<em>safeguarding</em>"
    assert response.context["query"] == "safeguarding"
    assert sorted(titles(response)) == [
        "New safeguarding lead at Calder Vale SG-3c4d",
        "Safeguarding training for governors SG-1a2b",
    ]


def test_a_correctly_spelt_query_with_results_gets_no_suggestion(client, safeguarding_stories):
    response = search(client, "safeguarding")

    assert len(titles(response)) == 2
    assert suggested(response) is None
    assert "Did you mean" not in response.content.decode()


def test_a_word_of_the_results_is_spelt_right_though_titles_use_a_near_one(client, story_factory):
    story_factory(title="Art week", body="<p>Pupils mixed every colour COLOUR-5e6f.</p>")
    for n in range(3):
        story_factory(title=f"Color run {n}")

    response = search(client, "colour")

    assert titles(response) == ["Art week"]
    assert suggested(response) is None


def test_a_word_near_nothing_in_the_archive_gets_no_suggestion(client, safeguarding_stories):
    response = search(client, "xqzvbnmk")

    assert suggested(response) is None
    assert "Did you mean" not in response.content.decode()


def test_multi_word_queries_respell_just_the_misspelt_word(client, safeguarding_stories):
    response = search(client, "governors safegaurding")

    assert suggested(response) == "governors safeguarding"
    assert "governors <em>safeguarding</em>" in response.content.decode()


def test_words_in_quotes_are_respelt_inside_the_quotes(client, safeguarding_stories):
    assert suggested(search(client, '"safegaurding training"')) == '"safeguarding training"'


def test_a_word_left_out_is_never_respelt(client, safeguarding_stories):
    # "sprot" is near "sports", but respelling a left-out word finds fewer stories.
    assert suggested(search(client, "safegaurding -sprot")) == "safeguarding -sprot"


def test_the_suggestion_keeps_the_typed_capitals(client, safeguarding_stories):
    assert suggested(search(client, "Safegaurding")) == "Safeguarding"


def test_a_tags_word_is_suggested(client, story_factory):
    story_factory(title="A quiet week TAG-7a8b", tags=["sustainability"])

    assert suggested(search(client, "sustainabilty")) == "sustainability"


@pytest.mark.parametrize("viewer", ["anonymous", "non_member", "expired_member"])
def test_a_word_only_a_member_only_story_holds_is_not_suggested_to_others(
    client, request, story_factory, viewer
):
    story_factory(title="Kestrelwood briefing MBR-9d0e", visibility=Visibility.MEMBERS)
    if viewer != "anonymous":
        client.force_login(request.getfixturevalue(viewer))

    response = search(client, "kestrelwod")
    page = response.content.decode()

    assert suggested(response) is None
    assert "kestrelwood" not in page.lower() and "MBR-9d0e" not in page


@pytest.mark.parametrize("viewer", ["member", "staff_user"])
def test_members_are_offered_the_words_of_member_only_stories(
    client, request, story_factory, viewer
):
    story_factory(title="Kestrelwood briefing MBR-9d0e", visibility=Visibility.MEMBERS)
    client.force_login(request.getfixturevalue(viewer))

    assert suggested(search(client, "kestrelwod")) == "kestrelwood"


def test_a_story_made_member_only_after_its_words_were_kept_is_no_longer_suggested(
    client, story_factory
):
    story = story_factory(title="Kestrelwood briefing MBR-9d0e")
    assert suggested(search(client, "kestrelwod")) == "kestrelwood"

    story.visibility = Visibility.MEMBERS
    story.save()
    response = search(client, "kestrelwod")

    assert suggested(response) is None
    assert "kestrelwood" not in response.content.decode().lower()


@pytest.mark.parametrize(
    "fields",
    [
        {"status": Status.DRAFT},
        {"status": Status.REVIEW},
        {"published_at": timezone.now() + DAY},
    ],
    ids=["draft", "in-review", "scheduled"],
)
@pytest.mark.parametrize("viewer", ["anonymous", "staff_user"])
def test_an_unpublished_storys_word_is_never_suggested(
    client, request, story_factory, fields, viewer
):
    story_factory(title="Marshglow plans DRAFT-2b3c", **fields)
    if viewer != "anonymous":
        client.force_login(request.getfixturevalue(viewer))

    response = search(client, "marshglo")
    page = response.content.decode()

    assert suggested(response) is None
    assert "marshglow" not in page.lower() and "DRAFT-2b3c" not in page


def test_a_failing_cache_still_suggests(client, safeguarding_stories, monkeypatch):
    def fail(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr("articles.search.cache.get", fail)
    monkeypatch.setattr("articles.search.cache.set", fail)

    assert suggested(search(client, "safegaurding")) == "safeguarding"


def test_a_suggestion_costs_at_most_two_queries(client, safeguarding_stories, story_factory):
    story_factory(title="Safeguarding audit SG-5f6a")
    search(client, "safeguarding")  # the page's own kept lists, filled once
    with CaptureQueriesContext(connection) as plain:
        assert suggested(search(client, "safeguarding")) is None
    with CaptureQueriesContext(connection) as suggesting:
        assert suggested(search(client, "safegaurding")) == "safeguarding"

    assert len(suggesting) - len(plain) <= 2
