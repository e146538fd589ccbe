"""Background work after a story is saved: Similar News ranked again."""

from django.tasks import task

from articles import related
from articles.cachekeys import story_key
from httpcache.purges import purge_on_commit


@task
def rank_similar_news(story_ids: list[int]) -> None:
    """Rank the Similar News boxes of ``story_ids`` again; drop the cached pages
    of those whose box changed."""
    changed = related.refresh_boxes(story_ids)
    if changed:
        purge_on_commit(*(story_key(story_id) for story_id in changed))
