"""Background work, after a story is saved: renditions, and Similar News ranked again."""

from django.tasks import task

from articles import images, related
from articles.cachekeys import story_key
from httpcache.purges import purge_on_commit


@task
def build_renditions(story_id: int, master_name: str) -> None:
    """Make every rendition of a story's hero image and record them on the story.

    If the story's image changed again before this ran, the new save queued
    its own task: this one removes what it made and leaves the story alone.
    """
    from articles.models import Story

    story = (
        Story.objects.filter(pk=story_id).only("hero_image", "hero_focal_x", "hero_focal_y").first()
    )
    if story is None or story.hero_image.name != master_name:
        return
    record = images.make_renditions(master_name, story.hero_focal_x, story.hero_focal_y)
    updated = Story.objects.filter(pk=story_id, hero_image=master_name).update(
        hero_renditions=record
    )
    if updated:
        purge_on_commit(story_key(story_id))  # its pages can now use the renditions
    else:
        images.delete_files(images.rendition_names(record))


@task
def rank_similar_news(story_ids: list[int]) -> None:
    """Rank the Similar News boxes of ``story_ids`` again; drop the cached pages
    of those whose box changed."""
    changed = related.refresh_boxes(story_ids)
    if changed:
        purge_on_commit(*(story_key(story_id) for story_id in changed))
