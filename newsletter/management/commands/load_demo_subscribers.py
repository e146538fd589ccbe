from django.core.management.base import BaseCommand
from django.utils import timezone

from articles.models import Story
from newsletter import editions
from newsletter.models import IssueItem, Subscriber

DEMO_SUBSCRIBER = "reader@example.org"
DEMO_ISSUE_SIZE = 6


class Command(BaseCommand):
    help = (
        "The demo's public Weekly Update subscriber and this week's draft issue "
        "(idempotent). Early in the week the draft is topped up with the latest "
        "stories, member-only ones included, so both editions show."
    )

    def handle(self, *args, **options):
        Subscriber.objects.get_or_create(
            email=DEMO_SUBSCRIBER, defaults={"confirmed_at": timezone.now()}
        )
        issue = editions.draft_for_week(timezone.localdate())
        if issue.status == issue.Status.DRAFT and issue.items.count() < DEMO_ISSUE_SIZE:
            held = set(issue.items.values_list("story_id", flat=True))
            latest = Story.objects.live().exclude(pk__in=held)[: DEMO_ISSUE_SIZE - len(held)]
            IssueItem.objects.bulk_create(
                IssueItem(issue=issue, story=story, order=len(held) + n)
                for n, story in enumerate(latest)
            )
        self.stdout.write(
            f"Weekly Update: {DEMO_SUBSCRIBER} is a confirmed public subscriber; "
            f"{issue} ({issue.items.count()} stories) is drafted in the admin "
            "(Weekly Update → Issues).\n"
        )
