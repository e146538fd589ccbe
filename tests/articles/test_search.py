import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Status, Visibility

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def search(client, q, **params):
    return client.get(reverse("articles:search"), {"q": q, **params})


def titles(response):
    return [story.title for story in response.context["page_obj"].object_list]


def test_a_title_match_outranks_a_body_match(client, story_factory):
    story_factory(
        title="Choir news", body="<p>The orchestra plays on.</p>", published_at=timezone.now() - DAY
    )
    story_factory(
        title="Orchestra tour announced",
        body="<p>Dates below.</p>",
        published_at=timezone.now() - 9 * DAY,
    )

    assert titles(search(client, "orchestra")) == ["Orchestra tour announced", "Choir news"]


def test_equal_matches_go_to_the_newer_story(client, story_factory):
    story_factory(title="Orchestra one", published_at=timezone.now() - 5 * DAY)
    story_factory(title="Orchestra two", published_at=timezone.now() - DAY)

    assert titles(search(client, "orchestra")) == ["Orchestra two", "Orchestra one"]


def test_a_quoted_phrase_matches_the_phrase_only(client, story_factory):
    story_factory(title="Sports day at Scarbeck", body="<p>Relays and races.</p>")
    story_factory(title="Day trip", body="<p>Sports kit is not needed.</p>")

    assert titles(search(client, '"sports day"')) == ["Sports day at Scarbeck"]


def test_a_minus_sign_leaves_a_word_out(client, story_factory):
    story_factory(title="Reading week and sport")
    story_factory(title="Reading week in the library")

    assert titles(search(client, "reading -sport")) == ["Reading week in the library"]


def test_or_finds_either_word(client, story_factory):
    story_factory(title="Orchestra concert")
    story_factory(title="Robotics final")
    story_factory(title="Governors meet")

    assert sorted(titles(search(client, "orchestra or robotics"))) == [
        "Orchestra concert",
        "Robotics final",
    ]


def test_all_words_are_needed_without_or(client, story_factory):
    story_factory(title="Orchestra concert")
    story_factory(title="Orchestra robotics crossover")

    assert titles(search(client, "orchestra robotics")) == ["Orchestra robotics crossover"]


def test_tags_are_searched(client, story_factory):
    story_factory(title="A quiet week", tags=["sustainability"])

    assert titles(search(client, "sustainability")) == ["A quiet week"]


def test_retagging_updates_the_results(client, story_factory):
    story = story_factory(title="A quiet week", tags=["music"])
    story.tags.set(["sustainability"])

    assert titles(search(client, "sustainability")) == ["A quiet week"]
    assert titles(search(client, "music")) == []


def test_results_show_a_highlighted_snippet_of_the_body(client, story_factory):
    story_factory(title="Concert", body="<p>Five hundred young musicians filled the hall.</p>")

    html = search(client, "musicians").content.decode()

    assert "Five hundred young <mark>musicians</mark> filled the hall." in html


def test_snippets_escape_what_they_quote(client, story_factory):
    story_factory(title="Maths", body="<p>We compared 3 &lt; 4 with pupils.</p>")

    html = search(client, "compared").content.decode()

    assert "We <mark>compared</mark> 3 &lt; 4 with pupils." in html


def test_member_stories_are_found_by_members_with_a_badge(client, story_factory, member):
    story_factory(title="Orchestra briefing", visibility=Visibility.MEMBERS)
    client.force_login(member)

    response = search(client, "orchestra")

    assert titles(response) == ["Orchestra briefing"]
    assert '<span class="badge badge--members">Members</span>' in response.content.decode()


@pytest.mark.parametrize("viewer", ["anonymous", "non_member", "expired_member"])
def test_member_stories_are_invisible_to_others_even_in_counts_and_snippets(
    client, request, story_factory, viewer
):
    story_factory(title="Orchestra public", body="<p>Open to all.</p>")
    story_factory(
        title="Orchestra briefing MBR-7c7c",
        body="<p>orchestra MEMBERS-ONLY-7f3a</p>",
        visibility=Visibility.MEMBERS,
    )
    if viewer != "anonymous":
        client.force_login(request.getfixturevalue(viewer))

    response = search(client, "orchestra")
    html = response.content.decode()

    assert titles(response) == ["Orchestra public"]
    assert "1 result for" in html
    assert "MBR-7c7c" not in html and "MEMBERS-ONLY-7f3a" not in html


@pytest.mark.parametrize(
    "fields",
    [{"status": Status.DRAFT}, {"published_at": timezone.now() + DAY}],
    ids=["draft", "scheduled"],
)
def test_unpublished_stories_are_never_found(client, story_factory, staff_user, fields):
    story_factory(title="Orchestra secret", **fields)
    client.force_login(staff_user)

    assert titles(search(client, "orchestra")) == []


def test_an_empty_search_shows_the_form_without_results(client, db):
    response = search(client, "   ")

    assert response.status_code == 200
    assert response.context["page_obj"] is None
    assert 'role="search"' in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "'",
        "%",
        "_",
        "\\",
        "\x00",
        "orchestra\x00drop",
        '"',
        "-",
        "or",
        "'; DROP TABLE articles_story; --",
        "<script>alert(1)</script>",
        "a" * 200,
        "&&&",
        "!!!",
        "::*",
    ],
)
def test_hostile_queries_answer_cleanly(client, story_factory, query):
    story_factory(title="Orchestra")

    response = search(client, query)

    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_an_over_long_query_is_refused_with_a_message(client, db):
    response = search(client, "word " * 2000)

    assert response.status_code == 400
    assert "200 characters or fewer" in response.content.decode()


def test_results_are_paginated_and_junk_pages_are_not_found(client, story_factory):
    for n in range(12):
        story_factory(title=f"Orchestra {n}")

    assert len(titles(search(client, "orchestra"))) == 10
    assert len(titles(search(client, "orchestra", page=2))) == 2
    assert search(client, "orchestra", page=3).status_code == 404
    assert search(client, "orchestra", page="x").status_code == 404


def test_search_costs_the_same_queries_with_more_results(client, story_factory):
    story_factory(title="Orchestra first")
    search(client, "orchestra")
    with CaptureQueriesContext(connection) as few:
        search(client, "orchestra")
    for n in range(30):
        story_factory(title=f"Orchestra {n}", tags=["music"])
    with CaptureQueriesContext(connection) as many:
        search(client, "orchestra")

    # navigation, candidates, count, page of results, next go-live
    assert len(few) == len(many) == 5


def test_the_header_has_a_search_box_on_every_page(client, db):
    html = client.get(reverse("articles:home")).content.decode()

    assert f'action="{reverse("articles:search")}" role="search"' in html


def test_search_results_are_kept_out_of_search_engines(client, db):
    response = search(client, "orchestra")

    assert response["X-Robots-Tag"] == "noindex"


def test_a_search_matching_more_than_the_limit_ranks_the_newest_and_says_so(
    client, story_factory, monkeypatch
):
    monkeypatch.setattr("articles.search.CANDIDATES", 3)
    monkeypatch.setattr("articles.views.SEARCH_CANDIDATES", 3)
    for n in range(5):
        story_factory(title=f"Orchestra {n}", published_at=timezone.now() - n * DAY)

    response = search(client, "orchestra")

    assert titles(response) == ["Orchestra 0", "Orchestra 1", "Orchestra 2"]
    assert "The 3 newest results for “orchestra”" in response.content.decode()


def test_a_search_without_matches_says_so(client, story_factory):
    story_factory(title="Orchestra")

    html = search(client, "zzzzqqq").content.decode()

    assert "0 results for “zzzzqqq”" in html
    assert "No stories match" in html


def test_snippets_end_headings_as_sentences(client, story_factory):
    story_factory(title="Costs", body="<h2>Rates frozen</h2><p>The survey found costs rising.</p>")

    html = search(client, "survey").content.decode()

    assert "Rates frozen. The <mark>survey</mark> found costs rising." in html
