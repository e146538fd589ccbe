from django.contrib.sitemaps import views as sitemap_views
from django.core.paginator import InvalidPage, Paginator
from django.db.models import Exists, OuterRef, prefetch_related_objects
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.views.generic import ListView
from taggit.models import Tag

from articles import counts, feeds, previews
from articles.cachekeys import NEWS, section_key, story_key, tag_key
from articles.metadata import story_json_ld
from articles.models import Download, GalleryPhoto, RelatedPick, Section, Story, visibilities_for
from articles.pagination import ArchivePaginator
from articles.related import similar_news
from articles.search import CANDIDATES as SEARCH_CANDIDATES
from articles.search import (
    FEW_RESULTS,
    MAX_QUERY_LENGTH,
    QueryTooLong,
    clean_query,
    snippet,
    suggest,
)
from articles.search import search as search_stories
from httpcache import pages

STORIES_PER_PAGE = 12
FRONT_PAGE_LATEST = 6


class StoryListView(ListView):
    """`/news/`: every story the viewer may see, newest first, 12 cards a page."""

    paginate_by = STORIES_PER_PAGE
    template_name = "articles/story_list.html"
    context_object_name = "stories"

    def get_queryset(self):
        return self.narrow(Story.objects.visible_to(self.request.user).cards())

    def narrow(self, stories):
        """This list's stories among ``stories``."""
        return stories

    def get_paginator(self, queryset, per_page, **kwargs):
        visibilities = visibilities_for(self.request.user)
        return ArchivePaginator(
            queryset,
            per_page,
            count=lambda: counts.live_count(self.list_key(), visibilities, self.narrow),
            **kwargs,
        )

    def list_key(self) -> str:
        """The list's name: its kept count's and its cache key."""
        return NEWS

    def get_heading(self):
        return "Latest news"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(heading=self.get_heading(), **kwargs)
        shows_news(self.request, context["stories"], self.list_key())
        return context


class TagStoryListView(StoryListView):
    """`/news/tag/<slug>/`: the stories carrying one tag."""

    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return super().get_queryset()

    def narrow(self, stories):
        return stories.filter(tags=self.tag)

    def list_key(self) -> str:
        return tag_key(self.tag.pk)

    def get_heading(self):
        return f"Stories tagged “{self.tag.name}”"

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


class SectionStoryListView(StoryListView):
    """`/news/section/<slug>/`: the stories of one section."""

    def get_queryset(self):
        self.section = get_object_or_404(Section, slug=self.kwargs["slug"])
        return super().get_queryset()

    def narrow(self, stories):
        return stories.filter(section=self.section)

    def list_key(self) -> str:
        return section_key(self.section.pk)

    def get_heading(self):
        return self.section.name

    def get_context_data(self, **kwargs):
        return super().get_context_data(section=self.section, **kwargs)


def shows_news(request, stories, *keys: str) -> None:
    """Tell the HTTP cache this page shows ``stories`` and the lists ``keys``, and
    changes by itself when the next scheduled story goes live."""
    pages.tag(request, *keys, *(story_key(story.pk) for story in stories))
    pages.changes_at(request, Story.objects.next_go_live())


def home(request):
    """The front page: the latest featured story leads, the latest news follows."""
    visible = Story.objects.visible_to(request.user).cards()
    lead = visible.filter(featured=True).first() or visible.first()
    latest = list((visible.exclude(pk=lead.pk) if lead else visible)[:FRONT_PAGE_LATEST])
    shows_news(request, [lead, *latest] if lead else latest, NEWS)
    return render(request, "articles/home.html", {"lead": lead, "stories": latest})


def feed_list(request):
    """`/news/feeds/`: what a feed is, and the addresses of the latest news's, every
    section's and the most used tags' feeds, to copy into a feed reader."""
    # Tags listed change with any story (NEWS) or when one goes live; section
    # and tag names purge every page when they change.
    pages.tag(request, NEWS)
    pages.changes_at(request, Story.objects.next_go_live())
    return render(
        request,
        "articles/feed_list.html",
        {
            "latest": feeds.latest_addresses(request),
            "sections": [feeds.section_addresses(request, s) for s in Section.objects.all()],
            "tags": [feeds.tag_addresses(request, tag) for tag in feeds.listed_tags()],
        },
    )


def story_detail(request, slug):
    """A live story; for a non-member, a member-only story shows only its teaser."""
    stories = Story.objects.live().select_related("section", "hero")
    picks = RelatedPick.objects.filter(story=OuterRef("pk"))
    gallery = GalleryPhoto.objects.filter(story=OuterRef("pk"))
    downloads = Download.objects.filter(story=OuterRef("pk"))
    story = get_object_or_404(
        stories.annotate(
            has_picks=Exists(picks), has_gallery=Exists(gallery), has_downloads=Exists(downloads)
        ),
        slug=slug,
    )
    if not story.is_readable_by(request.user):
        shows_news(request, [story])
        response = render(
            request,
            "articles/story_teaser.html",
            {"story": story, "json_ld": story_json_ld(story, request, teaser=True)},
        )
        response["X-Robots-Tag"] = "noindex"
        return response
    prefetch_related_objects([story], "tags")
    similar = similar_news(story, request.user)
    shows_news(request, [story, *(suggestion.story for suggestion in similar)])
    response = render(
        request,
        "articles/story_detail.html",
        {"story": story, "similar": similar, "json_ld": story_json_ld(story, request)},
    )
    if story.is_members_only:
        patch_cache_control(response, private=True, no_store=True)
    return response


def preview(request, token):
    """A shared preview of a draft or scheduled story, for anyone holding the link."""
    link = previews.find(token)
    if link is None:
        response = render(request, "articles/preview_gone.html", status=410)
    elif link.story.is_live:
        return redirect(link.story)
    else:
        prefetch_related_objects([link.story], "tags")
        response = render(
            request,
            "articles/story_detail.html",
            {"story": link.story, "preview": True, "preview_link": link},
        )
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    response["X-Robots-Tag"] = "noindex"
    return response


SEARCH_RESULTS_PER_PAGE = 10


def search(request):
    """`/search/?q=`: stories the viewer may see, most relevant first, with snippets;
    "Did you mean" a respelt query when few are found."""
    raw = request.GET.get("q", "")
    context = {"query": "", "error": None, "page_obj": None}
    try:
        query = clean_query(raw)
    except QueryTooLong as error:
        context.update(query=raw[:MAX_QUERY_LENGTH], error=str(error))
        return render(request, "articles/search.html", context, status=400)
    context["query"] = query
    if query:
        results = (
            search_stories(Story.objects.visible_to(request.user), query)
            .select_related("section", "hero")
            .defer("search_vector")
        )
        paginator = Paginator(results, SEARCH_RESULTS_PER_PAGE)
        try:
            page = paginator.page(request.GET.get("page") or 1)
        except InvalidPage as error:
            raise Http404("No such page of results.") from error
        for story in page.object_list:
            story.snippet = snippet(story.body or story.standfirst, query)
        shows_news(request, page.object_list, NEWS)
        if paginator.count <= FEW_RESULTS:  # the page holds every result
            context["suggestion"] = suggest(query, request.user, found=page.object_list)
        context.update(
            page_obj=page,
            paginator=paginator,
            is_paginated=paginator.num_pages > 1,
            capped=paginator.count >= SEARCH_CANDIDATES,
        )
    response = render(request, "articles/search.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response


def robots_txt(request):
    """Keep crawlers out of the admin, the member area and search results."""
    sitemap = request.build_absolute_uri(reverse("articles:sitemap"))
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /members/",
        "Disallow: /search/",
        f"Sitemap: {sitemap}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def _listing_the_news(view):
    """``view``, its page leaving the HTTP cache with the news (the sitemap lists stories)."""

    def listing(request, **kwargs):
        response = view(request, **kwargs)
        shows_news(request, [], NEWS)
        return response

    return listing


sitemap_index = _listing_the_news(sitemap_views.index)
sitemap = _listing_the_news(sitemap_views.sitemap)
