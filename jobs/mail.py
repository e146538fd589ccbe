"""Email goes out from the worker, never from the web request that caused it."""

from django.db import transaction

from jobs.tasks import deliver_email


def send_later(*, subject: str, body: str, to: list[str]) -> None:
    """Queue one email once the current transaction commits (at once outside one).

    The worker delivers it, retrying with back-off if the mail server fails: a
    mail failure never makes the request that caused it fail, and nothing is
    sent about a change that rolled back.
    """
    transaction.on_commit(
        lambda: deliver_email.enqueue(subject=subject, body=body, to=list(to)), robust=True
    )
