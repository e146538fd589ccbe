"""Sending an issue: every recipient exactly once, resumable, at a steady rate.

Each copy is claimed (a ``Delivery`` row, unique per issue and address) before it
goes to the mail server and marked sent after the server accepts it. A send that
stops (worker killed, mail server down) resumes where it stopped: claimed copies
are not sent again, and a copy whose sending failed is unclaimed first. Recipients
are streamed from the database, never all held in memory.
"""

import smtplib
import time
from collections import Counter
from collections.abc import Iterator

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import mailers
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from newsletter.editions import Editions, Recipient
from newsletter.models import Delivery, Issue, Subscriber, Suppression


def people():
    """Accounts the Weekly Update goes to: active network staff and people of a
    school (members, or once members: their edition is decided at sending)."""
    return get_user_model().objects.filter(
        Q(is_staff=True) | Q(school__isnull=False), is_active=True
    )


def recipients() -> Iterator[Recipient]:
    """Everyone to send to, each address once, none that is suppressed."""
    suppressed = Suppression.objects.values("email")
    accounts = people().exclude(email__in=suppressed).select_related("school").order_by("pk")
    for user in accounts.iterator(chunk_size=500):
        yield Recipient(email=user.email.lower(), user=user)
    subscribers = (
        Subscriber.objects.filter(confirmed_at__isnull=False)
        .exclude(email__in=suppressed)
        .exclude(email__in=people().values("email"))
        .order_by("pk")
    )
    for email in subscribers.values_list("email", flat=True).iterator(chunk_size=2000):
        yield Recipient(email=email)


def _permanent(error: smtplib.SMTPException) -> str | None:
    """The mail server's 5xx answer for this one address, if it refused it for good."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        code, text = next(iter(error.recipients.values()))
    elif isinstance(error, smtplib.SMTPResponseException):
        code, text = error.smtp_code, error.smtp_error
    else:
        return None
    if 500 <= code < 600:
        text = text.decode(errors="replace") if isinstance(text, bytes) else str(text)
        return f"{code} {text}"[:300]
    return None


def send_issue(issue: Issue, *, rate: float | None = None) -> Counter:
    """Send ``issue`` to everyone who has not had it yet; return what happened."""
    rate = rate if rate is not None else settings.WEEKLY_UPDATE_RATE
    Issue.objects.filter(pk=issue.pk).exclude(status=Issue.Status.SENT).update(
        status=Issue.Status.SENDING
    )
    editions = Editions(issue)
    counts = Counter()
    pause = 1 / rate if rate else 0
    with mailers.default as connection:
        for recipient in recipients():
            try:
                with transaction.atomic():
                    claim = Delivery.objects.create(
                        issue=issue, email=recipient.email, edition=recipient.edition
                    )
            except IntegrityError:
                counts["already had it"] += 1
                continue
            message = editions.message(recipient)
            try:
                connection.send_messages([message])
            except smtplib.SMTPException as error:
                if refusal := _permanent(error):
                    claim.status, claim.detail = Delivery.Status.REFUSED, refusal
                    claim.save(update_fields=["status", "detail"])
                    Suppression.objects.get_or_create(
                        email=recipient.email,
                        defaults={"reason": Suppression.Reason.REFUSED, "detail": refusal},
                    )
                    counts["refused"] += 1
                    continue
                claim.delete()  # not sent: the resumed send tries this address again
                raise
            except Exception:
                claim.delete()
                raise
            claim.status, claim.sent_at = Delivery.Status.SENT, timezone.now()
            claim.save(update_fields=["status", "sent_at"])
            counts[f"sent ({recipient.edition})"] += 1
            if pause:
                time.sleep(pause)
    Issue.objects.filter(pk=issue.pk).update(status=Issue.Status.SENT, sent_at=timezone.now())
    return counts


def send_test(issue: Issue, *, to_user) -> None:
    """Send ``to_user`` their own copy, marked as a test; no delivery is recorded."""
    message = Editions(issue).message(
        Recipient(email=to_user.email, user=to_user), subject_prefix="[Test] "
    )
    with mailers.default as connection:
        connection.send_messages([message])
