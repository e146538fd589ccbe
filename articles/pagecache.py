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
- Hits are answered by ``PageCacheApplication``, a WSGI layer in front of
  Django (see ``newsroom.wsgi``), so a cached page costs one cache round trip
  and none of Django's request handling. The middleware stores pages, and
  answers hits itself where Django is called without that layer (the test
  client). Both find a page by the same key, from the same request fields.
"""

from __future__ import annotations

import hashlib
import time
from collections import OrderedDict
from contextvars import ContextVar
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache, caches
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers, set_response_etag
from django.utils.http import parse_etags

GENERATION_KEY = "pages:generation"
UNCACHED_PREFIXES = ("/admin/", "/members/", "/static/", "/media/")
BROWSER_MAX_AGE = 60
GENERATION_DATA_SECONDS = 24 * 3600
# Fragments are kept for as long as their generation is current, up to this.
FRAGMENT_SECONDS = 300


# Values that hold for as long as a generation does (the next go-live, the
# section navigation) are stored with the generation they belong to, under
# fixed keys, so they come back in the same round trip as the generation.
GENERATION_BOUND = ("next-go-live", "nav-sections")


class _State:
    """The generation and the values bound to it, as read for one request."""

    def __init__(self, current: int, values: dict | None = None):
        self.current = current
        self.values = values  # None: not read yet


# Within a request the state is read once (the middleware opens a slot for
# it; an invalidation empties it); outside one, every call reads the cache.
_OUTSIDE_REQUEST = object()
_request_state: ContextVar = ContextVar("page_state", default=_OUTSIDE_REQUEST)


def _bound_key(name: str) -> str:
    return f"pages:bound:{name}"


def _bound_values(found: dict, current: int) -> dict:
    values = {}
    for name in GENERATION_BOUND:
        stored = found.get(_bound_key(name))
        if stored is not None and stored[0] == current:
            values[name] = stored[1]
    return values


def _state() -> _State:
    state = _request_state.get()
    if isinstance(state, _State):
        if state.values is None:
            found = cache.get_many([_bound_key(name) for name in GENERATION_BOUND])
            state.values = _bound_values(found, state.current)
        return state
    found = cache.get_many([GENERATION_KEY, *(_bound_key(name) for name in GENERATION_BOUND)])
    current = found.get(GENERATION_KEY)
    if current is None:
        # A lost generation (Redis restarted, or the key evicted) restarts from
        # the clock, above any number used before, so entries from an earlier
        # life of the cache can never pass for current ones.
        cache.add(GENERATION_KEY, time.time_ns() // 1000, None)
        current = cache.get(GENERATION_KEY) or time.time_ns() // 1000
    state = _State(current, _bound_values(found, current))
    if _request_state.get() is not _OUTSIDE_REQUEST:
        _request_state.set(state)
    return state


def generation() -> int:
    """The current generation: every change to what pages show moves it on."""
    return _state().current


def bound_to_generation(name: str, compute):
    """The value ``name`` for the current generation, computed if not kept yet."""
    state = _state()
    if name not in state.values:
        state.values[name] = compute()
        cache.set(_bound_key(name), (state.current, state.values[name]), GENERATION_DATA_SECONDS)
    return state.values[name]


def invalidate() -> None:
    """Make every cached page stale: something a page shows has changed.

    With Redis, the new generation is also announced to every process
    (``newsroom.cache.CounterWatcher``), whose front then stops serving its
    copies of older pages.
    """
    if _request_state.get() is not _OUTSIDE_REQUEST:
        _request_state.set(None)
    restart = time.time_ns() // 1000
    if hasattr(cache, "advance_and_publish"):
        _watcher().saw(cache.advance_and_publish(GENERATION_KEY, restart))
        return
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, restart, None)


_watchers = {}


def _watcher():
    """This process's watcher of the generation, for the cache in use."""
    backend = caches["default"]
    if id(backend) not in _watchers:
        _watchers[id(backend)] = backend.watch(GENERATION_KEY)
    return _watchers[id(backend)]


def _next_go_live() -> float:
    from articles.models import Story

    first = Story.objects.scheduled().order_by("published_at")
    at = first.values_list("published_at", flat=True).first()
    # A moment in time, true for as long as this generation lasts.
    return at.timestamp() if at else 0


def seconds_until_next_go_live() -> int | None:
    """Seconds until the next scheduled story goes live, if one is scheduled."""
    next_at = bound_to_generation("next-go-live", _next_go_live)
    if not next_at:
        return None
    return max(int(next_at - timezone.now().timestamp()), 0)


def fragment_seconds() -> int:
    """How long a fragment cached under the current generation may be kept:
    the page cache's time, but never past the next scheduled story's time."""
    timeout = FRAGMENT_SECONDS
    if (until_go_live := seconds_until_next_go_live()) is not None:
        timeout = min(timeout, until_go_live)
    return timeout


class StoredPage(NamedTuple):
    generation: int
    status: int
    headers: list[tuple[str, str]]
    content: bytes


# What a 304 keeps of the page's headers (RFC 9110, section 15.4.5).
NOT_MODIFIED_HEADERS = {"cache-control", "content-location", "etag", "expires", "vary"}


def _is_personal(meta) -> bool:
    # A false positive (another cookie whose name contains this one) only
    # means the request goes to Django, which looks at cookies properly.
    return settings.SESSION_COOKIE_NAME in meta.get("HTTP_COOKIE", "")


def _is_cacheable_request(meta) -> bool:
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and meta.get("REQUEST_METHOD") in ("GET", "HEAD")
        and not _is_personal(meta)
        and not meta.get("PATH_INFO", "").startswith(UNCACHED_PREFIXES)
    )


def _scheme(meta) -> str:
    """The scheme as ``HttpRequest.scheme`` decides it, behind a proxy too."""
    if settings.SECURE_PROXY_SSL_HEADER:
        header, secure_value = settings.SECURE_PROXY_SSL_HEADER
        if header in meta:
            return "https" if meta[header].split(",")[0].strip() == secure_value else "http"
    return meta.get("wsgi.url_scheme", "http")


def _host(meta, scheme: str) -> str:
    """The host as ``HttpRequest.get_host`` reads it (validated before storing)."""
    if settings.USE_X_FORWARDED_HOST and "HTTP_X_FORWARDED_HOST" in meta:
        return meta["HTTP_X_FORWARDED_HOST"]
    if "HTTP_HOST" in meta:
        return meta["HTTP_HOST"]
    host, port = meta.get("SERVER_NAME", ""), str(meta.get("SERVER_PORT", ""))
    return host if port == ("443" if scheme == "https" else "80") else f"{host}:{port}"


def page_key(meta) -> str:
    """The page's cache key, from the raw request."""
    scheme = _scheme(meta)
    address = "{}://{}{}{}?{}".format(
        scheme,
        _host(meta, scheme),
        meta.get("SCRIPT_NAME", ""),
        meta.get("PATH_INFO", ""),
        meta.get("QUERY_STRING", ""),
    )
    return "pages:page:" + hashlib.sha256(address.encode("latin-1", "replace")).hexdigest()


def lookup(meta, *, bound=True) -> tuple[str | None, _State | None, StoredPage | None]:
    """The page's key, the current state and the stored page if it is current.

    One round trip: the page, the current generation and, if ``bound``, the
    values bound to it, which rendering the page on a miss needs. A page
    stored under an older generation is stale and ignored.
    """
    if not _is_cacheable_request(meta):
        return None, None, None
    key = page_key(meta)
    names = GENERATION_BOUND if bound else ()
    found = cache.get_many([GENERATION_KEY, key, *(_bound_key(name) for name in names)])
    if (current := found.get(GENERATION_KEY)) is None:
        state = _state()
    else:
        state = _State(current, _bound_values(found, current) if bound else None)
    stored = found.get(key)
    if stored is not None and stored[0] == state.current:
        return key, state, StoredPage(*stored)
    return key, state, None


def _is_not_modified(meta, page: StoredPage) -> bool:
    condition = meta.get("HTTP_IF_NONE_MATCH")
    if not condition:
        return False
    etag = next((value for name, value in page.headers if name.lower() == "etag"), None)
    return etag is not None and (
        condition.strip() == "*"
        or etag.removeprefix("W/") in {tag.removeprefix("W/") for tag in parse_etags(condition)}
    )


def cached_reply(meta, page: StoredPage) -> tuple[int, list[tuple[str, str]], bytes]:
    """Status, headers and body for a hit: 304 if the reader has it, no body for HEAD."""
    headers = [*page.headers, ("X-Page-Cache", "hit")]
    if _is_not_modified(meta, page):
        kept = [(name, value) for name, value in headers if name.lower() in NOT_MODIFIED_HEADERS]
        return 304, kept, b""
    content = b"" if meta.get("REQUEST_METHOD") == "HEAD" else page.content
    return page.status, headers, content


def _is_cacheable_response(response) -> bool:
    control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not any(word in control for word in ("private", "no-cache", "no-store"))
    )


class PageCacheApplication:
    """WSGI layer answering cached anonymous pages before Django is called.

    With Redis, each process keeps copies of the pages it has served lately
    and a copy of the generation that Redis keeps current
    (``newsroom.cache.CounterWatcher``): a hit then needs no round trip at
    all. Until the watcher is listening, and whenever it cannot, every hit
    asks Redis for the page and the generation together.
    """

    LOCAL_PAGES = 500

    def __init__(self, application):
        self.application = application
        self.local: OrderedDict[str, StoredPage] = OrderedDict()

    def __call__(self, environ, start_response):
        page = self._find(environ)
        if page is None:
            return self.application(environ, start_response)
        status, headers, content = cached_reply(environ, page)
        if status == 200 and not any(name.lower() == "content-length" for name, _ in headers):
            headers.append(("Content-Length", str(len(page.content))))
        reason = "Not Modified" if status == 304 else "OK"
        start_response(f"{status} {reason}", headers)
        return [content]

    def _find(self, environ) -> StoredPage | None:
        watched = hasattr(cache, "watch") and _watcher().value
        if not watched or not _is_cacheable_request(environ):
            return lookup(environ, bound=False)[2]
        key = page_key(environ)
        page = self.local.get(key)
        if page is not None and page.generation == watched:
            self.local.move_to_end(key)
            return page
        stored = cache.get(key)
        if stored is None or stored[0] != watched:
            return None
        page = self.local[key] = StoredPage(*stored)
        if len(self.local) > self.LOCAL_PAGES:
            self.local.popitem(last=False)
        return page


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_state.set(None)
        try:
            return self._respond(request)
        finally:
            _request_state.reset(token)

    def _respond(self, request):
        key, state, page = lookup(request.META)
        if state is not None:
            _request_state.set(state)
        if key is None:
            response = self.get_response(request)
            if _is_personal(request.META):
                patch_cache_control(response, private=True)
                patch_vary_headers(response, ["Cookie"])
            return response

        if page is not None:
            status, headers, content = cached_reply(request.META, page)
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response.headers[name] = value
            return response

        request.get_host()  # refuses a Host that is not allowed before anything is stored
        response = self.get_response(request)
        if _is_cacheable_response(response):
            timeout = settings.PAGE_CACHE_SECONDS
            until_go_live = seconds_until_next_go_live()
            if until_go_live is not None:
                timeout = min(timeout, until_go_live)
            patch_vary_headers(response, ["Cookie"])
            patch_cache_control(
                response, public=True, max_age=min(BROWSER_MAX_AGE, timeout), s_maxage=timeout
            )
            if timeout > 0:
                set_response_etag(response)
                stored = StoredPage(
                    state.current, response.status_code, list(response.items()), response.content
                )
                cache.set(key, tuple(stored), timeout)
            response.headers["X-Page-Cache"] = "miss"
        return response
