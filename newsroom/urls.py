from django.conf import settings
from django.contrib import admin
from django.http import Http404
from django.templatetags.static import static
from django.urls import include, path, re_path
from django.utils.functional import lazy
from django.views import defaults
from django.views.generic import RedirectView
from django.views.static import serve

from articles.sitemaps import SITEMAPS
from members.forms import StaffLoginForm
from pages.sitemaps import PageSitemap

admin.site.site_header = f"{settings.SITE_NAME} newsroom"
admin.site.site_title = "Newsroom admin"
admin.site.index_title = "Publish and manage"
# The admin's left menu squeezes the story and request lists; the breadcrumbs
# and the index page are enough to move around.
admin.site.enable_nav_sidebar = False
admin.site.login_form = StaffLoginForm
# The site's sitemap (served by articles) lists the public pages too.
SITEMAPS["site-pages"] = PageSitemap

urlpatterns = [
    path("favicon.ico", RedirectView.as_view(url=lazy(static, str)("img/logo.svg"))),
    path("admin/", admin.site.urls),
    path("", include("members.urls")),
    path("", include("library.urls")),
    # Before articles: "news/weekly-update/" is not a story's address.
    path("", include("newsletter.urls")),
    path("", include("articles.urls")),
]

if settings.SERVE_MEDIA:
    media_prefix = settings.MEDIA_URL.strip("/")
    urlpatterns.append(
        re_path(
            rf"^{media_prefix}/(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    )

if settings.DEBUG:
    # Under `make run` a wrong address shows Django's debug page: these show the
    # designed ones, as readers see them in production.
    urlpatterns += [
        path("404/", lambda request: defaults.page_not_found(request, Http404())),
        path("500/", defaults.server_error),
    ]

# Last: a page's address, /<slug>/, never hides another route (pages.addresses).
urlpatterns.append(path("", include("pages.urls")))
