"""What ``import_wordpress`` brought in: each WordPress post, page and
attachment by its WordPress id, and the story, page or library image it became."""

from django.db import models

from articles.models import Story
from library.models import Image
from pages.models import Page


class Kind(models.TextChoices):
    POST = "post", "Post"
    PAGE = "page", "Page"
    ATTACHMENT = "attachment", "Image"


class ImportedItem(models.Model):
    """A WordPress item and what it is here.

    A second import finds the story (page, image) by ``wordpress_id``, and
    leaves it alone when it was edited here since (its ``updated_at`` is no
    longer ``written_at``) or deleted here (the link is empty), unless told
    to overwrite.
    """

    wordpress_id = models.PositiveBigIntegerField("WordPress id", unique=True)
    kind = models.CharField(max_length=10, choices=Kind)
    story = models.OneToOneField(
        Story, on_delete=models.SET_NULL, null=True, blank=True, related_name="wordpress_post"
    )
    page = models.OneToOneField(
        Page, on_delete=models.SET_NULL, null=True, blank=True, related_name="wordpress_page"
    )
    image = models.OneToOneField(
        Image,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="wordpress_attachment",
    )
    link = models.CharField("WordPress address", max_length=500, blank=True)
    # The story's (page's, image's) updated_at as the import left it.
    written_at = models.DateTimeField(null=True, blank=True)
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["wordpress_id"]
        verbose_name = "imported WordPress item"

    def __str__(self):
        return f"WordPress {self.get_kind_display().lower()} {self.wordpress_id}"

    @property
    def target(self):
        return self.story or self.page or self.image
