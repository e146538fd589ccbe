from django.urls import path

from articles import feeds, views
from articles.sitemaps import SITEMAPS

app_name = "articles"

urlpatterns = [
    path("", views.home, name="home"),
    path("news/", views.StoryListView.as_view(), name="story-list"),
    path("news/feed/", feeds.LatestStoriesFeed(), name="feed"),
    path("news/feed/atom/", feeds.LatestStoriesAtomFeed(), name="feed-atom"),
    # Before the story route, like every other /news/ address (RESERVED_SLUGS).
    path("news/feeds/", views.feed_list, name="feeds"),
    path("news/tag/<slug:slug>/feed/", feeds.TagFeed(), name="tag-feed"),
    path("news/tag/<slug:slug>/feed/atom/", feeds.TagAtomFeed(), name="tag-feed-atom"),
    path("news/section/<slug:slug>/feed/", feeds.SectionFeed(), name="section-feed"),
    path("news/section/<slug:slug>/feed/atom/", feeds.SectionAtomFeed(), name="section-feed-atom"),
    path("news/tag/<slug:slug>/", views.TagStoryListView.as_view(), name="tag-detail"),
    path(
        "news/section/<slug:slug>/",
        views.SectionStoryListView.as_view(),
        name="section-detail",
    ),
    path("news/<slug:slug>/", views.story_detail, name="story-detail"),
    path("preview/<str:token>/", views.preview, name="preview"),
    path("search/", views.search, name="search"),
    path("robots.txt", views.robots_txt, name="robots-txt"),
    path(
        "sitemap.xml",
        views.sitemap_index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "articles:sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
]
