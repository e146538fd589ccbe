"""The membership part of the admin's home page: access requests waiting."""

from django import template

from members.models import AccessRequest

register = template.Library()


@register.inclusion_tag("admin/dashboard/access_requests.html", takes_context=True)
def access_request_dashboard(context):
    """Confirmed requests waiting for a decision, oldest first, and how many are unconfirmed."""
    if not context["request"].user.has_perm("members.view_accessrequest"):
        return {"shown": False}
    pending = AccessRequest.objects.filter(status=AccessRequest.Status.PENDING)
    waiting = pending.filter(email_confirmed_at__isnull=False).select_related("school")
    return {
        "shown": True,
        "waiting": list(waiting.order_by("created_at")[:10]),
        "waiting_count": waiting.count(),
        "unconfirmed_count": pending.filter(email_confirmed_at__isnull=True).count(),
    }
