"""What a response tells the HTTP cache: who may keep it, for how long, under which keys.

Views say what a page shows (``tag``) and when it will change by itself
(``changes_at``); ``HttpCacheMiddleware`` turns that into headers:

- an anonymous GET or HEAD answered 200 with no cookie set and no
  Cache-Control of its own is ``public, max-age=0, s-maxage=N``: browsers
  revalidate, a shared cache keeps it N seconds. N is ``HTTP_CACHE_SECONDS``
  at most, and never reaches past a moment the page changes by itself (the
  next scheduled story, the next membership date it shows): those moments
  are read from the database at render time, so one that has passed can
  never pin N;
- its surrogate keys go in ``xkey`` (always ``all``, plus what the view
  named), and the epoch read before the view ran in ``X-Epoch``;
- a request with a session cookie, or from a logged-in user, gets
  ``private`` and ``Vary: Cookie``: no shared cache keeps it;
- any other anonymous response (errors, redirects) says ``s-maxage=0``.
"""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers

from httpcache import purges

EVERYTHING = "all"


@dataclass
class PageState:
    keys: set[str] = field(default_factory=set)
    changes: list[datetime.datetime] = field(default_factory=list)
    epoch: int | None = None


def _state(request) -> PageState | None:
    return getattr(request, "_http_cache", None)


def tag(request, *keys: str) -> None:
    """Say that this response shows what ``keys`` stand for: purging one drops it."""
    if (state := _state(request)) is not None:
        state.keys.update(keys)


def changes_at(request, moment: datetime.datetime | None) -> None:
    """Say that this response changes by itself at ``moment`` (None: no such moment)."""
    if moment is not None and (state := _state(request)) is not None:
        state.changes.append(moment)


def shared_seconds(state: PageState, now: datetime.datetime | None = None) -> int:
    """How long a shared cache may keep the page: never past a change it will see."""
    now = now or timezone.now()
    seconds = settings.HTTP_CACHE_SECONDS
    for moment in state.changes:
        seconds = min(seconds, math.floor((moment - now).total_seconds()))
    return max(seconds, 0)


def _is_personal(request) -> bool:
    user = getattr(request, "user", None)
    return settings.SESSION_COOKIE_NAME in request.COOKIES or bool(
        user is not None and user.is_authenticated
    )


class HttpCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        state = request._http_cache = PageState()
        anonymous_read = (
            request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
        )
        if anonymous_read and purges.enabled():
            # Before the view reads anything: see httpcache.models.Epoch.
            state.epoch = purges.current_epoch()
        response = self.get_response(request)
        if _is_personal(request):
            patch_cache_control(response, private=True)
            patch_vary_headers(response, ["Cookie"])
        elif anonymous_read and not response.has_header("Cache-Control"):
            self._set_shared(response, state)
        return response

    @staticmethod
    def _set_shared(response, state: PageState) -> None:
        seconds = shared_seconds(state)
        if response.status_code != 200 or response.cookies or seconds == 0:
            patch_cache_control(response, max_age=0, s_maxage=0)
            return
        patch_cache_control(response, public=True, max_age=0, s_maxage=seconds)
        response["xkey"] = " ".join([EVERYTHING, *sorted(state.keys - {EVERYTHING})])
        if state.epoch is not None:
            response["X-Epoch"] = str(state.epoch)
