"""Whole-page caching for anonymous readers, correct the moment anything changes.

- Only anonymous GETs are cached: a request carrying a session cookie (anyone
  logged in) is never answered from the cache nor stored in it, and its
  response says ``Cache-Control: private``.
- A page is stored only if it sets no cookie and does not forbid caching
  (forms with CSRF tokens set a cookie, so they are never stored).
- Entries carry a generation number that every change to stories, tags,
  sections, editor's picks or schools increments (see ``articles.signals``);
  an entry from an older generation is ignored, so an edit shows at once on
  every app server sharing the cache. Page and generation come back in one
  round trip.
- Nothing runs when a scheduled story's time comes, so no entry outlives the
  next scheduled publication: its timeout stops there.
- Misses, and Redis being away, fall through to rendering the page.
"""

from __future__ import annotations

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers

GENERATION_KEY = "pages:generation"
UNCACHED_PREFIXES = ("/admin/", "/members/", "/static/", "/media/")
BROWSER_MAX_AGE = 60
GENERATION_DATA_SECONDS = 24 * 3600


def generation() -> int:
    """The current generation. A lost one (Redis restarted, or the key evicted)
    restarts from the clock, above any number used before, so entries from
    an earlier life of the cache can never pass for current ones."""
    current = cache.get(GENERATION_KEY)
    if current is None:
        cache.add(GENERATION_KEY, time.time_ns() // 1000, None)
        current = cache.get(GENERATION_KEY) or time.time_ns() // 1000
    return current


def invalidate() -> None:
    """Make every cached page stale: something a page shows has changed."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, time.time_ns() // 1000, None)


def seconds_until_next_go_live(current: int) -> int | None:
    """Seconds until the next scheduled story goes live (cached per generation)."""
    key = f"pages:next-go-live:{current}"
    next_at = cache.get(key)
    if next_at is None:
        from articles.models import Story

        first = Story.objects.scheduled().order_by("published_at")
        at = first.values_list("published_at", flat=True).first()
        next_at = at.timestamp() if at else 0
        # A moment in time, true for as long as this generation lasts.
        cache.set(key, next_at, GENERATION_DATA_SECONDS)
    if not next_at:
        return None
    return max(int(next_at - timezone.now().timestamp()), 0)


def _is_personal(request) -> bool:
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def _is_cacheable_request(request) -> bool:
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not _is_personal(request)
        and not request.path.startswith(UNCACHED_PREFIXES)
    )


def _is_cacheable_response(response) -> bool:
    control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not any(word in control for word in ("private", "no-cache", "no-store"))
    )


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _is_cacheable_request(request):
            response = self.get_response(request)
            if _is_personal(request):
                patch_cache_control(response, private=True)
                patch_vary_headers(response, ["Cookie"])
            return response

        # One round trip: the page and the current generation together. A page
        # stored under an older generation is stale and ignored.
        key = "pages:page:" + hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
        found = cache.get_many([GENERATION_KEY, key])
        current = found.get(GENERATION_KEY) or generation()
        stored = found.get(key)
        if stored is not None and stored[0] == current:
            _, status, headers, content = stored
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response.headers[name] = value
            response.headers["X-Page-Cache"] = "hit"
            return response

        response = self.get_response(request)
        if _is_cacheable_response(response):
            timeout = settings.PAGE_CACHE_SECONDS
            until_go_live = seconds_until_next_go_live(current)
            if until_go_live is not None:
                timeout = min(timeout, until_go_live)
            patch_vary_headers(response, ["Cookie"])
            patch_cache_control(
                response, public=True, max_age=min(BROWSER_MAX_AGE, timeout), s_maxage=timeout
            )
            if timeout > 0:
                stored = (current, response.status_code, list(response.items()), response.content)
                cache.set(key, stored, timeout)
            response.headers["X-Page-Cache"] = "miss"
        return response
