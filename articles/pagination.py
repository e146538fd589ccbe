"""Pagination whose cost does not grow with the archive.

Two things make page 1,000 of 100,000 stories slow with Django's Paginator:
counting every visible story on every request, and fetching full rows past
a large OFFSET. ``ArchivePaginator`` keeps the count in the cache, under a
name the view gives it, until the next change to the news (the page cache's
generation, see ``articles.pagecache``) or the next scheduled story; and it
finds a page's ids with an index-only scan before fetching just those rows
(a "deferred join").
"""

from __future__ import annotations

from django.core.cache import cache
from django.core.paginator import Paginator
from django.utils.functional import cached_property

from articles import pagecache


class ArchivePaginator(Paginator):
    def __init__(self, object_list, per_page, *, count_key: str, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.count_key = count_key

    @cached_property
    def count(self) -> int:
        generation = pagecache.generation()
        key = f"pages:count:{generation}:{self.count_key}"
        total = cache.get(key)
        if total is None:
            total = self.object_list.count()
            self._keep(key, total)
        return total

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = min(bottom + self.per_page, self.count)
        # Which stories are on a page is kept like the count: a deep OFFSET
        # is paid once per change to the news, not on every request.
        key = f"pages:ids:{pagecache.generation()}:{self.count_key}:{number}"
        ids = cache.get(key)
        if ids is None:
            ids = list(self.object_list.values_list("pk", flat=True)[bottom:top])
            self._keep(key, ids)
        by_id = self.object_list.in_bulk(ids) if ids else {}
        return self._get_page([by_id[pk] for pk in ids if pk in by_id], number, self)

    def _keep(self, key: str, value) -> None:
        if (timeout := pagecache.fragment_seconds()) > 0:
            cache.set(key, value, timeout)
