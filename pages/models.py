"""Editable pages of the site (About, Membership, Contact, Privacy…), each at ``/<slug>/``."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django_prose_editor.fields import ProseEditorField

from articles.models import BODY_EXTENSIONS, CleanBodyMixin, Visibility, VisibleToMixin
from members.membership import is_member, is_staff
from pages import addresses

# What other pages show of a page: its link in the navigation or the footer
# (title, address, order), and whether the sitemap lists it.
SHOWN_ELSEWHERE = ["title", "slug", "status", "visibility", "in_navigation", "in_footer", "order"]


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


class PageQuerySet(VisibleToMixin, models.QuerySet):
    """The only place that knows which pages are live and who may see them."""

    def live(self):
        """Published pages. A page has no publication time: publishing shows it at once."""
        return self.filter(status=Status.PUBLISHED)

    def reachable_by(self, user):
        """Pages whose address answers this viewer: live ones, drafts too for staff.

        A live member-only page answers everyone, but shows a non-member only
        its title and summary (``Page.is_readable_by``).
        """
        return self if is_staff(user) else self.live()

    def linked(self):
        """Pages the editors link to from the header navigation or the footer."""
        return self.filter(models.Q(in_navigation=True) | models.Q(in_footer=True))


class Page(CleanBodyMixin, models.Model):
    """A page of the site, not of the news. Who may see it is decided by ``PageQuerySet``."""

    Status = Status
    Visibility = Visibility

    title = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=100,
        unique=True,
        help_text="The page's address: “about” makes /about/. Keep it unchanged once "
        "published; if it changes, the old address sends readers to the new one.",
    )
    summary = models.TextField(
        max_length=300,
        help_text="One or two sentences under the title, and what search engines show. "
        "Everyone sees it, on member-only pages too.",
    )
    body = ProseEditorField(extensions=BODY_EXTENSIONS, sanitize=True, blank=True)
    visibility = models.CharField(
        max_length=10,
        choices=Visibility,
        default=Visibility.PUBLIC,
        help_text="Members-only pages show their title and summary to others, nothing more.",
    )
    status = models.CharField(
        max_length=10,
        choices=Status,
        default=Status.DRAFT,
        help_text="A draft's address answers staff only; publishing shows the page at once.",
    )
    in_navigation = models.BooleanField(
        "in the header navigation",
        default=False,
        help_text="Link to the page in every page's header, after the news sections.",
    )
    in_footer = models.BooleanField(
        "in the footer", default=False, help_text="Link to the page in every page's footer."
    )
    order = models.PositiveSmallIntegerField(
        default=0, help_text="Links to pages are listed in this order, lowest first."
    )
    updated_at = models.DateTimeField(auto_now=True)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name="last edited by",
    )

    objects = PageQuerySet.as_manager()

    class Meta:
        ordering = ["order", "title"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # The admin sanitises through full_clean(); sanitise here too so that
        # no other write path (shell, demo, fixtures) stores raw HTML. Only
        # library images stay in it (library.body).
        self.body = self.cleaned_body(self.body)
        previous = (
            Page.objects.filter(pk=self.pk).values(*SHOWN_ELSEWHERE).first() if self.pk else None
        )
        # For pages.signals, after the save: whether other pages show the change.
        # Only live pages are linked or listed: a draft's changes show nowhere else.
        was_live = bool(previous) and previous["status"] == Status.PUBLISHED
        self.shown_elsewhere_changed = (was_live or self.is_live) and previous != {
            name: getattr(self, name) for name in SHOWN_ELSEWHERE
        }
        self.moved_from = (
            previous["slug"]
            if previous and previous["slug"] != self.slug and previous["status"] == Status.PUBLISHED
            else ""
        )
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("pages:page-detail", kwargs={"slug": self.slug})

    def clean(self):
        if self.slug and (taken := addresses.taken_by(self.slug)):
            raise ValidationError(
                {"slug": f"/{self.slug}/ is not free: {taken}. Choose another address."}
            )

    @property
    def is_live(self) -> bool:
        return self.status == Status.PUBLISHED

    @property
    def is_members_only(self) -> bool:
        return self.visibility == Visibility.MEMBERS

    def is_readable_by(self, user) -> bool:
        """Return whether ``user`` may read the whole page, not just its title and summary."""
        return not self.is_members_only or is_member(user)
