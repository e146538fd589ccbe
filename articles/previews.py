"""Shareable previews: a draft or scheduled story, readable without an account
through a signed link that expires and can be revoked."""

import datetime

from django.core import signing
from django.urls import reverse
from django.utils import timezone

from articles.models import PreviewLink, Story

SALT = "articles.preview-link"
DEFAULT_DAYS = 7
MAX_DAYS = 30


def make(*, story: Story, created_by, days: int = DEFAULT_DAYS) -> PreviewLink:
    """A new preview link for ``story``, valid for ``days`` (1 to 30)."""
    if not 1 <= days <= MAX_DAYS:
        raise ValueError(f"A preview link lasts from 1 to {MAX_DAYS} days.")
    return PreviewLink.objects.create(
        story=story,
        created_by=created_by,
        expires_at=timezone.now() + datetime.timedelta(days=days),
    )


def path(link: PreviewLink) -> str:
    """The link's address: a signed id, which says nothing about the story."""
    # Signed without a timestamp: the link's expiry is kept in the database.
    token = signing.Signer(salt=SALT).sign(str(link.pk))
    return reverse("articles:preview", kwargs={"token": token})


def find(token: str) -> PreviewLink | None:
    """The link a token names, while it is neither expired nor revoked."""
    try:
        pk = int(signing.Signer(salt=SALT).unsign(token))
    except (signing.BadSignature, ValueError):
        return None
    link = PreviewLink.objects.select_related("story__section").filter(pk=pk).first()
    return link if link is not None and link.is_active else None


def revoke(link: PreviewLink) -> None:
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])


def active_for(story: Story):
    return story.preview_links.filter(revoked_at=None, expires_at__gt=timezone.now())
