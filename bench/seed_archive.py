"""Seed an archive for bench/serve.py (unless it is already there) and describe it.

Run with DATABASE_URL and production settings in the environment, after
`manage.py migrate`; prints one JSON line: the paths to drive, more paths for
the soak, and the queries each page makes when rendered (no cache anywhere).

The stories are bulk-created, which bypasses ``Story.save()`` and so
``articles.changes``: the search vectors and the list counts
(``articles.ListCount``) are built here afterwards. An archive seeded by an
older version of this script has no counts yet: they are made on first use.
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

from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402
from taggit.models import Tag  # noqa: E402

from articles.counts import recount_all  # noqa: E402
from articles.models import (  # noqa: E402
    AutomaticPick,
    ListCount,
    Status,
    Story,
    TaggedStory,
    Visibility,
)
from articles.related import refresh_all_boxes  # noqa: E402
from articles.search import search_vector  # noqa: E402
from members.models import School, User  # noqa: E402

PASSWORD = "newsroom-demo"
MEMBER = "member@example.org"
EDITOR = "editor@example.org"
TAGS = 400
PER_PAGE = 12
# Stories the publish-latency bench adds through the admin: removed on the next run.
PUBLISHED_BY_BENCH = "bench-publish-"


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
    recount_all()
    refresh_all_boxes()
    analyze()


def analyze() -> None:
    """Fresh planner statistics: a bulk load leaves them stale."""
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
    if not User.objects.filter(email=MEMBER).exists():
        User.objects.create_user(MEMBER, PASSWORD, school=school)
    # The staff user who publishes through the admin (bench/serve.py, publish latency).
    if not User.objects.filter(email=EDITOR).exists():
        User.objects.create_superuser(EDITOR, PASSWORD)


def describe(stories: int) -> dict:
    """The pages to drive, more for the soak, and each page's queries.

    Queries are counted on the second render of each page (the first opens a
    session, as a running server already has), in this process's settings:
    serve.py runs it with no cache at all, so that is every request's cost.
    """
    live = Story.objects.visible_to(None)
    total_pages = -(-live.count() // PER_PAGE)
    middle = live.order_by("-published_at")[stories // 2]
    pages = {
        "front page": "/",
        "news page 1": "/news/",
        "news deep page": f"/news/?page={min(1000, total_pages)}",
        "story": middle.get_absolute_url(),
        "tag page": f"/news/tag/{Tag.objects.get(slug='topic-0').slug}/",
        "section page": "/news/section/section-1/",
        "search": "/search/?q=" + middle.title.split()[0],
        "member area": "/members/",
    }
    recent = live.order_by("-published_at")
    more = (
        [s.get_absolute_url() for s in recent[10:70:3]]
        + [f"/news/?page={n}" for n in (2, 3, 50, min(500, total_pages))]
        + [f"/news/tag/topic-{n}/" for n in (1, 2, 7, 30, 150)]
        + [f"/news/section/section-{n}/" for n in (0, 2, 3)]
        + list(dict.fromkeys("/search/?q=" + s.title.split()[-1] for s in recent[100:110]))
    )
    queries = {}
    client = Client(HTTP_HOST="127.0.0.1")
    for name, path in pages.items():
        if name == "member area":
            client.force_login(User.objects.get(email=MEMBER))
        client.get(path)
        with CaptureQueriesContext(connection) as captured:
            client.get(path)
        queries[name] = len(captured)
    return {"pages": pages, "more": more, "queries": queries}


if __name__ == "__main__":
    wanted = int(sys.argv[1])
    Story.objects.filter(slug__startswith=PUBLISHED_BY_BENCH).delete()
    if Story.objects.count() != wanted:
        seed(wanted)
    else:
        # Seeded before list counts or Similar News boxes were kept (and
        # migrated since): work them out now.
        if not ListCount.objects.exists():
            recount_all()
        if not AutomaticPick.objects.exists():
            refresh_all_boxes()
        analyze()
    people()
    print(json.dumps(describe(wanted)))
