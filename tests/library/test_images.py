"""Library images: uploads checked and cleaned, renditions made once, pages served
from the record alone, files removed when no longer needed."""

import io
import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from PIL import Image, ImageCms

from articles.models import Story
from library import images
from library.models import Image as LibraryImage
from library.storage import move, protected_storage, public_storage
from library.tasks import build_renditions

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825
ORIENTATION = 0x0112
ADD_URL = reverse("admin:library_image_add")


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


def stored_files() -> list[str]:
    """The name of every file in the public and the protected storage."""
    names = set()
    for root in (Path(settings.MEDIA_ROOT), Path(settings.PROTECTED_ROOT)):
        if root.exists():
            names |= {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}
    return sorted(names)


def read(name: str) -> bytes:
    """A stored file's bytes, from whichever storage holds it."""
    for storage in (public_storage(), protected_storage()):
        if storage.exists(name):
            with storage.open(name, "rb") as handle:
                return handle.read()
    raise AssertionError(f"{name} is in neither storage")


def image_form(photo_upload, **fields) -> dict:
    """The image form as the admin posts it."""
    data = {
        "upload": photo_upload,
        "upload_pending": "",
        "title": "Fell walk",
        "alt": "Pupils on the fell",
        "caption": "",
        "credit": "",
        "focal_x": "0.5",
        "focal_y": "0.5",
        "tags": "",
    }
    return data | fields


def add_image(client, photo_upload, **fields):
    return client.post(ADD_URL, image_form(photo_upload, **fields))


def fresh(item):
    return type(item).objects.get(pk=item.pk)


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client


@pytest.fixture
def fell_photo(image_factory):
    return image_factory(size=(1600, 1000), alt="Pupils on the fell")


@pytest.fixture
def photo_story(fell_photo, story_factory):
    """A live public story with the fell photo as its hero."""
    return fresh(story_factory(hero=fell_photo))


# Checked on arrival


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
def test_a_bad_upload_is_refused_with_a_message_and_stores_nothing(
    staff_client, make_upload, message
):
    response = add_image(staff_client, make_upload())

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not LibraryImage.objects.exists()
    assert stored_files() == []


def test_a_file_over_the_size_limit_is_refused(staff_client, settings):
    settings.HERO_IMAGE_MAX_BYTES = 1_000_000
    noise = Image.frombytes("RGB", (1000, 1000), os.urandom(3_000_000))
    buffer = io.BytesIO()
    noise.save(buffer, "JPEG", quality=95)

    response = add_image(staff_client, upload(buffer.getvalue()))

    assert "images can be at most 1.0 MB" in response.content.decode()
    assert not LibraryImage.objects.exists()
    assert stored_files() == []


def test_a_decompression_bomb_is_refused(staff_client):
    buffer = io.BytesIO()
    Image.new("1", (9000, 9000)).save(buffer, "PNG")  # 81 megapixels in a few kilobytes

    response = add_image(staff_client, upload(buffer.getvalue(), "bomb.png", "image/png"))

    assert "megapixels we accept" in response.content.decode()
    assert not LibraryImage.objects.exists()
    assert stored_files() == []


def test_an_image_with_a_side_longer_than_webp_allows_is_refused(staff_client):
    tall = upload(photo((1000, 17000), fmt="PNG"), "scroll.png", "image/png")

    response = add_image(staff_client, tall)

    assert response.status_code == 200
    assert "no side can be longer than 16,383 pixels" in response.content.decode()
    assert not LibraryImage.objects.exists()
    assert stored_files() == []


def test_alt_text_is_required_unless_the_image_is_decorative(staff_client):
    refused = add_image(staff_client, upload(photo()), alt="")
    accepted = add_image(staff_client, upload(photo()), alt="", decorative="on")

    assert "alt text is required unless you mark it decorative" in refused.content.decode()
    assert accepted.status_code == 302
    assert LibraryImage.objects.get().decorative


def test_a_heic_photo_gets_advice_on_what_to_do(staff_client):
    heic = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 200

    response = add_image(staff_client, upload(heic, "IMG_4032.HEIC", "image/heic"))

    assert "iPhone HEIC photos: export or share them as JPEG" in response.content.decode()
    assert not LibraryImage.objects.exists()


# Cleaned before it is stored


def jpeg_markers(data: bytes) -> list[int]:
    """The marker of each segment from the start of the image to the first scan (SOS)."""
    assert data[:2] == b"\xff\xd8", "not a JPEG"
    markers, position = [], 2
    while True:
        assert data[position] == 0xFF, f"no marker at byte {position}"
        marker = data[position + 1]
        if marker == 0xFF:  # fill byte
            position += 1
            continue
        markers.append(marker)
        if marker == 0xDA:
            return markers
        position += 2 + int.from_bytes(data[position + 2 : position + 4], "big")


COM, APP0, APP15 = 0xFE, 0xE0, 0xEF


def photo_with_every_kind_of_text() -> bytes:
    """A JPEG with a comment, EXIF, an ICC colour profile and XMP."""
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF/></x:xmpmeta>'
    data = photo(comment=b"SECRET-COMMENT-9f2", exif=exif, icc_profile=profile, xmp=xmp)
    assert {COM, 0xE1, 0xE2} <= set(jpeg_markers(data))  # comment, EXIF and XMP, ICC
    return data


def test_no_stored_jpeg_has_a_comment_or_a_metadata_segment(staff_client):
    add_image(staff_client, upload(photo_with_every_kind_of_text()))

    image = LibraryImage.objects.get()
    jpegs = [image.file, *(n for n in images.rendition_names(image.renditions) if ".jpg" in n)]
    assert len(jpegs) == 1 + 2 + 3 + 1  # master, card, hero, social
    for name in jpegs:
        markers = jpeg_markers(read(name))
        assert COM not in markers, name
        assert [m for m in markers if APP0 <= m <= APP15] == [APP0], name


def test_the_comment_is_in_no_stored_file(staff_client):
    add_image(staff_client, upload(photo_with_every_kind_of_text()))

    assert LibraryImage.objects.get().renditions
    for name in stored_files():
        assert b"SECRET-COMMENT-9f2" not in read(name), name


def test_gps_and_camera_metadata_never_reach_a_stored_file(image_factory):
    image = image_factory(upload=upload(photo_with_gps()))

    for name in image.file_names():
        data = read(name)
        assert b"SERIAL-0042" not in data and b"PhoneMaker" not in data
        with Image.open(io.BytesIO(data)) as stored:
            assert not stored.getexif()
            assert "xmp" not in stored.info


def test_the_uploaded_original_is_not_kept(staff_client):
    original = photo_with_gps()

    add_image(staff_client, upload(original, "IMG_0001.jpg"))

    image = LibraryImage.objects.get()
    assert image.file == f"images/{image.token[:2]}/{image.token}.jpg"
    assert image.original_name == "IMG_0001.jpg"
    assert not [name for name in stored_files() if "IMG_0001" in name]
    assert all(read(name) != original for name in stored_files())


def test_a_sideways_portrait_comes_out_upright(image_factory):
    image = image_factory(upload=upload(sideways_portrait()))

    assert (image.width, image.height) == (600, 1000)
    with Image.open(io.BytesIO(read(image.renditions["hero"][-1]["jpeg"]))) as hero:
        assert hero.width < hero.height
        red, green, blue = hero.convert("RGB").getpixel((hero.width // 2, 10))
        assert red > 150 and blue < 100  # red is on top


# Renditions


def test_renditions_exist_after_upload_in_every_size_and_format(staff_client):
    add_image(staff_client, upload(photo()))

    record = LibraryImage.objects.get().renditions
    assert [e["width"] for e in record["card"]] == [400, 800]
    assert [e["width"] for e in record["hero"]] == [640, 1024, 1600]
    assert [(e["width"], e["height"]) for e in record["social"]] == [(1200, 630)]
    assert set(images.rendition_names(record)) <= set(stored_files())
    with Image.open(io.BytesIO(read(record["card"][0]["webp"]))) as card:
        assert (card.format, card.size) == ("WEBP", (400, 225))


def test_a_small_photo_is_never_enlarged(image_factory):
    image = image_factory(size=(700, 500))

    assert [e["width"] for e in image.renditions["hero"]] == [640, 700]


def test_crops_keep_the_focal_point_in_view():
    assert images.crop_box(1600, 1000, 16 / 9, 0.0, 0.5) == (0, 50, 1600, 950)
    assert images.crop_box(1000, 1000, 16 / 9, 0.5, 0.0) == (0, 0, 1000, 562)
    assert images.crop_box(1000, 1000, 16 / 9, 0.5, 1.0) == (0, 438, 1000, 1000)
    assert images.crop_box(2000, 1000, 1.0, 0.9, 0.5) == (1000, 0, 2000, 1000)


def test_moving_the_focal_point_remakes_the_crops_and_removes_the_old_ones(
    staff_client, fell_photo
):
    old = images.rendition_names(fell_photo.renditions)

    response = staff_client.post(
        reverse("admin:library_image_change", args=[fell_photo.pk]),
        image_form("", focal_y="0.1"),
    )

    assert response.status_code == 302
    new = images.rendition_names(fresh(fell_photo).renditions)
    assert new and set(new).isdisjoint(old)
    assert set(new) <= set(stored_files())
    assert set(old).isdisjoint(stored_files())


def break_webp_encoding(monkeypatch, width=1024):
    """Make the WebP rendition ``width`` wide fail, after others have been written."""
    encode = images._encode

    def encode_or_fail(image, fmt):
        if fmt == "webp" and image.width == width:
            raise OSError("WEBP-ENCODER-DOWN-6c6c")
        return encode(image, fmt)

    monkeypatch.setattr(images, "_encode", encode_or_fail)


def test_a_failed_rendition_leaves_no_rendition_files_in_either_storage(staff_client, monkeypatch):
    break_webp_encoding(monkeypatch)

    add_image(staff_client, upload(photo()))

    image = LibraryImage.objects.get()
    assert image.renditions == {}
    assert image.rendition_error == "OSError: WEBP-ENCODER-DOWN-6c6c"
    assert stored_files() == [image.file]


def test_regenerating_makes_the_renditions_again(fell_photo):
    old = images.rendition_names(fell_photo.renditions)
    for name in old:
        fell_photo.storage.delete(name)

    call_command("regenerate_renditions", stdout=io.StringIO())

    image = fresh(fell_photo)
    assert image.renditions
    assert set(images.rendition_names(image.renditions)) <= set(stored_files())


def test_the_demo_content_goes_through_the_pipeline(db, development):
    call_command("load_demo", stdout=io.StringIO())

    with_images = Story.objects.exclude(hero=None).select_related("hero")
    assert with_images.exists()
    for story in with_images:
        assert story.hero.renditions["card"] and story.hero.renditions["social"]


# Files kept for as long as the image is


def test_a_story_that_changes_its_hero_keeps_the_old_image_in_the_library(
    staff_client, image_factory, story_factory
):
    old = image_factory(title="The old photo OLD-PHOTO-1a1a")
    story = story_factory(hero=old)

    story.hero = image_factory()
    story.save()

    library = staff_client.get(reverse("admin:library_image_changelist")).content.decode()
    assert "OLD-PHOTO-1a1a" in library
    assert set(fresh(old).file_names()) <= set(stored_files())


def test_deleting_a_story_keeps_its_image_in_the_library(fell_photo, story_factory):
    story_factory(hero=fell_photo).delete()

    assert set(fresh(fell_photo).file_names()) <= set(stored_files())


@pytest.mark.parametrize("stored_publicly", [False, True], ids=["protected", "public"])
def test_deleting_an_image_removes_its_files_wherever_they_are(
    staff_client, fell_photo, image_factory, stored_publicly
):
    kept = image_factory()
    if stored_publicly:  # as when a story stopped using it before its files moved back
        move(fell_photo.file_names(), to_public=True)
        LibraryImage.objects.filter(pk=fell_photo.pk).update(stored_publicly=True)

    response = staff_client.post(
        reverse("admin:library_image_delete", args=[fell_photo.pk]), {"post": "yes"}
    )

    assert response.status_code == 302
    assert not LibraryImage.objects.filter(pk=fell_photo.pk).exists()
    assert stored_files() == sorted(kept.file_names())


# Pages


def test_pages_render_without_any_image_work(client, photo_story, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("image processing during a page request")

    monkeypatch.setattr(Image, "open", refuse)
    for storage in (public_storage(), protected_storage()):
        for method in ("exists", "size", "open"):
            monkeypatch.setattr(storage, method, refuse)

    for url in (photo_story.get_absolute_url(), reverse("articles:story-list"), "/"):
        assert client.get(url).status_code == 200


def test_cards_use_lazy_responsive_renditions_with_dimensions(client, photo_story):
    html = client.get(reverse("articles:story-list")).content.decode()
    card = photo_story.card_picture

    assert f'<source type="image/webp" srcset="{card["webp_srcset"]}"' in html
    img = re.search(r'<img class="card__image"[^>]*>', html).group(0)
    assert f'srcset="{card["jpeg_srcset"]}"' in img
    assert 'sizes="' in img and 'width="800" height="450"' in img
    assert 'loading="lazy" decoding="async"' in img
    assert "400w" in card["webp_srcset"] and "800w" in card["webp_srcset"]


def test_the_story_hero_loads_eagerly_at_high_priority(client, photo_story):
    html = client.get(photo_story.get_absolute_url()).content.decode()
    hero = re.search(r'<figure class="story__hero">.*?</figure>', html, re.S).group(0)

    assert 'fetchpriority="high"' in hero and 'loading="lazy"' not in hero
    assert 'width="1600" height="1000"' in hero
    assert "640w" in hero and "1600w" in hero
    assert 'alt="Pupils on the fell"' in hero


def test_a_decorative_image_renders_an_empty_alt(client, image_factory, story_factory):
    story = story_factory(hero=image_factory(size=(1600, 1000), alt="", decorative=True))

    html = client.get(story.get_absolute_url()).content.decode()

    assert re.search(
        r'<img src="[^"]+" srcset="[^"]+" sizes="[^"]+" width="\d+" height="\d+" alt=""', html
    )


def test_the_social_image_is_the_1200_by_630_rendition(client, photo_story):
    html = client.get(photo_story.get_absolute_url()).content.decode()

    assert (
        f'<meta property="og:image" content="http://testserver{photo_story.social_image["url"]}">'
        in html
    )
    assert '<meta property="og:image:width" content="1200">' in html
    assert '<meta property="og:image:height" content="630">' in html


def test_a_page_rendered_before_the_renditions_existed_uses_them_once_they_do(client, photo_story):
    image = photo_story.hero
    LibraryImage.objects.filter(pk=image.pk).update(renditions={})  # job not run yet
    assert "1600w" not in client.get(photo_story.get_absolute_url()).content.decode()

    build_renditions.call(image.pk, image.file)

    assert "1600w" in client.get(photo_story.get_absolute_url()).content.decode()


def test_a_portrait_hero_is_cropped_to_four_by_five_with_the_whole_photo_a_click_away(
    client, image_factory, story_factory
):
    story = fresh(story_factory(hero=image_factory(size=(1000, 2000), focal_y=0.2)))

    hero = story.hero.renditions["hero"]
    html = client.get(story.get_absolute_url()).content.decode()

    assert all(entry["height"] / entry["width"] == pytest.approx(1.25, abs=0.01) for entry in hero)
    assert f'<a class="whole-photo" href="{story.hero.url}">See the whole photo</a>' in html
    assert story.hero_is_cropped


def test_a_landscape_hero_keeps_its_shape(photo_story):
    assert [(e["width"], e["height"]) for e in photo_story.hero.renditions["hero"]] == [
        (640, 400),
        (1024, 640),
        (1600, 1000),
    ]
    assert not photo_story.hero_is_cropped
