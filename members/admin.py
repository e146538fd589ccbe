import datetime

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.views.decorators.http import require_POST

from members.forms import InviteForm, SchoolImportForm, UserChangeForm, UserCreationForm
from members.importers import InvalidFile
from members.models import AccessRequest, School, SchoolImport, User
from members.services import (
    AccessRequestError,
    access_request_approve,
    access_request_reject,
    member_invite,
    school_import_apply,
    school_import_check,
)

LAPSE_WARNING_DAYS = 30


class MembershipFilter(admin.SimpleListFilter):
    title = "membership"
    parameter_name = "membership"

    def lookups(self, request, model_admin):
        return [
            ("current", "Current member"),
            ("lapsing", f"Lapses within {LAPSE_WARNING_DAYS} days"),
            ("expired", "Membership ended"),
            ("future", "Membership not started"),
            ("never", "Never a member"),
        ]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        soon = today + datetime.timedelta(days=LAPSE_WARNING_DAYS)
        match self.value():
            case "current":
                return queryset.members_on(today)
            case "lapsing":
                return queryset.members_on(today).filter(membership_expires__lte=soon)
            case "expired":
                return queryset.filter(membership_expires__lt=today)
            case "future":
                return queryset.filter(member_since__gt=today)
            case "never":
                return queryset.filter(member_since__isnull=True)
        return queryset


@admin.register(School)
class SchoolAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "urn",
        "local_authority",
        "phase",
        "people_count",
        "membership",
        "establishment_status",
    ]
    list_filter = [MembershipFilter, "local_authority", "phase", "establishment_status"]
    search_fields = ["name", "urn", "postcode"]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [
        (None, {"fields": ["name", "slug", "urn", "email_domain", "website"]}),
        ("Membership", {"fields": ["member_since", "membership_expires"]}),
        (
            "From the DfE register",
            {
                "fields": [
                    "local_authority",
                    "region",
                    "phase",
                    "type",
                    "establishment_status",
                    "postcode",
                ]
            },
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(people_total=Count("people"))

    change_list_template = "admin/members/school/change_list.html"

    def get_urls(self):
        end = path(
            "<path:object_id>/end-membership/",
            self.admin_site.admin_view(require_POST(self.end_membership_view)),
            name="members_school_end_membership",
        )
        imports = [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="members_school_import",
            ),
            path(
                "import/<int:pk>/",
                self.admin_site.admin_view(self.import_detail_view),
                name="members_school_import_detail",
            ),
        ]
        return [*imports, end, *super().get_urls()]

    def _may_import(self, request) -> bool:
        return self.has_add_permission(request) and self.has_change_permission(request)

    def import_view(self, request):
        """Upload a GIAS file: it is checked at once, and imported on confirmation."""
        if not self._may_import(request):
            raise PermissionDenied
        form = SchoolImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            try:
                school_import = school_import_check(
                    upload=form.cleaned_data["file"],
                    region=form.cleaned_data["region"].strip(),
                    encoding=form.cleaned_data["encoding"],
                    uploaded_by=request.user,
                )
            except InvalidFile as error:
                form.add_error("file", f"This file can't be imported: {error}. Nothing was saved.")
            else:
                return redirect("admin:members_school_import_detail", pk=school_import.pk)
        context = self.admin_site.each_context(request) | {
            "title": "Import schools from GIAS",
            "form": form,
            "opts": self.opts,
            "recent": SchoolImport.objects.select_related("uploaded_by")[:10],
        }
        return TemplateResponse(request, "admin/members/school/import.html", context)

    def import_detail_view(self, request, pk):
        """What the check found; "Import" queues the import itself."""
        if not self._may_import(request):
            raise PermissionDenied
        school_import = SchoolImport.objects.filter(pk=pk).first()
        if school_import is None:
            raise Http404("No such import.")
        if request.method == "POST":
            school_import_apply(school_import=school_import)
            self.message_user(
                request,
                "The import has started: this page shows the result when it is done.",
                messages.SUCCESS,
            )
            return redirect("admin:members_school_import_detail", pk=pk)
        context = self.admin_site.each_context(request) | {
            "title": f"Import of {school_import.original_name}",
            "school_import": school_import,
            "opts": self.opts,
        }
        return TemplateResponse(request, "admin/members/school/import_detail.html", context)

    def get_deleted_objects(self, objs, request):
        """The summary on both delete pages counts the people who lose member access
        (they are unlinked from the school, not deleted)."""
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        people = User.objects.filter(school__in=list(objs), is_active=True).count()
        if people:
            counts["people who lose member access (their accounts stay)"] = people
        return deleted, counts, perms_needed, protected

    def delete_view(self, request, object_id, extra_context=None):
        """Before a school goes, say who loses member access, and offer to end
        its membership instead (its people and records stay)."""
        school = self.get_object(request, unquote(object_id))
        if school is not None:
            extra_context = (extra_context or {}) | {
                "people_losing_access": school.people.filter(is_active=True).count(),
                "is_current_member": school.is_current_member,
            }
        return super().delete_view(request, object_id, extra_context)

    def end_membership_view(self, request, object_id):
        school = self.get_object(request, unquote(object_id))
        if school is None:
            raise Http404("No such school.")
        if not self.has_change_permission(request, school):
            raise PermissionDenied
        school.membership_expires = timezone.localdate() - datetime.timedelta(days=1)
        school.full_clean()
        school.save()
        self.message_user(
            request,
            f"{school.name}'s membership has ended: its people no longer read member-only "
            "updates. The school and its people are kept.",
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:members_school_change", args=[school.pk]))

    @admin.display(description="people", ordering="people_total")
    def people_count(self, school):
        return school.people_total

    @admin.display(description="membership", ordering="membership_expires")
    def membership(self, school):
        today = timezone.localdate()
        if not school.is_member_on(today):
            if school.membership_expires and school.membership_expires < today:
                return f"Ended {school.membership_expires:%-d %b %Y}"
            return "Not a member"
        if school.membership_expires is None:
            return "Member (no end date)"
        days_left = (school.membership_expires - today).days
        if days_left <= LAPSE_WARNING_DAYS:
            return format_html(
                '<strong style="color:#a1161b">Lapses in {} day{} ({})</strong>',
                days_left,
                "" if days_left == 1 else "s",
                f"{school.membership_expires:%-d %b %Y}",
            )
        return f"Member until {school.membership_expires:%-d %b %Y}"


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    form = UserChangeForm
    add_form = UserCreationForm
    change_list_template = "admin/members/user/change_list.html"
    ordering = ["email"]
    list_display = [
        "email",
        "first_name",
        "last_name",
        "school",
        "job_title",
        "is_staff",
        "is_active",
    ]
    list_filter = ["is_staff", "is_active", "school__local_authority"]
    list_select_related = ["school"]
    search_fields = ["email", "first_name", "last_name", "school__name"]
    autocomplete_fields = ["school"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Person", {"fields": ["first_name", "last_name", "job_title", "school"]}),
        (
            "Permissions",
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {"classes": ["wide"], "fields": ["email", "usable_password", "password1", "password2"]},
        ),
    ]

    # Only a superuser makes staff or changes what staff may do: a membership
    # manager runs members' accounts, never their own or another's powers.
    powers = ["is_staff", "is_superuser", "groups", "user_permissions"]

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        return readonly if request.user.is_superuser else readonly + self.powers

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or not obj.is_staff or request.user.is_superuser)

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or not obj.is_staff or request.user.is_superuser)

    def get_urls(self):
        invite = path(
            "invite/",
            self.admin_site.admin_view(self.invite_view),
            name="members_user_invite",
        )
        return [invite, *super().get_urls()]

    def invite_view(self, request):
        """Add a person and email them a link to choose their password."""
        if not self.has_add_permission(request):
            return redirect("admin:index")
        form = InviteForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            user = member_invite(invited_by=request.user, **form.cleaned_data)
            self.message_user(request, f"Invited {user.email}: they have been emailed a link.")
            return redirect("admin:members_user_changelist")
        context = self.admin_site.each_context(request) | {
            "title": "Invite a person",
            "form": form,
            "opts": self.opts,
        }
        return TemplateResponse(request, "admin/members/user/invite.html", context)


class EmailConfirmedFilter(admin.SimpleListFilter):
    title = "email confirmed"
    parameter_name = "confirmed"

    def lookups(self, request, model_admin):
        return [("yes", "Yes"), ("no", "No")]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(email_confirmed_at__isnull=self.value() == "no")
        return queryset


@admin.register(AccessRequest)
class AccessRequestAdmin(admin.ModelAdmin):
    list_display = [
        "full_name",
        "email",
        "school",
        "job_title",
        "domain_matches",
        "email_confirmed",
        "status",
        "created_at",
    ]
    list_filter = ["status", "domain_matches", EmailConfirmedFilter]
    list_select_related = ["school"]
    search_fields = ["email", "first_name", "last_name", "school__name"]
    actions = ["approve", "reject"]
    readonly_fields = [
        "first_name",
        "last_name",
        "email",
        "school",
        "job_title",
        "domain_matches",
        "email_confirmed_at",
        "status",
        "decided_by",
        "decided_at",
        "user",
        "created_at",
    ]

    def has_add_permission(self, request):
        return False  # requests come from the public form

    @admin.display(boolean=True, description="email confirmed")
    def email_confirmed(self, access_request):
        return access_request.email_confirmed

    @admin.action(description="Approve: create accounts and email them", permissions=["change"])
    def approve(self, request, queryset):
        """Approve; a request whose address is not at its school's domain needs the
        approver to confirm it first, on a page listing them."""
        mismatched = [r for r in queryset.select_related("school") if not r.domain_matches]
        if mismatched and "confirm_mismatch" not in request.POST:
            return TemplateResponse(
                request,
                "admin/members/accessrequest/confirm_mismatch.html",
                {
                    **self.admin_site.each_context(request),
                    "title": "Approve requests from other addresses?",
                    "opts": self.opts,
                    "mismatched": mismatched,
                    "selected": queryset.values_list("pk", flat=True),
                },
            )
        self._decide(request, queryset, access_request_approve, "Approved")

    @admin.action(description="Reject and email the people", permissions=["change"])
    def reject(self, request, queryset):
        self._decide(request, queryset, access_request_reject, "Rejected")

    def _decide(self, request, queryset, decide, verb):
        done = 0
        for access_request in queryset.select_related("school"):
            try:
                decide(access_request=access_request, decided_by=request.user)
                done += 1
            except (AccessRequestError, ValidationError) as error:
                # Each request is its own transaction: the others still go ahead.
                text = "; ".join(error.messages) if isinstance(error, ValidationError) else error
                self.message_user(request, f"{access_request}: {text}", messages.WARNING)
        if done:
            self.message_user(request, f"{verb} {done} request{'s' if done != 1 else ''}.")
