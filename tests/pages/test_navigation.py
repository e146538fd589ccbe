"""Links to pages in every page's header and footer: chosen by editors, in their
order, only for viewers who may see them, kept in Django's cache."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pages import navigation
from pages.models import Status, Visibility

pytestmark = pytest.mark.django_db


def header_links(html: str) -> list[str]:
    nav = re.search(r'<nav class="site-nav" aria-label="Main">(.*?)</nav>', html, re.S).group(1)
    return re.findall(r">([^<>]+)</a>", nav)


def footer_links(html: str) -> list[str]:
    found = re.search(r'<nav class="footer-nav"[^>]*>(.*?)</nav>', html, re.S)
    return re.findall(r">([^<>]+)</a>", found.group(1)) if found else []


def home(client) -> str:
    return client.get(reverse("articles:home")).content.decode()


@pytest.fixture
def linked(page_factory):
    """Pages linked from the header and footer, made out of order."""
    return {
        "contact": page_factory(title="Contact us", in_navigation=True, in_footer=True, order=30),
        "about": page_factory(title="About the network", in_navigation=True, order=10),
        "privacy": page_factory(title="Privacy notice", in_footer=True, order=40),
        "membership": page_factory(title="Membership", in_footer=True, order=20),
        "pack": page_factory(
            title="Heads' briefing pack",
            visibility=Visibility.MEMBERS,
            in_navigation=True,
            in_footer=True,
            order=50,
        ),
        "draft": page_factory(
            title="Draft DRAFT-LINK-4c2a", status=Status.DRAFT, in_navigation=True, in_footer=True
        ),
        "unlinked": page_factory(title="Unlinked UNLINKED-8e0b"),
    }


def test_the_header_and_footer_show_the_chosen_pages_in_order(client, linked):
    html = home(client)

    assert header_links(html)[-2:] == ["About the network", "Contact us"]
    assert footer_links(html) == ["Membership", "Contact us", "Privacy notice"]
    assert "DRAFT-LINK-4c2a" not in html
    assert "UNLINKED-8e0b" not in html


@pytest.mark.parametrize("viewer_name", ["anonymous", "non_member", "expired_member"])
def test_member_only_pages_are_not_linked_for_non_members(client, linked, viewer, viewer_name):
    if user := viewer(viewer_name):
        client.force_login(user)

    html = home(client)

    assert "Heads&#x27; briefing pack" not in html
    assert linked["pack"].get_absolute_url() not in html


@pytest.mark.parametrize("viewer_name", ["member", "staff_user"])
def test_members_see_member_only_pages_linked_too(client, linked, viewer, viewer_name):
    client.force_login(viewer(viewer_name))

    html = home(client)

    assert header_links(html)[-1] == "Heads&#x27; briefing pack"
    assert footer_links(html)[-1] == "Heads&#x27; briefing pack"
    assert "DRAFT-LINK-4c2a" not in html


def test_the_current_page_is_marked_in_the_navigation(client, linked):
    about = linked["about"]

    html = client.get(about.get_absolute_url()).content.decode()

    assert f'<a href="{about.get_absolute_url()}" aria-current="page">' in html


def test_no_footer_list_when_no_page_is_in_the_footer(client, page_factory):
    page_factory(in_navigation=True)

    assert 'class="footer-nav"' not in home(client)


def page_queries(queries) -> int:
    return sum('"pages_page"' in query["sql"] for query in queries.captured_queries)


def test_one_query_builds_the_links_then_the_cache_serves_them(client, linked):
    with CaptureQueriesContext(connection) as cold:
        home(client)
    with CaptureQueriesContext(connection) as warm:
        home(client)

    assert page_queries(cold) == 1
    assert page_queries(warm) == 0
    # The pages' links add nothing to a warm render: tests/articles/test_query_counts.py
    assert len(warm) == len(cold) - 1


def test_members_and_the_public_are_kept_apart(client, linked, member):
    assert "briefing pack" not in home(client)
    client.force_login(member)
    assert "briefing pack" in home(client)
    client.logout()
    assert "briefing pack" not in home(client)


@pytest.mark.parametrize(
    "change",
    [
        {"title": "About us"},
        {"in_navigation": False},
        {"status": Status.DRAFT},
        {"visibility": Visibility.MEMBERS},
    ],
)
def test_a_change_to_a_page_changes_the_links_at_once(client, linked, change):
    home(client)  # the links are kept now
    about = linked["about"]
    for name, value in change.items():
        setattr(about, name, value)
    about.save()

    links = header_links(home(client))

    assert ("About us" in links) == ("title" in change)
    assert "About the network" not in links


def test_a_deleted_page_leaves_the_links(client, linked):
    home(client)

    linked["about"].delete()

    assert "About the network" not in header_links(home(client))


def test_a_list_read_before_a_change_and_stored_after_it_is_never_served(linked, monkeypatch):
    """A render that read the database before a change commits, and stores its
    list after the change has forgotten the kept ones, stores it where nobody looks."""
    stale = navigation.from_database(None)
    stale_key = navigation._links_key("public")
    linked["about"].title = "About us"
    linked["about"].save()  # forgets the kept lists once committed (here: at once)
    cache.set(stale_key, stale)

    titles = [link["title"] for link in navigation.links_for(None)["header"]]

    assert titles == ["About us", "Contact us"]


class BrokenCache:
    def __getattr__(self, name):
        def fail(*args, **kwargs):
            raise ConnectionError("the cache is down")

        return fail


def test_a_failing_cache_never_fails_a_page(client, linked, monkeypatch, caplog):
    monkeypatch.setattr(navigation, "cache", BrokenCache())

    response = client.get(reverse("articles:home"))
    linked["about"].title = "About us"
    linked["about"].save()

    assert response.status_code == 200
    assert "About the network" in header_links(response.content.decode())
    assert "About us" in header_links(home(client))
    assert "the cache failed" in caplog.text
