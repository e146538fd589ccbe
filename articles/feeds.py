"""RSS 2.0 and Atom feeds of the latest public stories: site-wide, per tag, per section.

Feeds are for everyone, so they always ask ``visible_to`` about an anonymous
reader: a member's feed reader gets exactly what the public gets. Each item
carries its hero image as a Media RSS element whose description is the
image's alt text.

Every feed names ``static/feeds/feed.xsl`` in an ``xml-stylesheet``
processing instruction: a browser opening a feed shows a page (the feed's
title, a line on what a feed is with a link to /news/feeds/, the stories);
feed readers ignore the instruction. The stylesheet is a static file on the
site's own origin (STATIC_URL is a path), as browsers insist, and the page
it makes loads only the site's stylesheet and logo from there, which the
site's Content-Security-Policy allows. Browsers have deprecated XSLT: once
one drops it, that browser shows the XML again, and /news/feeds/ (linked
from every page's footer) remains the page that explains the feeds.
"""

import mimetypes
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.db.models import Exists, IntegerField, OuterRef
from django.db.models.functions import Cast, Substr
from django.shortcuts import get_object_or_404
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import (
    Atom1Feed,
    Rss201rev2Feed,
    RssFeed,
    SimplerXMLGenerator,
    Stylesheet,
)
from taggit.models import Tag

from articles.cachekeys import NEWS, TAG_PREFIX, section_key, story_key, tag_key
from articles.models import ListCount, Section, Story, Visibility, slug_url
from httpcache import pages

FEED_LENGTH = 20
MEDIA_NS = "http://search.yahoo.com/mrss/"
STYLESHEET = "feeds/feed.xsl"
# /news/feeds/ lists this many tags' feeds, the most used first.
LISTED_TAGS = 30


def _media_content(handler, image):
    handler.startElement(
        "media:content",
        {
            "url": image["url"],
            "medium": "image",
            "type": image["type"],
            "width": str(image["width"]),
            "height": str(image["height"]),
        },
    )
    if image["alt"]:
        handler.addQuickElement("media:description", image["alt"], {"type": "plain"})
    handler.endElement("media:content")


# Chromium shows application/rss+xml and application/atom+xml as plain text
# and Firefox downloads them; as XML, both apply the feed's XSL stylesheet.
# Feed readers go by the content, not the type: the link rel="alternate" in
# every page's head still names each feed's format.
FEED_CONTENT_TYPE = "application/xml; charset=utf-8"


class MediaRssFeed(Rss201rev2Feed):
    content_type = FEED_CONTENT_TYPE

    def rss_attributes(self):
        return super().rss_attributes() | {"xmlns:media": MEDIA_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("image"):
            _media_content(handler, item["image"])


class MediaAtomFeed(Atom1Feed):
    content_type = FEED_CONTENT_TYPE
    # Django's RssFeed writes the feed's stylesheets; its Atom1Feed leaves them out.
    add_stylesheets = RssFeed.add_stylesheets

    def write(self, outfile, encoding):
        handler = SimplerXMLGenerator(outfile, encoding, short_empty_elements=True)
        handler.startDocument()
        self.add_stylesheets(handler)  # before the root element, as RssFeed.write() does
        handler.startElement("feed", self.root_attributes())
        self.add_root_elements(handler)
        self.write_items(handler)
        handler.endElement("feed")

    def root_attributes(self):
        return super().root_attributes() | {"xmlns:media": MEDIA_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if image := item.get("image"):
            handler.addQuickElement(
                "link", "", {"rel": "enclosure", "href": image["url"], "type": image["type"]}
            )
            _media_content(handler, image)


class LatestStoriesFeed(Feed):
    feed_type = MediaRssFeed
    description_template = None

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        pages.tag(request, self.cache_key(obj), *(story_key(item["story"]) for item in feed.items))
        pages.changes_at(request, Story.objects.next_go_live())
        # Image addresses must be absolute; only the request knows the host.
        for item in feed.items:
            if image := item.get("image"):
                image["url"] = request.build_absolute_uri(image["url"])
        return feed

    def title(self, obj=None):
        return f"{settings.SITE_NAME}: latest news"

    def description(self, obj=None):
        return f"The latest news from the {settings.SITE_NAME}."

    def link(self, obj=None):
        return reverse("articles:story-list")

    def cache_key(self, obj) -> str:
        return NEWS

    def stylesheets(self, obj=None):
        return [Stylesheet(static(STYLESHEET), mimetype="text/xsl")]

    def stories(self, obj):
        return Story.objects.visible_to(AnonymousUser())

    def items(self, obj=None):
        return (
            self.stories(obj)
            .select_related("section", "hero")
            .prefetch_related("tags")
            .defer("body", "search_vector")[:FEED_LENGTH]
        )

    def item_title(self, story):
        return story.title

    def item_description(self, story):
        return story.standfirst

    # In the site's time zone, so a story's date in a feed is the date on its page.
    def item_pubdate(self, story):
        return timezone.localtime(story.published_at)

    def item_updateddate(self, story):
        return timezone.localtime(story.modified_at)

    def item_author_name(self, story):
        return story.byline or None

    def item_categories(self, story):
        return [story.section.name, *sorted(tag.name for tag in story.tags.all())]

    def item_extra_kwargs(self, story):
        # A feed reader has no session: only a public file is worth naming.
        if not (social := story.social_image) or not story.hero.stored_publicly:
            return {"story": story.pk}
        return {
            "story": story.pk,
            "image": {
                "url": social["url"],
                "type": mimetypes.guess_type(social["url"])[0] or "image/jpeg",
                "width": social["width"],
                "height": social["height"],
                "alt": story.hero_alt_text,
            },
        }


class LatestStoriesAtomFeed(LatestStoriesFeed):
    feed_type = MediaAtomFeed

    def subtitle(self, obj=None):
        return self.description(obj)


class TagFeed(LatestStoriesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Tag, slug=slug)

    def title(self, tag):
        return f"{settings.SITE_NAME}: stories tagged “{tag.name}”"

    def description(self, tag):
        return f"The latest stories tagged “{tag.name}”."

    def link(self, tag):
        return reverse("articles:tag-detail", args=[tag.slug])

    def cache_key(self, tag) -> str:
        return tag_key(tag.pk)

    def stories(self, tag):
        return super().stories(tag).filter(tags=tag)


class TagAtomFeed(TagFeed):
    feed_type = MediaAtomFeed

    def subtitle(self, tag):
        return self.description(tag)


class SectionFeed(LatestStoriesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Section, slug=slug)

    def title(self, section):
        return f"{settings.SITE_NAME}: {section.name}"

    def description(self, section):
        return section.description or f"The latest {section.name} stories."

    def link(self, section):
        return section.get_absolute_url()

    def cache_key(self, section) -> str:
        return section_key(section.pk)

    def stories(self, section):
        return super().stories(section).filter(section=section)


class SectionAtomFeed(SectionFeed):
    feed_type = MediaAtomFeed

    def subtitle(self, section):
        return self.description(section)


@dataclass(frozen=True)
class FeedAddresses:
    """One feed as /news/feeds/ lists it: its page and its RSS and Atom addresses."""

    key: str
    name: str
    page: str
    rss: str
    atom: str
    about: str = ""

    @property
    def formats(self) -> list[tuple[str, str]]:
        return [("RSS", self.rss), ("Atom", self.atom)]


def latest_addresses(request) -> FeedAddresses:
    return FeedAddresses(
        key="latest",
        name="Latest news",
        page=reverse("articles:story-list"),
        rss=request.build_absolute_uri(reverse("articles:feed")),
        atom=request.build_absolute_uri(reverse("articles:feed-atom")),
        about="Every public story, from every section.",
    )


def section_addresses(request, section: Section) -> FeedAddresses:
    return FeedAddresses(
        key=f"section-{section.slug}",
        name=section.name,
        page=section.get_absolute_url(),
        rss=request.build_absolute_uri(slug_url("articles:section-feed", section.slug)),
        atom=request.build_absolute_uri(slug_url("articles:section-feed-atom", section.slug)),
        about=section.description,
    )


def tag_addresses(request, tag: Tag) -> FeedAddresses:
    return FeedAddresses(
        key=f"tag-{tag.slug}",
        name=tag.name,
        page=slug_url("articles:tag-detail", tag.slug),
        rss=request.build_absolute_uri(slug_url("articles:tag-feed", tag.slug)),
        atom=request.build_absolute_uri(slug_url("articles:tag-feed-atom", tag.slug)),
    )


def listed_tags(limit: int | None = None):
    """The ``limit`` (``LISTED_TAGS``) tags on most public stories, by name, each with
    a live public story.

    One query. Use is read from the kept list counts (which include scheduled
    stories), never counted here; a tag is listed only once a story carrying
    it is live and public, so a scheduled or member-only story never gives
    its tags away.
    """
    live_public = Story.objects.visible_to(AnonymousUser()).filter(
        tagged_items__tag_id=OuterRef("tag_id")
    )
    most_used = (
        ListCount.objects.filter(
            key__startswith=TAG_PREFIX, visibility=Visibility.PUBLIC, published__gt=0
        )
        .annotate(tag_id=Cast(Substr("key", len(TAG_PREFIX) + 1), IntegerField()))
        .filter(Exists(live_public))
        .order_by("-published", "key")
        .values("tag_id")[: limit or LISTED_TAGS]
    )
    return Tag.objects.filter(pk__in=most_used).order_by("name")
