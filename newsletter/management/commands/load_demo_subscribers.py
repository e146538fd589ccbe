from django.core.management.base import BaseCommand
from django.utils import timezone

from newsletter import editions
from newsletter.models import Subscriber

DEMO_SUBSCRIBER = "reader@example.org"


class Command(BaseCommand):
    help = "The demo's public Weekly Update subscriber and this week's draft issue (idempotent)."

    def handle(self, *args, **options):
        Subscriber.objects.get_or_create(
            email=DEMO_SUBSCRIBER, defaults={"confirmed_at": timezone.now()}
        )
        issue = editions.draft_for_week(timezone.localdate())
        self.stdout.write(
            f"Weekly Update: {DEMO_SUBSCRIBER} is a confirmed public subscriber; "
            f"{issue} is drafted in the admin (Weekly Update → Issues).\n"
        )
