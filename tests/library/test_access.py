"""Library files are fetched by whoever may read a page using them, and nobody else.

Every file of an image (master and each rendition) is tried, by every kind of
viewer, at the address pages give it and at the public media address.
"""

import datetime
from pathlib import Path

import pytest
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from articles.models import Status, Visibility
from library import access
from library.models import Image
from tests.conftest import read_to_end

pytestmark = pytest.mark.django_db

VIEWERS = ["anonymous", "non_member", "expired_member", "member", "staff_user"]


@pytest.fixture
def viewer_client(request, client):
    """A client logged in as the named viewer (or anonymous)."""

    def log_in(name):
        if name != "anonymous":
            client.force_login(request.getfixturevalue(name))
        return client

    return log_in


def public_paths(media_root, image) -> list[Path]:
    return [
        Path(media_root) / name for name in image.file_names() if (Path(media_root) / name).exists()
    ]


def statuses(client, image) -> set[int]:
    """The answers to a request for each of the image's files, at the address pages use."""
    found = set()
    for name in image.file_names():
        response = client.get(image.file_url(name))
        read_to_end(response)
        found.add(response.status_code)
    return found


def fresh(image) -> Image:
    return Image.objects.get(pk=image.pk)


@pytest.fixture
def photo(image_factory):
    return image_factory(size=(1600, 900))


@pytest.mark.parametrize("viewer", VIEWERS)
def test_files_of_a_member_only_story_are_for_members_and_staff_only(
    viewer, viewer_client, photo, story_factory, media_root
):
    story_factory(hero=photo, visibility=Visibility.MEMBERS)
    photo = fresh(photo)
    client = viewer_client(viewer)

    assert len(photo.file_names()) > 10  # the master and every rendition
    assert public_paths(media_root, photo) == []
    expected = {200} if viewer in ("member", "staff_user") else {404}
    assert statuses(client, photo) == expected


@pytest.mark.parametrize("viewer", VIEWERS)
def test_files_of_a_draft_are_for_staff_only(viewer, viewer_client, photo, story_factory):
    story_factory(hero=photo, status=Status.DRAFT, published_at=None)
    client = viewer_client(viewer)

    assert statuses(client, fresh(photo)) == ({200} if viewer == "staff_user" else {404})


@pytest.mark.parametrize("viewer", ["anonymous", "member"])
def test_files_of_a_scheduled_story_are_hidden_until_its_time(
    viewer, viewer_client, photo, story_factory
):
    story_factory(hero=photo, published_at=timezone.now() + datetime.timedelta(hours=2))
    client = viewer_client(viewer)

    assert statuses(client, fresh(photo)) == {404}


def test_a_scheduled_story_s_files_open_at_its_time_and_become_public_files(
    client, photo, story_factory, media_root, monkeypatch
):
    go_live = timezone.now() + datetime.timedelta(hours=2)
    story_factory(hero=photo, published_at=go_live)
    later = go_live + datetime.timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)

    # Nothing has run yet: the view lets the public in by itself...
    assert statuses(client, fresh(photo)) == {200}
    # ...and the job queued for go-live makes them static files.
    access.refresh_access.call("library.Image", [photo.pk])
    photo = fresh(photo)
    assert photo.stored_publicly
    assert len(public_paths(media_root, photo)) == len(photo.file_names())


def test_files_of_a_live_public_story_are_public_static_files(
    client, photo, story_factory, media_root
):
    story_factory(hero=photo)
    photo = fresh(photo)

    assert photo.stored_publicly
    assert photo.url.startswith("/media/images/")
    assert len(public_paths(media_root, photo)) == len(photo.file_names())


def test_making_a_story_members_only_takes_its_files_out_of_public_reach_at_once(
    client, photo, story_factory, media_root
):
    story = story_factory(hero=photo)
    assert fresh(photo).stored_publicly

    story.visibility = Visibility.MEMBERS
    story.save()

    photo = fresh(photo)
    assert not photo.stored_publicly
    assert public_paths(media_root, photo) == []
    assert statuses(client, photo) == {404}


def test_making_a_story_public_makes_its_files_public(client, photo, story_factory, media_root):
    story = story_factory(hero=photo, visibility=Visibility.MEMBERS)

    story.visibility = Visibility.PUBLIC
    story.save()

    photo = fresh(photo)
    assert photo.stored_publicly
    assert len(public_paths(media_root, photo)) == len(photo.file_names())


def test_unpublishing_a_story_protects_its_files(client, photo, story_factory, media_root):
    story = story_factory(hero=photo)

    story.status = Status.DRAFT
    story.save()

    photo = fresh(photo)
    assert public_paths(media_root, photo) == []
    assert statuses(client, photo) == {404}


def test_an_image_marked_members_only_stays_protected_on_a_public_story(
    viewer_client, image_factory, story_factory, media_root
):
    photo = image_factory(members_only=True)
    story_factory(hero=photo)
    photo = fresh(photo)

    assert public_paths(media_root, photo) == []
    assert statuses(viewer_client("anonymous"), photo) == {404}
    assert statuses(viewer_client("member"), photo) == {200}


def test_an_image_used_nowhere_is_for_staff_only(viewer_client, photo):
    assert statuses(viewer_client("member"), fresh(photo)) == {404}


def test_switching_visibility_purges_the_cached_copies_of_its_files(
    photo, story_factory, settings, monkeypatch
):
    story = story_factory(hero=photo)
    purged = []
    monkeypatch.setattr(access, "purge_on_commit", lambda *keys: purged.extend(keys))

    story.visibility = Visibility.MEMBERS
    story.save()

    assert f"file-{photo.token}" in purged
    assert f"story-{story.pk}" in purged


def test_file_names_are_random_and_carry_no_slug(image_factory, story_factory):
    photo = image_factory(title="Sports day at Calder Vale")
    story = story_factory(hero=photo, slug="sports-day-at-calder-vale")
    photo = fresh(photo)

    assert len(photo.token) >= 20
    for name in photo.file_names():
        assert photo.token in name
        assert "sports" not in name.lower() and story.slug not in name


def test_a_made_up_or_foreign_name_answers_404(client, staff_user, photo):
    client.force_login(staff_user)

    for name in [
        f"images/{photo.token[:2]}/{'x' * 22}.jpg",
        f"images/{photo.token[:2]}/{photo.token}-card-000000-400.jpg",
        "pending/anything.jpg",
        "../settings.py",
    ]:
        assert client.get(f"/files/{name}").status_code == 404


def test_a_protected_file_is_never_stored_by_a_shared_cache(client, member, photo, story_factory):
    story_factory(hero=photo, visibility=Visibility.MEMBERS)
    client.force_login(member)

    response = client.get(fresh(photo).url)

    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    assert read_to_end(response)[:2] == b"\xff\xd8"  # a JPEG


def test_behind_nginx_the_app_only_authorises(client, member, photo, story_factory, settings):
    settings.PROTECTED_FILES = "nginx"
    story_factory(hero=photo, visibility=Visibility.MEMBERS)
    client.force_login(member)
    photo = fresh(photo)

    response = client.get(photo.url)

    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/_protected/{photo.file}"
    assert response.content == b""


def test_with_signed_storage_urls_the_app_redirects(
    client, member, photo, story_factory, settings, monkeypatch
):
    settings.PROTECTED_FILES = "redirect"
    story_factory(hero=photo, visibility=Visibility.MEMBERS)
    client.force_login(member)
    protected = storages["protected"]
    # What django-storages' S3 storage with querystring_auth answers.
    monkeypatch.setattr(
        protected, "url", lambda name: f"https://bucket.example/{name}?X-Amz-Signature=1"
    )

    response = client.get(fresh(photo).url)

    assert response.status_code == 302
    assert response["Location"].startswith("https://bucket.example/images/")


def test_a_member_s_story_page_points_at_protected_addresses(client, member, photo, story_factory):
    story = story_factory(hero=photo, visibility=Visibility.MEMBERS)
    client.force_login(member)

    page = client.get(story.get_absolute_url()).content.decode()

    assert f"/files/images/{photo.token[:2]}/{photo.token}" in page
    assert "/media/images/" not in page


def test_a_non_member_s_teaser_shows_no_file_of_the_story(client, photo, story_factory):
    story = story_factory(hero=photo, visibility=Visibility.MEMBERS)

    page = client.get(story.get_absolute_url()).content.decode()

    assert photo.token not in page


def test_making_a_story_members_only_protects_its_gallery_and_downloads(
    image_factory, story_factory, media_root
):
    from articles.models import Download, GalleryPhoto
    from library.models import Document

    story = story_factory()
    photo = image_factory()
    GalleryPhoto.objects.create(story=story, image=photo)
    paper = Document(title="Paper")
    paper.store(SimpleUploadedFile("paper.pdf", b"%PDF-1.4\n%%EOF\n"))
    paper.save()
    Download.objects.create(story=story, document=paper)
    assert fresh(photo).stored_publicly and Document.objects.get(pk=paper.pk).stored_publicly

    story.visibility = Visibility.MEMBERS
    story.save()

    assert not fresh(photo).stored_publicly
    assert not Document.objects.get(pk=paper.pk).stored_publicly
    assert public_paths(media_root, fresh(photo)) == []


def test_answering_for_a_protected_file_costs_a_few_queries_whatever_its_uses(
    client, member, image_factory, story_factory, django_assert_max_num_queries
):
    photo = image_factory()
    for _ in range(5):
        story_factory(hero=photo, visibility=Visibility.MEMBERS)
    client.force_login(member)
    url = fresh(photo).url

    with django_assert_max_num_queries(4):  # session, member and school, the image
        response = client.get(url)

    assert response.status_code == 200
    read_to_end(response)
