"""Query count per page is a constant: pinned here, for 15 and for 150 stories."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Story

pytestmark = pytest.mark.django_db

# Page -> queries for an anonymous reader, with no HTTP cache: every page is
# rendered from the database (Varnish keeps it afterwards; Django's cache keeps
# only the links to the site's pages, see queries_for). Each page
# also asks for the section navigation and the next scheduled go-live (which
# bounds its s-maxage). Lists count from the kept list counts less the
# stories still scheduled (one query), then fetch a page's ids and its cards.
PINNED = {
    "front page": 4,  # navigation, lead story, latest stories, next go-live
    "news list": 5,  # navigation, count, page ids, cards, next go-live
    "tag page": 6,  # the tag, then as the news list
    "section page": 6,  # the section, then as the news list
    # navigation, the story (and whether it has picks: none here), its tags,
    # Similar News (the kept box's cards), next go-live
    "story page": 5,
}


def urls(story):
    return {
        "front page": reverse("articles:home"),
        "news list": reverse("articles:story-list"),
        "tag page": reverse("articles:tag-detail", args=["schools"]),
        "section page": story.section.get_absolute_url(),
        "story page": story.get_absolute_url(),
    }


def queries_for(client, url):
    """Queries for rendering a page, once Django's cache holds the links to the
    site's pages (pages.navigation: one query on the first render after a change
    to a page, none after; tests/pages/test_navigation.py pins that)."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def seed(story_factory, count, image_factory):
    for n in range(count):
        story_factory(
            tags=["schools", f"topic-{n % 7}"],
            hero=image_factory(alt="An image"),
            featured=n == 0,
        )
    return Story.objects.live().last()


@pytest.mark.parametrize("page", PINNED)
def test_page_makes_the_same_pinned_number_of_queries_with_15_and_150_stories(
    client, story_factory, image_factory, page
):
    story = seed(story_factory, 15, image_factory)
    with_15 = queries_for(client, urls(story)[page])

    story = seed(story_factory, 135, image_factory)
    with_150 = queries_for(client, urls(story)[page])

    assert with_15 == with_150 == PINNED[page]


def test_later_pages_cost_the_same_as_the_first(client, story_factory, image_factory):
    seed(story_factory, 40, image_factory)

    first = queries_for(client, reverse("articles:story-list"))
    third = queries_for(client, reverse("articles:story-list") + "?page=3")

    assert first == third == PINNED["news list"]
