"""The writer-to-editor review flow in Chromium: draft, submit, review on the
dashboard, compare two versions, schedule."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from articles.models import Status, Story
from tests.conftest import PASSWORD
from tests.e2e.conftest import admin_log_in

pytestmark = pytest.mark.django_db(transaction=True)

TITLE = "Reading buddies pair Year 6 with Reception"


def assert_accessible(page):
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_a_writer_submits_and_an_editor_compares_and_schedules(
    live_server, browser, writer, editor, section, mailoutbox
):
    writer_page = browser.new_context().new_page()
    admin_log_in(writer_page, live_server, writer, PASSWORD)
    writer_page.goto(live_server.url + "/admin/articles/story/add/")
    writer_page.fill("#id_title", TITLE)
    writer_page.fill("#id_standfirst", "Older pupils read with the youngest every Friday.")
    writer_page.locator(".ProseMirror[contenteditable=true]").click()
    writer_page.keyboard.type("Every Friday the oldest pupils read with the youngest.")
    writer_page.select_option("#id_section", label=section.name)
    writer_page.fill("#id_tags", "reading")
    assert writer_page.locator("input[name=_publish]").count() == 0
    writer_page.click("input[name=_submit]")
    writer_page.wait_for_url("**/admin/articles/story/")
    assert "is submitted for review" in writer_page.locator(".messagelist").inner_text()
    story = Story.objects.get(title=TITLE)
    assert story.status == Status.REVIEW
    assert [m.to for m in mailoutbox] == [[editor.email]]

    page = browser.new_context().new_page()
    admin_log_in(page, live_server, editor, PASSWORD)
    awaiting = page.locator("section", has=page.locator("#awaiting-review"))
    assert TITLE in awaiting.inner_text()
    assert_accessible(page)
    awaiting.get_by_role("link", name=TITLE).click()
    page.locator(".ProseMirror[aria-labelledby]").wait_for()
    assert_accessible(page)  # the story form: publishing buttons, previews, corrections
    page.fill("#id_title", TITLE + ", and love it")
    page.click("input[name=_continue]")
    page.wait_for_load_state()

    page.get_by_role("link", name="History").click()
    assert_accessible(page)
    page.click("input[value='Compare the chosen versions']")
    diff = page.locator(".version-diff")
    assert diff.locator("ins").first.inner_text() == ", and love it"
    assert_accessible(page)

    page.goto(live_server.url + f"/admin/articles/story/{story.pk}/change/")
    page.fill("#id_published_at_0", "2031-03-06")
    page.fill("#id_published_at_1", "09:00")
    page.click("input[name=_schedule]")
    page.wait_for_url("**/admin/articles/story/")
    assert re.search(
        r"is scheduled for Thu 6 Mar, 09:00", page.locator(".messagelist").inner_text()
    )
    page.goto(live_server.url + f"/admin/articles/story/{story.pk}/change/")
    assert "Scheduled for Thu 6 Mar 2031, 09:00" in page.locator(".story-state").inner_text()
    story.refresh_from_db()
    assert story.status == Status.PUBLISHED and not story.is_live


def test_the_redirects_admin_is_accessible(live_server, page, editor):
    admin_log_in(page, live_server, editor, PASSWORD)

    for address in ("/admin/articles/redirect/", "/admin/articles/redirect/add/"):
        page.goto(live_server.url + address)
        assert_accessible(page)
