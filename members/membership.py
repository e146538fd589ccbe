"""Who is a member, for any viewer, signed in or not."""

from django.contrib.auth.models import AnonymousUser


def is_member(user) -> bool:
    """Return whether ``user`` (possibly anonymous) may read member-only stories."""
    if user is None or isinstance(user, AnonymousUser) or not user.is_authenticated:
        return False
    return user.is_member


def is_staff(user) -> bool:
    """Return whether ``user`` (possibly anonymous) works for the network: sees drafts
    and every file."""
    return bool(user is not None and user.is_authenticated and user.is_active and user.is_staff)


def audience(user) -> str:
    """What a page may show ``user`` depends on this alone: "members" or "public"."""
    return "members" if is_member(user) else "public"
