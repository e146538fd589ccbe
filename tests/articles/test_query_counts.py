"""Query count per page is a constant: pinned here, for 15 and for 150 stories."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Story

pytestmark = pytest.mark.django_db

# Page -> queries for an anonymous reader when the page is rendered, once the
# caches that hold until the news changes are warm. Lists keep their count and
# which stories are on each page in the cache (articles.pagination), so a
# rendered list fetches only its cards; the section navigation is cached; a
# story page finds its story and its rendered fragments in the cache (the first
# reader's request builds them: see test_the_first_reader_of_a_story_...).
PINNED = {
    "front page": 2,  # lead story, latest stories
    "news list": 1,  # the page's cards
    "tag page": 2,  # tag, the page's cards
    "section page": 2,  # section, the page's cards
    "story page": 0,
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
    """Queries for a page in the steady state (caches warmed by one earlier request)."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def seed(story_factory, count, image_upload):
    for n in range(count):
        story_factory(
            tags=["schools", f"topic-{n % 7}"],
            hero_image=image_upload(),
            hero_alt="An image",
            featured=n == 0,
        )
    return Story.objects.live().last()


@pytest.mark.parametrize("page", PINNED)
def test_page_makes_the_same_pinned_number_of_queries_with_15_and_150_stories(
    client, story_factory, image_upload, page
):
    story = seed(story_factory, 15, image_upload)
    with_15 = queries_for(client, urls(story)[page])

    story = seed(story_factory, 135, image_upload)
    with_150 = queries_for(client, urls(story)[page])

    assert with_15 == with_150 == PINNED[page]


def test_later_pages_cost_the_same_as_the_first(client, story_factory, image_upload):
    seed(story_factory, 40, image_upload)

    first = queries_for(client, reverse("articles:story-list"))
    third = queries_for(client, reverse("articles:story-list") + "?page=3")

    assert first == third == PINNED["news list"]


def test_the_first_reader_of_a_story_builds_its_page_in_a_fixed_number_of_queries(
    client, story_factory, image_upload
):
    story = seed(story_factory, 30, image_upload)
    other = Story.objects.live().first()
    client.get(other.get_absolute_url())  # navigation, go-live and tag weights are cached

    with CaptureQueriesContext(connection) as queries:
        response = client.get(story.get_absolute_url())

    # the story with its section, its tags (once, for every fragment), and the
    # Similar News box: picks, candidates, their tags, their counts, the cards
    assert response.status_code == 200
    assert len(queries) == 7
