"""How many stories a list shows, without counting the archive on every request.

``ListCount`` keeps, per list and visibility, the published stories
(scheduled ones included); ``recount`` refreshes it after each change (see
``articles.changes``). A page's count is that less the stories of the list
still scheduled: an index range scan over the few future ones. So a
scheduled story joins the count the moment it goes live, with nothing run.
"""

from __future__ import annotations

from collections import Counter

from django.db import connection, transaction
from django.db.models import Count, Subquery, Sum

from articles.cachekeys import NEWS, section_key, tag_key
from articles.models import ListCount, Section, Status, Story, TaggedStory, Visibility


def published(keys: list[str], visibilities: list[str]) -> dict[str, int]:
    """Published stories (scheduled included) per list, summed over ``visibilities``."""
    rows = ListCount.objects.filter(key__in=keys, visibility__in=visibilities)
    found = dict(rows.values_list("key").annotate(total=Sum("published")).order_by())
    return {key: found.get(key, 0) for key in keys}


def published_in(key) -> Subquery:
    """``published`` for one list, over every visibility, as a subquery: ``key`` may
    be an expression naming the list from the outer query's row (Similar News)."""
    kept = ListCount.objects.filter(key=key).values("key").annotate(n=Sum("published"))
    return Subquery(kept.values("n"))


def live_count(key: str, visibilities: list[str], narrow=None) -> int:
    """Stories of ``visibilities`` live now in list ``key``: one query.

    ``narrow`` filters a story queryset down to the list (none for "news"):
    it picks out the list's scheduled stories, which the kept count includes.
    """
    scheduled = Story.objects.scheduled().filter(visibility__in=visibilities)
    if narrow is not None:
        scheduled = narrow(scheduled)
    kept = ListCount.objects.filter(key=key, visibility__in=visibilities).values("published")
    kept_sql, kept_params = kept.query.sql_with_params()
    scheduled_sql, scheduled_params = scheduled.values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT (SELECT COALESCE(SUM(published), 0) FROM ({kept_sql}) AS kept)"
            f" - (SELECT COUNT(*) FROM ({scheduled_sql}) AS scheduled)",
            (*kept_params, *scheduled_params),
        )
        return max(cursor.fetchone()[0], 0)


@transaction.atomic
def recount(*, tag_ids=()) -> None:
    """Refresh the counts of every section, the whole news and the tags ``tag_ids``.

    The rows are locked before counting, so two recounts run one after the
    other and the later one counts what both changes committed.
    """
    keys = [NEWS, *(section_key(pk) for pk in Section.objects.values_list("pk", flat=True))]
    keys += [tag_key(pk) for pk in tag_ids]
    list(ListCount.objects.select_for_update().filter(key__in=keys).values_list("pk"))
    counts: Counter = Counter({(key, v): 0 for key in keys for v in Visibility.values})
    by_section = (
        Story.objects.filter(status=Status.PUBLISHED)
        .values_list("section_id", "visibility")
        .annotate(n=Count("id"))
        .order_by()
    )
    for section_id, visibility, n in by_section:
        counts[(NEWS, visibility)] += n
        counts[(section_key(section_id), visibility)] += n
    if tag_ids:
        by_tag = (
            TaggedStory.objects.filter(tag_id__in=list(tag_ids), status=Status.PUBLISHED)
            .values_list("tag_id", "visibility")
            .annotate(n=Count("id"))
            .order_by()
        )
        for tag_id, visibility, n in by_tag:
            counts[(tag_key(tag_id), visibility)] = n
    ListCount.objects.bulk_create(
        [ListCount(key=key, visibility=v, published=n) for (key, v), n in counts.items()],
        update_conflicts=True,
        unique_fields=["key", "visibility"],
        update_fields=["published"],
    )


@transaction.atomic
def recount_all() -> None:
    """Every list's count afresh (after a bulk load that bypassed ``save()``)."""
    ListCount.objects.all().delete()
    recount(tag_ids=list(TaggedStory.objects.values_list("tag_id", flat=True).distinct()))
