"""Seed an archive for bench/serve.py (unless it is already there) and describe it.

Run with DATABASE_URL and production settings in the environment; prints one
JSON line: the paths to drive, more paths for the soak, and the queries each
page makes when rendered (uncached).
"""

import datetime
import json
import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

import django  # noqa: E402
from archive import start_afresh  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402
from django.utils import timezone  # noqa: E402
from taggit.models import Tag  # noqa: E402

from articles.models import Status, Story, TaggedStory, Visibility  # noqa: E402
from articles.search import search_vector  # noqa: E402
from members.models import School, User  # noqa: E402

PASSWORD = "newsroom-demo"
TAGS = 400
PER_PAGE = 12


def words(rng):
    consonants, vowels = "bcdfghklmnprstvw", "aeiou"
    found = set()
    while len(found) < 3000:
        found.add(
            "".join(rng.choice(consonants) + rng.choice(vowels) for _ in range(rng.randint(2, 4)))
        )
    return sorted(found)


def seed(stories: int) -> None:
    rng = random.Random(5)
    vocabulary = words(rng)
    cumulative, total = [], 0.0
    for rank in range(len(vocabulary)):
        total += 1 / (rank + 1) ** 1.05
        cumulative.append(total)

    def text(n):
        return " ".join(rng.choices(vocabulary, cum_weights=cumulative, k=n))

    zipf = [1 / (rank + 1) ** 1.07 for rank in range(TAGS)]
    tag_weights, acc = [], 0.0
    for weight in zipf:
        acc += weight
        tag_weights.append(acc)
    now = timezone.now()
    with transaction.atomic():
        sections, tags = start_afresh(TAGS)
        for first in range(0, stories, 2_000):
            created = Story.objects.bulk_create(
                Story(
                    title=text(rng.randint(5, 10)).capitalize(),
                    slug=f"story-{n}",
                    standfirst=text(30),
                    body="".join(f"<p>{text(60)}.</p>" for _ in range(5)),
                    section=sections[n % 4],
                    byline="Bench Writer",
                    status=Status.PUBLISHED,
                    published_at=now - datetime.timedelta(minutes=30 * n + 1),
                    visibility=Visibility.MEMBERS if n % 10 == 0 else Visibility.PUBLIC,
                )
                for n in range(first, min(first + 2_000, stories))
            )
            rows = []
            for story in created:
                chosen = set()
                while len(chosen) < rng.randint(3, 6):
                    chosen.add(rng.choices(range(TAGS), cum_weights=tag_weights)[0])
                rows += [
                    TaggedStory(content_object=story, tag=tags[i], **TaggedStory.copied_from(story))
                    for i in chosen
                ]
            TaggedStory.objects.bulk_create(rows, batch_size=5_000)
    if connection.vendor == "postgresql":
        # The vector the app builds on save, bar the tags (a bench detail).
        Story.objects.update(search_vector=search_vector(""))
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def people() -> None:
    school, _ = School.objects.get_or_create(
        urn="999001",
        defaults={
            "name": "Bench Member School",
            "slug": "bench-member-school",
            "member_since": datetime.date(2020, 1, 1),
        },
    )
    if not User.objects.filter(email="member@example.org").exists():
        User.objects.create_user("member@example.org", PASSWORD, school=school)


def describe(stories: int) -> dict:
    live = Story.objects.visible_to(None)
    total_pages = -(-live.count() // PER_PAGE)
    middle = live.order_by("-published_at")[stories // 2]
    common_tag = Tag.objects.get(slug="topic-0")
    pages = {
        "front page": "/",
        "news page 1": "/news/",
        "news deep page": f"/news/?page={min(1000, total_pages)}",
        "story": middle.get_absolute_url(),
        "tag page": f"/news/tag/{common_tag.slug}/",
        "section page": "/news/section/section-1/",
        "search": "/search/?q=" + middle.title.split()[0],
        "member area": "/members/",
    }
    more = [s.get_absolute_url() for s in live.order_by("-published_at")[10:40:3]] + [
        f"/news/?page={n}" for n in (2, 3, 50)
    ]
    # Queries per page when rendered with the page cache off: "cold" on an
    # empty cache (the first request after a change), "uncached" once the
    # cache holds the fragments and list data (every later request).
    queries = {"cold": {}, "uncached": {}}
    client = Client(HTTP_HOST="127.0.0.1")
    member = User.objects.get(email="member@example.org")
    with override_settings(PAGE_CACHE_SECONDS=0):
        for name, path in pages.items():
            if name == "member area":
                client.force_login(member)
            client.get(path)  # a session, tag weights: what a running server has
            for mode in ("cold", "uncached"):
                if mode == "cold":
                    cache.clear()
                with CaptureQueriesContext(connection) as captured:
                    client.get(path)
                queries[mode][name] = len(captured)
    return {"pages": pages, "more": more, "queries": queries}


if __name__ == "__main__":
    wanted = int(sys.argv[1])
    if Story.objects.count() != wanted:
        seed(wanted)
    people()
    print(json.dumps(describe(wanted)))
