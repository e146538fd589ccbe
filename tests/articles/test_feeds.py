import datetime

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Status, Story, Visibility

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)
FEEDS = ["articles:feed", "articles:feed-atom"]


@pytest.fixture
def newsroom(story_factory, image_factory, other_section):
    return {
        "public": story_factory(
            title="Public story",
            standfirst="Open to all.",
            tags=["music"],
            hero=image_factory(alt="Pupils playing violins ALT-3e3e"),
            byline="Priya Shah",
            published_at=timezone.now() - DAY,
        ),
        "other": story_factory(
            title="Policy story",
            section=other_section,
            tags=["funding"],
            published_at=timezone.now() - 2 * DAY,
        ),
        "members": story_factory(
            title="Members story MBR-8f8f", visibility=Visibility.MEMBERS, tags=["music"]
        ),
        "draft": story_factory(title="Draft story DRAFT-9a9a", status=Status.DRAFT),
        "future": story_factory(
            title="Future story FUTURE-1b1b", published_at=timezone.now() + DAY
        ),
    }


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed


@pytest.mark.parametrize("name", FEEDS)
def test_feed_is_valid_and_lists_the_live_public_stories_newest_first(client, newsroom, name):
    feed = parse(client, reverse(name))

    assert [entry.title for entry in feed.entries] == ["Public story", "Policy story"]


@pytest.mark.parametrize("name", FEEDS)
@pytest.mark.parametrize("viewer", [None, "member", "staff_user"])
def test_feed_never_carries_member_only_draft_or_future_stories(
    client, request, newsroom, name, viewer
):
    if viewer:
        client.force_login(request.getfixturevalue(viewer))

    body = client.get(reverse(name)).content.decode()

    for marker in ("MBR-8f8f", "DRAFT-9a9a", "FUTURE-1b1b"):
        assert marker not in body


@pytest.mark.parametrize("name", FEEDS)
def test_feed_links_are_absolute(client, newsroom, name):
    feed = parse(client, reverse(name))
    entry = feed.entries[0]

    assert entry.link == "http://testserver" + newsroom["public"].get_absolute_url()
    assert feed.feed.link.startswith("http://testserver/")


@pytest.mark.parametrize("name", FEEDS)
def test_feed_dates_are_the_publication_times(client, newsroom, name):
    entry = parse(client, reverse(name)).entries[0]

    published = datetime.datetime(*entry.published_parsed[:6], tzinfo=datetime.UTC)
    assert abs(published - newsroom["public"].published_at) < datetime.timedelta(seconds=1)


@pytest.mark.parametrize("name", FEEDS)
def test_feed_carries_the_hero_image_with_its_alt_text(client, newsroom, name):
    entry = parse(client, reverse(name)).entries[0]

    media = entry.media_content[0]
    story = Story.objects.get(pk=newsroom["public"].pk)
    assert media["url"] == "http://testserver" + story.social_image["url"]
    assert media["medium"] == "image"
    body = client.get(reverse(name)).content.decode()
    assert (
        '<media:description type="plain">Pupils playing violins ALT-3e3e</media:description>'
        in body
    )


@pytest.mark.parametrize("name", FEEDS)
def test_feed_items_have_the_standfirst_author_and_categories(client, newsroom, name):
    entry = parse(client, reverse(name)).entries[0]

    assert entry.summary == "Open to all."
    assert entry.author == "Priya Shah"
    assert {tag.term for tag in entry.tags} == {"Network news", "music"}


@pytest.mark.parametrize("name", ["articles:tag-feed", "articles:tag-feed-atom"])
def test_tag_feed_lists_that_tags_public_stories(client, newsroom, name):
    feed = parse(client, reverse(name, args=["music"]))

    assert [entry.title for entry in feed.entries] == ["Public story"]


@pytest.mark.parametrize("name", ["articles:section-feed", "articles:section-feed-atom"])
def test_section_feed_lists_that_sections_public_stories(client, newsroom, name):
    feed = parse(client, reverse(name, args=["policy-funding"]))

    assert [entry.title for entry in feed.entries] == ["Policy story"]


@pytest.mark.parametrize("url", ["/news/tag/nope/feed/", "/news/section/nope/feed/atom/"])
def test_feed_for_an_unknown_tag_or_section_is_not_found(client, db, url):
    assert client.get(url).status_code == 404


def test_pages_announce_their_feeds(client, newsroom):
    home = client.get(reverse("articles:home")).content.decode()
    tag_page = client.get(reverse("articles:tag-detail", args=["music"])).content.decode()

    rss = reverse("articles:feed")
    assert f'title="Pennine Schools Network: latest news (RSS)" href="{rss}"' in home
    assert f'href="{reverse("articles:feed-atom")}"' in home
    assert f'href="{reverse("articles:tag-feed", args=["music"])}"' in tag_page
