"""The links to pages in every page's header and footer, kept in Django's cache.

One query gives an audience ("public" or "members") its links; Django's cache
keeps them, so a render usually asks the database nothing. The lists are kept
under a generation token that ``forget()`` replaces once a change to a page
commits: a render that read the database before the change and stores its list
after it stores it under the old token, where nobody looks again. The lists hold
titles and addresses only, expire after ``KEEP_SECONDS`` whatever happens, and
when the cache fails the links come straight from the database.
"""

from __future__ import annotations

import logging
import uuid

from django.core.cache import cache

from members.membership import audience
from pages.models import Page

log = logging.getLogger(__name__)

GENERATION_KEY = "pages:links:generation"
# The longest a list outlives a change whose forget() failed (the cache was down).
KEEP_SECONDS = 300


def _new_generation() -> str:
    return uuid.uuid4().hex


def _links_key(viewers: str) -> str:
    generation = cache.get_or_set(GENERATION_KEY, _new_generation, timeout=None)
    return f"pages:links:{generation}:{viewers}"


def from_database(user) -> list[dict]:
    """The viewer's links to pages, in the editors' order: one query."""
    pages = Page.objects.visible_to(user).linked()
    return [
        {
            "pk": page.pk,
            "title": page.title,
            "url": page.get_absolute_url(),
            "in_navigation": page.in_navigation,
            "in_footer": page.in_footer,
        }
        for page in pages.only("title", "slug", "in_navigation", "in_footer")
    ]


def links_for(user) -> dict[str, list[dict]]:
    """The links to pages this viewer may see: ``header`` and ``footer``, each in order."""
    viewers = audience(user)
    links = key = None
    try:
        key = _links_key(viewers)
        links = cache.get(key)
    except Exception:  # a failing cache never fails a page
        log.warning("Links to pages read from the database: the cache failed.", exc_info=True)
    if links is None:
        links = from_database(user)
        if key is not None:
            try:
                cache.set(key, links, KEEP_SECONDS)
            except Exception:
                log.warning("Links to pages not kept: the cache failed.", exc_info=True)
    return {
        "header": [link for link in links if link["in_navigation"]],
        "footer": [link for link in links if link["in_footer"]],
    }


def forget() -> None:
    """Stop serving the kept lists (after a change to a page commits)."""
    try:
        cache.set(GENERATION_KEY, _new_generation(), timeout=None)
    except Exception:
        log.error(
            "Kept links to pages not forgotten: they may be out of date for up to %d s.",
            KEEP_SECONDS,
            exc_info=True,
        )
