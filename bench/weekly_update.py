"""Weekly Update benchmark: 3,000 recipients through a local SMTP server.

2,500 members at 300 member schools and 500 confirmed public subscribers; each
copy rendered for its recipient (member or public edition, their own unsubscribe
link) and delivered over SMTP to aiosmtpd on localhost, which counts what it
accepts. Prints the time for the whole send and the sending process's memory
growth. Targets: under 60 s, under 50 MB.

    python bench/weekly_update.py            # SQLite in a temporary folder
    DATABASE_URL=postgres://... python bench/weekly_update.py
"""

from __future__ import annotations

import datetime
import logging
import os
import resource
import socket
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MEMBERS, SCHOOLS, SUBSCRIBERS = 2500, 300, 500


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main() -> None:
    folder = tempfile.mkdtemp(prefix="bench-weekly-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{folder}/bench.sqlite3")
    os.environ.setdefault("DJANGO_DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    os.environ["DJANGO_SITE_URL"] = "https://news.example.org"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd's per-command log
    from aiosmtpd.controller import Controller
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import override_settings
    from django.utils import timezone

    from articles.models import Section, Story, Visibility
    from members.models import School, User
    from newsletter import editions, sending
    from newsletter.models import Delivery, IssueItem, Subscriber

    settings.MEDIA_ROOT = folder
    call_command("migrate", verbosity=0)
    if connection.vendor == "postgresql":
        from newsletter.models import Issue

        Delivery.objects.all().delete()
        Issue.objects.all().delete()
    today = timezone.localdate()
    if not School.objects.filter(slug="bench-school-0").exists():
        schools = School.objects.bulk_create(
            School(
                name=f"Bench school {n}",
                slug=f"bench-school-{n}",
                urn=f"9{n:05d}",
                member_since=today - datetime.timedelta(days=400),
                membership_expires=today + datetime.timedelta(days=400),
            )
            for n in range(SCHOOLS)
        )
        User.objects.bulk_create(
            User(
                email=f"member{n}@school{n % SCHOOLS}.example",
                first_name=f"Member {n}",
                school=schools[n % SCHOOLS],
                password="!",
            )
            for n in range(MEMBERS)
        )
        Subscriber.objects.bulk_create(
            Subscriber(email=f"reader{n}@example.net", confirmed_at=timezone.now())
            for n in range(SUBSCRIBERS)
        )
        section = Section.objects.create(name="Bench news", slug="bench-news")
        for n in range(12):
            Story.objects.create(
                title=f"Bench story {n}",
                slug=f"bench-story-{n}",
                standfirst=f"What happened in bench story {n}, in a sentence or two.",
                body="<p>Body.</p>",
                section=section,
                status="published",
                published_at=timezone.now() - datetime.timedelta(hours=n + 1),
                visibility=Visibility.MEMBERS if n % 3 == 0 else Visibility.PUBLIC,
            )
    issue = editions.draft_for_week(today)
    if not issue.items.exists():
        IssueItem.objects.bulk_create(
            IssueItem(issue=issue, story=story, order=n)
            for n, story in enumerate(Story.objects.filter(slug__startswith="bench-story-"))
        )

    class Counting:
        def __init__(self):
            self.accepted = 0

        async def handle_DATA(self, server, session, envelope):
            self.accepted += 1
            return "250 OK"

    counter = Counting()
    port = free_port()
    smtp = Controller(counter, hostname="127.0.0.1", port=port)
    smtp.start()
    smtp_mailer = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "use_tls": False},
        }
    }
    with override_settings(MAILERS=smtp_mailer):
        before = rss_mb()
        started = time.perf_counter()
        counts = sending.send_issue(issue, rate=0)
        seconds = time.perf_counter() - started
        after = rss_mb()
    smtp.stop()
    print(f"Weekly Update to {sum(counts.values())} recipients on {connection.vendor}:")
    for what, count in sorted(counts.items()):
        print(f"  {what}: {count}")
    print(f"  accepted by the SMTP server: {counter.accepted}")
    print(f"  time: {seconds:.1f} s ({counter.accepted / seconds:.0f} messages/s)")
    print(f"  memory: {before:.0f} MB before, {after:.0f} MB after (+{after - before:.1f} MB)")
    print("  targets: under 60 s, under 50 MB growth")


if __name__ == "__main__":
    main()
