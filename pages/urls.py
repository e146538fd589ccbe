from django.urls import path

from pages import views

app_name = "pages"

# Included last by newsroom/urls.py: every other route comes first, and a page
# may not take an address another route answers (pages.addresses).
urlpatterns = [
    path("<slug:slug>/", views.page_detail, name="page-detail"),
]
