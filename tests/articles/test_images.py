import io
import os
import re
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from PIL import Image

from articles import images
from articles.models import Story
from articles.tasks import build_renditions

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def upload(data: bytes, name="photo.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def photo(size=(1600, 1000), fmt="JPEG", **save_options) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (40, 120, 90)).save(buffer, fmt, **save_options)
    return buffer.getvalue()


def photo_with_gps() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make
    exif[0xA431] = "SERIAL-0042"  # body serial number
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (53.0, 44.0, 12.0), 3: "W", 4: (1.0, 51.0, 3.0)})
    return photo(exif=exif)


def sideways_portrait() -> bytes:
    """A 600 × 1000 portrait, red on top, stored lying down with 'rotate 90° to show'."""
    portrait = Image.new("RGB", (600, 1000), "blue")
    portrait.paste((220, 30, 30), (0, 0, 600, 500))
    stored = portrait.rotate(90, expand=True)
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    buffer = io.BytesIO()
    stored.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def media_files(media_root) -> list[Path]:
    root = Path(media_root)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def add_story(client, section, image, **fields):
    data = {
        "title": "Photo story",
        "slug": "photo-story",
        "standfirst": "With a picture.",
        "body": "<p>Body.</p>",
        "section": section.pk,
        "_publish": "Publish now",
        "visibility": "public",
        "hero_image": image,
        "hero_alt": "Pupils on the fell",
        "hero_focal_x": "0.5",
        "hero_focal_y": "0.5",
        "picks-TOTAL_FORMS": "0",
        "picks-INITIAL_FORMS": "0",
        "corrections-TOTAL_FORMS": "0",
        "corrections-INITIAL_FORMS": "0",
    }
    return client.post(reverse("admin:articles_story_add"), data | fields)


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client


def with_photo(story_factory, image_bytes, **fields):
    """A story saved with a photo, read back once its renditions are recorded."""
    story = story_factory(hero_image=upload(image_bytes), **({"hero_alt": "A photo"} | fields))
    story.refresh_from_db()
    return story


@pytest.fixture
def story_with_photo(story_factory):
    return with_photo(story_factory, photo(), hero_alt="Pupils on the fell")


@pytest.mark.parametrize(
    ("make_upload", "message"),
    [
        (
            lambda: upload(b"%PDF-1.7\n1 0 obj<<>>endobj\n", "report.jpg"),
            "not an image we can read",
        ),
        (
            lambda: upload(b"<html><script>x</script></html>", "page.png"),
            "not an image we can read",
        ),
        (lambda: upload(photo(fmt="GIF"), "anim.gif", "image/gif"), "GIF images are not supported"),
        (
            lambda: upload(photo(fmt="TIFF"), "scan.tiff", "image/tiff"),
            "TIFF images are not supported",
        ),
        (lambda: upload(photo()[:4000], "cut.jpg"), "damaged or incomplete"),
    ],
    ids=["pdf", "html", "gif", "tiff", "truncated"],
)
def test_a_bad_upload_is_refused_with_a_message_and_saves_nothing(
    staff_client, section, media_root, make_upload, message
):
    response = add_story(staff_client, section, make_upload())

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Story.objects.exists()
    assert media_files(media_root) == []


def test_a_file_over_the_size_limit_is_refused(staff_client, section, media_root, settings):
    settings.HERO_IMAGE_MAX_BYTES = 1_000_000
    noise = Image.frombytes("RGB", (1000, 1000), os.urandom(3_000_000))
    buffer = io.BytesIO()
    noise.save(buffer, "JPEG", quality=95)

    response = add_story(staff_client, section, upload(buffer.getvalue()))

    assert "images can be at most 1.0 MB" in response.content.decode()
    assert not Story.objects.exists()
    assert media_files(media_root) == []


def test_a_decompression_bomb_is_refused(staff_client, section, media_root):
    buffer = io.BytesIO()
    Image.new("1", (9000, 9000)).save(buffer, "PNG")  # 81 megapixels in a few kilobytes

    response = add_story(staff_client, section, upload(buffer.getvalue(), "bomb.png", "image/png"))

    assert "megapixels we accept" in response.content.decode()
    assert not Story.objects.exists()
    assert media_files(media_root) == []


def test_alt_text_is_required_unless_the_image_is_decorative(staff_client, section):
    refused = add_story(staff_client, section, upload(photo()), hero_alt="")
    accepted = add_story(staff_client, section, upload(photo()), hero_alt="", hero_decorative="on")

    assert "alt text is required with a hero image" in refused.content.decode()
    assert accepted.status_code == 302


def test_gps_and_camera_metadata_never_reach_a_served_file(story_factory):
    story = with_photo(story_factory, photo_with_gps())

    served = [story.hero_image.name, *images.rendition_names(story.hero_renditions)]
    for name in served:
        with default_storage.open(name) as handle:
            data = handle.read()
        assert b"SERIAL-0042" not in data and b"PhoneMaker" not in data
        with Image.open(io.BytesIO(data)) as image:
            assert not image.getexif()
            assert "xmp" not in image.info


def test_the_uploaded_original_is_not_kept(story_factory, media_root):
    story = story_factory(hero_image=upload(photo_with_gps(), "IMG_0001.jpg"), hero_alt="A photo")

    assert not [p for p in media_files(media_root) if "IMG_0001" in p.name]
    assert story.hero_image.name.endswith(f"{story.slug}.jpg")


def test_a_sideways_portrait_comes_out_upright(story_factory):
    story = with_photo(story_factory, sideways_portrait())

    assert (story.hero_width, story.hero_height) == (600, 1000)
    with (
        default_storage.open(story.hero_renditions["hero"][-1]["jpeg"]) as handle,
        Image.open(handle) as hero,
    ):
        assert hero.width < hero.height
        red, green, blue = hero.convert("RGB").getpixel((hero.width // 2, 10))
        assert red > 150 and blue < 100  # red is on top


def test_renditions_exist_after_save_in_every_size_and_format(story_with_photo):
    record = story_with_photo.hero_renditions

    assert [e["width"] for e in record["card"]] == [400, 800]
    assert [e["width"] for e in record["hero"]] == [640, 1024, 1600]
    assert [(e["width"], e["height"]) for e in record["social"]] == [(1200, 630)]
    for name in images.rendition_names(record):
        assert default_storage.exists(name)
    with default_storage.open(record["card"][0]["webp"]) as handle, Image.open(handle) as card:
        assert (card.format, card.size) == ("WEBP", (400, 225))


def test_a_small_photo_is_never_enlarged(story_factory):
    story = with_photo(story_factory, photo((700, 500)))

    assert [e["width"] for e in story.hero_renditions["hero"]] == [640, 700]


def test_crops_keep_the_focal_point_in_view():
    assert images.crop_box(1600, 1000, 16 / 9, 0.0, 0.5) == (0, 50, 1600, 950)
    assert images.crop_box(1000, 1000, 16 / 9, 0.5, 0.0) == (0, 0, 1000, 562)
    assert images.crop_box(1000, 1000, 16 / 9, 0.5, 1.0) == (0, 438, 1000, 1000)
    assert images.crop_box(2000, 1000, 1.0, 0.9, 0.5) == (1000, 0, 2000, 1000)


def test_moving_the_focal_point_remakes_the_crops_and_removes_the_old_ones(story_with_photo):
    old = images.rendition_names(story_with_photo.hero_renditions)

    story_with_photo.hero_focal_y = 0.1
    story_with_photo.save()
    story_with_photo.refresh_from_db()

    new = images.rendition_names(story_with_photo.hero_renditions)
    assert set(new).isdisjoint(old)
    assert all(default_storage.exists(name) for name in new)
    assert not any(default_storage.exists(name) for name in old)


def test_replacing_an_image_removes_the_old_files(story_with_photo, media_root):
    old = [
        story_with_photo.hero_image.name,
        *images.rendition_names(story_with_photo.hero_renditions),
    ]

    story_with_photo.hero_image = upload(photo((1300, 900)), "new.jpg")
    story_with_photo.save()
    story_with_photo.refresh_from_db()

    now = {str(p.relative_to(media_root)) for p in media_files(media_root)}
    assert now == {
        story_with_photo.hero_image.name,
        *images.rendition_names(story_with_photo.hero_renditions),
    }
    assert now.isdisjoint(old)


def test_removing_an_image_removes_its_files(story_with_photo, media_root):
    story_with_photo.hero_image = None
    story_with_photo.save()

    assert media_files(media_root) == []
    assert Story.objects.get(pk=story_with_photo.pk).hero_renditions == {}


def test_deleting_a_story_removes_its_files(story_with_photo, media_root):
    story_with_photo.delete()

    assert media_files(media_root) == []


def test_pages_render_without_any_image_work(client, story_with_photo, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("image processing during a page request")

    monkeypatch.setattr(Image, "open", refuse)
    monkeypatch.setattr(default_storage, "exists", refuse)
    monkeypatch.setattr(default_storage, "size", refuse)

    for url in (story_with_photo.get_absolute_url(), reverse("articles:story-list"), "/"):
        assert client.get(url).status_code == 200


def test_cards_use_lazy_responsive_renditions_with_dimensions(client, story_with_photo):
    html = client.get(reverse("articles:story-list")).content.decode()
    card = story_with_photo.card_picture

    assert f'<source type="image/webp" srcset="{card["webp_srcset"]}"' in html
    img = re.search(r'<img class="card__image"[^>]*>', html).group(0)
    assert f'srcset="{card["jpeg_srcset"]}"' in img
    assert 'sizes="' in img and 'width="800" height="450"' in img
    assert 'loading="lazy" decoding="async"' in img
    assert "400w" in card["webp_srcset"] and "800w" in card["webp_srcset"]


def test_the_story_hero_loads_eagerly_at_high_priority(client, story_with_photo):
    html = client.get(story_with_photo.get_absolute_url()).content.decode()
    hero = re.search(r'<figure class="story__hero">.*?</figure>', html, re.S).group(0)

    assert 'fetchpriority="high"' in hero and 'loading="lazy"' not in hero
    assert 'width="1600" height="1000"' in hero
    assert "640w" in hero and "1600w" in hero
    assert 'alt="Pupils on the fell"' in hero


def test_a_decorative_image_renders_an_empty_alt(client, story_factory):
    story = with_photo(story_factory, photo(), hero_alt="", hero_decorative=True)

    html = client.get(story.get_absolute_url()).content.decode()

    assert re.search(
        r'<img src="[^"]+" srcset="[^"]+" sizes="[^"]+" width="\d+" height="\d+" alt=""', html
    )


def test_the_social_image_is_the_1200_by_630_rendition(client, story_with_photo):
    html = client.get(story_with_photo.get_absolute_url()).content.decode()

    assert '<meta property="og:image:width" content="1200">' in html
    assert '<meta property="og:image:height" content="630">' in html


def test_the_demo_content_goes_through_the_pipeline(db, development):
    call_command("load_demo", stdout=io.StringIO())

    with_images = Story.objects.exclude(hero_image="")
    assert with_images.exists()
    for story in with_images:
        assert story.hero_renditions["card"] and story.hero_renditions["social"]


def test_regenerating_makes_the_renditions_again(story_with_photo):
    old = images.rendition_names(story_with_photo.hero_renditions)
    for name in old:
        default_storage.delete(name)

    call_command("regenerate_renditions", stdout=io.StringIO())

    story_with_photo.refresh_from_db()
    assert all(
        default_storage.exists(n) for n in images.rendition_names(story_with_photo.hero_renditions)
    )


def test_the_admin_form_shows_a_focal_point_preview(staff_client, story_with_photo):
    form = staff_client.get(
        reverse("admin:articles_story_change", args=[story_with_photo.pk])
    ).content.decode()

    assert 'class="focal-preview"' in form and "js/focal-point.js" in form
    assert 'name="hero_focal_x"' in form and 'name="hero_decorative"' in form


def test_a_heic_photo_gets_advice_on_what_to_do(staff_client, section, media_root):
    heic = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 200

    response = add_story(staff_client, section, upload(heic, "IMG_4032.HEIC", "image/heic"))

    assert "iPhone HEIC photos: export or share them as JPEG" in response.content.decode()
    assert not Story.objects.exists()


def test_a_page_rendered_before_the_renditions_existed_uses_them_once_they_do(
    client, story_with_photo
):
    Story.objects.filter(pk=story_with_photo.pk).update(hero_renditions={})  # task not run yet
    assert "1600w" not in client.get(story_with_photo.get_absolute_url()).content.decode()

    build_renditions.call(story_with_photo.pk, story_with_photo.hero_image.name)

    html = client.get(story_with_photo.get_absolute_url()).content.decode()
    assert "1600w" in html


def test_a_portrait_hero_is_cropped_to_four_by_five_with_the_whole_photo_a_click_away(
    client, story_factory
):
    story = with_photo(story_factory, photo((1000, 2000)), hero_focal_y=0.2)

    hero = story.hero_renditions["hero"]
    html = client.get(story.get_absolute_url()).content.decode()

    assert all(entry["height"] / entry["width"] == pytest.approx(1.25, abs=0.01) for entry in hero)
    assert f'<a class="whole-photo" href="{story.hero_image.url}">See the whole photo</a>' in html


def test_a_landscape_hero_keeps_its_shape(story_factory):
    story = with_photo(story_factory, photo((1600, 1000)))

    assert [(e["width"], e["height"]) for e in story.hero_renditions["hero"]] == [
        (640, 400),
        (1024, 640),
        (1600, 1000),
    ]
    assert not story.hero_is_cropped
