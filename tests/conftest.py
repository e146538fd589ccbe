import datetime
import io
import itertools

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from articles.models import Section, Status, Story, Visibility
from members import roles
from members.models import School, User

PASSWORD = "a-long-test-password-41"


@pytest.fixture(autouse=True)
def run_on_commit_at_once(monkeypatch):
    """Work queued for after commit (emails, renditions, file clean-up) runs at once.

    A test's transaction is rolled back, never committed, so otherwise that
    work would never run and its outcome could not be checked.
    """
    monkeypatch.setattr("django.db.transaction.on_commit", lambda func, **kwargs: func())


@pytest.fixture(autouse=True)
def jobs_run_inline(settings):
    """Background jobs run at once, in the test, unless a test asks for the queue
    (``tests/jobs``)."""
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def development(settings):
    """DEBUG on, as under `make run` (the test runner turns it off)."""
    settings.DEBUG = True


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with an empty cache."""
    cache.clear()


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Real hashing is slow on purpose; tests need only its behaviour."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Every test writes uploads to its own folders (public media, protected files)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PROTECTED_ROOT = tmp_path / "protected"
    settings.STORAGES = settings.STORAGES | {
        "protected": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": settings.PROTECTED_ROOT, "base_url": None},
        }
    }
    return settings.MEDIA_ROOT


def read_to_end(response) -> bytes:
    """A response's body, its file closed, without ``response.close()``: that sends
    ``request_finished``, which closes the test's database connection on PostgreSQL."""
    if not getattr(response, "streaming", False):
        return response.content
    content = b"".join(response.streaming_content)
    if file := getattr(response, "file_to_stream", None):
        file.close()
    return content


def jpeg_bytes(size=(64, 36), colour="teal") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.fixture
def image_upload():
    def make(name="hero.jpg", size=(64, 36)):
        return SimpleUploadedFile(name, jpeg_bytes(size), content_type="image/jpeg")

    return make


@pytest.fixture
def image_factory(db):
    """Add an image to the media library, as the admin form does (master stored,
    renditions made at once by the inline job backend)."""
    from library.models import Image as LibraryImage

    def make(*, size=(64, 36), upload=None, **fields):
        number = next(_numbers)
        upload = upload or SimpleUploadedFile(
            f"photo-{number}.jpg", jpeg_bytes(size), content_type="image/jpeg"
        )
        image = LibraryImage(
            **({"title": f"Photo {number}", "alt": f"Alt text of photo {number}"} | fields)
        )
        image.store(upload)
        image.save()
        return LibraryImage.objects.get(pk=image.pk)

    return make


@pytest.fixture
def section(db):
    return Section.objects.create(name="Network news", slug="network-news", order=1)


@pytest.fixture
def other_section(db):
    return Section.objects.create(name="Policy & funding", slug="policy-funding", order=2)


_numbers = itertools.count(1)


@pytest.fixture
def story_factory(db, section):
    """Make a story: live and public unless told otherwise; unique title and slug."""

    def make(**fields):
        number = next(_numbers)
        tags = fields.pop("tags", [])
        defaults = {
            "title": f"Story number {number}",
            "slug": f"story-{number}",
            "standfirst": f"Standfirst of story {number}.",
            "body": f"<p>Body of story {number}.</p>",
            "section": section,
            "status": Status.PUBLISHED,
            "published_at": timezone.now() - datetime.timedelta(hours=number),
            "visibility": Visibility.PUBLIC,
        }
        story = Story.objects.create(**(defaults | fields))
        if tags:
            story.tags.set(tags)
        return story

    return make


@pytest.fixture
def member_school(db):
    return School.objects.create(
        name="Calder Vale Primary",
        slug="calder-vale-primary",
        urn="100001",
        member_since=timezone.localdate() - datetime.timedelta(days=100),
        membership_expires=timezone.localdate() + datetime.timedelta(days=100),
    )


@pytest.fixture
def staff_user(db):
    return User.objects.create_user(
        "staff@example.org",
        PASSWORD,
        is_staff=True,
        is_superuser=True,
        first_name="Sam",
    )


def person_with_role(role, email, first_name):
    """A staff account in ``role``: the group the roles migration makes (made again
    here when a transactional test's flush has emptied the table)."""
    from django.contrib.auth.models import Group

    if not Group.objects.filter(name=role).exists():
        roles.ensure_roles()
    person = User.objects.create_user(email, PASSWORD, is_staff=True, first_name=first_name)
    person.groups.add(Group.objects.get(name=role))
    return person


@pytest.fixture
def writer(db):
    return person_with_role(roles.WRITER, "writer@example.org", "Wren")


@pytest.fixture
def editor(db):
    return person_with_role(roles.EDITOR, "editor@example.org", "Eddie")


@pytest.fixture
def membership_manager(db):
    return person_with_role(roles.MEMBERSHIP_MANAGER, "membership@example.org", "Mo")


@pytest.fixture
def member(db, member_school):
    return User.objects.create_user("member@calder-vale.example", PASSWORD, school=member_school)


@pytest.fixture
def non_member(db):
    return User.objects.create_user("reader@example.com", PASSWORD)


@pytest.fixture
def expired_member(db):
    """Staff of a school whose membership ended yesterday."""
    school = School.objects.create(
        name="Lapsed Lane Primary",
        slug="lapsed-lane-primary",
        urn="100009",
        member_since=timezone.localdate() - datetime.timedelta(days=400),
        membership_expires=timezone.localdate() - datetime.timedelta(days=1),
    )
    return User.objects.create_user("lapsed@lapsed-lane.example", PASSWORD, school=school)


from tests.smtp import smtp  # noqa: E402, F401  (the real SMTP server fixture)
