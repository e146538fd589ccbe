import datetime

import reversion
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import slugify

from articles import demo_data, demo_documents
from articles.demo_images import hero_image
from articles.models import Download, GalleryPhoto, Section, Status, Story
from library.models import Document, Image
from members.models import School
from members.roles import EDITOR, MEMBERSHIP_MANAGER, WRITER, ensure_roles

DEMO_PASSWORD = "newsroom-demo"
# One staff account per role (none is a superuser: create one with
# `manage.py createsuperuser` when you need it).
DEMO_STAFF = [
    ("writer@example.org", "Wren", "Writer", WRITER, "drafts stories, submits them"),
    ("editor@example.org", "Demo", "Editor", EDITOR, "stories, sections, tags, picks"),
    ("membership@example.org", "Mo", "Manager", MEMBERSHIP_MANAGER, "schools and people"),
]
DEMO_MEMBER = {
    "email": "member@example.org",
    "first_name": "Amira",
    "last_name": "Haddad",
    "job_title": "Deputy Headteacher",
    "school_urn": "900101",
}
YEAR = datetime.timedelta(days=365)


class Command(BaseCommand):
    help = "Load the demo newsroom on first run (idempotent) and print the demo log-ins."

    def add_arguments(self, parser):
        parser.add_argument(
            "--i-know-this-is-production",
            action="store_true",
            dest="production",
            help="Load the demo (accounts with a published password) with DEBUG off.",
        )

    def handle(self, *args, production=False, **options):
        if not settings.DEBUG and not production:
            raise CommandError(
                "DJANGO_DEBUG is off: this looks like production, and the demo makes "
                "accounts whose password is in the README. Nothing was changed. Run it "
                "with --i-know-this-is-production if you really mean it."
            )
        # Every demo file is read (and checked) before anything is saved.
        try:
            self.schools = demo_data.schools()
            self.sections = demo_data.sections()
            self.stories = demo_data.stories()
        except demo_data.DemoDataError as error:
            raise CommandError(f"{error}. Nothing was changed.") from error
        if not School.objects.exists():
            self.load_schools()
        self.ensure_people()
        if Story.objects.exists():
            self.stdout.write("Demo content: already present, left as it is.")
        else:
            count = self.load_stories()
            self.stdout.write(self.style.SUCCESS(f"Demo content: loaded {count} stories."))
        if apps.is_installed("pages"):
            # The site's pages (pages/demo.py), by the command's name: articles imports no pages.
            call_command("load_demo_pages", production=production, stdout=self.stdout)
        member = DEMO_MEMBER["email"]
        staff = "".join(
            f"  {role.lower():<19} {email} / {DEMO_PASSWORD}  -> /admin/ ({does})\n"
            for email, _, _, role, does in DEMO_STAFF
        )
        self.stdout.write(
            f"\nDemo log-ins (development only):\n{staff}"
            f"  {'member':<19} {member} / {DEMO_PASSWORD}  -> /members/\n"
        )

    def load_schools(self):
        today = timezone.localdate()
        for data in self.schools:
            data = dict(data)
            years = data.pop("member_years")
            School.objects.create(
                slug=slugify(data["name"]),
                establishment_status="Open",
                region="Yorkshire and the Humber",
                member_since=today - years * YEAR if years else None,
                membership_expires=today + YEAR if years else None,
                **data,
            )

    def ensure_people(self):
        User = get_user_model()
        ensure_roles()  # made by a migration, but gone after a `flush`
        for email, first_name, last_name, role, _ in DEMO_STAFF:
            if not User.objects.filter(email=email).exists():
                person = User.objects.create_user(
                    email, DEMO_PASSWORD, first_name=first_name, last_name=last_name, is_staff=True
                )
                person.groups.add(Group.objects.get(name=role))
        member = dict(DEMO_MEMBER)
        school = School.objects.filter(urn=member.pop("school_urn")).first()
        if school and not User.objects.filter(email=member["email"]).exists():
            User.objects.create_user(password=DEMO_PASSWORD, school=school, **member)

    @transaction.atomic
    def load_stories(self) -> int:
        # Each story's history starts with the version loaded here.
        with reversion.create_revision():
            reversion.set_comment("Loaded with the demo content")
            return self._load_stories()

    def _load_stories(self) -> int:
        User = get_user_model()
        writer, editor = (
            User.objects.get(email=email) for email in ("writer@example.org", "editor@example.org")
        )
        sections = {data["slug"]: Section.objects.create(**data) for data in self.sections}
        now = timezone.now()
        for data in self.stories:
            story = Story(
                title=data.title,
                slug=data.slug,
                standfirst=data.standfirst,
                body=data.body,
                section=sections[data.section],
                byline=data.byline,
                status=data.status,
                visibility=data.visibility,
                featured=data.featured,
            )
            # Writers start stories; editors publish and schedule them.
            story.created_by = story.edited_by = (
                editor if data.status == Status.PUBLISHED else writer
            )
            if data.published is not None:
                story.published_at = now + data.published
            if data.illustration is not None:
                story.hero = demo_library_image(
                    data.illustration, title=data.title, section=data.section, uploaded_by=editor
                )
            try:
                save_with_tags(story, data.tags)
            except ValidationError as error:
                raise CommandError(f"{data.path}: {error}. Nothing was changed.") from error
        add_demo_media(editor)
        return len(self.stories)


def demo_library_image(number: int, *, title: str, section: str, uploaded_by) -> Image:
    """Illustration ``number`` in ``section``'s colours, in the media library as an editor
    would upload it."""
    content, alt = hero_image(number, section)
    image = Image(title=f"Illustration for “{title}”", alt=alt, uploaded_by=uploaded_by)
    image.store(ContentFile(content, name=f"demo-illustration-{number}.jpg"))
    image.save()
    image.tags.add("illustration")
    return image


SPORTS_DAY = "Scarbeck Primary's sports day"
PAY_POLICY = "Draft model pay policy"


def add_demo_media(editor) -> None:
    """Show the library at work: a body photo and a gallery on the sports day story,
    the consultation paper as a download under the (members-only) pay policy story."""
    sports_day = Story.objects.filter(title__startswith=SPORTS_DAY).first()
    if sports_day is not None:
        photos = [
            demo_library_image(
                100 + n, title=f"Sports day, photo {n + 1}", section=section, uploaded_by=editor
            )
            for n, section in enumerate(
                ["school-stories", "network-news", "training-events", "school-stories"]
            )
        ]
        for order, photo in enumerate(photos):
            photo.caption = f"Scarbeck Primary sports day, photo {order + 1} of {len(photos)}"
            photo.credit = "Scarbeck Primary PTA"
            photo.save()
            GalleryPhoto.objects.create(story=sports_day, image=photo, order=order)
        first = photos[0]
        sports_day.body += format_html(
            '<figure><img src="{}" alt="{}" data-file="{}"><figcaption>{}</figcaption></figure>',
            first.url,
            first.alt,
            first.pk,
            "The relay finish, moments before the rain returned",
        )
        sports_day.save()
    pay_policy = Story.objects.filter(title__startswith=PAY_POLICY).first()
    if pay_policy is not None:
        paper = Document(
            title="Draft model pay policy 2027 (consultation draft)",
            description="For heads, governors and staff of member schools. Comments by 31 January.",
            uploaded_by=editor,
        )
        paper.store(
            ContentFile(
                demo_documents.pdf("Draft model pay policy 2027", demo_documents.PAY_POLICY),
                name="draft-model-pay-policy-2027.pdf",
            )
        )
        paper.save()
        Download.objects.create(story=pay_policy, document=paper)


def save_with_tags(story: Story, tags: list[str]) -> None:
    story.full_clean()
    story.save()
    story.tags.set(tags)
    reversion.add_to_revision(story)  # again, now with its tags
