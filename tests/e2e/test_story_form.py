"""The story form in Chromium: a chosen photo previews at once, takes a focal
point before any save, and survives a validation error."""

import io

import pytest
from PIL import Image

from articles.models import Story
from tests.conftest import PASSWORD
from tests.e2e.conftest import admin_log_in

pytestmark = pytest.mark.django_db(transaction=True)


def jpeg(size=(1200, 800)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (30, 110, 140)).save(buffer, "JPEG")
    return buffer.getvalue()


def test_a_photo_is_kept_across_a_validation_error_with_its_focal_point(
    live_server, page, editor, section
):
    admin_log_in(page, live_server, editor, PASSWORD)
    page.goto(live_server.url + "/admin/articles/story/add/")
    page.fill("#id_title", "Fell walk for Year 5")
    page.fill("#id_standfirst", "Thirty pupils climbed Pendle Hill.")
    page.select_option("#id_section", label=section.name)

    page.set_input_files(
        "#id_hero_image", {"name": "fell.jpg", "mimeType": "image/jpeg", "buffer": jpeg()}
    )
    preview = page.locator(".focal-preview img")
    preview.wait_for(state="visible")
    page.wait_for_function("document.querySelector('.focal-preview img').complete")
    box = preview.bounding_box()
    preview.click(position={"x": box["width"] * 0.25, "y": box["height"] * 0.75})
    assert page.input_value("#id_hero_focal_x") == "0.25"
    page.click("input[name=_save]")  # no alt text: refused

    assert "alt text is required" in page.locator(".errorlist").first.inner_text()
    assert "Photo chosen: fell.jpg" in page.locator(".kept-upload").inner_text()
    assert page.locator(".focal-preview img").is_visible()
    assert page.input_value("#id_hero_focal_x") == "0.25"
    page.fill("#id_hero_alt", "Pupils at the summit cairn")
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/articles/story/")

    story = Story.objects.get(slug="fell-walk-for-year-5")
    assert (story.hero_width, story.hero_height) == (1200, 800)
    assert (story.hero_focal_x, story.hero_focal_y) == (0.25, 0.75)
    assert story.hero_alt == "Pupils at the summit cairn"


def test_the_body_editor_checks_spelling_and_draws_its_menu_arrow_without_a_font(
    live_server, page, editor
):
    admin_log_in(page, live_server, editor, PASSWORD)
    page.goto(live_server.url + "/admin/articles/story/add/")
    body = page.locator(".ProseMirror[contenteditable=true]")
    body.wait_for()

    assert body.get_attribute("spellcheck") != "false"
    arrow = page.evaluate(
        "getComputedStyle(document.querySelector('.prose-menubar__selected'), '::after').content"
    )
    assert arrow == '""'
