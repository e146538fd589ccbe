from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from members.forms import UserChangeForm, UserCreationForm
from members.models import School, User


@admin.register(School)
class SchoolAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "urn",
        "local_authority",
        "phase",
        "member_since",
        "membership_expires",
    ]
    list_filter = ["local_authority", "phase"]
    search_fields = ["name", "urn", "postcode"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    form = UserChangeForm
    add_form = UserCreationForm
    ordering = ["email"]
    list_display = [
        "email",
        "first_name",
        "last_name",
        "school",
        "is_staff",
        "is_active",
    ]
    list_filter = ["is_staff", "is_active", "school"]
    search_fields = ["email", "first_name", "last_name"]
    autocomplete_fields = ["school"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Person", {"fields": ["first_name", "last_name", "job_title", "school"]}),
        (
            "Permissions",
            {
                "fields": [
                    "is_active",
                    "is_staff",
                    "is_superuser",
                    "groups",
                    "user_permissions",
                ]
            },
        ),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": ["email", "usable_password", "password1", "password2"],
            },
        ),
    ]
