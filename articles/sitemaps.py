"""The sitemap: public live stories, sections, tags and the fixed pages, with lastmod."""

from django.contrib.auth.models import AnonymousUser
from django.contrib.sitemaps import Sitemap
from django.db.models import OuterRef, Subquery
from django.urls import reverse
from taggit.models import Tag

from articles.models import Section, Story


def public_stories():
    return Story.objects.visible_to(AnonymousUser())


def latest_change(**filters) -> Subquery:
    """When the newest public story matching ``filters`` last changed."""
    return Subquery(
        public_stories().filter(**filters).order_by("-updated_at").values("updated_at")[:1]
    )


class StorySitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return public_stories().only("slug", "updated_at").order_by("-published_at", "-id")

    def lastmod(self, story):
        return story.updated_at


class SectionSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.6

    def items(self):
        return Section.objects.annotate(lastmod=latest_change(section=OuterRef("pk")))

    def lastmod(self, section):
        return section.lastmod


class TagSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.4

    def items(self):
        return (
            Tag.objects.annotate(lastmod=latest_change(tags=OuterRef("pk")))
            .filter(lastmod__isnull=False)
            .order_by("name")
        )

    def location(self, tag):
        return reverse("articles:tag-detail", args=[tag.slug])

    def lastmod(self, tag):
        return tag.lastmod


class PageSitemap(Sitemap):
    changefreq = "daily"
    priority = 1.0

    def items(self):
        return ["articles:home", "articles:story-list", "members:school-list"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "stories": StorySitemap,
    "sections": SectionSitemap,
    "tags": TagSitemap,
    "pages": PageSitemap,
}
