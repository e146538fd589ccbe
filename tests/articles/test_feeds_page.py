"""/news/feeds/, the page of feed addresses, and the stylesheet every feed names."""

import datetime
import re

import feedparser
import pytest
from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from django.db import connection
from django.templatetags.static import static
from django.test.utils import CaptureQueriesContext
from django.urls import resolve, reverse
from django.utils import timezone
from whitenoise.media_types import MediaTypes

from articles import feeds
from articles.models import Status, Story, Visibility

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)
PAGE = "/news/feeds/"
PI = re.compile(rb'^<\?xml [^>]*\?>\s*<\?xml-stylesheet href="([^"]+)"[^>]*type="text/xsl"')


@pytest.fixture
def newsroom(story_factory, section, other_section):
    return {
        "public": story_factory(title="Public story PUB-2c4e", tags=["music", "sport"]),
        "members": story_factory(visibility=Visibility.MEMBERS, tags=["mbrtag-8f1a"]),
        "draft": story_factory(status=Status.DRAFT, tags=["drafttag-9b2c"]),
        "future": story_factory(published_at=timezone.now() + DAY, tags=["futuretag-1d3e"]),
    }


def every_feed(story):
    tag, section = story.tags.order_by("slug").first().slug, story.section.slug
    return {
        "latest RSS": reverse("articles:feed"),
        "latest Atom": reverse("articles:feed-atom"),
        "tag RSS": reverse("articles:tag-feed", args=[tag]),
        "tag Atom": reverse("articles:tag-feed-atom", args=[tag]),
        "section RSS": reverse("articles:section-feed", args=[section]),
        "section Atom": reverse("articles:section-feed-atom", args=[section]),
    }


FEEDS = ["latest RSS", "latest Atom", "tag RSS", "tag Atom", "section RSS", "section Atom"]


def copyable(page: str, address: str) -> bool:
    """``address`` is on the page in a read-only box, ready to copy."""
    return re.search(rf'<input [^>]*value="http://testserver{re.escape(address)}" readonly', page)


def test_the_page_gives_the_latest_news_feeds_addresses(client, newsroom):
    page = client.get(PAGE).content.decode()

    assert copyable(page, reverse("articles:feed"))
    assert copyable(page, reverse("articles:feed-atom"))


def test_the_page_gives_every_sections_feeds_even_empty_ones(client, section, other_section):
    page = client.get(PAGE).content.decode()

    for slug in (section.slug, other_section.slug):
        assert copyable(page, reverse("articles:section-feed", args=[slug]))
        assert copyable(page, reverse("articles:section-feed-atom", args=[slug]))


def test_the_page_gives_the_feeds_of_tags_on_live_public_stories_only(client, newsroom):
    page = client.get(PAGE).content.decode()

    for slug in ("music", "sport"):
        assert copyable(page, reverse("articles:tag-feed", args=[slug]))
        assert copyable(page, reverse("articles:tag-feed-atom", args=[slug]))
    for marker in ("mbrtag-8f1a", "drafttag-9b2c", "futuretag-1d3e"):
        assert marker not in page


def test_the_page_lists_only_the_most_used_tags(client, story_factory, monkeypatch):
    monkeypatch.setattr(feeds, "LISTED_TAGS", 2)
    for tags in (["common", "middling", "rare"], ["common", "middling"], ["common"]):
        story_factory(tags=tags)

    page = client.get(PAGE).content.decode()

    assert copyable(page, reverse("articles:tag-feed", args=["common"]))
    assert copyable(page, reverse("articles:tag-feed", args=["middling"]))
    assert reverse("articles:tag-feed", args=["rare"]) not in page


def test_the_page_asks_a_fixed_number_of_queries_however_many_tags(client, story_factory):
    def queries() -> int:
        client.get(PAGE)  # the site's page links are cached after the first render
        with CaptureQueriesContext(connection) as captured:
            client.get(PAGE)
        return len(captured)

    story_factory(tags=["one"])
    few = queries()
    for n in range(12):
        story_factory(tags=[f"topic-{n}", "one"])

    assert queries() == few


def test_the_page_is_public_and_purged_with_the_news(client, newsroom):
    response = client.get(PAGE)

    assert "public" in response["Cache-Control"]
    assert "news" in response["xkey"].split()


def test_every_pages_footer_links_to_the_feeds_page(client, newsroom):
    page = client.get(reverse("articles:home")).content.decode()

    footer = page[page.index('<footer class="site-footer">') :]
    assert f'<a href="{PAGE}">RSS and Atom feeds</a>' in footer


def test_feeds_is_not_a_story_address(section):
    story = Story(title="Feeds", slug="feeds", standfirst="x", section=section)

    with pytest.raises(ValidationError) as error:
        story.full_clean()

    assert "is the address of the page listing the news feeds" in str(
        error.value.message_dict["slug"]
    )


def test_the_feeds_page_answers_before_the_story_route(client, story_factory):
    story_factory(slug="feeds", title="Story at feeds STORY-5d5d")  # made before the rule

    response = client.get(PAGE)

    assert resolve(PAGE).view_name == "articles:feeds"
    assert "STORY-5d5d" not in response.content.decode()


@pytest.mark.parametrize("feed", FEEDS)
def test_every_feed_names_the_stylesheet_first(client, newsroom, feed):
    body = client.get(every_feed(newsroom["public"])[feed]).content

    assert (match := PI.match(body)), body[:200]
    assert match.group(1).decode() == static(feeds.STYLESHEET)


@pytest.mark.parametrize("feed", FEEDS)
def test_every_feed_still_parses_with_feedparser(client, newsroom, feed):
    parsed = feedparser.parse(client.get(every_feed(newsroom["public"])[feed]).content)

    assert not parsed.bozo, parsed.bozo_exception
    assert [entry.title for entry in parsed.entries] == ["Public story PUB-2c4e"]


@pytest.mark.parametrize("feed", FEEDS)
def test_every_feed_is_served_as_xml_so_browsers_apply_the_stylesheet(client, newsroom, feed):
    response = client.get(every_feed(newsroom["public"])[feed])

    assert response["Content-Type"] == "application/xml; charset=utf-8"


def test_the_stylesheet_is_served_as_xsl_and_points_to_the_feeds_page(settings):
    stylesheet = finders.find(feeds.STYLESHEET)

    with open(stylesheet, encoding="utf-8") as file:
        assert f'<xsl:variable name="feeds-page">{PAGE}</xsl:variable>' in file.read()
    media_types = MediaTypes(extra_types=settings.WHITENOISE_MIMETYPES)
    assert media_types.get_type(stylesheet) == "text/xsl"
