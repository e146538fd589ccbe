import time

from django.core.management.base import BaseCommand
from django.db import DatabaseError, close_old_connections

from httpcache import purges

POLL_SECONDS = 1.0
CLEAN_UP_SECONDS = 3600.0


class Command(BaseCommand):
    help = (
        "Deliver pending HTTP cache purges to Varnish, retrying every second until each "
        "is acknowledged. `make serve` runs it beside gunicorn; --once delivers and exits."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--once", action="store_true", help="Deliver what is pending, then stop."
        )

    def handle(self, *args, once=False, **options):
        if not purges.enabled():
            self.stderr.write("HTTP_CACHE_URLS is empty: there is no cache to purge.")
            return
        next_clean_up = 0.0
        while True:
            close_old_connections()
            try:
                delivered = purges.deliver_pending()
                if time.monotonic() >= next_clean_up:
                    purges.forget_delivered()
                    next_clean_up = time.monotonic() + CLEAN_UP_SECONDS
            except DatabaseError as error:  # the database restarting: try again shortly
                self.stderr.write(f"Database unavailable, retrying: {error}")
                delivered = 0
            if delivered and options["verbosity"] > 1:
                self.stdout.write(f"Delivered {delivered} purge(s).")
            if once:
                return
            time.sleep(POLL_SECONDS)
