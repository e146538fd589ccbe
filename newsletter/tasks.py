import datetime

from django.tasks import task

from jobs.retries import with_retries
from newsletter import sending
from newsletter.models import Issue


@task
@with_retries(attempts=6, first_delay=datetime.timedelta(minutes=2))
def send_issue(issue_id: int) -> dict:
    """Send an issue to everyone who has not had it yet (a retry resumes the send)."""
    issue = Issue.objects.filter(pk=issue_id).first()
    if issue is None or issue.status == Issue.Status.SENT:
        return {}
    return dict(sending.send_issue(issue))


@task
@with_retries()
def send_test_copy(issue_id: int, user_id: int) -> None:
    """Send one person their own copy of an issue, marked as a test."""
    from django.contrib.auth import get_user_model

    sending.send_test(
        Issue.objects.get(pk=issue_id), to_user=get_user_model().objects.get(pk=user_id)
    )
