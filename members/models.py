import datetime

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils import timezone


class School(models.Model):
    """A school (or other organisation) of the region; a member while its dates say so."""

    urn = models.CharField(
        "URN",
        max_length=10,
        unique=True,
        null=True,
        blank=True,
        help_text=(
            "The DfE Unique Reference Number. Leave blank for organisations that are not schools."
        ),
    )
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    local_authority = models.CharField(max_length=100, blank=True)
    phase = models.CharField(max_length=100, blank=True)
    type = models.CharField("type of establishment", max_length=100, blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    website = models.URLField(blank=True)
    email_domain = models.CharField(
        max_length=100,
        blank=True,
        help_text="Staff email domain, e.g. calder-vale.sch.uk, used to match sign-up requests.",
    )
    member_since = models.DateField(null=True, blank=True)
    membership_expires = models.DateField(
        null=True,
        blank=True,
        help_text="The last day of membership. Leave blank for a membership with no end date.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def is_member_on(self, day: datetime.date) -> bool:
        """Return whether the school's membership covers ``day``."""
        if self.member_since is None or day < self.member_since:
            return False
        return self.membership_expires is None or day <= self.membership_expires

    @property
    def is_current_member(self) -> bool:
        return self.is_member_on(timezone.localdate())


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        if not extra_fields["is_staff"] or not extra_fields["is_superuser"]:
            raise ValueError("A superuser must have is_staff and is_superuser set.")
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person who logs in: network staff, or staff of a member school. Email is the login."""

    username = None
    email = models.EmailField("email address", unique=True)
    school = models.ForeignKey(
        School,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
    )
    job_title = models.CharField(max_length=150, blank=True)

    objects = UserManager()

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    class Meta:
        ordering = ["email"]

    def __str__(self):
        return self.get_full_name() or self.email

    @property
    def is_member(self) -> bool:
        """The one rule for who may read member-only stories.

        An active user who is network staff, or whose school is a current
        member today. Every view, query and feed asks this property.
        """
        if not self.is_active:
            return False
        if self.is_staff:
            return True
        return self.school is not None and self.school.is_current_member
