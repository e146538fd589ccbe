"""The story form in Chromium."""

import pytest

from articles.models import Story
from tests.conftest import PASSWORD
from tests.e2e.conftest import admin_log_in

pytestmark = pytest.mark.django_db(transaction=True)


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


def test_the_hero_is_found_in_the_library_by_typing_part_of_its_title(
    live_server, page, staff_user, section, image_factory
):
    photo = image_factory(title="Summit cairn on Pendle Hill FIND-4e4e")
    image_factory(title="Something else entirely")
    admin_log_in(page, live_server, staff_user, PASSWORD)
    page.goto(live_server.url + "/admin/articles/story/add/")
    page.fill("#id_title", "Fell walk for Year 5")
    page.fill("#id_standfirst", "Thirty pupils climbed Pendle Hill.")
    page.select_option("#id_section", label=section.name)

    page.click("#id_hero + .select2")
    page.fill(".select2-search__field", "FIND-4e4e")
    page.locator(".select2-results__option", has_text="Summit cairn").click()
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/articles/story/")

    assert Story.objects.get(slug="fell-walk-for-year-5").hero == photo
