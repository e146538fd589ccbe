"""The surrogate key (Varnish xkey) under which a page's own responses are cached.

Every page's header and footer link to pages, and the sitemap lists them:
those are purged with the ``all`` key when a link changes (``pages.changes``).
"""


def page_key(page_id: int) -> str:
    return f"page-{page_id}"
