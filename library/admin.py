import re

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from library import access, documents, images, pending_uploads
from library.models import Document, Image

PICKER_PAGE = 24
# The editor names its callback with a negative number (-1, -2, …): CKEditor's protocol.
CALLBACK_NUMBER = re.compile(r"-?\d{1,6}")


def used_in(item):
    uses = access.uses_of(item)
    if not uses:
        return "Nothing yet: it can be deleted."
    return format_html(
        "<ul>{}</ul><p class='help'>In use, it can't be deleted: remove it from these first.</p>",
        format_html_join(
            "", '<li><a href="{}">{}</a></li>', ((u.admin_url, u.label) for u in uses)
        ),
    )


@admin.display(description="who may fetch it")
def who_may_fetch(item) -> str:
    if item.stored_publicly:
        return "Everyone"
    return "Members" if item.members_from else "Staff"


def file_access(item):
    if item.pk is None:
        return "-"
    if item.stored_publicly:
        return "A public file: a live public story or page uses it."
    if item.members_only:
        return "Protected: members and staff only, wherever it is used."
    return (
        "Protected: only those who may read a page using it can fetch it (staff always). "
        "It becomes a public file when a live public story or page uses it."
    )


class ImageAdminForm(forms.ModelForm):
    """Upload (when adding) and describe an image; a photo chosen on a try that
    failed validation is kept for the next (``library.pending_uploads``)."""

    upload = forms.ImageField(
        label="Photo",
        required=False,
        validators=[images.validate_image],
        help_text="A JPEG, PNG or WebP. Location, camera details and any other text in the "
        "file are removed.",
        error_messages={
            "invalid_image": "This file is not an image we can read: upload a JPEG, PNG or "
            "WebP. (iPhone HEIC photos: export or share them as JPEG first.)"
        },
        widget=forms.ClearableFileInput(attrs={"accept": "image/*"}),
    )
    upload_pending = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Image
        fields = [
            "title",
            "alt",
            "decorative",
            "caption",
            "credit",
            "focal_x",
            "focal_y",
            "tags",
            "members_only",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["upload"]  # an image's file is fixed: upload a new image instead

    def clean_upload(self):
        """No new file chosen: the photo kept from the last try, if any."""
        upload = self.cleaned_data.get("upload")
        if self.files.get("upload"):
            return upload
        return pending_uploads.load(self.data.get("upload_pending", "")) or upload

    def clean(self):
        cleaned = super().clean()
        if "upload" in self.fields and not cleaned.get("upload") and "upload" not in self.errors:
            self.add_error("upload", "Choose a photo to upload.")
        if not cleaned.get("decorative") and not (cleaned.get("alt") or "").strip():
            self.add_error(
                "alt",
                "Describe the image: alt text is required unless you mark it decorative.",
            )
        if not (cleaned.get("title") or "").strip() and cleaned.get("upload"):
            cleaned["title"] = cleaned["upload"].name.rsplit(".", 1)[0][:200]
        return cleaned

    def full_clean(self):
        """Validate; when the form fails, keep a newly chosen photo for the next try."""
        super().full_clean()
        if not self.is_bound or not self._errors or "upload" not in self.fields:
            return
        if "upload" in self._errors:
            return
        token = self.data.get("upload_pending", "")
        if isinstance(self.files.get("upload"), UploadedFile):
            token = pending_uploads.keep(self.files["upload"])
            self.data = self.data.copy()
            self.data["upload_pending"] = token
        if kept := pending_uploads.describe(token):
            self.fields["upload_pending"].widget.attrs.update(
                {"data-preview-url": kept["url"], "data-original-name": kept["original"]}
            )

    def save(self, commit=True):
        image = super().save(commit=False)
        if not image.pk and (upload := self.cleaned_data.get("upload")):
            image.store(upload)
        if commit:
            image.save()
            self._save_m2m()
        return image


class UsageFilter(admin.SimpleListFilter):
    title = "problems"
    parameter_name = "problem"

    def lookups(self, request, model_admin):
        return [("renditions", "Renditions failed"), ("alt", "No alt text")]

    def queryset(self, request, queryset):
        if self.value() == "renditions":
            return queryset.exclude(rendition_error="")
        if self.value() == "alt":
            return queryset.filter(alt="", decorative=False)
        return queryset


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    form = ImageAdminForm
    list_display = ["thumbnail", "title", "alt", "credit", who_may_fetch, "created_at"]
    list_display_links = ["thumbnail", "title"]
    list_filter = [UsageFilter, "members_only", "decorative", "tags", "created_at"]
    search_fields = ["title", "alt", "caption", "credit", "original_name", "tags__name"]
    list_per_page = 40
    readonly_fields = ["preview", "used_in", "renditions_state", "file_access"]

    class Media:
        js = ["js/focal-point.js"]
        css = {"all": ["css/admin-story.css", "css/admin-library.css"]}

    def get_fieldsets(self, request, obj=None):
        photo = ["upload", "upload_pending"] if obj is None else []
        return [
            (None, {"fields": [*photo, "preview", ("focal_x", "focal_y")]}),
            (
                "Description",
                {"fields": ["title", "alt", "decorative", "caption", "credit", "tags"]},
            ),
            ("Who may fetch it", {"fields": ["members_only", "file_access"]}),
            *(
                [("Used in", {"fields": ["used_in", "renditions_state"]})]
                if obj is not None
                else []
            ),
        ]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        pending = form.data.get("upload_pending", "")
        if pending:
            transaction.on_commit(lambda: pending_uploads.discard(pending), robust=True)
        super().save_model(request, obj, form, change)

    @admin.display(description="")
    def thumbnail(self, image):
        return format_html(
            '<img src="{}" alt="" width="96" height="54" class="library-thumbnail" loading="lazy">',
            image.thumbnail_url,
        )

    @admin.display(description="file")
    def file_access(self, image):
        return file_access(image)

    @admin.display(description="preview and focal point")
    def preview(self, image):
        """The stored photo; a newly chosen one shows here before any save
        (js/focal-point.js), so the focal point can be set at once."""
        if image.pk is None:
            return mark_safe(
                '<div class="focal-preview" hidden><img alt="Preview of the chosen photo">'
                '<span class="focal-preview__marker"></span></div>'
                '<p class="focal-preview__empty">Choose a photo: it appears here, and a click '
                "on it sets the focal point.</p>"
            )
        return format_html(
            '<div class="focal-preview"><img src="{}" alt="{}" width="{}" height="{}">'
            '<span class="focal-preview__marker" style="left:{}%;top:{}%"></span></div>',
            image.url,
            image.alt_text,
            image.width or "",
            image.height or "",
            round(image.focal_x * 100, 1),
            round(image.focal_y * 100, 1),
        )

    @admin.display(description="used in")
    def used_in(self, image):
        return used_in(image)

    def get_urls(self):
        pick = path("pick/", self.admin_site.admin_view(self.pick_view), name="library_image_pick")
        return [pick, *super().get_urls()]

    def pick_view(self, request):
        """The body editor's image picker: search the library, insert one image.

        The editor opens this in a window with ``CKEditorFuncNum``; choosing an
        image hands its address, id, alt text and caption back to the editor
        (js/library-picker.js). "Upload a new image" adds one and comes back here.
        """
        if not self.has_view_permission(request):
            raise PermissionDenied
        query = request.GET.get("q", "").strip()
        found = self.get_search_results(request, self.get_queryset(request), query)[0]
        page = Paginator(found.distinct(), PICKER_PAGE).get_page(request.GET.get("page"))
        func = request.GET.get("CKEditorFuncNum", "")
        return render(
            request,
            "admin/library/image/pick.html",
            {
                **self.admin_site.each_context(request),
                "title": "Insert an image from the library",
                "page_obj": page,
                "query": query,
                "func": func if CALLBACK_NUMBER.fullmatch(func) else "",
                "chosen": request.GET.get("chosen", ""),
                "add_url": reverse("admin:library_image_add") + f"?_picker={func}",
                "opts": self.model._meta,
            },
        )

    def response_add(self, request, obj, post_url_continue=None):
        """Added from the picker: back to it, with the new image first."""
        func = request.GET.get("_picker", "")
        if CALLBACK_NUMBER.fullmatch(func):
            return HttpResponseRedirect(
                reverse("admin:library_image_pick") + f"?CKEditorFuncNum={func}&chosen={obj.pk}"
            )
        return super().response_add(request, obj, post_url_continue)

    @admin.display(description="renditions")
    def renditions_state(self, image):
        if image.rendition_error:
            return format_html(
                '<strong class="errornote">Making its sizes failed: {}</strong> '
                "Pages show the full-size photo meanwhile. Save the image to try again.",
                image.rendition_error,
            )
        if not image.renditions:
            return "Being made: pages show the full-size photo meanwhile."
        made = sum(len(entries) for entries in image.renditions.values())
        return f"{made} sizes made."


class DocumentAdminForm(forms.ModelForm):
    upload = forms.FileField(
        label="File",
        required=False,
        help_text="A PDF, Word, Excel or PowerPoint file. Checked by its content, not its name.",
    )

    class Meta:
        model = Document
        fields = ["title", "description", "tags", "members_only"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["upload"]  # a document's file is fixed: upload a new one instead

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if "upload" in self.fields and not upload:
            raise forms.ValidationError("Choose a file to upload.")
        if upload:
            documents.inspect(upload)
        return upload

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("title") or "").strip() and cleaned.get("upload"):
            cleaned["title"] = cleaned["upload"].name.rsplit(".", 1)[0][:200]
            self.errors.pop("title", None)
        return cleaned

    def save(self, commit=True):
        document = super().save(commit=False)
        if not document.pk and (upload := self.cleaned_data.get("upload")):
            document.store(upload)
        if commit:
            document.save()
            self._save_m2m()
        return document


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    form = DocumentAdminForm
    list_display = ["title", "kind", "size_label", who_may_fetch, "created_at"]
    list_filter = ["kind", "members_only", "tags", "created_at"]
    search_fields = ["title", "description", "original_name", "tags__name"]
    readonly_fields = ["address", "used_in", "file_access", "details"]

    def get_fieldsets(self, request, obj=None):
        return [
            (None, {"fields": ["upload"] if obj is None else ["details", "address"]}),
            ("Description", {"fields": ["title", "description", "tags"]}),
            ("Who may fetch it", {"fields": ["members_only", "file_access"]}),
            *([("Used in", {"fields": ["used_in"]})] if obj is not None else []),
        ]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)

    @admin.display(description="size")
    def size_label(self, document):
        return document.size_label

    @admin.display(description="file")
    def details(self, document):
        return format_html(
            '<a href="{}">{}</a> ({}, {}; uploaded as “{}”)',
            document.url,
            document.download_name,
            document.kind_label,
            document.size_label,
            document.original_name,
        )

    @admin.display(description="address for links")
    def address(self, document):
        return format_html(
            '<code>{}</code><p class="help">Link to this address from a story\'s body (select the '
            "words, press the link button, paste it). It keeps working if the document moves "
            "between public and members-only.</p>",
            document.url,
        )

    @admin.display(description="used in")
    def used_in(self, document):
        return used_in(document)

    @admin.display(description="file")
    def file_access(self, document):
        return file_access(document)
