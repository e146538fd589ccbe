"""Who is guessing: the person (whatever they type) and the client address
(behind our own proxies only), for django-axes and the log-in forms."""

import time

from axes.signals import user_locked_out
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.core.cache import cache
from django.dispatch import receiver

from jobs.mail import send_later
from members.text import normalise_email


def axes_username(request, credentials=None) -> str:
    """The account a log-in is for, the same however it was typed (AXES_USERNAME_CALLABLE)."""
    field = settings.AXES_USERNAME_FORM_FIELD
    if credentials and credentials.get(field):
        return normalise_email(credentials[field])
    data = getattr(request, "data", None) or getattr(request, "POST", {})
    return normalise_email(data.get(field))


def client_ip(request) -> str | None:
    """The client's address. Behind ``TRUSTED_PROXY_COUNT`` proxies of our own
    (a load balancer, Varnish), it is the entry the outermost of them added to
    X-Forwarded-For; entries before it were written by the client and are ignored.
    With no trusted proxies the header is ignored altogether."""
    proxies = settings.TRUSTED_PROXY_COUNT
    remote = request.META.get("REMOTE_ADDR")
    if not proxies:
        return remote
    forwarded = [
        part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part
    ]
    if len(forwarded) < proxies:
        return remote  # not through the proxies: the address that connected
    return forwarded[-proxies]


# Failures from one address across any accounts: past this many in the window,
# each log-in from it waits a little longer (at most SLOW_DOWN_MAX seconds). The
# right password still works; guessing many accounts from one address gets slow.
SLOW_DOWN_AFTER = 10
SLOW_DOWN_MAX = 5.0
WINDOW_SECONDS = 15 * 60


def _key(ip: str | None) -> str:
    return f"login-failures:{ip}"


@receiver(user_login_failed)
def count_failure(sender, credentials, request=None, **kwargs):
    if request is None:
        return
    key = _key(client_ip(request))
    cache.add(key, 0, WINDOW_SECONDS)
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW_SECONDS)


def delay_for(request) -> float:
    """How long a log-in from this address waits before its password is checked."""
    failures = cache.get(_key(client_ip(request)), 0)
    if failures <= SLOW_DOWN_AFTER:
        return 0.0
    return min((failures - SLOW_DOWN_AFTER) * 0.5, SLOW_DOWN_MAX)


def slow_down(request) -> None:
    if seconds := delay_for(request):
        time.sleep(seconds)


@receiver(user_locked_out)
def tell_staff_they_are_locked_out(sender, request=None, username=None, **kwargs):
    """A staff account locked by guessing: its owner hears of it at once."""
    from members.models import User

    person = User.objects.filter(email__iexact=username or "", is_staff=True).first()
    if person is None:
        return
    send_later(
        subject=f"{settings.SITE_NAME}: your account was locked for 15 minutes",
        body=(
            f"Someone entered a wrong password for {person.email} {settings.AXES_FAILURE_LIMIT} "
            "times, so log-in to this account is refused for the next 15 minutes, even with "
            "the right password.\n\nIf it was you, wait, or choose a new password from the "
            f"log-in page: {settings.SITE_URL}/members/password-reset/\n\nIf it was not you, "
            "tell the network office: someone may be trying to guess your password.\n"
        ),
        to=[person.email],
    )


# Forms that send email to an address someone types: at most one email to an
# address per hour whatever is posted, and a limit per client address.
EMAIL_EVERY_SECONDS = 60 * 60
REQUESTS_PER_CLIENT_PER_HOUR = 5


def first_email_this_hour(kind: str, address: str) -> bool:
    """True the first time in an hour an email of ``kind`` goes to ``address``."""
    return cache.add(f"mailed:{kind}:{normalise_email(address)}", 1, EMAIL_EVERY_SECONDS)


def client_over_limit(request, kind: str, limit: int = REQUESTS_PER_CLIENT_PER_HOUR) -> bool:
    """Count this request from its client address; True once past ``limit`` in an hour."""
    key = f"posted:{kind}:{client_ip(request)}"
    cache.add(key, 0, EMAIL_EVERY_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, EMAIL_EVERY_SECONDS)
        count = 1
    return count > limit
