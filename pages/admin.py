import reversion
from django import forms
from django.contrib import admin
from django.utils import timezone

from articles.publishing import uk_time
from pages.admin_history import PageHistoryMixin
from pages.models import Page


class PageAdminForm(forms.ModelForm):
    """The page form, refusing to overwrite a save made since it was opened
    (as the story form does, ``articles.admin.StoryAdminForm``)."""

    # When the page was last saved as this form was opened.
    edit_base = forms.CharField(widget=forms.HiddenInput, required=False)

    # What the refusal compares, in the form's words.
    compared = ["title", "slug", "summary", "body"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["edit_base"] = self.instance.updated_at.isoformat()

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            self._refuse_if_saved_since(cleaned)
        return cleaned

    def _refuse_if_saved_since(self, cleaned):
        """Someone saved the page after this form was opened: keep this person's
        text in the form, say who saved and when, and what differs.

        The page's row stays locked until this save commits (the admin saves
        in a transaction), so of two saves at once the second sees the first.
        """
        saved = (
            Page.objects.select_for_update(of=("self",))
            .select_related("edited_by")
            .filter(pk=self.instance.pk)
            .first()
        )
        if saved is None or saved.updated_at.isoformat() == self.data.get("edit_base"):
            return
        differences = [
            self.fields[name].label or name
            for name in self.compared
            if name in self.fields and cleaned.get(name) != getattr(saved, name)
        ]
        who = saved.edited_by.get_full_name() or saved.edited_by.email if saved.edited_by else None
        when = timezone.localtime(saved.updated_at).strftime("%-d %b %Y, %H:%M:%S")
        # The next save, made knowing this, replaces their version.
        self.data = self.data.copy()
        self.data["edit_base"] = saved.updated_at.isoformat()
        raise forms.ValidationError(
            "%(who)s saved this page at %(when)s, after you opened it. Your changes are "
            "still in the form and nothing was saved. %(differences)s Save again to replace "
            "their version with yours, or open the page in another tab to compare.",
            code="saved_since",
            params={
                "who": who or "Someone",
                "when": when,
                "differences": (
                    f"Their version differs from yours in: {', '.join(differences)}."
                    if differences
                    else "The text fields are the same as yours."
                ),
            },
        )


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
class PageAdmin(PageHistoryMixin, admin.ModelAdmin):
    form = PageAdminForm
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

    def get_urls(self):
        return [*self.history_urls(), *super().get_urls()]
