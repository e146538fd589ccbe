import functools

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django_prose_editor.fields import ProseEditorField
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from library import body
from members.membership import is_member

# What the body editor offers; django-prose-editor derives the server-side
# sanitiser (nh3) from the same list, so the editor and the stored HTML agree.
BODY_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [2, 3]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
    # Images from the media library, with alt text and caption; the picker is
    # the library's (library.admin); library.body keeps only library images.
    "Image": True,
    "Caption": True,
    "Figure": {"pickerUrl": "/admin/library/image/pick/"},
    # The editor turns the browser's spellcheck off unless told not to.
    "NoSpellCheck": False,
}


@functools.lru_cache(maxsize=20_000)
def slug_url(route: str, slug: str) -> str:
    """``reverse(route, slug=slug)``, worked out once per slug: every card and list
    asks for dozens, and the answer depends only on the slug and the URLconf."""
    return reverse(route, kwargs={"slug": slug})


# Addresses under /news/ that are not stories.
RESERVED_SLUGS = {
    "feed": "the news feed",
    "feeds": "the page listing the news feeds",
    "weekly-update": "the Weekly Update",
}


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    # A writer's draft waiting for an editor: still a draft to readers.
    REVIEW = "review", "In review"
    PUBLISHED = "published", "Published"


class Visibility(models.TextChoices):
    PUBLIC = "public", "Everyone"
    MEMBERS = "members", "Members only"


def visibilities_for(user) -> list[str]:
    """The visibilities ``visible_to(user)`` shows: what kept counts are summed over."""
    return list(Visibility) if is_member(user) else [Visibility.PUBLIC]


class CleanBodyMixin:
    """For models whose ``body`` is a ProseEditorField: the body as a save stores it."""

    @classmethod
    def cleaned_body(cls, html: str) -> str:
        """``html`` sanitised by the field's allow-list, with only library images
        (``library.body``): what ``save()`` stores, whichever path wrote it."""
        return body.clean(cls._meta.get_field("body").sanitize(html or ""))


class VisibleToMixin:
    """``visible_to`` from ``live()`` and the membership rule, for stories and pages."""

    def visible_to(self, user):
        """Live items this viewer may find in lists, feeds and boxes.

        Members (and staff) see member-only items too; everyone else sees
        public ones only.
        """
        live, seen = self.live(), visibilities_for(user)
        return live if len(seen) == len(Visibility) else live.filter(visibility__in=seen)


class StoryQuerySet(VisibleToMixin, models.QuerySet):
    """The only place that knows what is live and who may see it."""

    def live(self):
        """Stories published with a publication time that has come.

        A scheduled story (future ``published_at``) goes live by itself:
        nothing runs at that time, the comparison with now simply turns true.
        """
        return self.filter(status=Status.PUBLISHED, published_at__lte=timezone.now())

    def scheduled(self):
        """Published stories whose time has not come yet."""
        return self.filter(status=Status.PUBLISHED, published_at__gt=timezone.now())

    def member_updates(self, user):
        """Live member-only stories, for members; nothing for anyone else."""
        return self.visible_to(user).filter(visibility=Visibility.MEMBERS)

    def next_go_live(self):
        """When the next scheduled story goes live, or None: pages showing stories change then."""
        first = self.scheduled().order_by("published_at")
        return first.values_list("published_at", flat=True).first()

    def cards(self):
        """Only what a story card shows, with its section, in one query."""
        return self.select_related("section", "hero").only(
            "id",
            "title",
            "slug",
            "standfirst",
            "published_at",
            "visibility",
            "section__name",
            "section__slug",
            *HERO_FIELDS,
        )


# What a story's card or page needs of its hero image (``StoryQuerySet.cards``).
HERO_FIELDS = [
    f"hero__{name}"
    for name in [
        "token",
        "file",
        "width",
        "height",
        "alt",
        "decorative",
        "caption",
        "credit",
        "renditions",
        "stored_publicly",
    ]
]


class Section(models.Model):
    """A news section, e.g. "Network news" or "Policy & funding"."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(
        default=0, help_text="Sections are listed in this order, lowest first."
    )

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_url("articles:section-detail", self.slug)


class Story(CleanBodyMixin, models.Model):
    """A news story. Who may see it is decided by ``StoryQuerySet`` alone."""

    Status = Status
    Visibility = Visibility

    title = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=200,
        unique=True,
        help_text="The story's address. Keep it unchanged once published.",
    )
    standfirst = models.TextField(
        max_length=400,
        help_text="One or two sentences shown on cards and to search engines.",
    )
    body = ProseEditorField(extensions=BODY_EXTENSIONS, sanitize=True, blank=True)
    hero = models.ForeignKey(
        "library.Image",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hero_of",
        verbose_name="hero image",
        help_text="From the media library: search by title, alt text or tag, or press + to "
        "upload a new photo. Its alt text, caption, credit and focal point are the image's.",
    )
    section = models.ForeignKey(Section, on_delete=models.PROTECT, related_name="stories")
    tags = TaggableManager(through="TaggedStory", blank=True)
    byline = models.CharField(max_length=150, blank=True)
    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT)
    published_at = models.DateTimeField(
        "publication time",
        null=True,
        blank=True,
        help_text=(
            "UK time. Schedule publishes the story at this time; Publish now sets it to now "
            "unless it is already in the past."
        ),
    )
    visibility = models.CharField(
        max_length=10,
        choices=Visibility,
        default=Visibility.PUBLIC,
        help_text="Members-only stories show their title and standfirst to others, nothing more.",
    )
    featured = models.BooleanField(
        default=False, help_text="The latest featured story leads the front page."
    )
    never_suggest = models.BooleanField(
        "never suggest automatically",
        default=False,
        help_text=(
            "For notices and corrections: Similar News never picks this story by itself. "
            "Editors can still pick it by hand."
        ),
    )
    related = models.ManyToManyField(
        "self",
        through="RelatedPick",
        through_fields=("story", "pick"),
        symmetrical=False,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # The latest correction's date (kept by articles.signals), so pages know
    # without a query whether to list corrections.
    corrected_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Who started the story and who last saved it in the admin (None for
    # scripts and imports).
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name="author",
    )
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name="last edited by",
    )
    # PostgreSQL full-text search: title A, standfirst and tags B, body C.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = StoryQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        get_latest_by = "published_at"
        verbose_name_plural = "stories"
        permissions = [
            (
                "publish_story",
                "Can publish, schedule, unpublish and feature stories, choose who sees them, "
                "and edit live ones",
            )
        ]
        indexes = [
            models.Index(
                fields=["status", "visibility", "-published_at", "-id"],
                name="story_live_idx",
            ),
            models.Index(fields=["section", "status", "-published_at"], name="story_section_idx"),
            # The front page's lead: the latest featured story, without
            # walking every live story when few are featured.
            models.Index(
                fields=["-published_at"],
                condition=models.Q(featured=True),
                name="story_featured_idx",
            ),
            # The next go-live, and the few scheduled stories each list subtracts
            # from its kept count, are range scans of this.
            models.Index(
                fields=["published_at"],
                condition=models.Q(status="published"),
                name="story_published_idx",
            ),
            # Built on PostgreSQL only (see migration 0002); SQLite searches without it.
            GinIndex(fields=["search_vector"], name="story_search_idx"),
            # "Did you mean": words near a typed one (pg_trgm), on PostgreSQL
            # only (migration 0016); SQLite suggests from a kept word list.
            GinIndex(fields=["title"], opclasses=["gin_trgm_ops"], name="story_title_trgm_idx"),
            GinIndex(
                fields=["standfirst"], opclasses=["gin_trgm_ops"], name="story_standfirst_trgm_idx"
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # The admin sanitises through full_clean(); sanitise here too so that
        # no other write path (shell, import, fixtures) stores raw HTML. Only
        # library images stay in it (library.body).
        self.body = self.cleaned_body(self.body)
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        previous = (
            Story.objects.filter(pk=self.pk).values("hero_id", "slug", "status").first()
            if self.pk
            else None
        ) or {"hero_id": None, "slug": self.slug, "status": None}
        # An address readers may hold: answers 301 once the slug moves (articles.signals).
        self.slug_changed = previous["slug"] != self.slug
        self.moved_from = (
            previous["slug"]
            if previous["slug"] != self.slug and previous["status"] == Status.PUBLISHED
            else ""
        )
        # The library works out again who may fetch these images (articles.signals).
        self.images_touched = {previous["hero_id"], self.hero_id} - {None}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_url("articles:story-detail", self.slug)

    def clean(self):
        if self.hero_id and not self.hero.decorative and not self.hero.alt.strip():
            raise ValidationError(
                {
                    "hero": "This image has no alt text: describe it on the image's page (or "
                    "mark it decorative there), then choose it again."
                }
            )
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {
                    "slug": f"“{self.slug}” is the address of {RESERVED_SLUGS[self.slug]}: "
                    "choose another."
                }
            )

    @property
    def is_live(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def modified_at(self):
        """When readers were last told of a change: the latest correction or
        update note, else publication (``dateModified``, feed update times)."""
        return self.corrected_at or self.published_at

    @property
    def hero_alt_text(self) -> str:
        return self.hero.alt_text if self.hero_id else ""

    @property
    def card_picture(self):
        return self.hero.picture("card") if self.hero_id else None

    @property
    def hero_picture(self):
        return self.hero.picture("hero") if self.hero_id else None

    @property
    def hero_is_cropped(self) -> bool:
        return bool(self.hero_id) and self.hero.is_cropped_for_hero

    @property
    def social_image(self) -> dict | None:
        """The 1200 × 630 rendition, or the master while renditions are being made."""
        if not self.hero_id:
            return None
        if social := self.hero.picture("social"):
            return {"url": social["src"], "width": social["width"], "height": social["height"]}
        return {"url": self.hero.url, "width": self.hero.width, "height": self.hero.height}

    @property
    def is_members_only(self) -> bool:
        return self.visibility == Visibility.MEMBERS

    @functools.cached_property
    def gallery_images(self) -> list:
        """The gallery's photos in order (one query; none when the page knows there are none)."""
        if getattr(self, "has_gallery", True) is False or self.pk is None:
            return []
        return [photo.image for photo in self.gallery.select_related("image")]

    @functools.cached_property
    def download_documents(self) -> list:
        """The documents listed under the story, in order (one query, or none)."""
        if getattr(self, "has_downloads", True) is False or self.pk is None:
            return []
        return [download.document for download in self.downloads.select_related("document")]

    def is_readable_by(self, user) -> bool:
        """Return whether ``user`` may read the whole story, not just its teaser."""
        return not self.is_members_only or is_member(user)


class GalleryPhoto(models.Model):
    """A photo in a story's gallery (event photos), in the editor's order."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="gallery")
    image = models.ForeignKey(
        "library.Image", on_delete=models.PROTECT, related_name="in_galleries"
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = "gallery photo"
        constraints = [
            models.UniqueConstraint(fields=["story", "image"], name="unique_gallery_photo")
        ]

    def __str__(self):
        return f"{self.image} in {self.story}"


class Download(models.Model):
    """A library document offered under a story as a download, in the editor's order."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="downloads")
    document = models.ForeignKey(
        "library.Document", on_delete=models.PROTECT, related_name="downloaded_from"
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["story", "document"], name="unique_story_download")
        ]

    def __str__(self):
        return f"{self.document} under {self.story}"


class RelatedPick(models.Model):
    """An editor's hand-picked related story, in the editor's order."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="picks")
    pick = models.ForeignKey(
        Story,
        on_delete=models.CASCADE,
        related_name="picked_by",
        verbose_name="related story",
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["story", "pick"], name="unique_related_pick"),
            models.CheckConstraint(
                condition=~models.Q(story=models.F("pick")),
                name="related_pick_not_self",
            ),
        ]

    def __str__(self):
        return f"{self.story} → {self.pick}"


class AutomaticPick(models.Model):
    """A Similar News pick the ranking chose, kept for one audience.

    ``articles.related`` works these out after a change to the story or to a
    story near it sharing a tag, so a story page reads its box instead of
    ranking candidates on every view. Who may see a pick is still decided on
    ``Story`` when the page is shown.
    """

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="automatic_picks")
    pick = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="picked_automatically")
    # The widest visibility the pick was ranked among: "public" for everyone
    # else, "members" for members and staff.
    audience = models.CharField(max_length=10, choices=Visibility)
    rank = models.PositiveSmallIntegerField()
    score = models.FloatField()
    shared_tags = models.JSONField(default=list)  # [[name, weight], ...], heaviest first
    same_section = models.BooleanField(default=False)
    days_apart = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["story", "audience", "rank"]
        constraints = [
            models.UniqueConstraint(
                fields=["story", "audience", "rank"], name="unique_automatic_pick_rank"
            )
        ]

    def __str__(self):
        return f"{self.story} → {self.pick} ({self.audience}, {self.rank})"


class TaggedStory(TaggedItemBase):
    """A story's tag, with copies of the story fields Similar News ranks by.

    The copies let "live stories with this tag, nearest a given date" be one
    index range scan, and scoring need no join, whatever the archive size
    (see ``articles.related``). ``Story.save()`` keeps them current; who may
    see a story is still decided on ``Story`` itself.
    """

    content_object = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="tagged_items")
    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT)
    visibility = models.CharField(max_length=10, choices=Visibility, default=Visibility.PUBLIC)
    published_at = models.DateTimeField(null=True, blank=True)
    section = models.ForeignKey(
        Section, on_delete=models.CASCADE, null=True, db_index=False, related_name="+"
    )
    never_suggest = models.BooleanField(default=False)

    class Meta:
        verbose_name = "story tag"
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="unique_story_tag")
        ]
        indexes = [models.Index(fields=["tag", "published_at"], name="story_tag_date_idx")]

    def save(self, *args, **kwargs):
        if self._state.adding:
            for field, value in self.copied_from(self.content_object).items():
                setattr(self, field, value)
        super().save(*args, **kwargs)

    @staticmethod
    def copied_from(story: Story) -> dict:
        return {
            "status": story.status,
            "visibility": story.visibility,
            "published_at": story.published_at,
            "section_id": story.section_id,
            "never_suggest": story.never_suggest,
        }


class ListCount(models.Model):
    """How many published stories (scheduled ones included) a list holds, by visibility.

    Lists are named by their cache keys (``articles.cachekeys``). Kept by
    ``articles.changes`` after every change, so no page counts the archive:
    a page's count is this less the few stories still scheduled
    (``articles.counts``). Similar News weighs tags by the same numbers.
    """

    key = models.CharField(max_length=40)
    visibility = models.CharField(max_length=10, choices=Visibility)
    published = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "visibility"], name="unique_list_count")
        ]

    def __str__(self):
        return f"{self.key} ({self.visibility}): {self.published}"


class Redirect(models.Model):
    """An old address: 301 to a story or another address, or 410 when its page is gone.

    Made by ``articles.signals`` when a published story's slug changes or a
    published story is deleted; editors add their own for addresses from earlier
    sites. Consulted only when an address would otherwise answer 404.
    """

    old_path = models.CharField(
        "old address",
        max_length=500,
        unique=True,
        help_text="The path of the old address, from its first slash: /news/old-slug/, "
        "/2019/03/sports-day/ or /?p=123.",
    )
    story = models.ForeignKey(
        Story,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="redirects",
        help_text="The story it now points to, wherever its address moves.",
    )
    new_path = models.CharField(
        "new address",
        max_length=500,
        blank=True,
        help_text="Or a path on this site, or a full web address. With neither a story nor "
        "a new address, the old address answers “gone” (410).",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["old_path"]

    def __str__(self):
        return self.old_path

    def clean(self):
        if not self.old_path.startswith("/"):
            raise ValidationError({"old_path": "Start the old address with a slash: /news/…"})
        if self.story_id and self.new_path:
            raise ValidationError("Choose a story or a new address, not both.")

    @property
    def target(self) -> str | None:
        """Where the old address goes, or None when its page is gone."""
        if self.story is not None:
            return self.story.get_absolute_url()
        return self.new_path or None


class PreviewLink(models.Model):
    """A link to read a draft or scheduled story without an account, until it
    expires or staff revoke it. The address carries a signed id, never the slug."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="preview_links")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Preview of {self.story} until {self.expires_at:%Y-%m-%d %H:%M}"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()


class Correction(models.Model):
    """A dated correction or update note on a published story, shown to readers.

    The latest one is the story's ``dateModified`` (JSON-LD) and its feed
    entry's update time.
    """

    class Kind(models.TextChoices):
        CORRECTION = "correction", "Correction"
        UPDATE = "update", "Update"

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="corrections")
    kind = models.CharField(max_length=10, choices=Kind, default=Kind.CORRECTION)
    note = models.TextField(
        max_length=1000,
        help_text="What was wrong and what is right now, or what is new: readers see this "
        "under the story.",
    )
    made_at = models.DateTimeField("date", default=timezone.now)

    class Meta:
        ordering = ["made_at", "id"]

    def __str__(self):
        return f"{self.get_kind_display()} of {self.made_at:%d %b %Y}"
