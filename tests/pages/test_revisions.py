"""Every admin save keeps a version of the page; staff compare any two and restore one."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from members.models import User
from pages.models import Page, Status, Visibility
from pages.revisions import versions_of
from tests.conftest import PASSWORD
from tests.pages.test_admin import ADD_URL, change_url, edit_form, page_form

pytestmark = pytest.mark.django_db


def history_url(page):
    return reverse("admin:pages_page_history", args=[page.pk])


@pytest.fixture
def edited(client, editor):
    """A page the editor created in the admin, then rewrote: two versions."""
    client.force_login(editor)
    client.post(ADD_URL, page_form(body="<p>Forty-one schools share training.</p>"))
    page = Page.objects.get(slug="about")
    response = client.post(
        change_url(page),
        edit_form(
            page,
            title="About us",
            body="<p>Forty-one schools share training and support.</p>",
        ),
    )
    assert response.status_code == 302
    page.refresh_from_db()
    return page


def test_each_save_keeps_a_version_with_who_and_what(edited, editor):
    versions = list(versions_of(edited))

    assert len(versions) == 2
    assert [v.revision.user for v in versions] == [editor, editor]
    assert versions[0].field_dict["title"] == "About us"
    assert versions[1].field_dict["title"] == "About the network"
    assert versions[1].revision.comment == "Created"
    assert versions[0].revision.comment == "Changed title, body"


def test_the_history_lists_the_versions_newest_first(client, edited):
    html = client.get(history_url(edited)).content.decode()

    assert html.count('name="newer"') == 2
    assert "Restore this version" in html
    assert "Eddie" in html


def test_the_comparison_shows_removed_and_added_words(client, edited):
    newer, older = versions_of(edited)

    response = client.get(
        reverse("admin:pages_page_compare", args=[edited.pk]),
        {"older": older.pk, "newer": newer.pk},
    )
    html = response.content.decode()

    assert response.status_code == 200
    assert "<del>the network</del>" in html
    assert "<ins>us</ins>" in html
    assert "<ins> and support</ins>" in html
    assert "Unchanged: Summary, Address" in html


def test_restoring_brings_back_the_words_but_not_the_state(client, edited):
    _, older = versions_of(edited)
    Page.objects.filter(pk=edited.pk).update(status=Status.DRAFT, visibility=Visibility.MEMBERS)

    response = client.post(reverse("admin:pages_page_restore", args=[edited.pk, older.pk]))

    assert response.status_code == 302
    edited.refresh_from_db()
    assert edited.title == "About the network"
    assert edited.body == "<p>Forty-one schools share training.</p>"
    assert (edited.status, edited.visibility) == (Status.DRAFT, Visibility.MEMBERS)
    latest = versions_of(edited).first()
    assert latest.revision.comment.startswith("Restored the version of")
    assert len(versions_of(edited)) == 3


def test_restoring_answers_post_only_and_not_to_writers(client, edited, writer):
    _, older = versions_of(edited)
    url = reverse("admin:pages_page_restore", args=[edited.pk, older.pk])

    assert client.get(url).status_code == 405
    client.force_login(writer)  # who may not even view pages: nothing there for them
    assert client.post(url).status_code == 404
    assert client.get(history_url(edited)).status_code == 404
    edited.refresh_from_db()
    assert edited.title == "About us"


def test_an_unknown_version_answers_404(client, edited, page_factory):
    other = page_factory()
    client.post(change_url(other), edit_form(other, title="Another"))
    foreign = versions_of(other).first()

    response = client.get(
        reverse("admin:pages_page_compare", args=[edited.pk]),
        {"older": foreign.pk, "newer": versions_of(edited).first().pk},
    )

    assert response.status_code == 404


def test_staff_who_may_only_view_pages_compare_but_cannot_restore(client, edited):
    viewer = User.objects.create_user("viewer@example.org", PASSWORD, is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_page"))
    _, older = versions_of(edited)
    client.force_login(viewer)

    history = client.get(history_url(edited))
    response = client.post(reverse("admin:pages_page_restore", args=[edited.pk, older.pk]))

    assert history.status_code == 200
    assert "Restore this version" not in history.content.decode()
    assert response.status_code == 403
    edited.refresh_from_db()
    assert edited.title == "About us"
