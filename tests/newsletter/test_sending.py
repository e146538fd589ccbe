"""Sending the Weekly Update through a real SMTP server: one audience rule per
recipient, exactly one copy each, refusals remembered, one-click unsubscribe."""

import datetime

import pytest
from django.utils import timezone

from articles.models import Visibility
from newsletter import editions, sending
from newsletter.models import Delivery, Issue, IssueItem, Subscriber, Suppression

pytestmark = pytest.mark.django_db

MEMBER_TEXT = "MEMBERS-ONLY-WU-7f3a"


@pytest.fixture
def issue(story_factory):
    public = story_factory(title="Sports day in the rain", standfirst="PUBLIC-WU-1a1a")
    members = story_factory(
        title="Pay policy draft MEMBER-TITLE-2b2b",
        standfirst=MEMBER_TEXT,
        visibility=Visibility.MEMBERS,
    )
    issue = Issue.objects.create(week_of=editions.monday_of(timezone.localdate()))
    IssueItem.objects.create(issue=issue, story=members, order=0)
    IssueItem.objects.create(issue=issue, story=public, order=1)
    return issue


@pytest.fixture
def subscriber(db):
    return Subscriber.objects.create(email="reader@example.org", confirmed_at=timezone.now())


def test_a_member_gets_member_only_stories_and_a_subscriber_no_trace_of_them(
    smtp, issue, member, subscriber
):
    sending.send_issue(issue)

    (member_copy,) = smtp.to(member.email)
    (public_copy,) = smtp.to(subscriber.email)
    assert MEMBER_TEXT in smtp.texts(member_copy)
    assert "PUBLIC-WU-1a1a" in smtp.texts(member_copy)
    public_text = smtp.texts(public_copy)
    assert "PUBLIC-WU-1a1a" in public_text
    assert MEMBER_TEXT not in public_text and "MEMBER-TITLE-2b2b" not in public_text
    assert "Members" not in public_text.replace("member of the network", "")


def test_a_membership_that_lapsed_yesterday_gets_the_public_edition(smtp, issue, expired_member):
    sending.send_issue(issue)

    (copy,) = smtp.to(expired_member.email)
    assert "PUBLIC-WU-1a1a" in smtp.texts(copy)
    assert MEMBER_TEXT not in smtp.texts(copy)
    assert Delivery.objects.get(email=expired_member.email).edition == "public"


def test_every_copy_is_html_with_a_text_alternative_and_one_click_unsubscribe(
    smtp, issue, subscriber
):
    sending.send_issue(issue)

    (copy,) = smtp.to(subscriber.email)
    assert {p.get_content_type() for p in copy.walk()} >= {"text/plain", "text/html"}
    assert copy["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = copy["List-Unsubscribe"].strip("<>")
    assert unsubscribe in smtp.texts(copy)
    html = copy.get_body(("html",)).get_content()
    assert '<html lang="en-GB">' in html and "<h2>" in html


def test_one_click_unsubscribe_needs_no_log_in_and_stops_the_next_issue(
    client, smtp, issue, subscriber, story_factory
):
    sending.send_issue(issue)
    address = smtp.to(subscriber.email)[0]["List-Unsubscribe"].strip("<>")

    response = client.post(
        address.replace("http://127.0.0.1:8000", ""), {"List-Unsubscribe": "One-Click"}
    )
    next_issue = Issue.objects.create(week_of=issue.week_of + datetime.timedelta(days=7))
    IssueItem.objects.create(issue=next_issue, story=story_factory())
    sending.send_issue(next_issue)

    assert response.status_code == 200
    assert Suppression.objects.filter(email=subscriber.email).exists()
    assert len(smtp.to(subscriber.email)) == 1


def test_an_interrupted_send_resumes_and_everyone_gets_exactly_one_copy(
    smtp, issue, member, subscriber, django_user_model
):
    for n in range(4):
        Subscriber.objects.create(email=f"reader{n}@example.org", confirmed_at=timezone.now())
    smtp.fail_after = 3  # the mail server goes away after three messages

    with pytest.raises(Exception, match="421"):
        sending.send_issue(issue)
    assert len(smtp.messages) == 3
    smtp.fail_after = None
    sending.send_issue(issue)

    addresses = sorted(m["To"] for m in smtp.messages)
    assert len(addresses) == 6
    assert addresses == sorted(set(addresses))
    assert Issue.objects.get(pk=issue.pk).status == Issue.Status.SENT


def test_an_address_refused_for_good_is_not_mailed_again(smtp, issue, subscriber, story_factory):
    Subscriber.objects.create(email="gone@example.org", confirmed_at=timezone.now())
    smtp.refuse.add("gone@example.org")

    sending.send_issue(issue)
    next_issue = Issue.objects.create(week_of=issue.week_of + datetime.timedelta(days=7))
    IssueItem.objects.create(issue=next_issue, story=story_factory())
    smtp.refuse.clear()
    sending.send_issue(next_issue)

    refused = Delivery.objects.get(issue=issue, email="gone@example.org")
    assert refused.status == Delivery.Status.REFUSED and refused.detail.startswith("550")
    assert not smtp.to("gone@example.org")
    assert len(smtp.to(subscriber.email)) == 2


def test_a_member_who_also_subscribed_gets_one_copy_the_member_edition(smtp, issue, member):
    Subscriber.objects.create(email=member.email, confirmed_at=timezone.now())

    sending.send_issue(issue)

    (copy,) = smtp.to(member.email)
    assert MEMBER_TEXT in smtp.texts(copy)


def test_unconfirmed_subscribers_get_nothing(smtp, issue):
    Subscriber.objects.create(email="maybe@example.org")

    sending.send_issue(issue)

    assert not smtp.to("maybe@example.org")


def test_a_member_stops_and_restarts_it_in_the_members_area(client, smtp, issue, member):
    client.force_login(member)

    client.post("/members/weekly-update/", {"receive": "no"})
    sending.send_issue(issue)
    page = client.get("/members/").content.decode()

    assert not smtp.to(member.email)
    assert "You do not receive the Weekly Update" in page
    client.post("/members/weekly-update/", {"receive": "yes"})
    assert "You receive the Weekly Update" in client.get("/members/").content.decode()
