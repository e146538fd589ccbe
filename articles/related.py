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

The ranking runs when stories change, not when a page is shown: each
story's automatic picks are kept in ``AutomaticPick``, ``KEPT`` per audience
(the public; members and staff), and the story page reads its box as one
indexed join. After a change commits, ``articles.changes`` ranks again the
changed story and every story whose box it may enter or leave
(``affected_by``): the stories nearest it on each of its tags, and the boxes
holding it. Candidates for one story come from, for each of its tags, the
``CANDIDATES_PER_SIDE`` published stories with that tag just before and just
after it: index range scans on ``TaggedStory (tag, published_at)``, sent as
one UNION ALL. Every candidate sharing a rare tag is among them (a rare tag
has few stories); for common tags the nearest in date are, which is what the
date term prefers anyway. Tag weights come from the kept list counts
(``articles.counts``). A box keeps scheduled stories too, so one appears the
moment it goes live; who sees what is decided when the page is shown.
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models import CharField, Count, Min, OuterRef, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, Concat
from django.utils import timezone
from taggit.models import Tag

from articles import counts
from articles.cachekeys import NEWS, TAG_PREFIX, tag_key
from articles.models import (
    AutomaticPick,
    Status,
    Story,
    TaggedStory,
    Visibility,
    visibilities_for,
)

BOX_SIZE = 3
KEPT = 6  # automatic picks kept per audience: the box's three, and spares not yet live
CANDIDATES_PER_SIDE = 12
SECTION_BONUS = 0.3
DATE_BONUS = 0.2
DATE_SCALE_DAYS = 30
# Each audience's box is ranked among the stories of these visibilities.
AUDIENCES = {Visibility.PUBLIC: [Visibility.PUBLIC], Visibility.MEMBERS: list(Visibility)}

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


def audience_of(viewer) -> str:
    """Which kept box ``viewer`` reads: the members' one or the public's."""
    members = len(visibilities_for(viewer)) == len(Visibility)
    return Visibility.MEMBERS if members else Visibility.PUBLIC


def similar_news(story: Story, viewer, limit: int = BOX_SIZE, explain: bool = False):
    """Return up to ``limit`` stories for ``viewer`` to read after ``story``.

    ``explain`` adds each automatic pick's score and shared tags (the admin
    shows them); the public page leaves them out.
    """
    visible = Story.objects.visible_to(viewer)
    chosen: dict[int, Suggestion] = {}

    # The story page says whether there are picks at all (``has_picks``):
    # most stories have none, and then this query is not needed.
    if getattr(story, "has_picks", True):
        manual = (
            visible.filter(picked_by__story=story)
            .order_by("picked_by__order", "picked_by__id")
            .values_list("id", flat=True)[:limit]
        )
        chosen.update((story_id, Suggestion(story=None, reason=MANUAL)) for story_id in manual)

    audience = audience_of(viewer)
    if len(chosen) < limit:
        automatic = (
            visible.cards()
            .filter(
                picked_automatically__story=story,
                picked_automatically__audience=audience,
                never_suggest=False,
            )
            .exclude(id__in=list(chosen))
            .order_by("picked_automatically__rank")[: limit - len(chosen)]
        )
        chosen.update((card.id, Suggestion(story=card, reason=SHARED_TAGS)) for card in automatic)

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

    missing = [story_id for story_id, s in chosen.items() if s.story is None]
    cards = visible.cards().in_bulk(missing) if missing else {}
    suggestions = []
    for story_id, suggestion in chosen.items():
        suggestion.story = suggestion.story or cards.get(story_id)
        if suggestion.story is not None:
            suggestions.append(suggestion)
    if explain:
        _explain(story, audience, suggestions)
    return suggestions


def _explain(story: Story, audience: str, suggestions: list[Suggestion]) -> None:
    """Fill in the automatic picks' scores and shared tags from the kept box."""
    kept = {
        pick.pick_id: pick
        for pick in AutomaticPick.objects.filter(
            story=story,
            audience=audience,
            pick_id__in=[s.story.id for s in suggestions if s.reason == SHARED_TAGS],
        )
    }
    for suggestion in suggestions:
        pick = kept.get(suggestion.story.id)
        if pick is not None:
            suggestion.score = pick.score
            suggestion.shared_tags = [tuple(pair) for pair in pick.shared_tags]
            suggestion.same_section = pick.same_section
            suggestion.days_apart = pick.days_apart


# --- ranking, when stories change -------------------------------------------


@transaction.atomic
def refresh_boxes(story_ids) -> list[int]:
    """Rank again the automatic picks of ``story_ids``; return those whose box changed.

    The stories' rows are locked first, so two rankings of one story store
    one after the other.
    """
    ids = sorted(set(story_ids))
    list(Story.objects.select_for_update().filter(pk__in=ids).order_by("pk").values_list("pk"))
    stories = Story.objects.filter(pk__in=ids).only("id", "section_id", "published_at")
    picks = []
    for story in stories.prefetch_related("tags"):
        tags = {tag.id: tag.name for tag in story.tags.all()}
        if tags:
            anchor = _anchor(story)
            rows = list(_nearest(story.id, anchor, tags))
            for audience in AUDIENCES:
                picks += _ranked(story, anchor, tags, audience, rows)
    kept = AutomaticPick.objects.filter(story_id__in=ids)
    before = set(kept.values_list("story_id", "audience", "rank", "pick_id"))
    kept.delete()
    AutomaticPick.objects.bulk_create(picks)
    after = {(pick.story_id, pick.audience, pick.rank, pick.pick_id) for pick in picks}
    return sorted({row[0] for row in before ^ after})


def affected_by(story_id: int) -> set[int]:
    """The stories whose box a change to ``story_id`` may change: itself, the
    stories whose box holds it, and those nearest it on a tag whose box it now
    enters (it scores above their lowest pick; the score is symmetric)."""
    found = set(AutomaticPick.objects.filter(pick_id=story_id).values_list("story_id", flat=True))
    story = (
        Story.objects.filter(pk=story_id)
        .only("id", "section_id", "published_at", "status", "visibility", "never_suggest")
        .first()
    )
    if story is None:
        return found
    found.add(story_id)
    tags = {tag.id: tag.name for tag in story.tags.all()}
    if not tags or story.status != Status.PUBLISHED or story.never_suggest:
        return found  # it can leave boxes (those holding it) but enter none
    anchor = _anchor(story)
    rows = list(_nearest(story_id, anchor, tags))
    entering = {
        audience: _ranked(story, anchor, tags, audience, rows, keep=None)
        for audience, seen in AUDIENCES.items()
        if story.visibility in seen
    }
    kept = (
        AutomaticPick.objects.filter(story_id__in={row[0] for row in rows})
        .values_list("story_id", "audience")
        .annotate(lowest=Min("score"), picks=Count("id"))
        .order_by()
    )
    floors = {(neighbour, audience): (lowest, picks) for neighbour, audience, lowest, picks in kept}
    for audience, scored in entering.items():
        for pick in scored:
            lowest, picks = floors.get((pick.pick_id, audience), (0.0, 0))
            if picks < KEPT or pick.score >= lowest:
                found.add(pick.pick_id)
    return found


@transaction.atomic
def refresh_all_boxes() -> int:
    """Every story's box afresh, ranked in memory from one read of the tag index
    (after a bulk load that bypassed ``save()``). Returns the stories ranked."""
    timelines = defaultdict(list)  # (audience, tag) -> [(published_at, id, section, visibility)]
    published = TaggedStory.objects.filter(status=Status.PUBLISHED, never_suggest=False)
    for story_id, tag_id, section_id, published_at, visibility in published.values_list(
        "content_object_id", "tag_id", "section_id", "published_at", "visibility"
    ):
        for audience, seen in AUDIENCES.items():
            if visibility in seen:
                entry = (published_at, story_id, section_id, visibility)
                timelines[(audience, tag_id)].append(entry)
    for timeline in timelines.values():
        timeline.sort()
    names = dict(Tag.objects.values_list("id", "name"))
    tags_of = defaultdict(dict)
    for story_id, tag_id in TaggedStory.objects.values_list("content_object_id", "tag_id"):
        tags_of[story_id][tag_id] = names[tag_id]
    kept = counts.published([NEWS, *(tag_key(pk) for pk in names)], list(Visibility))

    AutomaticPick.objects.all().delete()
    ranked, batch = 0, []
    for story in Story.objects.only("id", "section_id", "published_at").iterator():
        tags, anchor = tags_of.get(story.id, {}), _anchor(story)
        rows = {
            (candidate_id, tag_id, section_id, published_at, visibility)
            for tag_id in tags
            for audience in AUDIENCES
            for published_at, candidate_id, section_id, visibility in _nearest_in(
                timelines.get((audience, tag_id), []), anchor, story.id
            )
        }
        rows = [(*row, kept[tag_key(row[1])], kept[NEWS]) for row in rows]
        for audience in AUDIENCES:
            batch += _ranked(story, anchor, tags, audience, rows)
        if len(batch) >= 5_000:
            AutomaticPick.objects.bulk_create(batch)
            batch = []
        ranked += 1
    AutomaticPick.objects.bulk_create(batch)
    return ranked


def _anchor(story: Story):
    """Where the story sits in time; a draft is placed at now."""
    return story.published_at or timezone.now()


def _nearest_in(timeline, anchor, story_id):
    """The ``CANDIDATES_PER_SIDE`` entries of ``timeline`` on each side of ``anchor``
    (at or before it, then after it), leaving out ``story_id``: what ``_nearest``
    asks the database for, over a list held in memory."""
    split = bisect.bisect_right(timeline, (anchor, math.inf))
    before = timeline[max(split - CANDIDATES_PER_SIDE - 1, 0) : split][::-1]
    after = timeline[split : split + CANDIDATES_PER_SIDE + 1]
    return [
        entry
        for side in (before, after)
        for entry in [entry for entry in side if entry[1] != story_id][:CANDIDATES_PER_SIDE]
    ]


def _ranked(
    story: Story, anchor, tags: dict[int, str], audience: str, rows, keep: int | None = KEPT
) -> list[AutomaticPick]:
    """Score the candidates among ``rows`` that ``audience`` may see; the best
    ``keep`` (all, for None) as picks, best first.

    ``rows`` are (story, tag, section, published_at, visibility, published with
    the tag, published in all) for every tag a candidate shares with the story.
    """
    seen = AUDIENCES[audience]
    found: dict[int, dict] = {}
    published: dict[int | None, int] = {}  # per tag, and None for the whole news
    for candidate_id, tag_id, section_id, published_at, visibility, tag_count, all_count in rows:
        published[tag_id], published[None] = tag_count or 0, all_count or 0
        if visibility not in seen:
            continue
        entry = found.setdefault(
            candidate_id, {"tags": [], "section_id": section_id, "published_at": published_at}
        )
        entry["tags"].append(tag_id)
    weights = {tag_id: idf(published[None], published[tag_id]) for tag_id in published if tag_id}

    scored = []
    for candidate_id, entry in found.items():
        # Whole days, so that stories on the same day tie on date.
        days_apart = round(abs(entry["published_at"] - anchor).total_seconds() / 86400)
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
        pick = AutomaticPick(
            story_id=story.id,
            pick_id=candidate_id,
            audience=audience,
            score=round(score, 3),
            shared_tags=[[name, round(weight, 3)] for name, weight in shared],
            same_section=same_section,
            days_apart=days_apart,
        )
        scored.append((score, entry["published_at"], candidate_id, pick))
    scored.sort(key=lambda item: (-item[0], -item[1].timestamp(), -item[2]))
    picks = [pick for _, _, _, pick in scored[:keep]]
    for rank, pick in enumerate(picks):
        pick.rank = rank
    return picks


def _nearest(story_id: int, anchor, tags: dict[int, str]):
    """(story, tag, section, published_at, visibility, published with the tag,
    published in all) of every tag this story shares with the published stories
    nearest it in date, on each side of each tag, for each audience: one query.

    The neighbours are written as SQL because the ORM cannot put sliced
    queries inside a UNION on SQLite; each part is a range scan of the
    (tag, published_at) index.
    """
    table = connection.ops.quote_name(TaggedStory._meta.db_table)
    side = (
        f"SELECT content_object_id FROM {table} WHERE tag_id = %s AND status = %s "
        "AND NOT never_suggest AND content_object_id <> %s AND visibility IN ({}) "
        "AND published_at {} %s ORDER BY published_at {} LIMIT %s"
    )
    parts, params = [], []
    for number, tag_id in enumerate(tags):
        for audience, seen in AUDIENCES.items():
            for name, operator, order in (("before", "<=", "DESC"), ("after", ">", "ASC")):
                sql = side.format(", ".join(["%s"] * len(seen)), operator, order)
                parts.append(f"SELECT * FROM ({sql}) AS {audience}_{name}_{number}")
                params += [tag_id, Status.PUBLISHED, story_id, *seen, anchor, CANDIDATES_PER_SIDE]
    nearest = RawSQL(" UNION ".join(parts), params)
    return (
        TaggedStory.objects.filter(content_object_id__in=nearest, tag_id__in=list(tags))
        .annotate(
            tag_count=counts.published_in(
                Concat(Value(TAG_PREFIX), Cast(OuterRef("tag_id"), CharField()))
            ),
            all_count=counts.published_in(Value(NEWS)),
        )
        .values_list(
            "content_object_id",
            "tag_id",
            "section_id",
            "published_at",
            "visibility",
            "tag_count",
            "all_count",
        )
    )


def idf(stories: int, with_tag: int) -> float:
    """A tag's weight: its inverse document frequency."""
    return math.log(1 + stories / max(with_tag, 1))


def tag_weights(tag_ids: list[int]) -> dict[int, float]:
    """Each tag's weight over published stories (the ranking reads the same counts
    along with its candidates).

    Published rather than live: the kept counts include the few scheduled
    stories, which moves a weight by a hair and saves counting per request.
    """
    keys = {tag_id: tag_key(tag_id) for tag_id in tag_ids}
    found = counts.published([NEWS, *keys.values()], list(Visibility))
    return {tag_id: idf(found[NEWS], found[key]) for tag_id, key in keys.items()}
