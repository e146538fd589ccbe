from django.contrib import admin, messages

from httpcache import purges
from httpcache.models import Purge


class PendingFilter(admin.SimpleListFilter):
    title = "delivery"
    parameter_name = "pending"

    def lookups(self, request, model_admin):
        return [("1", "Waiting"), ("0", "Delivered")]

    def queryset(self, request, queryset):
        if self.value() in ("0", "1"):
            return queryset.filter(delivered_at__isnull=self.value() == "1")
        return queryset


@admin.register(Purge)
class PurgeAdmin(admin.ModelAdmin):
    """Purges are written by changes, never by hand: staff can only watch and retry."""

    list_display = ["created_at", "keys", "epoch", "delivered_at", "attempts", "last_error"]
    list_filter = [PendingFilter]
    actions = ["deliver_now"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description="Deliver pending purges now", permissions=["view"])
    def deliver_now(self, request, queryset):
        delivered = purges.deliver_pending()
        level = messages.SUCCESS if delivered or not purges.pending_summary() else messages.ERROR
        self.message_user(request, f"Delivered {delivered} purge(s).", level)
