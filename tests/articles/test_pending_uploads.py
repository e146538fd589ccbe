"""A photo chosen in a story form that fails validation is kept for the next try."""

import pytest
from django.core.files.storage import default_storage

from articles.models import Story
from tests.articles.test_images import add_story, photo, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, editor):
    client.force_login(editor)
    return client


def kept_token(response) -> str:
    return response.context["adminform"].form.data["hero_image_pending"]


def test_a_photo_sent_without_alt_text_is_kept_and_shown_again(staff_client, section):
    response = add_story(staff_client, section, upload(photo(), "fell-walk.jpg"), hero_alt="")

    html = response.content.decode()
    assert "alt text is required" in html
    assert 'data-original-name="fell-walk.jpg"' in html
    assert kept_token(response)
    assert not Story.objects.exists()


def test_the_kept_photo_is_saved_when_the_form_is_fixed(staff_client, section, media_root):
    first = add_story(
        staff_client, section, upload(photo((1200, 800)), "fell-walk.jpg"), hero_alt=""
    )

    response = add_story(
        staff_client,
        section,
        "",
        hero_alt="Pupils on the fell",
        hero_image_pending=kept_token(first),
    )

    assert response.status_code == 302
    story = Story.objects.get()
    assert (story.hero_width, story.hero_height) == (1200, 800)
    assert default_storage.exists(story.hero_image.name)
    assert not (media_root / "pending").exists() or not any((media_root / "pending").iterdir())


def test_a_new_photo_replaces_the_kept_one(staff_client, section):
    first = add_story(staff_client, section, upload(photo((1200, 800))), hero_alt="")

    add_story(
        staff_client,
        section,
        upload(photo((900, 600)), "second.jpg"),
        hero_alt="Second try",
        hero_image_pending=kept_token(first),
    )

    assert (Story.objects.get().hero_width, Story.objects.get().hero_height) == (900, 600)


def test_a_forged_token_keeps_nothing(staff_client, section):
    response = add_story(
        staff_client,
        section,
        "",
        hero_alt="No photo",
        hero_image_pending="pending/../../etc:forged",
    )

    assert response.status_code == 302
    assert not Story.objects.get().hero_image
