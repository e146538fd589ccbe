"""Pagination whose cost does not grow with the archive.

Django's Paginator counts every visible story on each request and fetches
full rows past a large OFFSET. ``ArchivePaginator`` takes its count from a
function (``articles.counts.live_count``: kept counts, no scan), and finds a
page's ids with an index-only scan before fetching just those rows (a
"deferred join").
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.paginator import Paginator
from django.utils.functional import cached_property


class ArchivePaginator(Paginator):
    def __init__(self, object_list, per_page, *, count: Callable[[], int], **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self._count = count

    @cached_property
    def count(self) -> int:
        return self._count()

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        ids = list(self.object_list.values_list("pk", flat=True)[bottom : bottom + self.per_page])
        by_id = self.object_list.in_bulk(ids) if ids else {}
        return self._get_page([by_id[pk] for pk in ids if pk in by_id], number, self)
