from django import template

from jobs.models import Job

register = template.Library()


@register.inclusion_tag("admin/dashboard/failed_jobs.html", takes_context=True)
def failed_jobs_dashboard(context):
    """Jobs that failed for good, newest first: shown only when there are any."""
    if not context["request"].user.has_perm("jobs.view_job"):
        return {"shown": False}
    failed = Job.objects.failed_for_good()
    latest = list(failed.order_by("-finished_at")[:5])
    return {"shown": bool(latest), "latest": latest, "count": failed.count()}
