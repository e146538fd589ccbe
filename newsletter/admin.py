from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from newsletter import editions
from newsletter.models import Delivery, Issue, IssueItem, Subscriber, Suppression
from newsletter.tasks import send_issue, send_test_copy


class IssueItemInline(admin.TabularInline):
    model = IssueItem
    autocomplete_fields = ["story"]
    extra = 0
    verbose_name = "story"
    verbose_name_plural = "Stories, in this order (members-only ones go to members alone)"


@admin.register(Issue)
class IssueAdmin(admin.ModelAdmin):
    list_display = ["__str__", "status", "send_at", "sent_at", "delivered"]
    fields = ["week_of", "introduction", "send_at", "status", "sent_at"]
    readonly_fields = ["status", "sent_at"]
    inlines = [IssueItemInline]
    change_form_template = "admin/newsletter/issue/change_form.html"

    @admin.display(description="delivered")
    def delivered(self, issue):
        return issue.deliveries.filter(status=Delivery.Status.SENT).count()

    def has_change_permission(self, request, obj=None):
        """A sent issue stays as it went out."""
        allowed = super().has_change_permission(request, obj)
        return allowed and (
            obj is None or obj.status in (Issue.Status.DRAFT, Issue.Status.SCHEDULED)
        )

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/add-new-stories/",
                view(require_POST(self.add_new_stories_view)),
                name="newsletter_issue_add_new_stories",
            ),
            path(
                "<path:object_id>/preview/<str:edition>/",
                view(self.preview_view),
                name="newsletter_issue_preview",
            ),
            path(
                "<path:object_id>/send-test/",
                view(require_POST(self.send_test_view)),
                name="newsletter_issue_send_test",
            ),
            path(
                "<path:object_id>/send/",
                view(require_POST(self.send_view)),
                name="newsletter_issue_send",
            ),
            *super().get_urls(),
        ]

    def _issue(self, request, object_id, *, change=False) -> Issue:
        issue = self.get_object(request, unquote(object_id))
        if issue is None:
            raise Http404("No such issue.")
        allowed = (
            super().has_change_permission(request, issue)
            if change
            else self.has_view_permission(request, issue)
        )
        if not allowed:
            raise PermissionDenied
        return issue

    def changelist_view(self, request, extra_context=None):
        """This week's issue is drafted by itself: it is there when an editor looks."""
        if self.has_add_permission(request):
            editions.draft_for_week(timezone.localdate())
        return super().changelist_view(request, extra_context)

    def add_new_stories_view(self, request, object_id):
        issue = self._issue(request, object_id, change=True)
        added = editions.add_new_stories(issue)
        messages.success(
            request,
            f"Added {added} stor{'y' if added == 1 else 'ies'} published this week since "
            "the issue was drafted."
            if added
            else "No stories from this week were missing.",
        )
        return HttpResponseRedirect(reverse("admin:newsletter_issue_change", args=[issue.pk]))

    def preview_view(self, request, object_id, edition):
        """The email exactly as a member or a public subscriber receives it."""
        issue = self._issue(request, object_id)
        if edition not in ("members", "public"):
            raise Http404("No such edition.")
        recipient = editions.Recipient(
            email=request.user.email, user=request.user if edition == "members" else None
        )
        message = editions.Editions(issue).message(recipient)
        response = HttpResponse(message.alternatives[0].content)
        return response

    def send_test_view(self, request, object_id):
        issue = self._issue(request, object_id)
        send_test_copy.enqueue(issue.pk, request.user.pk)
        messages.success(request, f"A test copy is on its way to {request.user.email}.")
        return HttpResponseRedirect(reverse("admin:newsletter_issue_change", args=[issue.pk]))

    def send_view(self, request, object_id):
        """Send now, or at the issue's send time when "schedule" is asked for."""
        issue = self._issue(request, object_id, change=True)
        change_url = reverse("admin:newsletter_issue_change", args=[issue.pk])
        if issue.status not in (Issue.Status.DRAFT, Issue.Status.SCHEDULED):
            messages.error(request, "This issue is already being sent or was sent.")
            return HttpResponseRedirect(change_url)
        if "schedule" in request.POST:
            if not issue.send_at or issue.send_at <= timezone.now():
                messages.error(request, "Set a send time in the future and save, then schedule.")
                return HttpResponseRedirect(change_url)
            Issue.objects.filter(pk=issue.pk).update(status=Issue.Status.SCHEDULED)
            send_issue.using(run_after=issue.send_at).enqueue(issue.pk)
            when = timezone.localtime(issue.send_at).strftime("%a %-d %b, %H:%M")
            messages.success(request, f"{issue} is scheduled for {when}.")
        else:
            Issue.objects.filter(pk=issue.pk).update(status=Issue.Status.SENDING)
            send_issue.enqueue(issue.pk)
            messages.success(
                request, f"{issue} is being sent. Deliveries are listed as they go out."
            )
        return HttpResponseRedirect(change_url)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            context["deliveries"] = {
                status.label: obj.deliveries.filter(status=status).count()
                for status in Delivery.Status
            }
        return super().render_change_form(request, context, add, change, form_url, obj)


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ["email", "confirmed_at", "created_at"]
    search_fields = ["email"]
    list_filter = [("confirmed_at", admin.EmptyFieldListFilter)]
    readonly_fields = ["created_at", "confirmed_at"]


@admin.register(Suppression)
class SuppressionAdmin(admin.ModelAdmin):
    list_display = ["email", "reason", "detail", "created_at"]
    list_filter = ["reason"]
    search_fields = ["email"]


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ["email", "issue", "edition", "status", "sent_at", "detail"]
    list_filter = ["status", "edition", "issue"]
    search_fields = ["email"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
