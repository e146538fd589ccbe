"""Search benchmark: p50/p99 per results page over 100,000 stories on PostgreSQL.

Seeds stories written from a Zipf-distributed vocabulary (so some words are
everywhere and most are rare, as in real news), builds their search vectors
in one UPDATE, then times what the search page does for one-word, three-word
and phrase queries: the count and the first page of ten ranked results, as
an anonymous reader. Prints a Markdown table.

    python bench/search.py                  # 100,000 stories, 200 queries a kind
    python bench/search.py --stories 10000

The seeded database (``newsroom_bench_search``) is kept and reused.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_SERVER = "postgres://postgres@127.0.0.1:5432"
DATABASE = "newsroom_bench_search"
VOCABULARY = 6_000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()

    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as connection:
        if not connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE]
        ).fetchone():
            connection.execute(f'CREATE DATABASE "{DATABASE}"')
    os.environ.update(
        DATABASE_URL=f"{PG_SERVER}/{DATABASE}", DJANGO_DEBUG="1", DJANGO_LOG_LEVEL="WARNING"
    )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    rng = random.Random(11)
    words = vocabulary(rng)
    seeded = seed(args.stories, words, rng)
    print(table(measure(words, rng, args.queries), args.stories, seeded))
    return 0


def vocabulary(rng: random.Random) -> list[str]:
    """Pronounceable made-up words, so that stemming treats them all alike."""
    consonants, vowels = "bcdfghklmnprstvw", "aeiou"
    words = set()
    while len(words) < VOCABULARY:
        syllables = rng.randint(2, 4)
        words.add("".join(rng.choice(consonants) + rng.choice(vowels) for _ in range(syllables)))
    return sorted(words)


def sentence(words, weights, rng, length) -> str:
    return " ".join(rng.choices(words, cum_weights=weights, k=length))


def seed(stories: int, words: list[str], rng: random.Random) -> float | None:
    from django.db import connection, transaction
    from django.utils import timezone

    from articles.models import Section, Status, Story
    from articles.search import search_vector

    if Story.objects.count() == stories:
        return None
    started = time.perf_counter()
    cumulative, total = [], 0.0
    for rank in range(len(words)):
        total += 1 / (rank + 1) ** 1.05
        cumulative.append(total)
    with transaction.atomic():
        Story.objects.all().delete()
        Section.objects.all().delete()
        section = Section.objects.create(name="News", slug="news")
        now = timezone.now()
        for first in range(0, stories, 5_000):
            Story.objects.bulk_create(
                Story(
                    title=sentence(words, cumulative, rng, rng.randint(5, 10)).capitalize(),
                    slug=f"story-{n}",
                    standfirst=sentence(words, cumulative, rng, 25),
                    body="".join(
                        f"<p>{sentence(words, cumulative, rng, 40)}.</p>" for _ in range(4)
                    ),
                    section=section,
                    status=Status.PUBLISHED,
                    published_at=now - timezone.timedelta(minutes=n * 7),
                )
                for n in range(first, min(first + 5_000, stories))
            )
    # The vector the app builds on save (these stories have no tags).
    Story.objects.update(search_vector=search_vector(""))
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE articles_story")
    return round(time.perf_counter() - started, 1)


def measure(words: list[str], rng: random.Random, count: int) -> dict[str, dict]:
    from django.contrib.auth.models import AnonymousUser

    from articles.models import Story
    from articles.search import search

    anonymous = AnonymousUser()
    texts = list(Story.objects.order_by("?").values_list("standfirst", flat=True)[:count])
    # Words from the whole frequency range: common, middling and rare.
    one_word = [rng.choice(words[: len(words) // 2]) for _ in range(count)]
    three_words = [" ".join(rng.sample(words[:2000], 3)) for _ in range(count)]
    phrases = []
    for text in texts:
        tokens = text.split()
        start = rng.randrange(len(tokens) - 1)
        phrases.append(f'"{tokens[start]} {tokens[start + 1]}"')

    results = {}
    for kind, queries in (
        ("one word", one_word),
        ("three words", three_words),
        ("phrase", phrases),
    ):
        timings, matches = [], []
        for query in queries:
            started = time.perf_counter()
            found = search(Story.objects.visible_to(anonymous), query).defer("search_vector")
            total = found.count()
            list(found.select_related("section")[:10])
            timings.append(time.perf_counter() - started)
            matches.append(total)
        results[kind] = {
            "p50": statistics.median(timings) * 1000,
            "p99": sorted(timings)[int(len(timings) * 0.99) - 1] * 1000,
            "median_matches": statistics.median(matches),
            "max_matches": max(matches),
        }
    return results


def table(results: dict, stories: int, seeded: float | None) -> str:
    lines = [
        f"Search over {stories:,} stories on PostgreSQL (count + first page of 10, anonymous)"
        + (f"; seeded in {seeded} s" if seeded else ""),
        "",
        "| query | p50 | p99 | median matches | most matches |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for kind, r in results.items():
        lines.append(
            f"| {kind} | {r['p50']:.1f} ms | {r['p99']:.1f} ms "
            f"| {r['median_matches']:,.0f} | {r['max_matches']:,} |"
        )
    lines += ["", "Target: p99 under 50 ms."]
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
