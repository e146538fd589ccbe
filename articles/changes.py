"""What follows a change to the news, from one place.

Inside the change's transaction, ``story_changed`` (called by the signal
receivers in ``articles.signals``) records which cached pages must go (the
``httpcache`` outbox) and notes the story for after commit. Once the
transaction commits, each noted story gets its side effects once, however
many signals its save sent: tag copies, search vector, list counts, Similar
News boxes ranked again (its own and its neighbours'). The library works
out who may fetch the images a change touched (``library.access``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import connection, transaction

from articles import counts, related, search
from articles.cachekeys import NEWS, section_key, story_key, tag_key
from articles.models import AutomaticPick, Story, TaggedStory
from articles.tasks import rank_similar_news
from httpcache.pages import EVERYTHING
from httpcache.purges import purge_on_commit, queued_on_commit
from library import access
from library.models import Document, Image


@dataclass
class _AfterCommit:
    """This transaction's changed stories, handled once it commits."""

    story_ids: set[int] = field(default_factory=set)
    tag_ids: set[int] = field(default_factory=set)
    boxes_holding_deleted: set[int] = field(default_factory=set)

    def __call__(self):
        for story_id in sorted(self.story_ids):
            refresh_derived(story_id)
        counts.recount(tag_ids=sorted(self.tag_ids))
        boxes = set(self.boxes_holding_deleted)
        for story_id in self.story_ids:
            boxes |= related.affected_by(story_id)
        if boxes:
            rank_similar_news.enqueue(sorted(boxes))


def story_changed(
    story: Story,
    *,
    tag_ids=(),
    deleted: bool = False,
) -> None:
    """Note a change to ``story``: drop the pages that show it, refresh what derives from it.

    Called in the change's transaction; ``deleted`` before the story's rows go.
    """
    tag_ids = set(tag_ids) | set(story.tagged_items.values_list("tag_id", flat=True))
    purge_on_commit(
        story_key(story.pk),
        NEWS,
        section_key(story.section_id),
        *(tag_key(pk) for pk in tag_ids),
    )
    queued = queued_on_commit(_AfterCommit)
    work = queued or _AfterCommit()
    if deleted:
        holding = AutomaticPick.objects.filter(pick=story).values_list("story_id", flat=True)
        work.boxes_holding_deleted |= set(holding)
    else:
        work.story_ids.add(story.pk)
    work.tag_ids |= tag_ids
    if queued is None:
        transaction.on_commit(work, robust=True)  # outside a transaction: at once


def files_changed(*, image_ids=(), document_ids=()) -> None:
    """Stories using these library items changed: who may fetch them may have too."""
    access.changed(Image, image_ids)
    access.changed(Document, document_ids)


def story_shown_differently(story_id: int) -> None:
    """Only how a story looks changed (its renditions, its picks): drop its pages."""
    purge_on_commit(story_key(story_id))


def everything_changed() -> None:
    """Something every page shows changed (a section's or tag's name)."""
    purge_on_commit(EVERYTHING)


def refresh_derived(story_id: int) -> None:
    """Tag copies and search vector, from the story as committed."""
    story = Story.objects.filter(pk=story_id).first()
    if story is None:
        return
    TaggedStory.objects.filter(content_object_id=story_id).update(**TaggedStory.copied_from(story))
    if connection.vendor == "postgresql":
        search.update_search_vector(story)
