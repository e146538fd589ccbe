"""The media library in the admin: who adds images, what an image's page tells
staff, and deleting only what no story uses."""

import pytest
from django.urls import reverse

from library.models import Image
from tests.library.test_images import (
    add_image,
    break_webp_encoding,
    fresh,
    photo,
    stored_files,
    upload,
)

pytestmark = pytest.mark.django_db


def change_url(image):
    return reverse("admin:library_image_change", args=[image.pk])


def delete_url(image):
    return reverse("admin:library_image_delete", args=[image.pk])


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client


@pytest.fixture
def photo_in_use(image_factory, story_factory):
    image = image_factory(size=(1600, 1000))
    story_factory(hero=image, title="Sports day at Calder Vale USED-IN-2b2b")
    return fresh(image)


def test_the_image_form_shows_a_focal_point_preview(staff_client, image_factory):
    image = image_factory(size=(1600, 1000), focal_x=0.25, focal_y=0.75)

    form = staff_client.get(change_url(image)).content.decode()

    assert 'class="focal-preview"' in form and "js/focal-point.js" in form
    assert f'<img src="{image.url}"' in form
    assert 'style="left:25.0%;top:75.0%"' in form
    assert 'name="focal_x"' in form and 'name="decorative"' in form


def test_the_add_form_has_a_preview_for_the_photo_still_to_be_chosen(staff_client):
    form = staff_client.get(reverse("admin:library_image_add")).content.decode()

    assert '<div class="focal-preview" hidden>' in form
    assert 'name="upload"' in form and 'name="focal_x"' in form


def test_staff_see_why_making_the_renditions_failed(staff_client, monkeypatch):
    break_webp_encoding(monkeypatch)
    add_image(staff_client, upload(photo()))

    html = staff_client.get(change_url(Image.objects.get())).content.decode()

    assert "Making its sizes failed: OSError: WEBP-ENCODER-DOWN-6c6c" in html


def test_the_image_page_lists_the_stories_using_it(staff_client, photo_in_use):
    story = photo_in_use.hero_of.get()

    html = staff_client.get(change_url(photo_in_use)).content.decode()

    story_url = reverse("admin:articles_story_change", args=[story.pk])
    assert (
        f'<a href="{story_url}">Story: Sports day at Calder Vale USED-IN-2b2b (hero image)</a>'
        in html
    )
    assert "In use, it can't be deleted" in html


def test_an_image_in_use_cannot_be_deleted(staff_client, photo_in_use):
    page = staff_client.get(delete_url(photo_in_use)).content.decode()
    response = staff_client.post(delete_url(photo_in_use), {"post": "yes"})

    assert "Cannot delete image" in page
    assert "would require deleting the following protected related objects" in page
    assert "USED-IN-2b2b" in page
    assert response.status_code == 200
    assert Image.objects.filter(pk=photo_in_use.pk).exists()
    assert set(photo_in_use.file_names()) <= set(stored_files())


def test_once_no_story_uses_an_image_it_can_be_deleted(staff_client, photo_in_use):
    story = photo_in_use.hero_of.get()
    story.hero = None
    story.save()

    response = staff_client.post(delete_url(photo_in_use), {"post": "yes"})

    assert response.status_code == 302
    assert not Image.objects.filter(pk=photo_in_use.pk).exists()
    assert stored_files() == []


@pytest.mark.parametrize("role", ["editor", "writer"])
def test_editors_and_writers_add_photos_to_the_library(client, request, role):
    person = request.getfixturevalue(role)
    client.force_login(person)

    response = add_image(client, upload(photo()))

    assert response.status_code == 302
    assert Image.objects.get().uploaded_by == person


def test_a_writer_finds_a_library_photo_for_a_storys_hero(client, writer, image_factory):
    image_factory(title="Sports day FIND-ME-3c3c")
    image_factory(title="Something else")
    client.force_login(writer)

    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "articles", "model_name": "story", "field_name": "hero", "term": "FIND-ME"},
    )

    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["Sports day FIND-ME-3c3c"]


def test_an_image_without_alt_text_can_t_be_a_story_s_hero(image_factory, story_factory):
    from django.core.exceptions import ValidationError

    story = story_factory(hero=image_factory(alt=""))

    with pytest.raises(ValidationError, match="no alt text"):
        story.full_clean()


def test_a_story_whose_hero_renditions_failed_says_so_in_its_form(
    staff_client, image_factory, story_factory
):
    from library.models import Image

    photo = image_factory()
    Image.objects.filter(pk=photo.pk).update(rendition_error="OSError: disk full")
    story = story_factory(hero=photo)

    page = staff_client.get(reverse("admin:articles_story_change", args=[story.pk]))

    assert "Its sizes could not be made (OSError: disk full)" in page.content.decode()
