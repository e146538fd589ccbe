import reversion
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.shortcuts import render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from articles import publishing, revisions
from articles.admin_forms import NoSilentOverwriteMixin
from articles.admin_history import VersionHistoryMixin
from articles.admin_previews import StoryPreviewLinksMixin
from articles.models import (
    Correction,
    Download,
    GalleryPhoto,
    Redirect,
    RelatedPick,
    Section,
    Status,
    Story,
)
from articles.publishing import Step
from articles.related import similar_news


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


@admin.register(Redirect)
class RedirectAdmin(admin.ModelAdmin):
    """Old addresses: a moved story's earlier slugs, deleted stories (410), earlier sites."""

    list_display = ["old_path", "goes_to", "created_at"]
    search_fields = ["old_path", "new_path", "story__title"]
    # A plain id box with a lookup: accessible, and fine with a large archive.
    raw_id_fields = ["story"]
    fields = ["old_path", "story", "new_path"]

    @admin.display(description="answers")
    def goes_to(self, redirect):
        if redirect.target:
            return f"301 → {redirect.target}"
        return "410 Gone"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("story")


class GalleryPhotoInline(admin.TabularInline):
    model = GalleryPhoto
    autocomplete_fields = ["image"]
    extra = 0
    verbose_name_plural = "Photo gallery: shown after the story as a grid, in this order"


class DownloadInline(admin.TabularInline):
    model = Download
    autocomplete_fields = ["document"]
    extra = 0
    verbose_name_plural = "Downloads: documents listed under the story, in this order"


class RelatedPickInline(admin.TabularInline):
    model = RelatedPick
    fk_name = "story"
    autocomplete_fields = ["pick"]
    extra = 0
    verbose_name = "related story (editor's pick)"
    verbose_name_plural = "Similar News: editor's picks, shown first in this order"


class CorrectionInline(admin.TabularInline):
    model = Correction
    extra = 0
    fields = ["kind", "made_at", "note"]
    verbose_name = "correction or update note"
    verbose_name_plural = "Corrections and updates, shown to readers under the story"

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "note":
            kwargs["widget"] = forms.Textarea(attrs={"rows": 2, "cols": 70})
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class StateFilter(admin.SimpleListFilter):
    title = "state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("draft", "Draft"),
            ("review", "In review"),
            ("scheduled", "Scheduled"),
            ("live", "Live"),
        ]

    def queryset(self, request, queryset):
        match self.value():
            case "draft":
                return queryset.filter(status=Status.DRAFT)
            case "review":
                return queryset.filter(status=Status.REVIEW)
            case "scheduled":
                return queryset & Story.objects.scheduled()
            case "live":
                return queryset & Story.objects.live()
        return queryset


class AuthorFilter(admin.SimpleListFilter):
    """Who started the story: only staff who have, not every member's account."""

    title = "author"
    parameter_name = "author"

    def lookups(self, request, model_admin):
        authors = (
            get_user_model()
            .objects.filter(pk__in=Story.objects.values("created_by"))
            .order_by("first_name", "last_name", "email")
        )
        return [(str(user.pk), user.get_full_name() or user.email) for user in authors]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(created_by=self.value())
        return queryset


def stories(count: int) -> str:
    return f"{count} stor{'y' if count == 1 else 'ies'}"


@admin.display(description="state", ordering="status")
def publication_state(story):
    return publishing.state(story)


class StoryAdminForm(NoSilentOverwriteMixin, forms.ModelForm):
    """The story form, refusing to overwrite a save made since it was opened."""

    compared = ["title", "slug", "standfirst", "body", "section", "byline", "hero"]
    compared_related = ["section"]

    # Set per request by StoryAdmin.get_form.
    can_publish = False

    def clean(self):
        cleaned = super().clean()
        step = publishing.step_from(self.data)
        published_at = cleaned.get("published_at", self.instance.published_at)
        reason = publishing.refusal(
            step=step, published_at=published_at, can_publish=self.can_publish, now=timezone.now()
        )
        if reason and step is Step.SCHEDULE and "published_at" in self.fields:
            self.add_error("published_at", reason)
        elif reason:
            raise forms.ValidationError(reason, code="step_refused")
        return cleaned


@admin.register(Story)
class StoryAdmin(VersionHistoryMixin, StoryPreviewLinksMixin, admin.ModelAdmin):
    form = StoryAdminForm
    revisions = revisions
    restore_note = (
        "restoring brings back its text, image, section, tags and picks as a new version; "
        "the address, state, times and who sees the story stay as they are now"
    )
    list_display = [
        "title",
        publication_state,
        "section",
        "visibility",
        "created_by",
        "edited_by",
        "last_change",
    ]
    list_display_links = ["title"]
    list_filter = [
        StateFilter,
        AuthorFilter,
        "section",
        "visibility",
        "featured",
        "never_suggest",
        "tags",
    ]
    list_select_related = ["section", "created_by", "edited_by"]
    # The latest work first, drafts included (they have no publication time).
    ordering = ["-updated_at", "-id"]
    search_fields = ["title", "standfirst", "slug", "body", "tags__name"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    inlines = [GalleryPhotoInline, DownloadInline, RelatedPickInline, CorrectionInline]
    readonly_fields = ["hero_preview"]
    autocomplete_fields = ["hero"]

    class Media:
        js = ["js/admin-story.js"]
        css = {"all": ["css/admin-story.css"]}

    @admin.display(description="last change", ordering="updated_at")
    def last_change(self, story):
        return publishing.uk_time(story.updated_at, year=True)

    @admin.display(description="chosen image")
    def hero_preview(self, story):
        """The hero as saved, with a link to its alt text, caption and focal point."""
        if not story.hero_id:
            return "None yet."
        image = story.hero
        picture = image.picture("card")
        if image.rendition_error:
            problem = format_html(
                '<p class="errornote">Its sizes could not be made ({}): readers get the '
                "full-size photo. Save the image to try again.</p>",
                image.rendition_error,
            )
        else:
            problem = ""
        return format_html(
            '{}<img src="{}" alt="{}" width="240" class="hero-thumbnail"><p class="help">'
            'Alt text: “{}”. <a href="{}">Edit the image</a> to change its alt text, caption, '
            "credit or focal point (for every story using it).</p>",
            problem,
            picture["src"] if picture else image.url,
            image.alt_text,
            image.alt_text or "(decorative)",
            reverse("admin:library_image_change", args=[image.pk]),
        )

    # Only those who may publish (editors) set these; for a writer they are
    # read-only, so the form leaves out whatever a POST says about them.
    publishing_fields = ["published_at", "visibility", "featured", "never_suggest"]

    def can_publish(self, request) -> bool:
        return request.user.has_perm("articles.publish_story")

    def has_publish_permission(self, request) -> bool:
        return self.can_publish(request)

    def has_change_permission(self, request, obj=None):
        """A writer edits drafts and stories in review; a story once published
        or scheduled is the editors' (writers see it)."""
        allowed = super().has_change_permission(request, obj)
        if obj is None or obj.status in (Status.DRAFT, Status.REVIEW):
            return allowed
        return allowed and self.can_publish(request)

    def get_fieldsets(self, request, obj=None):
        """Read-only (a writer on a live story), the form shows the body as
        readers see it, not its HTML, and none of the form's own hidden fields."""
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or self.has_change_permission(request, obj):
            return fieldsets
        shown = {"body": "body_as_published", "edit_base": None}
        return [
            (
                name,
                options
                | {
                    "fields": [
                        shown.get(field, field) if isinstance(field, str) else field
                        for field in options["fields"]
                        if shown.get(field, field) is not None
                    ]
                },
            )
            for name, options in fieldsets
        ]

    @admin.display(description="body")
    def body_as_published(self, story):
        return mark_safe(story.body)  # sanitised on every save (Story.save)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        return readonly if self.can_publish(request) else readonly + self.publishing_fields

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        form.can_publish = self.can_publish(request)
        return form

    def save_model(self, request, obj, form, change):
        step = publishing.step_from(request.POST)
        publishing.take(obj, step, now=timezone.now())
        obj.edited_by = request.user
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
        reversion.set_comment(publishing.summary(obj, step, created=not change))
        if step is Step.SUBMIT:
            publishing.notify_editors(obj, submitted_by=request.user)
        # For message_user, which the admin calls once the save is done.
        request.story_outcome = (obj, publishing.outcome(obj, step))

    def message_user(self, request, message, level=messages.INFO, *args, **kwargs):
        """After a save, say what state the story is in rather than "changed successfully"."""
        saved = getattr(request, "story_outcome", None)
        if saved and level == messages.SUCCESS:
            story, outcome = saved
            url = reverse("admin:articles_story_change", args=[story.pk])
            message = format_html('“<a href="{}">{}</a>” {}', url, story.title, outcome)
            del request.story_outcome
        super().message_user(request, message, level, *args, **kwargs)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        story = obj or Story()
        context["story_state"] = publishing.state(story) if obj else "New story, not saved yet"
        context["publishing_steps"] = publishing.steps_for(
            story, can_publish=self.can_publish(request)
        )
        context.update(self.preview_links_context(request, obj))
        return super().render_change_form(request, context, add, change, form_url, obj)

    actions = ["publish", "unpublish"]
    fieldsets = [
        (
            None,
            {"fields": ["title", "slug", "standfirst", "body", "edit_base"]},
        ),
        ("Hero image", {"fields": ["hero", "hero_preview"]}),
        ("Filing", {"fields": ["section", "tags", "byline"]}),
        (
            "Publishing",
            {"fields": ["published_at", "visibility", "featured", "never_suggest"]},
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
        if db_field.name == "standfirst":
            # A standfirst is one or two sentences: a small box says so.
            kwargs["widget"] = forms.Textarea(
                attrs={"rows": 3, "cols": 80, "class": "vLargeTextField"}
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def restore_version(self, request, obj, version):
        return revisions.restore(story=obj, version=version, user=request.user)

    def get_urls(self):
        preview = path(
            "<path:object_id>/preview/",
            self.admin_site.admin_view(self.preview_view),
            name="articles_story_preview",
        )
        return [preview, *self.history_urls(), *self.preview_link_urls(), *super().get_urls()]

    def preview_view(self, request, object_id):
        """Show staff the story as readers will see it, whatever its state."""
        story = self.get_object(request, unquote(object_id))
        if story is None or not self.has_view_permission(request, story):
            raise Http404("No such story.")
        response = render(
            request,
            "articles/story_detail.html",
            {"story": story, "preview": True, "preview_state": publishing.state(story)},
        )
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex"
        return response

    def view_on_site(self, obj):
        if obj.is_live:
            return obj.get_absolute_url()
        return reverse("admin:articles_story_preview", args=[obj.pk])

    @admin.action(description="Publish selected stories now", permissions=["publish"])
    def publish(self, request, queryset):
        now = timezone.now()
        count = 0
        for story in queryset.exclude(pk__in=Story.objects.live().values("pk")):
            publishing.take(story, Step.PUBLISH, now=now)
            self._save_step(request, story, Step.PUBLISH)
            count += 1
        self.message_user(request, f"Published {stories(count)}.", messages.SUCCESS)

    @admin.action(description="Unpublish selected stories (back to draft)", permissions=["publish"])
    def unpublish(self, request, queryset):
        count = 0
        for story in queryset.filter(status=Status.PUBLISHED):
            publishing.take(story, Step.UNPUBLISH, now=timezone.now())
            self._save_step(request, story, Step.UNPUBLISH)
            count += 1
        self.message_user(request, f"Unpublished {stories(count)}.", messages.SUCCESS)

    def _save_step(self, request, story, step):
        """Save a list action's change to one story, as a version of its own."""
        with reversion.create_revision():
            story.edited_by = request.user
            story.save(update_fields=["status", "published_at", "edited_by", "updated_at"])
            reversion.set_user(request.user)
            reversion.set_comment(publishing.summary(story, step, created=False))
