"""Jobs a dead worker left running, put back in the queue."""

import datetime
import os
import socket

from django.utils import timezone
from django_tasks_db.models import DBTaskResult

# A job running longer than this on another machine is taken to be abandoned.
ABANDONED_AFTER = datetime.timedelta(minutes=30)


def worker_id() -> str:
    """This process's worker id: host and process id, so a restarted worker can
    tell which running jobs were its dead predecessor's."""
    return f"{socket.gethostname()[:50]}:{os.getpid()}"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def reclaim_abandoned(*, now: datetime.datetime | None = None) -> int:
    """Make jobs whose worker died mid-job ready to run again; return how many.

    A job is abandoned when the process that claimed it on this machine is gone,
    or when it has run longer than ``ABANDONED_AFTER`` (its worker may be on
    another machine). Every job here is safe to run twice.
    """
    now = now or timezone.now()
    host = socket.gethostname()[:50]
    abandoned = []
    for job in DBTaskResult.objects.filter(status="RUNNING").only("id", "worker_ids", "started_at"):
        last = job.worker_ids[-1] if job.worker_ids else ""
        job_host, _, pid = last.rpartition(":")
        if job_host == host and pid.isdigit():
            if not _alive(int(pid)):
                abandoned.append(job.id)
        elif job.started_at is None or job.started_at < now - ABANDONED_AFTER:
            abandoned.append(job.id)
    return DBTaskResult.objects.filter(id__in=abandoned, status="RUNNING").update(
        status="READY", started_at=None
    )
