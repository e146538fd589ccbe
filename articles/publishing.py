"""A story's way from draft to live: the steps staff take in the admin, what
each one checks, what the story's state reads, and who is told.

Readers only ever see what ``StoryQuerySet.live()`` decides; these steps set
the two fields it reads (``status`` and ``published_at``).
"""

import datetime
import enum
import zoneinfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from articles.models import Status, Story
from jobs.mail import send_later

# Staff work in UK time whatever the server's clock says.
UK = zoneinfo.ZoneInfo("Europe/London")

PUBLISH_PERMISSION = "articles.publish_story"


class Step(enum.StrEnum):
    """What a save does to the story's state, named by the admin button pressed."""

    KEEP = "_save"  # the state stays as it is (a new story starts as a draft)
    DRAFT = "_draft"
    SUBMIT = "_submit"
    PUBLISH = "_publish"
    SCHEDULE = "_schedule"
    UNPUBLISH = "_unpublish"


# The steps only those who may publish take.
PUBLISHING_STEPS = {Step.PUBLISH, Step.SCHEDULE, Step.UNPUBLISH}


def uk_time(moment: datetime.datetime, *, year: bool = False) -> str:
    """A time as staff read it, in UK time: "Thu 3 Dec, 09:00"."""
    return timezone.localtime(moment, UK).strftime(
        "%a %-d %b %Y, %H:%M" if year else "%a %-d %b, %H:%M"
    )


def state(story: Story) -> str:
    """The story's state in words: "Draft", "In review", "Scheduled for …", "Live since …"."""
    if story.status == Status.DRAFT:
        return "Draft"
    if story.status == Status.REVIEW:
        return "In review"
    if story.is_live:
        return f"Live since {uk_time(story.published_at, year=True)}"
    return f"Scheduled for {uk_time(story.published_at, year=True)}"


def steps_for(story: Story, *, can_publish: bool) -> list[tuple[Step, str]]:
    """The buttons a person sees on the story's form, the main one first."""
    scheduled = story.status == Status.PUBLISHED and not story.is_live
    if not can_publish:
        if story.status == Status.REVIEW:
            return [(Step.KEEP, "Save"), (Step.DRAFT, "Withdraw from review")]
        return [(Step.KEEP, "Save draft"), (Step.SUBMIT, "Submit for review")]
    if story.pk and story.is_live:
        return [(Step.KEEP, "Update live story"), (Step.UNPUBLISH, "Unpublish")]
    if scheduled:
        return [
            (Step.KEEP, "Save"),
            (Step.SCHEDULE, "Reschedule"),
            (Step.PUBLISH, "Publish now"),
            (Step.UNPUBLISH, "Unschedule (back to draft)"),
        ]
    steps = [(Step.PUBLISH, "Publish now"), (Step.SCHEDULE, "Schedule")]
    if story.status == Status.REVIEW:
        return [(Step.KEEP, "Save"), *steps, (Step.DRAFT, "Send back to draft")]
    return [(Step.KEEP, "Save draft"), *steps]


def step_from(data) -> Step:
    """The step a submitted form asks for (the name of the button pressed)."""
    for step in Step:
        if step is not Step.KEEP and step.value in data:
            return step
    return Step.KEEP


def refusal(
    *,
    step: Step,
    published_at: datetime.datetime | None,
    can_publish: bool,
    now: datetime.datetime,
) -> str | None:
    """Why this step can't be taken, or None when it can."""
    if step in PUBLISHING_STEPS and not can_publish:
        return "Only editors publish, schedule or unpublish stories: submit it for review instead."
    if step is Step.SCHEDULE:
        if published_at is None:
            return "Choose the publication time to schedule the story for."
        if published_at <= now:
            return (
                f"{uk_time(published_at, year=True)} has passed: choose a later time to "
                "schedule the story, or publish it now."
            )
    return None


def take(story: Story, step: Step, *, now: datetime.datetime) -> None:
    """Set the story's status and time for ``step`` (the caller saves it)."""
    match step:
        case Step.DRAFT | Step.UNPUBLISH:
            story.status = Status.DRAFT
        case Step.SUBMIT:
            story.status = Status.REVIEW
        case Step.PUBLISH:
            story.status = Status.PUBLISHED
            if story.published_at is None or story.published_at > now:
                story.published_at = now
        case Step.SCHEDULE:
            story.status = Status.PUBLISHED


def outcome(story: Story, step: Step) -> str:
    """What the save did, for the message staff see after it."""
    match step:
        case Step.SUBMIT:
            return "is submitted for review. Editors have been emailed."
        case Step.UNPUBLISH:
            return "is unpublished and back to draft: readers no longer see it."
        case Step.PUBLISH:
            return "is live."
        case Step.SCHEDULE:
            return f"is scheduled for {uk_time(story.published_at)}. It goes live then by itself."
    if story.status == Status.DRAFT:
        pending = story.published_at and story.published_at > timezone.now()
        note = (
            f" It is not scheduled: press Schedule to publish it at {uk_time(story.published_at)}."
            if pending
            else ""
        )
        return "is saved as a draft." + note
    if story.status == Status.REVIEW:
        return "is saved and still in review."
    return f"is saved. {state(story)}."


def summary(story: Story, step: Step, *, created: bool) -> str:
    """A version's note in the story's history: what this save did."""
    match step:
        case Step.SUBMIT:
            return "Submitted for review"
        case Step.PUBLISH:
            return "Published"
        case Step.SCHEDULE:
            return f"Scheduled for {uk_time(story.published_at, year=True)}"
        case Step.UNPUBLISH:
            return "Unpublished"
        case Step.DRAFT:
            return "Back to draft"
    return "Created" if created else f"Edited. {state(story)}"


def editors():
    """Active staff who may publish: those told when a story awaits review."""
    user_model = get_user_model()
    may_publish = Q(is_superuser=True)
    app_label, codename = PUBLISH_PERMISSION.split(".")
    for through in ("groups__permissions", "user_permissions"):
        may_publish |= Q(
            **{f"{through}__codename": codename, f"{through}__content_type__app_label": app_label}
        )
    return user_model.objects.filter(may_publish, is_active=True, is_staff=True).distinct()


def notify_editors(story: Story, *, submitted_by) -> None:
    """Email every editor that ``story`` awaits review, from the worker once the save commits."""
    recipients = list(editors().exclude(pk=submitted_by.pk).values_list("email", flat=True))
    if not recipients:
        return
    context = {
        "story": story,
        "submitted_by": submitted_by.get_full_name() or submitted_by.email,
        "edit_url": settings.SITE_URL + reverse("admin:articles_story_change", args=[story.pk]),
        "dashboard_url": settings.SITE_URL + reverse("admin:index"),
        "site_name": settings.SITE_NAME,
    }
    subject = render_to_string("articles/email/review_requested_subject.txt", context).strip()
    body = render_to_string("articles/email/review_requested.txt", context)
    # After commit, and a mail failure is logged rather than failing the save.
    for to in recipients:
        send_later(subject=subject, body=body, to=[to])
