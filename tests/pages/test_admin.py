"""Editors keep pages in the admin; writers cannot; a save never silently undoes another."""

import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse

from members import roles
from pages.models import Page, Status, Visibility
from tests.conftest import person_with_role

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:pages_page_add")
LIST_URL = reverse("admin:pages_page_changelist")


def change_url(page):
    return reverse("admin:pages_page_change", args=[page.pk])


def page_form(**fields):
    """The page form as the admin posts it."""
    data = {
        "title": "About the network",
        "slug": "about",
        "summary": "Who we are ADMIN-SUMMARY-1a1a.",
        "body": "<p>Forty-one schools ADMIN-BODY-2b2b.</p>",
        "status": Status.PUBLISHED,
        "visibility": Visibility.PUBLIC,
        "in_navigation": "on",
        "order": "10",
        "edit_base": "",
    }
    return data | fields


def edit_form(page, **fields):
    page.refresh_from_db()
    current = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "body": page.body,
        "status": page.status,
        "visibility": page.visibility,
        "order": str(page.order),
        "edit_base": page.updated_at.isoformat(),
    }
    return page_form(**(current | fields))


def test_an_editor_creates_a_page_that_readers_then_find(client, editor):
    client.force_login(editor)

    response = client.post(ADD_URL, page_form())

    assert response.status_code == 302
    page = Page.objects.get(slug="about")
    assert page.edited_by == editor
    client.logout()
    html = client.get("/about/").content.decode()
    assert "ADMIN-BODY-2b2b" in html
    assert '<a href="/about/" aria-current="page">About the network</a>' in html


def test_an_editor_edits_and_deletes_pages(client, editor, page_factory):
    page = page_factory()
    client.force_login(editor)

    response = client.post(change_url(page), edit_form(page, title="A better title"))
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title == "A better title"

    delete = reverse("admin:pages_page_delete", args=[page.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 302
    assert not Page.objects.filter(pk=page.pk).exists()


@pytest.mark.parametrize("role", [roles.WRITER, roles.MEMBERSHIP_MANAGER])
def test_other_roles_cannot_touch_pages(client, page_factory, role):
    page = page_factory(title="Untouched")
    client.force_login(person_with_role(role, "someone@example.org", "Someone"))

    assert client.get(LIST_URL).status_code == 403
    assert client.get(change_url(page)).status_code == 403
    assert client.post(ADD_URL, page_form()).status_code == 403
    assert client.post(change_url(page), edit_form(page, title="Changed")).status_code == 403
    page.refresh_from_db()
    assert page.title == "Untouched"
    assert not Page.objects.filter(slug="about").exists()


def test_the_editor_role_holds_every_page_permission(editor):
    assert all(editor.has_perm(f"pages.{verb}_page") for verb in roles.CRUD)


def test_the_list_shows_state_audience_links_and_searches(client, editor, page_factory):
    page_factory(title="Privacy notice", in_footer=True)
    page_factory(title="Heads' pack", visibility=Visibility.MEMBERS, status=Status.DRAFT)
    client.force_login(editor)

    html = client.get(LIST_URL).content.decode()
    found = client.get(LIST_URL, {"q": "privacy"}).content.decode()
    drafts = client.get(LIST_URL, {"status__exact": "draft"}).content.decode()

    assert "Members only" in html and "Draft" in html and "Published" in html
    assert "in the footer" in html.lower()
    assert "Privacy notice" in found and "Heads&#x27; pack" not in found
    assert "Heads&#x27; pack" in drafts and "Privacy notice" not in drafts


def test_a_slug_another_route_has_is_refused_in_the_form(client, editor):
    client.force_login(editor)

    response = client.post(ADD_URL, page_form(slug="news"))

    assert response.status_code == 200
    assert "/news/ is not free" in response.content.decode()
    assert not Page.objects.exists()


def test_hostile_html_is_sanitised(client, editor):
    client.force_login(editor)

    client.post(ADD_URL, page_form(body='<p>Hi<script>alert("x")</script></p>'))

    assert Page.objects.get().body == "<p>Hi</p>"


def test_view_on_site_links_to_the_page(client, editor, page_factory):
    page = page_factory(slug="contact")
    client.force_login(editor)

    html = client.get(change_url(page)).content.decode()

    content_type = ContentType.objects.get_for_model(Page)
    assert reverse("admin:view_on_site", args=[content_type.pk, page.pk]) in html
    assert client.get(reverse("admin:view_on_site", args=[content_type.pk, page.pk]))[
        "Location"
    ].endswith("/contact/")


def opened(client, page):
    """Open the page's edit form; return its hidden edit base."""
    html = client.get(change_url(page)).content.decode()
    return re.search(r'name="edit_base" value="([^"]*)"', html).group(1)


def test_saving_over_a_newer_save_is_refused_naming_who_and_when(client, editor, page_factory):
    page = page_factory(title="Contact us")
    other = person_with_role(roles.EDITOR, "alex@example.org", "Alex")
    other.last_name = "Okafor"
    other.save()
    theirs = Client()
    theirs.force_login(other)
    client.force_login(editor)
    mine = edit_form(page, summary="My new summary.", edit_base=opened(client, page))
    their_base = opened(theirs, page)
    theirs.post(change_url(page), edit_form(page, title="Contact the office", edit_base=their_base))

    response = client.post(change_url(page), mine)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Alex Okafor saved this page at" in html
    assert "Their version differs from yours in: Title, Summary." in html
    page.refresh_from_db()
    assert page.title == "Contact the office"

    # Saving again, knowing, replaces their version.
    again = client.post(change_url(page), response.context["adminform"].form.data)
    assert again.status_code == 302
    page.refresh_from_db()
    assert page.summary == "My new summary."
