from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from jobs.worker import reclaim_abandoned, worker_id


class Command(BaseCommand):
    help = (
        "Run the background worker (renditions, Similar News, email): first put back "
        "jobs a dead worker left running, then django-tasks-db's db_worker."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch", action="store_true", help="Exit when the queue is empty.")

    def handle(self, *args, batch=False, **options):
        if reclaimed := reclaim_abandoned():
            self.stdout.write(f"Put back {reclaimed} job(s) a stopped worker left running.")
        call_command(
            "db_worker",
            worker_id=worker_id(),
            batch=batch,
            reload=settings.DEBUG and not batch,  # restarts on code changes in development
            interval=0.5,
            startup_delay=False,
            verbosity=options["verbosity"],
        )
