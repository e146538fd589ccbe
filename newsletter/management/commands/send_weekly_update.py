from collections import Counter

from django.contrib.auth.models import AnonymousUser
from django.core.management.base import BaseCommand
from django.utils import timezone

from newsletter import editions, sending


class Command(BaseCommand):
    help = (
        "Send this week's Weekly Update now (drafted from the week's live stories if "
        "there is no issue yet): each recipient once, the member edition to members."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Say who would get what; send nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        issue = editions.draft_for_week(timezone.localdate())
        if dry_run:
            copies = Counter(recipient.edition for recipient in sending.recipients())
            public = editions.stories_for(issue, AnonymousUser())
            self.stdout.write(
                f"{issue}: {issue.items.count()} stories ({len(public)} public). Would send "
                f"{copies['members']} member and {copies['public']} public copies; sent nothing."
            )
            return
        started = timezone.now()
        counts = sending.send_issue(issue)
        seconds = (timezone.now() - started).total_seconds()
        summary = ", ".join(f"{what}: {count}" for what, count in sorted(counts.items()))
        self.stdout.write(
            self.style.SUCCESS(f"{issue}: {summary or 'nobody to send to'} ({seconds:.1f} s).")
        )
