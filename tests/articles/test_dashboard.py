"""The admin's home page: what is waiting, for the people who act on it."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Status
from members.models import AccessRequest

pytestmark = pytest.mark.django_db

HOME = reverse("admin:index")


def panel(html: str, heading_id: str) -> str:
    """The dashboard section labelled by ``heading_id``."""
    start = html.index(f'id="{heading_id}"')
    return html[start : html.index("</section>", start)]


def test_the_dashboard_counts_what_awaits_review_is_scheduled_and_drafted(
    client, editor, story_factory
):
    for n in range(2):
        story_factory(title=f"Waiting {n}", status=Status.REVIEW, published_at=None)
    story_factory(
        title="Goes out on Thursday",
        published_at=datetime.datetime(2030, 12, 5, 9, 0, tzinfo=datetime.UTC),
    )
    story_factory(title="Half written", status=Status.DRAFT, published_at=None)
    story_factory(title="Already live")
    client.force_login(editor)

    html = client.get(HOME).content.decode()

    review = panel(html, "awaiting-review")
    assert '<span class="dashboard-count">2</span>' in review
    assert "Waiting 0" in review and "Waiting 1" in review
    scheduled = panel(html, "scheduled-stories")
    assert '<span class="dashboard-count">1</span>' in scheduled
    assert "Goes out on Thursday" in scheduled and "Thu 5 Dec, 09:00" in scheduled
    drafts = panel(html, "recent-drafts")
    assert "Half written" in drafts and "Already live" not in html


def test_the_dashboard_shows_confirmed_access_requests_waiting(
    client, membership_manager, member_school
):
    AccessRequest.objects.create(
        first_name="Pat",
        last_name="Head",
        email="pat@calder.example",
        school=member_school,
        job_title="Head",
        email_confirmed_at=timezone.now(),
    )
    AccessRequest.objects.create(
        first_name="Unconfirmed",
        last_name="Person",
        email="u@calder.example",
        school=member_school,
        job_title="Teacher",
    )
    client.force_login(membership_manager)

    html = client.get(HOME).content.decode()

    requests = panel(html, "access-requests-waiting")
    assert '<span class="dashboard-count">1</span>' in requests
    assert "Pat Head" in requests and "Unconfirmed Person" not in requests
    assert "1 more not yet confirmed by email" in requests
    assert 'id="awaiting-review"' not in html  # stories are not this role's work


def test_an_editor_does_not_see_access_requests(client, editor):
    client.force_login(editor)

    html = client.get(HOME).content.decode()

    assert 'id="awaiting-review"' in html
    assert 'id="access-requests-waiting"' not in html
