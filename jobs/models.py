from django.db import models
from django_tasks_db.models import DBTaskResult

from jobs.retries import WillRetry

WILL_RETRY = f"{WillRetry.__module__}.{WillRetry.__qualname__}"


class JobQuerySet(models.QuerySet):
    def failed_for_good(self):
        """Jobs whose last attempt failed: nothing will run them again unless staff retry."""
        return self.filter(status="FAILED").exclude(exception_class_path=WILL_RETRY)


class Job(DBTaskResult):
    """A background job as staff see it: django-tasks-db's record of a task."""

    objects = JobQuerySet.as_manager()

    class Meta:
        proxy = True
        ordering = ["-enqueued_at"]

    def __str__(self):
        return f"{self.task_name} ({self.status.lower()})"

    @property
    def is_failed_for_good(self) -> bool:
        return self.status == "FAILED" and self.exception_class_path != WILL_RETRY

    @property
    def error(self) -> str:
        """The last line of the traceback: what went wrong, in one line."""
        lines = [line for line in self.traceback.splitlines() if line.strip()]
        return lines[-1] if lines else ""
