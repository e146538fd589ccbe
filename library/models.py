import re

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from taggit.managers import TaggableManager

from library import documents, images
from library.storage import new_token, storage_for


class LibraryFile(models.Model):
    """What images and documents share: a random token naming their files, and
    who may fetch those files, kept by ``library.access``."""

    token = models.CharField(max_length=32, unique=True, default=new_token, editable=False)
    members_only = models.BooleanField(
        "members only",
        default=False,
        help_text="Only members may fetch this file, wherever it is used. Files of member-only "
        "stories and pages, drafts and scheduled stories are protected anyway.",
    )
    tags = TaggableManager(blank=True)
    # Kept by library.access from where the file is used: since when anyone,
    # and since when members, may fetch it (None: not yet, or never).
    public_from = models.DateTimeField(null=True, blank=True, editable=False)
    members_from = models.DateTimeField(null=True, blank=True, editable=False)
    # Whether its files are in the public storage (static files) or the protected one.
    stored_publicly = models.BooleanField(default=False, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField("uploaded", auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    @property
    def storage(self):
        return storage_for(public=self.stored_publicly)

    def file_url(self, name: str) -> str:
        """The address of one of this item's files: a static file when it is
        public, otherwise the view that checks who is asking."""
        if self.stored_publicly:
            return self.storage.url(name)
        return reverse("library:file", kwargs={"name": name})

    def file_names(self) -> list[str]:
        raise NotImplementedError


class Image(LibraryFile):
    """A photo or illustration in the media library, used by stories and pages."""

    title = models.CharField(
        max_length=200, help_text="For finding it in the library. Readers see the alt text."
    )
    alt = models.CharField(
        "alt text",
        max_length=250,
        blank=True,
        help_text="Describe the image for readers who cannot see it. Required unless decorative.",
    )
    decorative = models.BooleanField(
        "decorative image",
        default=False,
        help_text="The image adds nothing a reader needs to know: screen readers skip it.",
    )
    caption = models.CharField(max_length=250, blank=True)
    credit = models.CharField(
        max_length=150, blank=True, help_text="Who took or owns it: shown as “Photo: …”."
    )
    focal_x = models.FloatField(
        "focal point across",
        default=0.5,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text="0 is the left edge, 1 the right. Click the preview to set it.",
    )
    focal_y = models.FloatField(
        "focal point down",
        default=0.5,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text="0 is the top edge, 1 the bottom. Crops keep this point in view.",
    )
    # The cleaned master's storage name; set once, when the upload is stored.
    file = models.CharField(max_length=200, editable=False)
    original_name = models.CharField("uploaded file", max_length=255, editable=False)
    width = models.PositiveIntegerField(null=True, editable=False)
    height = models.PositiveIntegerField(null=True, editable=False)
    # Written by library.tasks.build_renditions; pages render from it alone.
    renditions = models.JSONField(default=dict, blank=True, editable=False)
    rendition_error = models.TextField(blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        get_latest_by = "created_at"

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        previous = (
            Image.objects.filter(pk=self.pk)
            .values("focal_x", "focal_y", "renditions", "members_only")
            .first()
            if self.pk
            else None
        )
        # For library.signals, after commit: renditions to make, files to delete,
        # and whether who may fetch it must be worked out again.
        self.refocused = previous is None or (previous["focal_x"], previous["focal_y"]) != (
            self.focal_x,
            self.focal_y,
        )
        self.stale_files = images.rendition_names(previous["renditions"]) if previous else []
        if not self.refocused:
            self.stale_files = []
        elif previous is not None:
            self.renditions, self.rendition_error = {}, ""
        self.access_changed = previous is None or previous["members_only"] != self.members_only
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return self.url

    @property
    def stem(self) -> str:
        return f"images/{self.token[:2]}/{self.token}"

    def store(self, upload) -> None:
        """Keep the upload as this image's clean master (before its first save)."""
        with upload.open("rb"):
            master, self.width, self.height = images.clean_master(upload)
        self.original_name = upload.name[:255]
        self.file = self.storage.save(f"{self.stem}.jpg", master)

    @property
    def url(self) -> str:
        return self.file_url(self.file)

    @property
    def card_picture(self) -> dict | None:
        return self.picture("card")

    @property
    def large_url(self) -> str:
        """The widest uncropped-enough size for viewing on its own (the hero's largest)."""
        entries = (self.renditions or {}).get("hero")
        return self.file_url(entries[-1]["jpeg"]) if entries else self.url

    @property
    def thumbnail_url(self) -> str:
        """The smallest card crop, or the master while renditions are being made."""
        entries = (self.renditions or {}).get("card")
        return self.file_url(entries[0]["jpeg"]) if entries else self.url

    def file_names(self) -> list[str]:
        return [self.file, *images.rendition_names(self.renditions)]

    @property
    def alt_text(self) -> str:
        """What ``alt`` says: empty for a decorative image, so screen readers skip it."""
        return "" if self.decorative else self.alt

    def picture(self, rendition: str) -> dict | None:
        """srcsets and size for one rendition, from the stored record (no storage access)."""
        entries = (self.renditions or {}).get(rendition)
        if not entries:
            return None
        url = self.file_url
        largest = entries[-1]
        return {
            "webp_srcset": ", ".join(
                f"{url(e['webp'])} {e['width']}w" for e in entries if "webp" in e
            ),
            "jpeg_srcset": ", ".join(f"{url(e['jpeg'])} {e['width']}w" for e in entries),
            "src": url(entries[0]["jpeg"]),
            "width": largest["width"],
            "height": largest["height"],
        }

    @property
    def is_cropped_for_hero(self) -> bool:
        """A portrait photo's hero rendition is cropped to 4:5 (``images.RENDITIONS``)."""
        hero = next(r for r in images.RENDITIONS if r.name == "hero")
        return bool(self.width and self.height and hero.crop_ratio(self.width, self.height))


class Document(LibraryFile):
    """A PDF, Word, Excel or PowerPoint file, offered as a download by stories and pages."""

    title = models.CharField(max_length=200, help_text="What readers see in the list of downloads.")
    description = models.TextField(
        blank=True, max_length=500, help_text="Optional: a sentence on what it is and who it's for."
    )
    # The stored file's name (random); set once, when the upload is stored.
    file = models.CharField(max_length=200, editable=False)
    original_name = models.CharField("uploaded file", max_length=255, editable=False)
    kind = models.CharField(max_length=10, choices=documents.kind_choices(), editable=False)
    size = models.PositiveBigIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        get_latest_by = "created_at"

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        previous = (
            Document.objects.filter(pk=self.pk).values("members_only").first() if self.pk else None
        )
        # For library.signals: who may fetch it must be worked out again.
        self.access_changed = previous is None or previous["members_only"] != self.members_only
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return self.url

    def store(self, upload) -> None:
        """Keep the upload under a random name (before the first save); ``upload``
        has passed ``documents.inspect``."""
        kind = documents.inspect(upload)
        self.kind, self.size = kind.extension, upload.size
        self.original_name = upload.name[:255]
        upload.seek(0)
        self.file = self.storage.save(
            f"documents/{self.token[:2]}/{self.token}.{kind.extension}", upload
        )

    @property
    def url(self) -> str:
        """Its address, the same wherever the file lives: body links and
        downloads use it (``library.views.protected_file`` sends a public one on)."""
        return reverse("library:file", kwargs={"name": self.file})

    @property
    def kind_label(self) -> str:
        return documents.KINDS[self.kind].label if self.kind in documents.KINDS else ""

    @property
    def size_label(self) -> str:
        return documents.human_size(self.size)

    @property
    def download_name(self) -> str:
        """A file name for the reader's downloads folder, from the title."""
        stem = re.sub(r"[^\w\- ]+", "", self.title).strip()[:80] or "document"
        return f"{stem}.{self.kind}"

    def file_names(self) -> list[str]:
        return [self.file]


class BodyReference(models.Model):
    """A library image or document used inside a story's or page's body.

    Kept by ``library.body.record`` on every save of the body, so that who may
    fetch the file follows the pages using it, and an item in use can't be
    deleted.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    owner = GenericForeignKey("content_type", "object_id")
    image = models.ForeignKey(
        Image, on_delete=models.PROTECT, null=True, blank=True, related_name="body_references"
    )
    document = models.ForeignKey(
        Document, on_delete=models.PROTECT, null=True, blank=True, related_name="body_references"
    )

    class Meta:
        indexes = [models.Index(fields=["content_type", "object_id"], name="body_reference_owner")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(image__isnull=True) ^ models.Q(document__isnull=True),
                name="body_reference_one_item",
            )
        ]

    def __str__(self):
        return f"{self.image or self.document} in {self.owner}"
