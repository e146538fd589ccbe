from django.core.mail import send_mail
from django.tasks import task

from jobs.retries import with_retries


@task
@with_retries()
def deliver_email(*, subject: str, body: str, to: list[str]) -> None:
    """Send one plain-text email (from DEFAULT_FROM_EMAIL)."""
    send_mail(subject, body, None, to)
