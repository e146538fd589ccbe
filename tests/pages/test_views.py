"""The page at /<slug>/: who reads what, what caches may keep, and where old addresses go."""

import itertools
import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from pages.models import Status, Visibility
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

VIEWERS = ["anonymous", "non_member", "member", "staff_user"]

# status, visibility -> viewer -> what the page's address answers.
OUTCOMES = {
    (Status.PUBLISHED, Visibility.PUBLIC): dict.fromkeys(VIEWERS, "whole"),
    (Status.PUBLISHED, Visibility.MEMBERS): {
        "anonymous": "teaser",
        "non_member": "teaser",
        "member": "whole",
        "staff_user": "whole",
    },
    (Status.DRAFT, Visibility.PUBLIC): {
        "anonymous": 404,
        "non_member": 404,
        "member": 404,
        "staff_user": "whole",
    },
    (Status.DRAFT, Visibility.MEMBERS): {
        "anonymous": 404,
        "non_member": 404,
        "member": 404,
        "staff_user": "whole",
    },
}

MARKERS = {
    (Status.PUBLISHED, Visibility.PUBLIC): "PAGE-PUBLIC-2b7d",
    (Status.PUBLISHED, Visibility.MEMBERS): "PAGE-MEMBERS-ONLY-5c1e",
    (Status.DRAFT, Visibility.PUBLIC): "PAGE-DRAFT-9a40",
    (Status.DRAFT, Visibility.MEMBERS): "PAGE-DRAFT-MEMBERS-e3f8",
}


def directives(response) -> dict:
    found = {}
    for part in response["Cache-Control"].split(","):
        name, _, value = part.strip().partition("=")
        found[name] = value
    return found


def log_in(client, user):
    if user is not None:
        client.force_login(user)


@pytest.mark.parametrize("viewer_name", VIEWERS)
@pytest.mark.parametrize(("status", "visibility"), OUTCOMES)
def test_what_each_viewer_gets_at_a_pages_address(
    client, page_factory, viewer, viewer_name, status, visibility
):
    marker = MARKERS[(status, visibility)]
    page = page_factory(
        title=f"Title {marker}",
        summary=f"Summary {marker}",
        body=f"<p>Body {marker}-BODY</p>",
        status=status,
        visibility=visibility,
    )
    log_in(client, viewer(viewer_name))

    response = client.get(page.get_absolute_url())
    html = response.content.decode()
    expected = OUTCOMES[(status, visibility)][viewer_name]

    if expected == 404:
        assert response.status_code == 404
        assert marker not in html
    else:
        assert response.status_code == 200
        assert f"Title {marker}" in html
        assert f"Summary {marker}" in html
        assert (f"{marker}-BODY" in html) == (expected == "whole")
        assert ("This page is for members" in html) == (expected == "teaser")


def test_a_non_member_is_asked_to_log_in_and_comes_back_to_the_page(client, page_factory, member):
    page = page_factory(
        slug="heads-briefing",
        body="<p>PAGE-MEMBERS-ONLY-5c1e</p>",
        visibility=Visibility.MEMBERS,
    )

    teaser = client.get(page.get_absolute_url()).content.decode()
    login = re.search(r'href="([^"]*)">Log in to read this page', teaser).group(1)
    assert login == f"{reverse('members:login')}?next=/heads-briefing/"
    assert "PAGE-MEMBERS-ONLY-5c1e" not in teaser

    response = client.post(
        reverse("members:login"),
        {"username": member.email, "password": PASSWORD, "next": page.get_absolute_url()},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == page.get_absolute_url()
    assert "PAGE-MEMBERS-ONLY-5c1e" in response.content.decode()


def test_a_logged_in_non_member_is_told_why_not_asked_to_log_in(client, page_factory, non_member):
    page = page_factory(body="<p>PAGE-MEMBERS-ONLY-5c1e</p>", visibility=Visibility.MEMBERS)
    client.force_login(non_member)

    html = client.get(page.get_absolute_url()).content.decode()

    assert "not linked to a current member school" in html
    assert "Log in to read this page" not in html
    assert "PAGE-MEMBERS-ONLY-5c1e" not in html


def test_the_teaser_is_kept_out_of_search_engines(client, page_factory):
    page = page_factory(visibility=Visibility.MEMBERS)

    response = client.get(page.get_absolute_url())

    assert response["X-Robots-Tag"] == "noindex"


def test_staff_see_a_draft_marked_as_one_and_never_cached(client, page_factory, staff_user):
    page = page_factory(status=Status.DRAFT, body="<p>PAGE-DRAFT-9a40</p>")
    client.force_login(staff_user)

    response = client.get(page.get_absolute_url())
    html = response.content.decode()

    assert "PAGE-DRAFT-9a40" in html
    assert "Draft: only staff can see this page" in html
    assert reverse("admin:pages_page_change", args=[page.pk]) in html
    assert {"private", "no-store"} <= set(directives(response))
    assert response["X-Robots-Tag"] == "noindex"


def test_an_unknown_slug_answers_404(client, db):
    assert client.get("/no-such-page/").status_code == 404


def test_other_routes_still_answer_before_pages(client, page_factory):
    assert client.get(reverse("articles:story-list")).status_code == 200
    assert client.get(reverse("members:school-list")).status_code == 200


# What caches may keep: as for stories.


def test_a_public_page_may_be_kept_by_a_shared_cache_under_its_key(client, page_factory, settings):
    settings.HTTP_CACHE_SECONDS = 300
    page = page_factory()

    response = client.get(page.get_absolute_url())

    assert directives(response) == {"public": "", "max-age": "0", "s-maxage": "300"}
    assert {"all", f"page-{page.pk}"} <= set(response["xkey"].split())


def test_a_member_only_pages_teaser_may_be_kept_for_anonymous_readers(client, page_factory):
    page = page_factory(visibility=Visibility.MEMBERS)

    response = client.get(page.get_absolute_url())

    assert "public" in directives(response)
    assert f"page-{page.pk}" in response["xkey"].split()


@pytest.mark.parametrize("viewer_name", ["non_member", "member", "staff_user"])
def test_a_logged_in_readers_page_is_private(client, page_factory, viewer, viewer_name):
    page = page_factory()
    client.force_login(viewer(viewer_name))

    response = client.get(page.get_absolute_url())

    assert "private" in directives(response)
    assert "public" not in directives(response)
    assert "xkey" not in response
    assert "Cookie" in response["Vary"]


def test_a_members_page_for_a_member_is_stored_nowhere(client, page_factory, member):
    page = page_factory(visibility=Visibility.MEMBERS)
    client.force_login(member)

    response = client.get(page.get_absolute_url())

    assert {"private", "no-store"} <= set(directives(response))


def test_a_draft_answers_404_that_no_cache_keeps(client, page_factory):
    page = page_factory(status=Status.DRAFT)

    response = client.get(page.get_absolute_url())

    assert response.status_code == 404
    assert directives(response)["s-maxage"] == "0"


# Old addresses.


def test_a_published_pages_old_address_answers_301_to_its_new_one(client, page_factory):
    page = page_factory(slug="join-us")
    page.slug = "membership"
    page.save()

    response = client.get("/join-us/")

    assert response.status_code == 301
    assert response["Location"] == "/membership/"


def test_moving_again_sends_every_old_address_straight_to_the_newest(client, page_factory):
    page = page_factory(slug="join-us")
    for slug in ["membership", "become-a-member"]:
        page.slug = slug
        page.save()

    assert client.get("/join-us/")["Location"] == "/become-a-member/"
    assert client.get("/membership/")["Location"] == "/become-a-member/"


def test_a_deleted_published_page_answers_410(client, page_factory):
    page_factory(slug="old-policy").delete()

    assert client.get("/old-policy/").status_code == 410


def test_a_deleted_draft_answers_404(client, page_factory):
    page_factory(slug="never-seen", status=Status.DRAFT).delete()

    assert client.get("/never-seen/").status_code == 404


# Valid, accessible HTML.


class Outline(HTMLParser):
    """The page's landmarks and headings, in document order."""

    LANDMARKS = {"header", "nav", "main", "footer"}

    def __init__(self):
        super().__init__()
        self.landmarks, self.headings = [], []

    def handle_starttag(self, tag, attrs):
        if tag in self.LANDMARKS:
            self.landmarks.append(tag)
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))


@pytest.mark.parametrize("visibility", [Visibility.PUBLIC, Visibility.MEMBERS])
def test_the_page_has_landmarks_and_headings_in_order(client, page_factory, visibility):
    page = page_factory(
        body="<p>Intro.</p><h2>What we do</h2><p>Much.</p><h3>In detail</h3><p>More.</p>",
        visibility=visibility,
        in_footer=True,
    )

    html = client.get(page.get_absolute_url()).content.decode()
    outline = Outline()
    outline.feed(html)

    assert html.startswith("<!doctype html>")
    assert {"header", "nav", "main", "footer"} <= set(outline.landmarks)
    assert outline.headings[0] == 1
    assert outline.headings.count(1) == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(outline.headings))
    assert f'<link rel="canonical" href="http://testserver{page.get_absolute_url()}">' in html
    assert f'<meta name="description" content="{page.summary}">' in html
