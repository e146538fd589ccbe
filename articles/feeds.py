"""RSS 2.0 and Atom feeds of the latest public stories: site-wide, per tag, per section.

Feeds are for everyone, so they always ask ``visible_to`` about an anonymous
reader: a member's feed reader gets exactly what the public gets. Each item
carries its hero image as a Media RSS element whose description is the
image's alt text.
"""

import mimetypes

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from taggit.models import Tag

from articles.cachekeys import NEWS, section_key, story_key, tag_key
from articles.models import Section, Story
from httpcache import pages

FEED_LENGTH = 20
MEDIA_NS = "http://search.yahoo.com/mrss/"


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


class MediaRssFeed(Rss201rev2Feed):
    def rss_attributes(self):
        return super().rss_attributes() | {"xmlns:media": MEDIA_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("image"):
            _media_content(handler, item["image"])


class MediaAtomFeed(Atom1Feed):
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

    def item_pubdate(self, story):
        return story.published_at

    def item_updateddate(self, story):
        return story.modified_at

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
