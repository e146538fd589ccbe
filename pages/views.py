from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_cache_control

from httpcache import pages as http_cache
from pages.cachekeys import page_key
from pages.models import Page


def page_detail(request, slug):
    """A live page (a draft for staff only); a member-only page shows a
    non-member only its title, summary and a log-in prompt."""
    page = get_object_or_404(Page.objects.reachable_by(request.user), slug=slug)
    http_cache.tag(request, page_key(page.pk))
    if not page.is_readable_by(request.user):
        response = render(request, "pages/page_teaser.html", {"page": page})
        response["X-Robots-Tag"] = "noindex"
        return response
    response = render(request, "pages/page_detail.html", {"page": page})
    if page.is_members_only or not page.is_live:
        patch_cache_control(response, private=True, no_store=True)
    if not page.is_live:
        response["X-Robots-Tag"] = "noindex"
    return response
