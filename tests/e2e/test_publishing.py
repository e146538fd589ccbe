import pytest

from articles.models import Story
from tests.conftest import PASSWORD
from tests.e2e.conftest import admin_log_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_staff_writes_a_story_in_the_rich_text_editor_and_publishes_it(
    live_server, page, staff_user, section
):
    admin_log_in(page, live_server, staff_user, PASSWORD)

    page.goto(live_server.url + "/admin/articles/story/add/")
    page.fill("#id_title", "Browser-written story about reading")
    page.fill("#id_standfirst", "Written in the admin's rich-text editor.")
    page.locator(".ProseMirror[contenteditable=true]").click()
    page.keyboard.type("A paragraph typed in the editor.")
    page.keyboard.press("Enter")
    page.keyboard.press("Control+b")
    page.keyboard.type("Words in bold")
    page.select_option("#id_section", label=section.name)
    page.fill("#id_tags", "reading, schools")
    page.click("input[name=_publish]")
    page.wait_for_url("**/admin/articles/story/")

    story = Story.objects.get(slug="browser-written-story-about-reading")
    assert story.body == (
        "<p>A paragraph typed in the editor.</p><p><strong>Words in bold</strong></p>"
    )
    page.goto(live_server.url + "/news/")
    page.get_by_role("link", name="Browser-written story about reading", exact=True).click()
    assert page.locator(".prose strong").inner_text() == "Words in bold"


def test_the_admin_editor_loads_under_its_content_security_policy(live_server, page, staff_user):
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    admin_log_in(page, live_server, staff_user, PASSWORD)

    page.goto(live_server.url + "/admin/articles/story/add/")

    assert page.locator(".ProseMirror[contenteditable=true]").count() == 1
    assert not [m for m in messages if "Content Security Policy" in m]
