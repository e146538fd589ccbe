"""A photo chosen in an image form that fails validation is kept for the next try."""

from pathlib import Path

import pytest
from django.conf import settings

from library.models import Image
from tests.library.test_images import add_image, photo, read, stored_files, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, editor):
    client.force_login(editor)
    return client


def kept_token(response) -> str:
    return response.context["adminform"].form.data["upload_pending"]


def files_under(root) -> list[Path]:
    root = Path(root)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_a_photo_sent_without_alt_text_is_kept_and_shown_again(staff_client):
    response = add_image(staff_client, upload(photo(), "fell-walk.jpg"), alt="")

    html = response.content.decode()
    assert "alt text is required" in html
    assert 'data-original-name="fell-walk.jpg"' in html
    assert 'data-preview-url="data:image/jpeg;base64,' in html
    assert kept_token(response)
    assert not Image.objects.exists()


def test_the_kept_photo_is_saved_when_the_form_is_fixed(staff_client):
    first = add_image(staff_client, upload(photo((1200, 800)), "fell-walk.jpg"), alt="")

    response = add_image(
        staff_client, "", alt="Pupils on the fell", upload_pending=kept_token(first)
    )

    assert response.status_code == 302
    image = Image.objects.get()
    assert (image.width, image.height) == (1200, 800)
    assert image.original_name == "fell-walk.jpg"
    assert read(image.file)
    assert not [name for name in stored_files() if name.startswith("pending/")]


def test_a_new_photo_replaces_the_kept_one(staff_client):
    first = add_image(staff_client, upload(photo((1200, 800))), alt="")

    add_image(
        staff_client,
        upload(photo((900, 600)), "second.jpg"),
        alt="Second try",
        upload_pending=kept_token(first),
    )

    image = Image.objects.get()
    assert (image.width, image.height, image.original_name) == (900, 600, "second.jpg")


def test_a_forged_token_keeps_nothing(staff_client):
    response = add_image(staff_client, "", upload_pending="pending/../../etc:forged")

    assert response.status_code == 200
    assert "Choose a photo to upload." in response.content.decode()
    assert not Image.objects.exists()
    assert stored_files() == []


def test_a_kept_photo_is_not_a_public_file(staff_client):
    add_image(staff_client, upload(photo(), "fell-walk.jpg"), alt="")
    [kept] = files_under(settings.PROTECTED_ROOT)
    name = kept.relative_to(settings.PROTECTED_ROOT).as_posix()

    assert files_under(settings.MEDIA_ROOT) == []
    # Not even staff, who may fetch every library file, reach it.
    assert staff_client.get(f"/media/{name}").status_code == 404
    assert staff_client.get(f"/files/{name}").status_code == 404
