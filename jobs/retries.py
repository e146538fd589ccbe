"""Retry with back-off for background jobs (Django's Tasks API has none of its own).

A failed attempt is recorded as failed with ``WillRetry`` (its cause chained in
the traceback) and the job is queued again for later: 1, 4, 16, 64 minutes by
default. When the last attempt fails, the job keeps its real error: that is a
job "failed for good", which staff see and can retry from the admin.
"""

import datetime
import functools

from django.utils import timezone
from django.utils.module_loading import import_string

ATTEMPTS = 5
FIRST_DELAY = datetime.timedelta(minutes=1)


class WillRetry(Exception):
    """This attempt failed and the job is queued again; the cause is chained."""


def delay_after(attempt: int, first: datetime.timedelta = FIRST_DELAY) -> datetime.timedelta:
    """How long to wait after failed attempt number ``attempt``: 1, 4, 16, 64 … minutes."""
    return first * 4 ** (attempt - 1)


def with_retries(*, attempts: int = ATTEMPTS, first_delay: datetime.timedelta = FIRST_DELAY):
    """Decorate a task's function (under ``@task``) to be queued again when it fails."""

    def decorate(func):
        @functools.wraps(func)
        def attempt(*args, retry_attempt: int = 1, **kwargs):
            try:
                return func(*args, **kwargs)
            except Exception as error:
                task = import_string(f"{func.__module__}.{func.__name__}")
                if retry_attempt >= attempts or not task.get_backend().supports_defer:
                    raise
                delay = delay_after(retry_attempt, first_delay)
                task.using(run_after=timezone.now() + delay).enqueue(
                    *args, retry_attempt=retry_attempt + 1, **kwargs
                )
                raise WillRetry(
                    f"Attempt {retry_attempt} of {attempts} failed; "
                    f"trying again in {delay.total_seconds():.0f} s."
                ) from error

        return attempt

    return decorate
