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


@admin.register(Story)
class StoryAdmin(admin.ModelAdmin):
    list_display = [
        "thumbnail",
        "title",
        "section",
        publication_state,
        "published_at",
        "visibility",
        "featured",
    ]
    list_filter = [StateFilter, "section", "visibility", "featured", "never_suggest", "tags"]
    list_select_related = ["section"]
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

    actions = ["publish", "unpublish"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "standfirst", "body"]}),
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

    @admin.action(description="Publish selected stories", permissions=["change"])
    def publish(self, request, queryset):
        now = timezone.now()
        count = 0
        for story in queryset.exclude(status=Status.PUBLISHED):
            story.status = Status.PUBLISHED
            story.published_at = story.published_at or now
            story.save(update_fields=["status", "published_at", "updated_at"])
            count += 1
        self.message_user(request, f"Published {stories(count)}.", messages.SUCCESS)

    @admin.action(description="Unpublish selected stories (back to draft)", permissions=["change"])
    def unpublish(self, request, queryset):
        count = 0
        for story in queryset.filter(status=Status.PUBLISHED):
            story.status = Status.DRAFT
            story.save(update_fields=["status", "updated_at"])
            count += 1
        self.message_user(request, f"Unpublished {stories(count)}.", messages.SUCCESS)
