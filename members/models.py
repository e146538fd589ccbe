import datetime

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

from members.text import normalise_email


class SchoolQuerySet(models.QuerySet):
    def members_on(self, day: datetime.date):
        """Schools whose membership covers ``day`` (the rule ``School.is_member_on`` states)."""
        return self.filter(
            models.Q(membership_expires__isnull=True) | models.Q(membership_expires__gte=day),
            member_since__lte=day,
        )

    def current_members(self):
        return self.members_on(timezone.localdate())

    def next_membership_change(self) -> datetime.datetime | None:
        """The next midnight at which some school joins or leaves: the directory changes then."""
        today = timezone.localdate()
        found = self.aggregate(
            start=models.Min("member_since", filter=models.Q(member_since__gt=today)),
            end=models.Min("membership_expires", filter=models.Q(membership_expires__gte=today)),
        )
        days = [found["start"]]
        if found["end"] is not None:
            days.append(found["end"] + datetime.timedelta(days=1))  # the last day is included
        days = [day for day in days if day is not None]
        if not days:
            return None
        return timezone.make_aware(datetime.datetime.combine(min(days), datetime.time()))


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
    region = models.CharField(
        max_length=100, blank=True, help_text="The DfE's government office region, e.g. North East."
    )
    establishment_status = models.CharField(
        max_length=60, blank=True, help_text="As the DfE register gives it, e.g. Open or Closed."
    )
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

    objects = SchoolQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def is_closed(self) -> bool:
        return self.establishment_status.lower() == "closed"

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

    def get_by_natural_key(self, email):
        # People type their address in any case; log-in should not care.
        return self.get(email__iexact=email)

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=email.strip().lower(), **extra_fields)
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
        constraints = [
            # One account per address, however it was typed.
            models.UniqueConstraint(Lower("email"), name="unique_user_email_any_case")
        ]

    def __str__(self):
        return self.get_full_name() or self.email

    def save(self, *args, **kwargs):
        # Stored as compared and throttled (members.throttling): trimmed, lower case.
        self.email = normalise_email(self.email)
        super().save(*args, **kwargs)

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


class AccessRequest(models.Model):
    """A person's request, from the public form, to read member-only updates."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for a decision"
        APPROVED = "approved", "Approved"
        REJECTED = "rejected", "Rejected"

    first_name = models.CharField(max_length=150)
    last_name = models.CharField(max_length=150)
    email = models.EmailField()
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="access_requests")
    job_title = models.CharField(max_length=150)
    domain_matches = models.BooleanField(
        "email domain matches the school",
        default=False,
        help_text="The email address ends with the school's email domain.",
    )
    email_confirmed_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status, default=Status.PENDING)
    decided_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    user = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="access_requests",
        help_text="The account made when the request was approved.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["email"],
                condition=models.Q(status="pending"),
                name="one_pending_request_per_email",
            )
        ]

    def __str__(self):
        return f"{self.first_name} {self.last_name} <{self.email}> for {self.school}"

    @property
    def email_confirmed(self) -> bool:
        return self.email_confirmed_at is not None

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


class SchoolImport(models.Model):
    """A GIAS establishment file uploaded in the admin: checked at once (a dry run
    whose counts and bad rows staff read), then imported by a background job."""

    class Status(models.TextChoices):
        CHECKED = "checked", "Checked, not imported"
        QUEUED = "queued", "Importing"
        DONE = "done", "Imported"
        FAILED = "failed", "Failed"

    # The upload, in the protected storage until the import has run.
    file = models.CharField(max_length=200, editable=False)
    original_name = models.CharField("file", max_length=255, editable=False)
    region = models.CharField(max_length=100, blank=True)
    encoding = models.CharField(max_length=20, default="cp1252")
    uploaded_by = models.ForeignKey(
        "members.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField("uploaded", auto_now_add=True)
    status = models.CharField(max_length=10, choices=Status, default=Status.CHECKED)
    # ImportReport.as_dict() of the dry run, then of the import.
    dry_run = models.JSONField(default=dict, editable=False)
    result = models.JSONField(default=dict, editable=False)
    finished_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.original_name} ({self.created_at:%d %b %Y %H:%M})"
