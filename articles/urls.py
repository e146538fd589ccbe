from django.urls import path

from articles import views

app_name = "articles"

urlpatterns = [
    path("", views.home, name="home"),
    path("news/", views.StoryListView.as_view(), name="story-list"),
    path("news/tag/<slug:slug>/", views.TagStoryListView.as_view(), name="tag-detail"),
    path(
        "news/section/<slug:slug>/",
        views.SectionStoryListView.as_view(),
        name="section-detail",
    ),
    path("news/<slug:slug>/", views.story_detail, name="story-detail"),
]
