import datetime

import reversion
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from articles import demo_content
from articles.demo_images import hero_image
from articles.models import Section, Status, Story
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
        if not School.objects.exists():
            self.load_schools()
        self.ensure_people()
        if Story.objects.exists():
            self.stdout.write("Demo content: already present, left as it is.")
        else:
            count = self.load_stories()
            self.stdout.write(self.style.SUCCESS(f"Demo content: loaded {count} stories."))
        member = demo_content.DEMO_MEMBER["email"]
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
        for data in demo_content.SCHOOLS:
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
        member = dict(demo_content.DEMO_MEMBER)
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
        sections = {data["slug"]: Section.objects.create(**data) for data in demo_content.SECTIONS}
        now = timezone.now()
        for index, data in enumerate(demo_content.STORIES):
            story = new_story(data, sections)
            story.created_by = story.edited_by = editor
            story.status = Status.PUBLISHED
            story.published_at = now - datetime.timedelta(days=data["days_ago"], hours=index % 7)
            story.visibility = data["visibility"]
            story.featured = data["featured"]
            image, story.hero_alt = hero_image(index, data["section"])
            story.hero_image.save(f"{story.slug}.jpg", ContentFile(image), save=False)
            save_with_tags(story, data["tags"])
        for data in demo_content.UNPUBLISHED:
            story = new_story(data, sections)
            story.status = data["status"]
            story.created_by = story.edited_by = (
                writer if story.status != Status.PUBLISHED else editor
            )
            if data["days_from_now"]:
                story.published_at = now + datetime.timedelta(days=data["days_from_now"])
            save_with_tags(story, data["tags"])
        return len(demo_content.STORIES) + len(demo_content.UNPUBLISHED)


def new_story(data: dict, sections: dict[str, Section]) -> Story:
    return Story(
        title=data["title"],
        slug=slugify(data["title"])[:80].rstrip("-"),
        standfirst=data["standfirst"],
        body=data["body"],
        section=sections[data["section"]],
        byline=data["byline"],
    )


def save_with_tags(story: Story, tags: list[str]) -> None:
    story.full_clean()
    story.save()
    story.tags.set(tags)
    reversion.add_to_revision(story)  # again, now with its tags
