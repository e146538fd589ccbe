from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.shortcuts import render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.html import format_html

from articles.models import RelatedPick, Section, Status, Story
from articles.related import similar_news


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


class RelatedPickInline(admin.TabularInline):
    model = RelatedPick
    fk_name = "story"
    autocomplete_fields = ["pick"]
    extra = 0
    verbose_name = "related story (editor's pick)"
    verbose_name_plural = "Similar News: editor's picks, shown first in this order"


class StateFilter(admin.SimpleListFilter):
    title = "state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [("draft", "Draft"), ("scheduled", "Scheduled"), ("live", "Live")]

    def queryset(self, request, queryset):
        live = Story.objects.live()
        match self.value():
            case "draft":
                return queryset.filter(status=Status.DRAFT)
            case "scheduled":
                return queryset.filter(status=Status.PUBLISHED).exclude(pk__in=live.values("pk"))
            case "live":
                return queryset.filter(pk__in=live.values("pk"))
        return queryset


def stories(count: int) -> str:
    return f"{count} stor{'y' if count == 1 else 'ies'}"


@admin.display(description="state")
def publication_state(story):
    if story.status == Status.DRAFT:
        return "Draft"
    return "Live" if story.is_live else "Scheduled"


class StoryAdminForm(forms.ModelForm):
    """The story form, refusing to overwrite a save made since it was opened."""

    # When the story was last saved as this form was opened.
    edit_base = forms.CharField(widget=forms.HiddenInput, required=False)

    # What the refusal compares, in the form's words.
    compared = ["title", "slug", "standfirst", "body", "section", "byline", "hero_alt"]

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
        """Someone saved the story after this form was opened: keep this person's
        text in the form, say who saved and when, and what differs.

        The story's row stays locked until this save commits (the admin saves
        in a transaction), so of two saves at once the second sees the first.
        """
        saved = (
            Story.objects.select_for_update(of=("self",))
            .select_related("edited_by", "section")
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
            "%(who)s saved this story at %(when)s, after you opened it. Your changes are "
            "still in the form and nothing was saved. %(differences)s Save again to replace "
            "their version with yours, or open the story in another tab to compare.",
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


@admin.register(Story)
class StoryAdmin(admin.ModelAdmin):
    form = StoryAdminForm
    list_display = [
        "thumbnail",
        "title",
        "section",
        publication_state,
        "published_at",
        "visibility",
        "featured",
        "edited_by",
    ]
    list_filter = [StateFilter, "section", "visibility", "featured", "never_suggest", "tags"]
    list_select_related = ["section", "edited_by"]
    search_fields = ["title", "standfirst", "slug", "body", "tags__name"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    inlines = [RelatedPickInline]
    readonly_fields = ["hero_preview"]

    class Media:
        js = ["js/focal-point.js"]
        css = {"all": ["css/admin-focal-point.css"]}

    @admin.display(description="image")
    def thumbnail(self, story):
        if not story.hero_image:
            return ""
        picture = story.card_picture
        src = picture["src"] if picture else story.hero_image.url
        return format_html('<img class="story-thumb" src="{}" alt="">', src)

    @admin.display(description="preview and focal point")
    def hero_preview(self, story):
        if not story.hero_image:
            return "Upload an image and save to see it here."
        return format_html(
            '<div class="focal-preview"><img src="{}" alt="{}" width="{}" height="{}">'
            '<span class="focal-preview__marker" style="left:{}%;top:{}%"></span></div>',
            story.hero_image.url,
            story.hero_alt_text,
            story.hero_width or "",
            story.hero_height or "",
            round(story.hero_focal_x * 100, 1),
            round(story.hero_focal_y * 100, 1),
        )

    # Only those who may publish (editors) set these; for a writer they are
    # read-only, so the form leaves out whatever a POST says about them.
    publishing_fields = ["status", "published_at", "visibility", "featured", "never_suggest"]

    def can_publish(self, request) -> bool:
        return request.user.has_perm("articles.publish_story")

    def has_publish_permission(self, request) -> bool:
        return self.can_publish(request)

    def has_change_permission(self, request, obj=None):
        """A writer edits drafts; a story once published is the editors' (writers see it)."""
        allowed = super().has_change_permission(request, obj)
        if obj is None or obj.status == Status.DRAFT:
            return allowed
        return allowed and self.can_publish(request)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        return readonly if self.can_publish(request) else readonly + self.publishing_fields

    def save_model(self, request, obj, form, change):
        obj.edited_by = request.user
        super().save_model(request, obj, form, change)

    actions = ["publish", "unpublish"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "standfirst", "body", "edit_base"]}),
        (
            "Hero image",
            {
                "fields": [
                    "hero_image",
                    "hero_preview",
                    ("hero_focal_x", "hero_focal_y"),
                    "hero_alt",
                    "hero_decorative",
                    "hero_caption",
                    "hero_credit",
                ]
            },
        ),
        ("Filing", {"fields": ["section", "tags", "byline"]}),
        (
            "Publishing",
            {"fields": ["status", "published_at", "visibility", "featured", "never_suggest"]},
        ),
    ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """Show what Similar News gives the public and members, and why."""
        story = self.get_object(request, unquote(object_id))
        if story is not None:
            extra_context = (extra_context or {}) | {
                "similar_news_audiences": [
                    ("The public", similar_news(story, AnonymousUser(), explain=True)),
                    ("Members", similar_news(story, request.user, explain=True)),
                ]
            }
        return super().change_view(request, object_id, form_url, extra_context)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "hero_image":
            kwargs["error_messages"] = {
                "invalid_image": "This file is not an image we can read: upload a JPEG, PNG or "
                "WebP. (iPhone HEIC photos: export or share them as JPEG first.)"
            }
        if db_field.name == "standfirst":
            # A standfirst is one or two sentences: a small box says so.
            kwargs["widget"] = forms.Textarea(
                attrs={"rows": 3, "cols": 80, "class": "vLargeTextField"}
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_urls(self):
        preview = path(
            "<path:object_id>/preview/",
            self.admin_site.admin_view(self.preview_view),
            name="articles_story_preview",
        )
        return [preview, *super().get_urls()]

    def preview_view(self, request, object_id):
        """Show staff the story as readers will see it, whatever its state."""
        story = self.get_object(request, unquote(object_id))
        if story is None or not self.has_view_permission(request, story):
            raise Http404("No such story.")
        response = render(request, "articles/story_detail.html", {"story": story, "preview": True})
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex"
        return response

    def view_on_site(self, obj):
        if obj.is_live:
            return obj.get_absolute_url()
        return reverse("admin:articles_story_preview", args=[obj.pk])

    @admin.action(description="Publish selected stories", permissions=["publish"])
    def publish(self, request, queryset):
        now = timezone.now()
        count = 0
        for story in queryset.exclude(status=Status.PUBLISHED):
            story.status = Status.PUBLISHED
            story.published_at = story.published_at or now
            story.save(update_fields=["status", "published_at", "updated_at"])
            count += 1
        self.message_user(request, f"Published {stories(count)}.", messages.SUCCESS)

    @admin.action(description="Unpublish selected stories (back to draft)", permissions=["publish"])
    def unpublish(self, request, queryset):
        count = 0
        for story in queryset.filter(status=Status.PUBLISHED):
            story.status = Status.DRAFT
            story.save(update_fields=["status", "updated_at"])
            count += 1
        self.message_user(request, f"Unpublished {stories(count)}.", messages.SUCCESS)
