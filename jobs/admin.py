from django.contrib import admin, messages
from django.utils.html import format_html
from django.utils.module_loading import import_string
from django_tasks_db.models import DBTaskResult

from jobs.models import WILL_RETRY, Job

# The package's own admin shows every field raw; staff get this one instead.
if admin.site.is_registered(DBTaskResult):
    admin.site.unregister(DBTaskResult)


class StateFilter(admin.SimpleListFilter):
    title = "state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("failed", "Failed for good"),
            ("retrying", "Failed, will retry"),
            ("waiting", "Waiting"),
            ("running", "Running"),
            ("done", "Done"),
        ]

    def queryset(self, request, queryset):
        match self.value():
            case "failed":
                return queryset.failed_for_good()
            case "retrying":
                return queryset.filter(status="FAILED", exception_class_path=WILL_RETRY)
            case "waiting":
                return queryset.filter(status="READY")
            case "running":
                return queryset.filter(status="RUNNING")
            case "done":
                return queryset.filter(status="SUCCESSFUL")
        return queryset


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ["task_name", "state", "error", "enqueued_at", "finished_at", "attempts"]
    list_filter = [StateFilter, "task_path"]
    search_fields = ["task_path", "traceback"]
    actions = ["retry"]
    fields = [
        "task_path",
        "state",
        "args_kwargs",
        "enqueued_at",
        "started_at",
        "finished_at",
        "run_after",
        "worker_ids",
        "formatted_traceback",
    ]
    readonly_fields = fields

    @admin.display(description="state")
    def state(self, job):
        if job.is_failed_for_good:
            return "Failed for good"
        if job.status == "FAILED":
            return "Failed, will retry"
        return {"READY": "Waiting", "RUNNING": "Running", "SUCCESSFUL": "Done"}.get(
            job.status, job.status
        )

    @admin.display(description="attempt")
    def attempts(self, job):
        return (job.args_kwargs.get("kwargs") or {}).get("retry_attempt", 1)

    @admin.display(description="error")
    def formatted_traceback(self, job):
        return format_html("<pre>{}</pre>", job.traceback) if job.traceback else "-"

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description="Retry the selected failed jobs", permissions=["change"])
    def retry(self, request, queryset):
        retried = 0
        for job in queryset.failed_for_good():
            kwargs = dict(job.args_kwargs.get("kwargs") or {})
            kwargs.pop("retry_attempt", None)
            import_string(job.task_path).enqueue(*job.args_kwargs.get("args", []), **kwargs)
            job.delete()  # the new job carries the work, and its own outcome
            retried += 1
        skipped = queryset.count() - retried
        self.message_user(
            request,
            f"Queued {retried} job{'s' if retried != 1 else ''} again."
            + (f" {skipped} not failed for good were left alone." if skipped else ""),
            messages.SUCCESS,
        )
