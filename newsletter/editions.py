"""What an issue holds and what each reader's copy says.

Who sees a member-only story is decided by ``Story.objects.visible_to`` alone,
for each recipient when their copy is made: a public copy carries no trace of
member-only stories (no titles, no counts).
"""

import datetime
import zoneinfo
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import models, transaction
from django.template.loader import render_to_string
from django.urls import reverse

from articles.models import Story
from members.membership import audience
from newsletter.models import Issue, IssueItem, monday_of

UK = zoneinfo.ZoneInfo("Europe/London")
UNSUBSCRIBE_SALT = "newsletter.unsubscribe"


@dataclass(frozen=True)
class Recipient:
    email: str
    user: object | None = None  # a members.User; None for a public subscriber

    @property
    def viewer(self):
        return self.user or AnonymousUser()

    @property
    def edition(self) -> str:
        """ "members" or "public": the rule every page uses, asked now."""
        return audience(self.viewer)


@transaction.atomic
def draft_for_week(day: datetime.date) -> Issue:
    """The issue for the week holding ``day``; made from that week's live stories
    (by section, newest first) if it does not exist yet."""
    issue, created = Issue.objects.get_or_create(week_of=monday_of(day))
    if created:
        add_new_stories(issue)
    return issue


def add_new_stories(issue: Issue) -> int:
    """Add the week's live stories the issue does not hold yet, after the others
    (by section, newest first); return how many were added."""
    start = datetime.datetime.combine(issue.week_of, datetime.time.min, UK)
    stories = (
        Story.objects.live()
        .filter(published_at__gte=start, published_at__lt=start + datetime.timedelta(days=7))
        .exclude(pk__in=issue.items.values("story"))
        .order_by("section__order", "section__name", "-published_at")
    )
    after = (issue.items.aggregate(last=models.Max("order"))["last"] or -1) + 1
    added = IssueItem.objects.bulk_create(
        IssueItem(issue=issue, story=story, order=after + n) for n, story in enumerate(stories)
    )
    return len(added)


def stories_for(issue: Issue, viewer) -> list[Story]:
    """The issue's stories ``viewer`` may read, in the issue's order."""
    order = dict(issue.items.values_list("story_id", "order"))
    stories = Story.objects.visible_to(viewer).filter(pk__in=order).cards()
    return sorted(stories, key=lambda story: (order[story.pk], story.pk))


def unsubscribe_url(email: str) -> str:
    token = signing.dumps(email, salt=UNSUBSCRIBE_SALT)
    return settings.SITE_URL + reverse("newsletter:unsubscribe", kwargs={"token": token})


def email_from_token(token: str) -> str | None:
    try:
        return signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None


def absolute(url: str) -> str:
    return url if url.startswith(("http://", "https://")) else settings.SITE_URL + url


class Editions:
    """Makes each recipient's copy of one issue, reading each edition's stories once."""

    def __init__(self, issue: Issue):
        self.issue = issue
        self._stories: dict[str, list[Story]] = {}

    def stories(self, recipient: Recipient) -> list[Story]:
        edition = recipient.edition
        if edition not in self._stories:
            self._stories[edition] = stories_for(self.issue, recipient.viewer)
        return self._stories[edition]

    def context(self, recipient: Recipient) -> dict:
        stories = self.stories(recipient)
        return {
            "issue": self.issue,
            "edition": recipient.edition,
            "items": [
                {
                    "story": story,
                    "url": absolute(story.get_absolute_url()),
                    "picture": (
                        {**story.card_picture, "src": absolute(story.card_picture["src"])}
                        # A mail client has no session: only public files show.
                        if story.card_picture and story.hero.stored_publicly
                        else None
                    ),
                }
                for story in stories
            ],
            "web_url": absolute(self.issue.get_absolute_url()),
            "unsubscribe_url": unsubscribe_url(recipient.email),
            "site_name": settings.SITE_NAME,
            "site_url": settings.SITE_URL,
        }

    def message(self, recipient: Recipient, *, subject_prefix: str = "") -> EmailMultiAlternatives:
        """The recipient's copy: plain text with an HTML alternative, and the
        one-click unsubscribe headers of RFC 8058."""
        context = self.context(recipient)
        message = EmailMultiAlternatives(
            subject=subject_prefix + self.issue.subject,
            body=render_to_string("newsletter/email/issue.txt", context),
            to=[recipient.email],
            headers={
                "List-Unsubscribe": f"<{context['unsubscribe_url']}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )
        message.attach_alternative(
            render_to_string("newsletter/email/issue.html", context), "text/html"
        )
        return message
