"""Library images inside a story's body, and a story's photo gallery."""

import pytest
from django.test import Client
from django.urls import reverse

from articles.models import GalleryPhoto, Story, Visibility
from library.models import Image
from tests.conftest import read_to_end

pytestmark = pytest.mark.django_db


def figure(image, alt="Pupils on the start line", caption="The 100 m final"):
    return (
        f'<figure><img src="{image.url}" alt="{alt}" data-file="{image.pk}">'
        f"<figcaption>{caption}</figcaption></figure>"
    )


@pytest.fixture
def photo(image_factory):
    return image_factory(size=(1600, 900), credit="Calder Vale PTA")


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client


def test_a_library_figure_is_kept_with_its_alt_text_and_caption(photo, story_factory):
    story = story_factory(body=f"<p>Sports day.</p>{figure(photo)}")

    assert f'data-file="{photo.pk}"' in story.body
    assert 'alt="Pupils on the start line"' in story.body
    assert "<figcaption>The 100 m final</figcaption>" in story.body


@pytest.mark.parametrize(
    "img",
    [
        '<img src="https://tracker.example/pixel.gif" alt="">',
        '<img src="/media/stories/2026/12/old-slug.jpg" alt="old">',
        '<img src="data:image/png;base64,AAAA" alt="">',
        '<img src="/files/images/ab/abcdefghijklmnopqrstuv.jpg" data-file="999999" alt="x">',
    ],
)
def test_an_image_that_is_not_a_library_figure_is_removed(story_factory, img):
    story = story_factory(body=f"<p>Before.</p><figure>{img}<figcaption>c</figcaption></figure>")

    assert "<img" not in story.body
    assert "<figure" not in story.body
    assert "<p>Before.</p>" in story.body


def test_a_figure_s_address_is_rewritten_to_the_image_s_own(photo, story_factory):
    story = story_factory(
        body=f'<figure><img src="https://elsewhere.example/x.jpg" data-file="{photo.pk}" alt="a">'
        "</figure>"
    )

    assert "elsewhere.example" not in story.body
    # The address it had when saved; pages write the current one (library.body.render).
    assert f'src="/files/{photo.file}"' in story.body


def test_the_page_writes_srcset_sizes_width_and_height_from_renditions(
    client, photo, story_factory
):
    story = story_factory(body=figure(photo))

    page = client.get(story.get_absolute_url()).content.decode()

    body = page[page.index('<div class="prose">') :]
    assert "<picture>" in body
    assert 'type="image/webp"' in body
    assert " 640w" in body and " 1600w" in body
    assert 'sizes="(min-width: 48rem) 46rem, 100vw"' in body
    assert 'width="1600" height="900"' in body
    assert 'alt="Pupils on the start line"' in body
    assert '<figcaption><span class="caption">The 100 m final</span> ' in body


CREDIT = '<span class="credit"><span class="credit__label">Photo:</span> {}</span>'


def test_a_body_figure_s_caption_is_followed_by_the_image_s_credit(client, photo, story_factory):
    story = story_factory(body=figure(photo, caption="The relay <em>finish</em>"))

    page = client.get(story.get_absolute_url()).content.decode()

    body = page[page.index('<div class="prose">') :]
    assert (
        '<figcaption><span class="caption">The relay <em>finish</em></span> '
        + CREDIT.format("Calder Vale PTA")
        + "</figcaption></figure>"
    ) in body


def test_a_body_figure_without_a_caption_still_credits_its_image(
    client, image_factory, story_factory
):
    photo = image_factory(credit="<b>Year 5</b> & staff")
    story = story_factory(
        body=f'<figure><img src="{photo.url}" alt="Sack race" data-file="{photo.pk}"></figure>'
    )

    page = client.get(story.get_absolute_url()).content.decode()

    body = page[page.index('<div class="prose">') :]
    expected = CREDIT.format("&lt;b&gt;Year 5&lt;/b&gt; &amp; staff")
    assert f"</picture><figcaption>{expected}</figcaption></figure>" in body
    assert 'class="caption"' not in body


def test_an_image_in_a_member_only_body_is_for_members_only(photo, story_factory, member):
    story_factory(visibility=Visibility.MEMBERS, body=figure(photo))
    photo = Image.objects.get(pk=photo.pk)
    anonymous, members = Client(), Client()
    members.force_login(member)

    assert not photo.stored_publicly
    for name in photo.file_names():
        assert anonymous.get(photo.file_url(name)).status_code == 404
        response = members.get(photo.file_url(name))
        assert response.status_code == 200
        read_to_end(response)


def test_an_image_in_a_body_is_in_use_and_can_t_be_deleted(photo, story_factory, staff_client):
    story = story_factory(body=figure(photo))

    change_page = staff_client.get(reverse("admin:library_image_change", args=[photo.pk]))
    staff_client.post(reverse("admin:library_image_delete", args=[photo.pk]), {"post": "yes"})

    assert f"Story: {story.title} (body)" in change_page.content.decode()
    assert Image.objects.filter(pk=photo.pk).exists()


def test_taking_an_image_out_of_the_body_frees_it(photo, story_factory, staff_client):
    story = story_factory(body=figure(photo))
    story.body = "<p>No photo now.</p>"
    story.save()

    staff_client.post(reverse("admin:library_image_delete", args=[photo.pk]), {"post": "yes"})

    assert not Image.objects.filter(pk=photo.pk).exists()


def test_deleting_a_story_frees_the_images_of_its_body(photo, story_factory):
    story = story_factory(body=figure(photo))

    Story.objects.filter(pk=story.pk).delete()
    Image.objects.filter(pk=photo.pk).delete()

    assert not Image.objects.exists()


def test_a_gallery_is_a_grid_of_linked_photos_with_captions_and_credits(
    client, image_factory, story_factory
):
    story = story_factory()
    photos = [image_factory(size=(1200, 800), caption=f"Race {n}") for n in range(3)]
    for order, image in enumerate(photos):
        GalleryPhoto.objects.create(story=story, image=image, order=order)

    page = client.get(story.get_absolute_url()).content.decode()

    gallery = page[page.index('class="gallery"') :]
    assert '<h2 id="gallery-heading">Photos</h2>' in gallery
    assert gallery.count("<li>") == 3
    for image in photos:
        image = Image.objects.get(pk=image.pk)
        assert f'href="{image.large_url}"' in gallery
    assert gallery.index("Race 0") < gallery.index("Race 1") < gallery.index("Race 2")
    assert 'loading="lazy"' in gallery


def test_a_gallery_photo_s_caption_and_credit_are_separate_elements(
    client, image_factory, story_factory
):
    story = story_factory()
    image = image_factory(caption="Egg and spoon CAPTION-61b2", credit="Calder Vale PTA")
    GalleryPhoto.objects.create(story=story, image=image)

    page = client.get(story.get_absolute_url()).content.decode()

    gallery = page[page.index('class="gallery"') :]
    assert (
        '<figcaption><span class="caption">Egg and spoon CAPTION-61b2</span> '
        + CREDIT.format("Calder Vale PTA")
        + "</figcaption>"
    ) in gallery


def test_a_member_only_story_s_gallery_photos_are_protected(image_factory, story_factory):
    story = story_factory(visibility=Visibility.MEMBERS)
    image = image_factory()
    GalleryPhoto.objects.create(story=story, image=image)

    assert not Image.objects.get(pk=image.pk).stored_publicly
    assert Client().get(Image.objects.get(pk=image.pk).url).status_code == 404


def test_the_story_page_costs_the_same_queries_with_many_figures(
    client, image_factory, story_factory, django_assert_max_num_queries
):
    images = [image_factory() for _ in range(6)]
    one = story_factory(body=figure(images[0]))
    many = story_factory(body="".join(figure(image) for image in images))
    for image in images:
        GalleryPhoto.objects.create(story=one, image=image)
        GalleryPhoto.objects.create(story=many, image=image)
    client.get(one.get_absolute_url())

    with django_assert_max_num_queries(10) as few:
        client.get(one.get_absolute_url())
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(many.get_absolute_url())


def test_the_body_editor_s_picker_lists_library_images_to_insert(photo, staff_client):
    # The editor numbers its callbacks -1, -2, …
    response = staff_client.get(reverse("admin:library_image_pick") + "?CKEditorFuncNum=-3")

    page = response.content.decode()
    assert response.status_code == 200
    assert f'data-id="{photo.pk}"' in page
    assert f'data-url="{Image.objects.get(pk=photo.pk).url}"' in page
    assert 'data-func="-3"' in page


def test_the_picker_finds_images_by_words_in_their_description(image_factory, staff_client):
    image_factory(title="Sports day relay", alt="Four runners")
    image_factory(title="Choir", alt="Singers on a stage")

    page = staff_client.get(reverse("admin:library_image_pick") + "?q=relay").content.decode()

    assert "Sports day relay" in page
    assert "Choir" not in page


def test_an_image_uploaded_from_the_picker_comes_back_to_it(staff_client, image_upload):
    response = staff_client.post(
        reverse("admin:library_image_add") + "?_picker=-7",
        {
            "upload": image_upload(size=(800, 600)),
            "title": "New photo",
            "alt": "A new photo",
            "focal_x": "0.5",
            "focal_y": "0.5",
        },
    )

    image = Image.objects.get()
    assert response.status_code == 302
    assert response["Location"] == (
        reverse("admin:library_image_pick") + f"?CKEditorFuncNum=-7&chosen={image.pk}"
    )
