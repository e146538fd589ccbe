"""Tasks the queue tests run."""

import datetime

from django.tasks import task

from jobs.retries import with_retries


@task
@with_retries(attempts=3, first_delay=datetime.timedelta(minutes=1))
def always_fails(*, label: str) -> None:
    raise RuntimeError(f"BROKEN-{label}")
