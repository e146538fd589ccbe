"""Public sign-up with double opt-in, and unsubscribing, for anyone."""

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from jobs.mail import send_later
from newsletter.models import Subscriber, Suppression, normalise

CONFIRM_SALT = "newsletter.confirm"
CONFIRM_MAX_AGE = 3 * 24 * 3600


@transaction.atomic
def subscribe(*, email: str) -> None:
    """Email a confirmation link. Says nothing about whether the address is known:
    the caller shows the same page whatever happens here."""
    email = normalise(email)
    subscriber, _ = Subscriber.objects.get_or_create(email=email)
    if subscriber.is_confirmed and not Suppression.objects.filter(email=email).exists():
        return  # already receiving it: nothing to confirm, nothing to send
    link = settings.SITE_URL + reverse(
        "newsletter:confirm", kwargs={"token": signing.dumps(email, salt=CONFIRM_SALT)}
    )
    context = {"link": link, "site_name": settings.SITE_NAME}
    send_later(
        subject=render_to_string("newsletter/email/confirm_subject.txt", context).strip(),
        body=render_to_string("newsletter/email/confirm.txt", context),
        to=[email],
    )


def email_to_confirm(token: str) -> str | None:
    try:
        return signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except signing.BadSignature:
        return None


@transaction.atomic
def confirm(*, email: str) -> None:
    """The person pressed the button: they receive the Weekly Update from now on."""
    Subscriber.objects.update_or_create(
        email=normalise(email), defaults={"confirmed_at": timezone.now()}
    )
    Suppression.objects.filter(
        email=normalise(email), reason=Suppression.Reason.UNSUBSCRIBED
    ).delete()


def unsubscribe(*, email: str) -> None:
    """No more Weekly Updates to this address, member or not."""
    Suppression.objects.get_or_create(
        email=normalise(email), defaults={"reason": Suppression.Reason.UNSUBSCRIBED}
    )


def resubscribe(*, email: str) -> None:
    """A member asked for the Weekly Update again."""
    Suppression.objects.filter(
        email=normalise(email), reason=Suppression.Reason.UNSUBSCRIBED
    ).delete()


def is_receiving(email: str) -> bool:
    return not Suppression.objects.filter(email=normalise(email)).exists()
