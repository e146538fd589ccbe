"""The sitemap's section for pages: public live pages only, with lastmod.

``newsroom.urls`` adds it to the site's sitemap (served by ``articles``).
"""

from django.contrib.auth.models import AnonymousUser
from django.contrib.sitemaps import Sitemap

from pages.models import Page


class PageSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return Page.objects.visible_to(AnonymousUser()).only("slug", "updated_at")

    def lastmod(self, page):
        return page.updated_at
