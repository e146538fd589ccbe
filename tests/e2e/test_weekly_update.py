"""The Weekly Update's public pages in Chromium, checked with axe-core."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import signing
from django.utils import timezone

from newsletter import editions, subscriptions
from newsletter.models import Issue, IssueItem

pytestmark = pytest.mark.django_db(transaction=True)


def assert_accessible(page):
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_the_weekly_update_pages_are_accessible(live_server, page, story_factory):
    issue = Issue.objects.create(
        week_of=editions.monday_of(timezone.localdate()), status=Issue.Status.SENT
    )
    IssueItem.objects.create(issue=issue, story=story_factory(title="Sports day"))
    token = signing.dumps("reader@example.org", salt=subscriptions.CONFIRM_SALT)

    for address in (
        "/news/weekly-update/",
        issue.get_absolute_url(),
        f"/news/weekly-update/confirm/{token}/",
        editions.unsubscribe_url("reader@example.org").split("127.0.0.1:8000")[-1],
    ):
        page.goto(live_server.url + address)
        assert_accessible(page)


def test_a_reader_subscribes_and_confirms_with_the_button(live_server, page, mailoutbox):
    page.goto(live_server.url + "/news/weekly-update/")
    page.fill("#id_email", "new.reader@example.org")
    page.get_by_role("button", name="Subscribe").click()
    assert "Check your email" in page.locator("h1").inner_text()

    link = next(line for line in mailoutbox[-1].body.splitlines() if "/confirm/" in line)
    page.goto(live_server.url + link.strip().split("127.0.0.1:8000")[-1])
    page.get_by_role("button", name="Yes, subscribe me").click()

    assert page.locator("h1").inner_text() == "You are subscribed"
