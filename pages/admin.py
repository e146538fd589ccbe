import reversion
from django import forms
from django.contrib import admin

from articles.admin_forms import NoSilentOverwriteMixin
from articles.admin_history import VersionHistoryMixin
from articles.publishing import uk_time
from pages import revisions
from pages.models import Page


class PageAdminForm(NoSilentOverwriteMixin, forms.ModelForm):
    """The page form, refusing to overwrite a save made since it was opened."""

    compared = ["title", "slug", "summary", "body"]


def version_comment(form, *, created: bool) -> str:
    """What the history says a save did: "Created", "Changed title, body"."""
    if created:
        return "Created"
    changed = [
        str(form.fields[name].label or name).lower()
        for name in form.changed_data
        if name in form.fields and name != "edit_base"
    ]
    return f"Changed {', '.join(changed)}" if changed else "Saved unchanged"


@admin.register(Page)
class PageAdmin(VersionHistoryMixin, admin.ModelAdmin):
    form = PageAdminForm
    revisions = revisions
    restore_note = (
        "restoring brings back its title, summary and text as a new version; the address, "
        "status, who sees the page and where it is linked stay as they are now"
    )
    list_display = [
        "title",
        "status",
        "visibility",
        "in_navigation",
        "in_footer",
        "order",
        "edited_by",
        "last_change",
    ]
    list_display_links = ["title"]
    list_filter = ["status", "visibility", "in_navigation", "in_footer"]
    list_select_related = ["edited_by"]
    search_fields = ["title", "slug", "summary", "body"]
    prepopulated_fields = {"slug": ["title"]}
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body", "edit_base"]}),
        ("Publishing", {"fields": ["status", "visibility"]}),
        ("Links to the page", {"fields": ["in_navigation", "in_footer", "order"]}),
    ]

    @admin.display(description="last change", ordering="updated_at")
    def last_change(self, page):
        return uk_time(page.updated_at, year=True)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "summary":
            # One or two sentences: a small box says so.
            kwargs["widget"] = forms.Textarea(
                attrs={"rows": 3, "cols": 80, "class": "vLargeTextField"}
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        obj.edited_by = request.user
        super().save_model(request, obj, form, change)
        reversion.set_comment(version_comment(form, created=not change))

    def restore_version(self, request, obj, version):
        revisions.restore(page=obj, version=version, user=request.user)
        return []

    def get_urls(self):
        return [*self.history_urls(), *super().get_urls()]
