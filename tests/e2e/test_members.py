import io

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from django.utils.html import strip_tags

from articles.models import Story

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo(settings, development):
    call_command("load_demo", stdout=io.StringIO())
    return Story.objects.filter(visibility="members").first()


def test_demo_member_logs_in_reads_a_member_story_logs_out_and_sees_the_teaser(
    live_server, page, demo
):
    story_url = live_server.url + demo.get_absolute_url()
    first_paragraph = strip_tags(demo.body.split("</p>")[0])

    page.goto(story_url)
    assert page.get_by_role("heading", name="This update is for members").is_visible()
    page.get_by_role("link", name="Log in to read this update").click()
    page.fill("#id_username", "member@example.org")
    page.fill("#id_password", "newsroom-demo")
    page.get_by_role("button", name="Log in").click()

    page.wait_for_url(story_url)
    assert page.locator(".prose p").first.inner_text() == first_paragraph
    assert page.locator(".story__kicker .badge--members").inner_text() == "Members"

    page.get_by_role("button", name="Log out").click()
    page.wait_for_url(live_server.url + "/members/logged-out/")
    assert page.get_by_role("heading", name="You are logged out").is_visible()
    page.goto(story_url)
    assert page.get_by_role("heading", name="This update is for members").is_visible()
    assert page.locator(".prose").count() == 0


@pytest.mark.parametrize(
    "path",
    [
        "/members/login/",
        "/members/request-access/",
        "/schools/",
        "/members/",
        "/members/logged-out/",
    ],
)
def test_member_pages_have_no_accessibility_violations(live_server, page, demo, path):
    page.goto(live_server.url + "/members/login/")
    if path == "/members/":
        page.fill("#id_username", "member@example.org")
        page.fill("#id_password", "newsroom-demo")
        page.get_by_role("button", name="Log in").click()
        page.wait_for_url(live_server.url + "/members/")
    page.goto(live_server.url + path)

    results = Axe().run(page)

    assert results.violations_count == 0, results.generate_report()
