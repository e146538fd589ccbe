from django.core.cache import cache
from django.core.paginator import InvalidPage, Paginator
from django.db.models import prefetch_related_objects
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.functional import SimpleLazyObject
from django.views.generic import ListView
from taggit.models import Tag

from articles import pagecache
from articles.metadata import story_json_ld
from articles.models import Section, Story
from articles.pagination import ArchivePaginator
from articles.related import similar_news
from articles.search import CANDIDATES as SEARCH_CANDIDATES
from articles.search import MAX_QUERY_LENGTH, QueryTooLong, clean_query, snippet
from members import membership

STORIES_PER_PAGE = 12
FRONT_PAGE_LATEST = 6


class StoryListView(ListView):
    """`/news/`: every story the viewer may see, newest first, 12 cards a page."""

    paginate_by = STORIES_PER_PAGE
    template_name = "articles/story_list.html"
    context_object_name = "stories"

    def get_queryset(self):
        return Story.objects.visible_to(self.request.user).cards()

    def get_paginator(self, queryset, per_page, **kwargs):
        # The count is cached per list and per audience (what visible_to shows).
        audience = membership.audience(self.request.user)
        return ArchivePaginator(
            queryset, per_page, count_key=f"{self.list_key()}:{audience}", **kwargs
        )

    def list_key(self) -> str:
        return "news"

    def get_heading(self):
        return "Latest news"

    def get_context_data(self, **kwargs):
        return super().get_context_data(heading=self.get_heading(), **kwargs)


class TagStoryListView(StoryListView):
    """`/news/tag/<slug>/`: the stories carrying one tag."""

    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return super().get_queryset().filter(tags=self.tag)

    def list_key(self) -> str:
        return f"tag:{self.tag.pk}"

    def get_heading(self):
        return f"Stories tagged “{self.tag.name}”"

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


class SectionStoryListView(StoryListView):
    """`/news/section/<slug>/`: the stories of one section."""

    def get_queryset(self):
        self.section = get_object_or_404(Section, slug=self.kwargs["slug"])
        return super().get_queryset().filter(section=self.section)

    def list_key(self) -> str:
        return f"section:{self.section.pk}"

    def get_heading(self):
        return self.section.name

    def get_context_data(self, **kwargs):
        return super().get_context_data(section=self.section, **kwargs)


def home(request):
    """The front page: the latest featured story leads, the latest news follows."""
    visible = Story.objects.visible_to(request.user).cards()
    lead = visible.filter(featured=True).first() or visible.first()
    latest = visible.exclude(pk=lead.pk) if lead else visible
    return render(
        request,
        "articles/home.html",
        {"lead": lead, "stories": latest[:FRONT_PAGE_LATEST]},
    )


# The parts of a story page that are the same for many readers, and what each
# varies by besides the story and the generation.
STORY_FRAGMENTS = {
    "social": "articles/_story_social.html",  # the host asked for (absolute links)
    "body": "articles/_story_body.html",
    "similar": "articles/_similar_news.html",  # the reader's audience
}


def story_detail(request, slug):
    """A live story; for a non-member, a member-only story shows only its teaser.

    The story, and the parts of its page that are the same for many readers
    (its body, its social metadata, the Similar News box for the reader's
    audience), are kept in the cache under the page cache's generation, so
    they hold until the news changes and never past the next go-live. They
    come back in one round trip; only what is missing is queried and rendered.
    ``live()`` still decides what is live: a story it found stays live until
    an edit moves the generation on.
    """
    current = pagecache.generation()
    audience = membership.audience(request.user)
    keys = {
        "story": f"pages:story:{current}:{slug}",
        "social": f"pages:story-social:{current}:{slug}:{request.scheme}:{request.get_host()}",
        "body": f"pages:story-body:{current}:{slug}",
        "similar": f"pages:story-similar:{current}:{slug}:{audience}",
    }
    found = cache.get_many(keys.values())
    kept = {name: found[key] for name, key in keys.items() if key in found}
    fresh = {}

    story = kept.get("story")
    if story is None:
        story = get_object_or_404(Story.objects.live().select_related("section"), slug=slug)
        fresh["story"] = story
    if not story.is_readable_by(request.user):
        response = render(
            request,
            "articles/story_teaser.html",
            {"story": story, "json_ld": story_json_ld(story, request, teaser=True)},
        )
        response["X-Robots-Tag"] = "noindex"
    else:
        context = {
            "story": story,
            "similar": SimpleLazyObject(lambda: similar_news(story, request.user)),
            "json_ld": SimpleLazyObject(lambda: story_json_ld(story, request)),
        }
        if any(name not in kept for name in STORY_FRAGMENTS):
            prefetch_related_objects([story], "tags")  # once, for every fragment to render
        for name, template in STORY_FRAGMENTS.items():
            if name not in kept:
                fresh[name] = render_to_string(template, context, request)
        fragments = {name: kept[name] if name in kept else fresh[name] for name in STORY_FRAGMENTS}
        response = render(
            request, "articles/story_detail.html", {"story": story, "fragments": fragments}
        )
        if story.is_members_only:
            patch_cache_control(response, private=True, no_store=True)
    if fresh and (timeout := pagecache.fragment_seconds()) > 0:
        cache.set_many({keys[name]: value for name, value in fresh.items()}, timeout)
    return response


SEARCH_RESULTS_PER_PAGE = 10


def search(request):
    """`/search/?q=`: stories the viewer may see, most relevant first, with snippets."""
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
            Story.objects.visible_to(request.user)
            .search(query)
            .select_related("section")
            .defer("search_vector")
        )
        paginator = Paginator(results, SEARCH_RESULTS_PER_PAGE)
        try:
            page = paginator.page(request.GET.get("page") or 1)
        except InvalidPage as error:
            raise Http404("No such page of results.") from error
        for story in page.object_list:
            story.snippet = snippet(story.body or story.standfirst, query)
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
