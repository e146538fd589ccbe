"""Staff roles: writers draft, editors publish, membership managers run schools and people.

Each refusal is checked on the server: a POST carrying what the form hides.
"""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.urls import reverse

from articles.models import Status, Story, Visibility
from members import roles
from members.models import User
from tests.articles.test_admin import story_form

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:articles_story_add")


def change_url(story):
    return reverse("admin:articles_story_change", args=[story.pk])


def test_a_writer_drafts_a_story(client, writer, section):
    client.force_login(writer)

    response = client.post(ADD_URL, story_form(section, step="_save"))

    assert response.status_code == 302
    story = Story.objects.get(slug="governors-meet-the-new-chair")
    assert story.status == Status.DRAFT


@pytest.mark.parametrize("step", ["_publish", "_schedule", "_unpublish"])
def test_a_writers_post_pressing_an_editors_button_is_refused(client, writer, section, step):
    client.force_login(writer)

    response = client.post(
        ADD_URL,
        story_form(section, step=step, published_at_0="2030-01-02", published_at_1="09:00"),
    )

    assert response.status_code == 200
    assert "Only editors publish, schedule or unpublish stories" in response.content.decode()
    assert not Story.objects.exists()


def test_a_writers_post_cannot_feature_or_open_a_story_to_members(client, writer, section):
    client.force_login(writer)

    client.post(
        ADD_URL,
        story_form(section, step="_save", featured="on", visibility="members"),
    )

    story = Story.objects.get(slug="governors-meet-the-new-chair")
    assert (story.status, story.featured, story.visibility) == (
        Status.DRAFT,
        False,
        Visibility.PUBLIC,
    )


def test_a_writer_edits_their_draft(client, writer, story_factory, section):
    draft = story_factory(status=Status.DRAFT, published_at=None)
    client.force_login(writer)

    client.post(
        change_url(draft),
        story_form(
            section,
            step="_save",
            title="A better headline",
            edit_base=draft.updated_at.isoformat(),
        ),
    )

    draft.refresh_from_db()
    assert draft.title == "A better headline"
    assert draft.status == Status.DRAFT


def test_a_writer_may_read_a_live_story_but_not_change_it(client, writer, story_factory, section):
    live = story_factory(title="Live already")
    client.force_login(writer)

    page = client.get(change_url(live))
    refused = client.post(change_url(live), story_form(section, title="Rewritten by a writer"))

    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    assert refused.status_code == 403
    live.refresh_from_db()
    assert live.title == "Live already"


def test_a_writer_cannot_publish_from_the_story_list(client, writer, story_factory):
    draft = story_factory(status=Status.DRAFT, published_at=None)
    client.force_login(writer)

    client.post(
        reverse("admin:articles_story_changelist"),
        {"action": "publish", "_selected_action": [draft.pk]},
    )

    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_an_editor_publishes_and_is_no_superuser(client, editor, section):
    client.force_login(editor)

    client.post(ADD_URL, story_form(section, featured="on"))

    story = Story.objects.get(slug="governors-meet-the-new-chair")
    assert story.is_live and story.featured
    assert not editor.is_superuser


@pytest.mark.parametrize(
    ("person", "sees", "does_not_see"),
    [
        ("writer", ["Stories"], ["Sections", "Tags", "Schools", "Groups", "Access attempts"]),
        ("editor", ["Stories", "Sections", "Tags"], ["Schools", "Groups", "Access attempts"]),
        (
            "membership_manager",
            ["Schools", "Users", "Access requests"],
            ["Stories", "Tags", "Groups", "Access attempts"],
        ),
    ],
)
def test_each_role_sees_only_what_it_uses_on_the_admin_home(
    client, request, person, sees, does_not_see
):
    client.force_login(request.getfixturevalue(person))

    html = client.get(reverse("admin:index")).content.decode()

    assert all(f">{name}</a>" in html for name in sees), sees
    assert not any(f">{name}</a>" in html for name in does_not_see), does_not_see


def test_a_membership_manager_cannot_make_anyone_staff(client, membership_manager, member):
    client.force_login(membership_manager)
    page = reverse("admin:members_user_change", args=[member.pk])
    form = {
        "email": member.email,
        "first_name": "Amira",
        "last_name": "",
        "job_title": "",
        "school": member.school_id,
        "is_active": "on",
        "is_staff": "on",
        "is_superuser": "on",
        "groups": [Group.objects.get(name=roles.EDITOR).pk],
        "date_joined_0": "2026-01-05",
        "date_joined_1": "09:00:00",
    }

    response = client.post(page, form)

    assert response.status_code == 302, response.context["adminform"].form.errors
    member.refresh_from_db()
    assert member.first_name == "Amira"  # the change went through ...
    assert not member.is_staff and not member.is_superuser  # ... but not the powers
    assert not member.groups.exists()


def test_a_membership_manager_cannot_change_a_staff_account(client, membership_manager, editor):
    client.force_login(membership_manager)

    response = client.post(
        reverse("admin:auth_user_password_change", args=[editor.pk]),
        {"password1": "taken-over-9f8e7d", "password2": "taken-over-9f8e7d"},
    )

    assert response.status_code == 403
    editor.refresh_from_db()
    assert not editor.check_password("taken-over-9f8e7d")


def test_the_demo_has_one_account_per_role_and_no_superuser(db, development):
    output = io.StringIO()

    call_command("load_demo", stdout=output)

    assert not User.objects.filter(is_superuser=True).exists()
    for email, role in [
        ("writer@example.org", roles.WRITER),
        ("editor@example.org", roles.EDITOR),
        ("membership@example.org", roles.MEMBERSHIP_MANAGER),
    ]:
        person = User.objects.get(email=email)
        assert person.is_staff and list(person.groups.values_list("name", flat=True)) == [role]
        assert email in output.getvalue()


@pytest.mark.parametrize("role", list(roles.ROLES))
def test_each_role_made_by_the_migrations_holds_every_permission_it_names(role):
    group = Group.objects.get(name=role)

    held = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}

    assert held == set(roles.ROLES[role])


def test_a_writer_reads_a_live_storys_body_as_readers_see_it(client, writer, story_factory):
    live = story_factory(body="<p>Read <strong>BOLD-BODY-2a2a</strong> here.</p>")
    client.force_login(writer)

    html = client.get(change_url(live)).content.decode()

    assert "<strong>BOLD-BODY-2a2a</strong>" in html
    assert "&lt;strong&gt;" not in html


def test_the_demo_refuses_to_load_with_debug_off(db):
    with pytest.raises(CommandError, match="this looks like production"):
        call_command("load_demo", stdout=io.StringIO())

    assert not User.objects.exists()


def test_the_demo_loads_with_debug_off_only_when_told_it_is_production(db):
    call_command("load_demo", "--i-know-this-is-production", stdout=io.StringIO())

    assert User.objects.filter(email="editor@example.org").exists()


def test_the_demo_never_resets_an_existing_accounts_password(db, development):
    User.objects.create_user("editor@example.org", "my-own-strong-password-1")

    call_command("load_demo", stdout=io.StringIO())

    assert User.objects.get(email="editor@example.org").check_password("my-own-strong-password-1")
