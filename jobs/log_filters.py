"""Keep job lines out of the log unless a job fails.

django-tasks-db's worker sets its loggers to INFO whatever the settings say
(``db_worker.configure_logging``), so a level in ``LOGGING`` is not enough:
this filter, on the console handler, drops their records below ``level``.
"""

import logging

JOB_LOGGERS = ("django.tasks", "django_tasks_db")


class QuietJobs(logging.Filter):
    def __init__(self, level: str = "WARNING"):
        super().__init__()
        self.level = logging.getLevelName(level.upper())

    def filter(self, record: logging.LogRecord) -> bool:
        from_jobs = any(
            record.name == name or record.name.startswith(f"{name}.") for name in JOB_LOGGERS
        )
        return not from_jobs or record.levelno >= self.level
