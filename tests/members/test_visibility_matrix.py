"""Every surface × every kind of viewer: a member-only story's text reaches members only."""

import pytest
from django.test import Client
from django.urls import reverse

from articles.models import Status, Visibility

pytestmark = pytest.mark.django_db

TITLE = "Heads briefing MBR-TITLE-5c1e"
STANDFIRST = "What the heads agreed MBR-STANDFIRST-9d2f"
BODY = "MEMBERS-ONLY-7f3a"
VIEWERS = ["anonymous", "non_member", "expired_member", "member", "staff_user"]
MEMBERS = {"member", "staff_user"}


@pytest.fixture
def newsroom(story_factory, other_section):
    public = story_factory(title="Public story PUBLIC-1a1a", tags=["briefing"])
    secret = story_factory(
        title=TITLE,
        standfirst=STANDFIRST,
        body=f"<p>{BODY}</p>",
        visibility=Visibility.MEMBERS,
        tags=["briefing"],
        section=other_section,
        featured=True,
    )
    draft = story_factory(
        title="Draft DRAFT-MARKER-4b4b",
        body="<p>DRAFT-BODY-4b4b</p>",
        status=Status.DRAFT,
        tags=["briefing"],
    )
    return {"public": public, "secret": secret, "draft": draft}


def log_in(client, request, viewer):
    if viewer != "anonymous":
        client.force_login(request.getfixturevalue(viewer))


LIST_SURFACES = {
    "front page": lambda n: reverse("articles:home"),
    "news list": lambda n: reverse("articles:story-list"),
    "tag page": lambda n: reverse("articles:tag-detail", args=["briefing"]),
    "section page": lambda n: n["secret"].section.get_absolute_url(),
    "similar news": lambda n: n["public"].get_absolute_url(),
    "search": lambda n: reverse("articles:search") + "?q=briefing",
}

# Feeds and the sitemap are the same for everyone: public stories only.
PUBLIC_CHANNELS = {
    "rss feed": lambda n: reverse("articles:feed"),
    "atom feed": lambda n: reverse("articles:feed-atom"),
    "tag feed": lambda n: reverse("articles:tag-feed", args=["briefing"]),
    "section feed": lambda n: reverse("articles:section-feed", args=[n["secret"].section.slug]),
    "sitemap": lambda n: reverse("articles:sitemap-section", args=["stories"]),
}


@pytest.mark.parametrize("viewer", VIEWERS)
@pytest.mark.parametrize("surface", LIST_SURFACES)
def test_member_story_is_listed_for_members_only(client, request, newsroom, surface, viewer):
    log_in(client, request, viewer)

    html = client.get(LIST_SURFACES[surface](newsroom)).content.decode()

    if viewer in MEMBERS:
        assert TITLE in html
        assert '<span class="badge badge--members">Members</span>' in html
    else:
        assert TITLE not in html
        assert STANDFIRST not in html
        assert BODY not in html


@pytest.mark.parametrize("viewer", VIEWERS)
@pytest.mark.parametrize("surface", LIST_SURFACES)
def test_drafts_are_listed_for_no_one(client, request, newsroom, surface, viewer):
    log_in(client, request, viewer)

    html = client.get(LIST_SURFACES[surface](newsroom)).content.decode()

    assert "DRAFT-MARKER-4b4b" not in html


@pytest.mark.parametrize("viewer", VIEWERS)
@pytest.mark.parametrize("channel", PUBLIC_CHANNELS)
def test_feeds_and_sitemap_carry_no_member_story_for_anyone(
    client, request, newsroom, channel, viewer
):
    log_in(client, request, viewer)

    body = client.get(PUBLIC_CHANNELS[channel](newsroom)).content.decode()

    assert "Public story PUBLIC-1a1a" in body or channel in {"section feed", "sitemap"}
    for marker in ("MBR-TITLE-5c1e", "MBR-STANDFIRST-9d2f", BODY, newsroom["secret"].slug):
        assert marker not in body


@pytest.mark.parametrize("viewer", VIEWERS)
def test_member_story_page_gives_members_the_story_and_others_a_teaser(
    client, request, newsroom, viewer
):
    log_in(client, request, viewer)

    response = client.get(newsroom["secret"].get_absolute_url())
    html = response.content.decode()

    assert response.status_code == 200
    assert TITLE in html and STANDFIRST in html
    if viewer in MEMBERS:
        assert BODY in html
        assert "private" in response["Cache-Control"]
    else:
        assert BODY not in html
        assert "This update is for members" in html
        assert '<meta name="robots" content="noindex">' in html


@pytest.mark.parametrize("viewer", VIEWERS)
def test_member_area_lists_member_updates_for_members_only(client, request, newsroom, viewer):
    log_in(client, request, viewer)

    response = client.get(reverse("members:home"))

    if viewer == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("members:login"))
    elif viewer in MEMBERS:
        assert response.status_code == 200
        assert TITLE in response.content.decode()
    else:
        assert response.status_code == 403
        assert TITLE not in response.content.decode()


@pytest.mark.parametrize("viewer", VIEWERS)
def test_draft_story_page_is_not_found_for_anyone(client, request, newsroom, viewer):
    log_in(client, request, viewer)

    response = client.get(newsroom["draft"].get_absolute_url())

    assert response.status_code == 404
    assert "DRAFT-BODY-4b4b" not in response.content.decode()


@pytest.mark.parametrize("viewer", ["anonymous", "non_member", "expired_member", "member"])
def test_admin_preview_of_a_member_story_is_for_staff_only(client, request, newsroom, viewer):
    log_in(client, request, viewer)

    response = client.get(reverse("admin:articles_story_preview", args=[newsroom["secret"].pk]))

    assert response.status_code == 302
    assert BODY not in response.content.decode()


@pytest.mark.parametrize("viewer", sorted(set(VIEWERS) - MEMBERS))
def test_caches_warmed_by_a_member_never_show_member_text_to_others(
    client, request, newsroom, member, viewer
):
    urls = [url(newsroom) for url in LIST_SURFACES.values()]
    story_url = newsroom["secret"].get_absolute_url()
    client.force_login(member)
    for page in [*urls, story_url]:
        client.get(page)  # every fragment, card and list a member sees is now cached
    other = Client()
    log_in(other, request, viewer)

    for page in urls:
        assert TITLE not in other.get(page).content.decode()
    assert BODY not in other.get(story_url).content.decode()
