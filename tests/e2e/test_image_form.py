"""The image form in Chromium: a chosen photo previews at once, takes a focal
point before any save, and survives a validation error."""

import io

import pytest
from PIL import Image

from library.models import Image as LibraryImage
from tests.conftest import PASSWORD
from tests.e2e.conftest import admin_log_in

pytestmark = pytest.mark.django_db(transaction=True)


def jpeg(size=(1200, 800)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (30, 110, 140)).save(buffer, "JPEG")
    return buffer.getvalue()


def test_a_photo_is_kept_across_a_validation_error_with_its_focal_point(live_server, page, editor):
    admin_log_in(page, live_server, editor, PASSWORD)
    page.goto(live_server.url + "/admin/library/image/add/")
    page.fill("#id_title", "Fell walk for Year 5")

    page.set_input_files(
        "#id_upload", {"name": "fell.jpg", "mimeType": "image/jpeg", "buffer": jpeg()}
    )
    preview = page.locator(".focal-preview img")
    preview.wait_for(state="visible")
    page.wait_for_function("document.querySelector('.focal-preview img').complete")
    box = preview.bounding_box()
    preview.click(position={"x": box["width"] * 0.25, "y": box["height"] * 0.75})
    assert page.input_value("#id_focal_x") == "0.25"
    page.click("input[name=_save]")  # no alt text: refused

    assert "alt text is required" in page.locator(".errorlist").first.inner_text()
    assert "Photo chosen: fell.jpg" in page.locator(".kept-upload").inner_text()
    page.wait_for_function("document.querySelector('.focal-preview img').complete")
    assert preview.is_visible()
    assert preview.evaluate("img => img.naturalWidth") > 0  # the kept photo, as a data: URL
    assert page.input_value("#id_focal_x") == "0.25"
    page.fill("#id_alt", "Pupils at the summit cairn")
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/library/image/")

    image = LibraryImage.objects.get(title="Fell walk for Year 5")
    assert (image.width, image.height) == (1200, 800)
    assert (image.focal_x, image.focal_y) == (0.25, 0.75)
    assert image.alt == "Pupils at the summit cairn"
