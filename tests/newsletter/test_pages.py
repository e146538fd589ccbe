"""Subscribing (double opt-in), the web version of an issue, and the editor's admin."""

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Visibility
from newsletter import editions
from newsletter.models import Issue, IssueItem, Subscriber

pytestmark = pytest.mark.django_db


def confirm_link(mailoutbox) -> str:
    body = mailoutbox[-1].body
    return next(line for line in body.splitlines() if "/confirm/" in line).strip()


def test_signing_up_emails_a_link_and_the_button_confirms(client, mailoutbox):
    response = client.post(reverse("newsletter:subscribe"), {"email": " New.Reader@Example.org "})

    assert response["Location"] == reverse("newsletter:subscribe-sent")
    link = confirm_link(mailoutbox).replace("http://127.0.0.1:8000", "")
    page = client.get(link)
    assert "Yes, subscribe me" in page.content.decode()
    assert not Subscriber.objects.get(email="new.reader@example.org").is_confirmed
    client.post(link)
    assert Subscriber.objects.get(email="new.reader@example.org").is_confirmed


def test_signing_up_says_the_same_for_a_known_address(client, mailoutbox):
    Subscriber.objects.create(email="known@example.org", confirmed_at=timezone.now())

    known = client.post(
        reverse("newsletter:subscribe"), {"email": "known@example.org"}, follow=True
    )
    new = client.post(reverse("newsletter:subscribe"), {"email": "new@example.org"}, follow=True)

    assert known.content == new.content
    assert [m.to for m in mailoutbox] == [["new@example.org"]]


def test_a_tampered_confirmation_link_confirms_nothing(client):
    response = client.post(reverse("newsletter:confirm", kwargs={"token": "forged:token"}))

    assert response.status_code == 410
    assert not Subscriber.objects.exists()


@pytest.fixture
def sent_issue(story_factory):
    issue = Issue.objects.create(
        week_of=editions.monday_of(timezone.localdate()), status=Issue.Status.SENT
    )
    IssueItem.objects.create(issue=issue, story=story_factory(title="Open to all WEB-3c3c"))
    IssueItem.objects.create(
        issue=issue,
        story=story_factory(title="For members WEB-MEMBERS-4d4d", visibility=Visibility.MEMBERS),
    )
    return issue


def test_the_web_version_shows_member_items_to_members_only(client, sent_issue, member):
    public = client.get(sent_issue.get_absolute_url()).content.decode()
    client.force_login(member)
    members = client.get(sent_issue.get_absolute_url()).content.decode()

    assert "WEB-3c3c" in public and "WEB-MEMBERS-4d4d" not in public
    assert "WEB-3c3c" in members and "WEB-MEMBERS-4d4d" in members


def test_a_draft_issue_has_no_web_version(client, sent_issue):
    Issue.objects.filter(pk=sent_issue.pk).update(status=Issue.Status.DRAFT)

    assert client.get(sent_issue.get_absolute_url()).status_code == 404


def test_this_weeks_issue_is_drafted_from_its_live_stories_by_itself(client, editor, story_factory):
    story_factory(title="This week's story", published_at=timezone.now())
    client.force_login(editor)

    listing = client.get(reverse("admin:newsletter_issue_changelist")).content.decode()

    issue = Issue.objects.get()
    assert [item.story.title for item in issue.items.all()] == ["This week's story"]
    assert str(issue) in listing


def test_stories_published_after_drafting_are_added_at_the_end(client, editor, story_factory):
    first = story_factory(title="Monday's story", published_at=timezone.now())
    issue = editions.draft_for_week(timezone.localdate())
    story_factory(title="Thursday's story", published_at=timezone.now())
    client.force_login(editor)

    client.post(reverse("admin:newsletter_issue_add_new_stories", args=[issue.pk]))

    assert [item.story.title for item in issue.items.all()] == [first.title, "Thursday's story"]


def test_an_editor_previews_both_editions(client, editor, sent_issue):
    Issue.objects.filter(pk=sent_issue.pk).update(status=Issue.Status.DRAFT)
    client.force_login(editor)

    members = client.get(reverse("admin:newsletter_issue_preview", args=[sent_issue.pk, "members"]))
    public = client.get(reverse("admin:newsletter_issue_preview", args=[sent_issue.pk, "public"]))

    assert "WEB-MEMBERS-4d4d" in members.content.decode()
    assert "WEB-MEMBERS-4d4d" not in public.content.decode()
    assert "WEB-3c3c" in public.content.decode()


def test_an_editor_sends_a_test_then_the_issue(client, editor, member, sent_issue, smtp):
    Issue.objects.filter(pk=sent_issue.pk).update(status=Issue.Status.DRAFT)
    client.force_login(editor)

    client.post(reverse("admin:newsletter_issue_send_test", args=[sent_issue.pk]))
    client.post(reverse("admin:newsletter_issue_send", args=[sent_issue.pk]))

    subjects = sorted((m["To"], m["Subject"].startswith("[Test]")) for m in smtp.messages)
    assert subjects == [(editor.email, False), (editor.email, True), (member.email, False)]
    assert Issue.objects.get(pk=sent_issue.pk).status == Issue.Status.SENT


def test_a_sent_issue_cannot_be_sent_again(client, editor, member, sent_issue, smtp):
    client.force_login(editor)

    client.post(reverse("admin:newsletter_issue_send", args=[sent_issue.pk]))

    assert smtp.messages == []


def test_the_command_dry_run_sends_nothing(capsys, member, story_factory, smtp):
    from django.core.management import call_command

    story_factory(published_at=timezone.now())
    call_command("send_weekly_update", "--dry-run")

    assert "Would send 1 member and 0 public copies" in capsys.readouterr().out
    assert smtp.messages == []


def test_the_demo_holds_a_subscriber_and_an_issue_with_both_editions(story_factory):
    import datetime
    import io

    from django.core.management import call_command

    story_factory(title="Older public story", published_at=timezone.now() - datetime.timedelta(9))
    story_factory(
        title="Older member story",
        visibility=Visibility.MEMBERS,
        published_at=timezone.now() - datetime.timedelta(10),
    )

    call_command("load_demo_subscribers", stdout=io.StringIO())
    call_command("load_demo_subscribers", stdout=io.StringIO())  # idempotent

    issue = Issue.objects.get()
    assert Subscriber.objects.get().email == "reader@example.org"
    titles = [item.story.title for item in issue.items.all()]
    assert "Older member story" in titles and "Older public story" in titles
