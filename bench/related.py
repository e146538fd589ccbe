"""Similar News benchmark: time per box at archive scale, against a naive baseline.

Seeds 100,000 stories with 400 tags (Zipf-distributed, 3-6 per story) into
SQLite and into PostgreSQL, ranks every box once (``refresh_all_boxes``), then
times ``articles.related.similar_news`` (reading a kept box) for 1,000 random
live stories as an anonymous reader, what a change to one of them costs after
commit (``affected_by`` and ``refresh_boxes``: the boxes it may enter or
leave, ranked again), and the naive baseline
(django-taggit's ``similar_objects()``, filtered afterwards to what the reader
may see) for a smaller sample, since each baseline call loads every story
sharing a tag. Prints a Markdown table.

    python bench/related.py                       # both databases, 100,000 stories
    python bench/related.py --stories 10000 --databases sqlite

Seeded databases are kept (bench/.data/ and the PostgreSQL database
``newsroom_bench``) and reused when they already hold the asked-for archive.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

from archive import start_afresh

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / ".data"
PG_SERVER = "postgres://postgres@127.0.0.1:5432"
PG_DATABASE = "newsroom_bench"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=100_000)
    parser.add_argument("--tags", type=int, default=400)
    parser.add_argument("--samples", type=int, default=1_000)
    parser.add_argument("--baseline-samples", type=int, default=50)
    parser.add_argument("--databases", default="sqlite,postgres")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main() -> int:
    args = parse_args()
    if args.worker:
        return worker(args)
    results = []
    for database in args.databases.split(","):
        url = database_url(database, args.stories)
        env = os.environ | {"DATABASE_URL": url, "DJANGO_DEBUG": "1", "DJANGO_LOG_LEVEL": "WARNING"}
        command = [sys.executable, __file__, *sys.argv[1:], "--worker", database]
        print(f"[{database}] seeding (if needed) and measuring...", file=sys.stderr, flush=True)
        output = subprocess.run(
            command, env=env, cwd=ROOT, check=True, capture_output=True, text=True
        )
        results.append(json.loads(output.stdout.strip().splitlines()[-1]))
    print(table(results, args))
    return 0


def database_url(database: str, stories: int) -> str:
    if database == "sqlite":
        DATA.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{DATA / f'related-{stories}.sqlite3'}"
    if database == "postgres":
        import psycopg

        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as connection:
            exists = connection.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [PG_DATABASE]
            ).fetchone()
            if not exists:
                connection.execute(f'CREATE DATABASE "{PG_DATABASE}"')
        return f"{PG_SERVER}/{PG_DATABASE}"
    raise SystemExit(f"unknown database {database!r}: use sqlite or postgres")


def worker(args) -> int:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    import django

    django.setup()
    from django.contrib.auth.models import AnonymousUser
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from articles import counts
    from articles.models import AutomaticPick, ListCount, Story
    from articles.related import affected_by, refresh_all_boxes, refresh_boxes, similar_news

    call_command("migrate", verbosity=0)
    seed_seconds = seed(args.stories, args.tags)
    rank_all_seconds = None
    if not ListCount.objects.exists():
        counts.recount_all()
    if not AutomaticPick.objects.exists():
        started = time.perf_counter()
        refresh_all_boxes()
        rank_all_seconds = round(time.perf_counter() - started, 1)

    rng = random.Random(7)
    anonymous = AnonymousUser()
    live_ids = list(Story.objects.visible_to(anonymous).values_list("id", flat=True))
    sample = rng.sample(live_ids, min(args.samples, len(live_ids)))

    def load(story_id):
        return Story.objects.select_related("section").prefetch_related("tags").get(pk=story_id)

    for story_id in sample[:200]:  # warm the database's buffers, as a running site has
        similar_news(load(story_id), anonymous)

    ours, box_sizes = [], []
    for story_id in sample:
        story = load(story_id)
        started = time.perf_counter()
        box = similar_news(story, anonymous)
        ours.append(time.perf_counter() - started)
        box_sizes.append(len(box))
    story = load(sample[0])
    with CaptureQueriesContext(connection) as queries:
        similar_news(story, anonymous)

    on_change, ranked = [], []
    for story_id in sample[: args.baseline_samples]:
        started = time.perf_counter()
        boxes = affected_by(story_id)
        refresh_boxes(boxes)
        on_change.append(time.perf_counter() - started)
        ranked.append(len(boxes))

    baseline = []
    for story_id in sample[: args.baseline_samples]:
        story = load(story_id)
        started = time.perf_counter()
        similar = story.tags.similar_objects()
        [s for s in similar if s.is_live and not s.is_members_only][:3]
        baseline.append(time.perf_counter() - started)

    print(
        json.dumps(
            {
                "database": args.worker,
                "vendor": connection.vendor,
                "stories": Story.objects.count(),
                "seed_seconds": seed_seconds,
                "rank_all_seconds": rank_all_seconds,
                "on_change": summary(on_change),
                "boxes_per_change": round(statistics.mean(ranked), 1),
                "ours": summary(ours),
                "baseline": summary(baseline),
                "queries_per_box": len(queries),
                "full_boxes": sum(size == 3 for size in box_sizes) / len(box_sizes),
            }
        )
    )
    return 0


def seed(stories: int, tags: int) -> float | None:
    """Fill the archive unless it already holds ``stories`` stories; return seconds taken."""
    from django.db import connection, transaction
    from django.utils import timezone

    from articles.models import Status, Story, TaggedStory, Visibility

    if Story.objects.count() == stories:
        return None
    started = time.perf_counter()
    rng = random.Random(2026)
    with transaction.atomic():
        sections, tag_rows = start_afresh(tags)
        zipf = [1 / (rank + 1) ** 1.07 for rank in range(tags)]
        now = timezone.now()
        span = 10 * 365 * 86400
        batch = 5_000
        for first in range(0, stories, batch):
            rows = []
            for n in range(first, min(first + batch, stories)):
                rows.append(
                    Story(
                        title=f"Story {n}",
                        slug=f"story-{n}",
                        standfirst=f"Standfirst of story {n}.",
                        body=f"<p>Body of story {n}.</p>",
                        section=sections[n % 4],
                        status=Status.DRAFT if n % 50 == 0 else Status.PUBLISHED,
                        published_at=now - timezone.timedelta(seconds=rng.randrange(span)),
                        visibility=Visibility.MEMBERS if n % 10 == 0 else Visibility.PUBLIC,
                    )
                )
            created = Story.objects.bulk_create(rows)
            tagged = []
            for story in created:
                chosen = set()
                wanted = rng.randint(3, 6)
                while len(chosen) < wanted:
                    chosen.add(rng.choices(range(tags), weights=zipf)[0])
                tagged.extend(
                    TaggedStory(
                        content_object=story,
                        tag=tag_rows[index],
                        status=story.status,
                        visibility=story.visibility,
                        published_at=story.published_at,
                        section_id=story.section_id,
                    )
                    for index in chosen
                )
            TaggedStory.objects.bulk_create(tagged, batch_size=10_000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return round(time.perf_counter() - started, 1)


def summary(seconds: list[float]) -> dict:
    ordered = sorted(seconds)
    return {
        "n": len(ordered),
        "p50_ms": round(statistics.median(ordered) * 1000, 2),
        "p99_ms": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000, 2),
    }


def table(results: list[dict], args) -> str:
    lines = [
        f"Similar News at {args.stories:,} stories, {args.tags} Zipf tags, 3-6 per story "
        "(anonymous reader, tag weights warm)",
        "",
        "| database | ours p50 | ours p99 | queries/box | full boxes "
        "| baseline p50 | baseline p99 | p50 speed-up |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        ours, base = r["ours"], r["baseline"]
        lines.append(
            f"| {r['vendor']} | {ours['p50_ms']} ms | {ours['p99_ms']} ms "
            f"| {r['queries_per_box']} | {r['full_boxes']:.0%} "
            f"| {base['p50_ms']} ms | {base['p99_ms']} ms "
            f"| {base['p50_ms'] / ours['p50_ms']:.0f}x |"
        )
    lines += [
        "",
        f"ours: {results[0]['ours']['n']} random live stories; baseline (taggit similar_objects() "
        f"filtered to live public stories): first {results[0]['baseline']['n']} of them.",
        "Targets: p99 under 20 ms on PostgreSQL; at least 10x faster than the baseline at p50.",
        "",
        "| database | after a change p50 | p99 | boxes ranked per change | every box at once |",
        "| --- | ---: | ---: | ---: | ---: |",
        *(
            f"| {r['vendor']} | {r['on_change']['p50_ms']} ms | {r['on_change']['p99_ms']} ms "
            f"| {r['boxes_per_change']} | "
            + (f"{r['rank_all_seconds']} s |" if r["rank_all_seconds"] else "(kept) |")
            for r in results
        ),
        "",
        "After a change: the stories whose box a change to one story may change, ranked "
        "again (the task `rank_similar_news` runs this after commit).",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
