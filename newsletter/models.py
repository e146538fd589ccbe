"""The Weekly Update: issues, their stories, who gets them, and each delivery."""

import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from articles.models import Story


def normalise(email: str) -> str:
    """Addresses are kept and compared trimmed and lower-cased."""
    return email.strip().lower()


class Subscriber(models.Model):
    """A public reader who asked for the Weekly Update and confirmed their address.

    Members (people with an account) are subscribed by default and are not here.
    """

    email = models.EmailField(unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["email"]

    def __str__(self):
        return self.email

    def save(self, *args, **kwargs):
        self.email = normalise(self.email)
        super().save(*args, **kwargs)

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None


class Suppression(models.Model):
    """An address never to send the Weekly Update to: it unsubscribed, or the mail
    server refused it for good (a 5xx answer)."""

    class Reason(models.TextChoices):
        UNSUBSCRIBED = "unsubscribed", "Unsubscribed"
        REFUSED = "refused", "Refused by the mail server"

    email = models.EmailField(unique=True)
    reason = models.CharField(max_length=20, choices=Reason)
    detail = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} ({self.get_reason_display().lower()})"


def monday_of(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


class Issue(models.Model):
    """One week's Weekly Update: an introduction and the stories, in order."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SCHEDULED = "scheduled", "Scheduled"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"

    week_of = models.DateField(unique=True, help_text="The Monday of the week this issue covers.")
    introduction = models.TextField(
        blank=True, help_text="A few sentences from the editor, at the top of the email."
    )
    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT)
    send_at = models.DateTimeField(
        null=True, blank=True, help_text="UK time. Schedule sends the issue at this time."
    )
    sent_at = models.DateTimeField(null=True, blank=True)
    stories = models.ManyToManyField(Story, through="IssueItem", related_name="+")

    class Meta:
        ordering = ["-week_of"]

    def __str__(self):
        return f"Weekly Update, week of {self.week_of:%-d %B %Y}"

    def get_absolute_url(self):
        return reverse("newsletter:issue", kwargs={"week_of": self.week_of.isoformat()})

    @property
    def subject(self) -> str:
        return f"{settings.SITE_NAME} Weekly Update: {self.week_of:%-d %B %Y}"


class IssueItem(models.Model):
    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="items")
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="+")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["issue", "story"], name="unique_issue_story")
        ]

    def __str__(self):
        return str(self.story)


class Delivery(models.Model):
    """One recipient's copy of one issue: claimed before it is handed to the mail
    server, so a send that stops anywhere resumes without sending it twice."""

    class Status(models.TextChoices):
        SENDING = "sending", "Handed to the mail server, not yet confirmed"
        SENT = "sent", "Sent"
        REFUSED = "refused", "Refused by the mail server"

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="deliveries")
    email = models.EmailField()
    edition = models.CharField(max_length=10)  # "members" or "public"
    status = models.CharField(max_length=10, choices=Status, default=Status.SENDING)
    claimed_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    detail = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name_plural = "deliveries"
        ordering = ["issue", "email"]
        constraints = [
            models.UniqueConstraint(fields=["issue", "email"], name="one_copy_per_recipient")
        ]

    def __str__(self):
        return f"{self.issue} to {self.email}"
