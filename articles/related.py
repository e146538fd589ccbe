"""Similar News: up to three stories to read next, for one story and one viewer.

The box is filled in this order:

1. the editor's manual picks, in the editor's order, skipping any the viewer
   may not see;
2. automatic picks: stories sharing tags with this one, scored by

       score = sum of the shared tags' weights
               + SECTION_BONUS if the section is the same
               + DATE_BONUS / (1 + days between the two stories / DATE_SCALE_DAYS)

   where a tag's weight is its inverse document frequency over published stories,
   ln(1 + live stories / live stories with the tag): a tag on 5 stories says
   more than one on 500. Ties go to the newer story, then the higher id.
   The bonuses together stay below the weight gap between a tag on a third of
   the stories and one on half of them, so they break ties between similar
   tag matches rather than overrule them;
3. fallbacks: the latest stories of the same section, then the latest overall.

Never the story itself, never a duplicate, never anything the viewer may not
see (``StoryQuerySet.visible_to`` decides), never a story marked "never
suggest automatically" except as a manual pick.

Cost: a fixed number of queries whatever the archive size. Candidates come
from, for each of the story's tags, the ``CANDIDATES_PER_SIDE`` visible
stories with that tag published just before and just after this one: index
range scans on ``TaggedStory (tag, published_at)``, sent as one UNION ALL.
Every candidate sharing a rare tag is among them (a rare tag has few
stories); for common tags the nearest in date are, which is what the date
term prefers anyway. Tag weights come from the list counts kept after every
change (``articles.counts``), so nothing here counts the archive.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import CharField, OuterRef, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, Concat
from django.utils import timezone

from articles import counts
from articles.cachekeys import NEWS, TAG_PREFIX, tag_key
from articles.models import Status, Story, TaggedStory, Visibility, visibilities_for

BOX_SIZE = 3
CANDIDATES_PER_SIDE = 12
SECTION_BONUS = 0.3
DATE_BONUS = 0.2
DATE_SCALE_DAYS = 30

MANUAL = "manual pick"
SHARED_TAGS = "shared tags"
SECTION_FALLBACK = "latest in the same section"
LATEST_FALLBACK = "latest news"


@dataclass
class Suggestion:
    """One story in the box, and why it is there."""

    story: Story | None
    reason: str
    score: float | None = None
    shared_tags: list[tuple[str, float]] = field(default_factory=list)
    same_section: bool = False
    days_apart: int | None = None

    def explanation(self) -> str:
        """Why this story is in the box, in words an editor can check."""
        if self.reason != SHARED_TAGS:
            return self.reason.capitalize()
        tags = ", ".join(f"{name} ({weight})" for name, weight in self.shared_tags)
        parts = [f"Shared tags: {tags}"]
        if self.same_section:
            parts.append("same section")
        parts.append(f"{self.days_apart} day{'' if self.days_apart == 1 else 's'} apart")
        return "; ".join(parts)


def similar_news(story: Story, viewer, limit: int = BOX_SIZE) -> list[Suggestion]:
    """Return up to ``limit`` stories for ``viewer`` to read after ``story``."""
    visible = Story.objects.visible_to(viewer)
    chosen: dict[int, Suggestion] = {}

    # The story page says whether there are picks at all (``has_picks``):
    # most stories have none, and then this query is not needed.
    manual_ids = []
    if getattr(story, "has_picks", True):
        manual_ids = list(
            visible.filter(picked_by__story=story)
            .order_by("picked_by__order", "picked_by__id")
            .values_list("id", flat=True)[:limit]
        )
    for story_id in manual_ids:
        chosen[story_id] = Suggestion(story=None, reason=MANUAL)

    if len(chosen) < limit:
        for suggestion_id, suggestion in _automatic(story, viewer, exclude=chosen.keys()):
            chosen[suggestion_id] = suggestion
            if len(chosen) == limit:
                break

    if len(chosen) < limit:
        fallback = visible.filter(never_suggest=False).exclude(id=story.id)
        for reason, queryset in (
            (SECTION_FALLBACK, fallback.filter(section_id=story.section_id)),
            (LATEST_FALLBACK, fallback),
        ):
            needed = limit - len(chosen)
            if needed == 0:
                break
            ids = queryset.exclude(id__in=list(chosen)).values_list("id", flat=True)[:needed]
            chosen.update((story_id, Suggestion(story=None, reason=reason)) for story_id in ids)

    # The cards come through visible_to() again: the tag index's copies of
    # status and visibility choose candidates, but never decide who sees what.
    cards = visible.cards().in_bulk(list(chosen))
    suggestions = []
    for story_id, suggestion in chosen.items():
        if story_id in cards:
            suggestion.story = cards[story_id]
            suggestions.append(suggestion)
    return suggestions


def _automatic(story: Story, viewer, exclude) -> list[tuple[int, Suggestion]]:
    """Score the stories sharing tags with ``story``; best first."""
    tags = _tags_of(story)
    if not tags:
        return []
    # A draft being previewed in the admin is placed at now.
    published_at = story.published_at or timezone.now()
    found: dict[int, dict] = {}
    published: dict[int, int] = {}  # per tag, and None for the whole news
    rows = _shared_tags_of_nearest(story.id, published_at, tags, viewer)
    for story_id, tag_id, section_id, candidate_published_at, tag_count, all_count in rows:
        published[tag_id], published[None] = tag_count or 0, all_count or 0
        if story_id in exclude:
            continue
        entry = found.setdefault(
            story_id,
            {"tags": [], "section_id": section_id, "published_at": candidate_published_at},
        )
        entry["tags"].append(tag_id)
    if not found:
        return []

    weights = {tag_id: idf(published[None], published[tag_id]) for tag_id in published if tag_id}
    scored = []
    for story_id, entry in found.items():
        # Whole days, so that stories on the same day tie on date.
        days_apart = round(abs(entry["published_at"] - published_at).total_seconds() / 86400)
        shared = sorted(
            ((tags[tag_id], weights[tag_id]) for tag_id in entry["tags"]),
            key=lambda pair: (-pair[1], pair[0]),
        )
        same_section = entry["section_id"] == story.section_id
        score = (
            sum(weight for _, weight in shared)
            + (SECTION_BONUS if same_section else 0.0)
            + DATE_BONUS / (1 + days_apart / DATE_SCALE_DAYS)
        )
        suggestion = Suggestion(
            story=None,
            reason=SHARED_TAGS,
            score=round(score, 3),
            shared_tags=[(name, round(weight, 3)) for name, weight in shared],
            same_section=same_section,
            days_apart=days_apart,
        )
        scored.append((score, entry["published_at"], story_id, suggestion))
    scored.sort(key=lambda item: (-item[0], -item[1].timestamp(), -item[2]))
    return [(story_id, suggestion) for _, _, story_id, suggestion in scored]


def _tags_of(story: Story) -> dict[int, str]:
    """The story's tags by id, from the prefetch cache when the page already has them."""
    return {tag.id: tag.name for tag in story.tags.all()}


def _shared_tags_of_nearest(story_id: int, published_at, tags: dict[int, str], viewer):
    """(story, tag, section, published_at) of every tag this story shares with the
    visible stories nearest it in date on each side of each tag: one query.

    The neighbours are written as SQL because the ORM cannot put sliced
    queries inside a UNION on SQLite; each part is a range scan of the
    (tag, published_at) index. The SQL text depends only on how many tags
    there are, so the driver parses it once per tag count, not per story.
    """
    now = timezone.now()
    anchor = min(published_at, now)
    table = connection.ops.quote_name(TaggedStory._meta.db_table)
    seen = visibilities_for(viewer)
    audience = f"AND visibility IN ({', '.join(['%s'] * len(seen))})"
    before = (
        f"SELECT content_object_id FROM {table} WHERE tag_id = %s AND status = %s "
        f"AND NOT never_suggest AND content_object_id <> %s {audience} AND published_at <= %s "
        "ORDER BY published_at DESC LIMIT %s"
    )
    after = (
        f"SELECT content_object_id FROM {table} WHERE tag_id = %s AND status = %s "
        f"AND NOT never_suggest AND content_object_id <> %s {audience} "
        "AND published_at > %s AND published_at <= %s "
        "ORDER BY published_at ASC LIMIT %s"
    )
    parts, params = [], []
    for number, tag_id in enumerate(tags):
        common = [tag_id, Status.PUBLISHED, story_id, *seen]
        parts.append(f"SELECT * FROM ({before}) AS before_{number}")
        params += [*common, anchor, CANDIDATES_PER_SIDE]
        parts.append(f"SELECT * FROM ({after}) AS after_{number}")
        params += [*common, anchor, now, CANDIDATES_PER_SIDE]
    nearest = RawSQL(" UNION ALL ".join(parts), params)
    return (
        TaggedStory.objects.filter(content_object_id__in=nearest, tag_id__in=list(tags))
        .annotate(
            tag_count=counts.published_in(
                Concat(Value(TAG_PREFIX), Cast(OuterRef("tag_id"), CharField()))
            ),
            all_count=counts.published_in(Value(NEWS)),
        )
        .values_list(
            "content_object_id", "tag_id", "section_id", "published_at", "tag_count", "all_count"
        )
    )


def idf(stories: int, with_tag: int) -> float:
    """A tag's weight: its inverse document frequency."""
    return math.log(1 + stories / max(with_tag, 1))


def tag_weights(tag_ids: list[int]) -> dict[int, float]:
    """Each tag's weight over published stories (the box reads the same counts
    along with its candidates).

    Published rather than live: the kept counts include the few scheduled
    stories, which moves a weight by a hair and saves counting per request.
    """
    keys = {tag_id: tag_key(tag_id) for tag_id in tag_ids}
    found = counts.published([NEWS, *keys.values()], list(Visibility))
    return {tag_id: idf(found[NEWS], found[key]) for tag_id, key in keys.items()}
