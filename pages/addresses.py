"""Which addresses a page may take: ``/<slug>/`` must not belong to another part of the site.

The page route comes last in the URLconf, so another route answering
``/<slug>/`` would hide the page, and a page named like the first part of
other addresses (``/news/…``, ``/files/…``) would read as one of them. Both
are found in the URLconf itself; what is served outside it (static and
uploaded files) is read from the settings.
"""

import re
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404

PAGE_ROUTE = "pages:page-detail"

# Kept whether or not a route answers them now.
KEPT = {
    "feeds": "where feed readers look for the news feeds",
    "files": "files of stories and pages, served after a check of who asks",
}

# The fixed start of a route or a regex: up to its first parameter or special character.
FIXED_START = re.compile(r"^\^?([\w\-/.]*)")


def _first_segment(url: str) -> str:
    return urlsplit(url).path.strip("/").partition("/")[0]


def route_segments(patterns=None, prefix: str = "") -> set[str]:
    """First path segments that routes begin with: ``news`` for ``news/<slug:slug>/``."""
    segments = set()
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        raw = str(entry.pattern)
        fixed = prefix + FIXED_START.match(raw).group(1).replace("\\", "")
        whole = fixed == prefix + raw.lstrip("^")
        if "/" in fixed:
            segments.add(fixed.partition("/")[0])
        elif isinstance(entry, URLResolver) and whole:  # include("…") with no segment of its own
            segments |= route_segments(entry.url_patterns, fixed)
    return segments


def taken_by(slug: str) -> str | None:
    """Why a page may not be at ``/<slug>/``, or None if it may."""
    outside = {
        _first_segment(settings.STATIC_URL): "static files",
        _first_segment(settings.MEDIA_URL): "uploaded files",
        **KEPT,
    }
    if slug in outside:
        return f"it is kept for {outside[slug]}"
    if slug in route_segments():
        return f"other addresses of the site begin with /{slug}/"
    for path in (f"/{slug}/", f"/{slug}"):
        try:
            match = resolve(path)
        except Resolver404:
            continue
        if match.view_name != PAGE_ROUTE:
            return f"another part of the site answers at {path}"
    return None
