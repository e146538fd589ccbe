"""The stories part of the admin's home page: what is waiting for whom."""

from django import template

from articles.models import Status, Story
from articles.publishing import uk_time

register = template.Library()

RECENT_DRAFTS = 8


@register.inclusion_tag("admin/dashboard/stories.html", takes_context=True)
def story_dashboard(context):
    """Stories awaiting review (oldest first), scheduled (soonest first) and recent drafts."""
    user = context["request"].user
    if not user.has_perm("articles.view_story"):
        return {"shown": False}
    stories = Story.objects.select_related("edited_by", "created_by", "section").only(
        "id",
        "title",
        "status",
        "published_at",
        "updated_at",
        "section__name",
        "edited_by__first_name",
        "edited_by__last_name",
        "edited_by__email",
        "created_by__first_name",
        "created_by__last_name",
        "created_by__email",
    )
    awaiting = list(stories.filter(status=Status.REVIEW).order_by("updated_at"))
    scheduled = list(stories.scheduled().order_by("published_at"))
    drafts = list(stories.filter(status=Status.DRAFT).order_by("-updated_at")[:RECENT_DRAFTS])
    for story in scheduled:
        story.goes_live = uk_time(story.published_at)
    return {
        "shown": True,
        "awaiting": awaiting,
        "scheduled": scheduled,
        "drafts": drafts,
        "draft_count": stories.filter(status=Status.DRAFT).count(),
        "can_publish": user.has_perm("articles.publish_story"),
    }
