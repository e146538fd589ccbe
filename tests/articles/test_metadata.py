import json
import re

import pytest
from django.urls import reverse

from articles.models import Status, Visibility

pytestmark = pytest.mark.django_db


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def meta(html, prop):
    found = re.search(rf'<meta (?:property|name)="{re.escape(prop)}" content="([^"]*)">', html)
    return found and found.group(1)


@pytest.fixture
def story(story_factory, image_factory):
    return story_factory(
        title="Robotics team reaches the final",
        standfirst="Greystone Bridge girls made it at the first attempt.",
        body="<p>BODY-4c4c</p>",
        byline="Ruth Adeyemi",
        tags=["stem", "robotics"],
        hero=image_factory(alt="Four pupils with their robot"),
    )


def test_story_page_has_news_article_json_ld_with_the_required_fields(client, story):
    [data] = json_ld(client.get(story.get_absolute_url()).content.decode())

    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Robotics team reaches the final"
    assert data["datePublished"] == story.published_at.isoformat()
    assert data["dateModified"] == story.published_at.isoformat()  # no corrections yet
    story.refresh_from_db()
    assert data["image"] == ["http://testserver" + story.social_image["url"]]
    assert data["author"] == {"@type": "Person", "name": "Ruth Adeyemi"}
    assert data["publisher"]["name"] == "Pennine Schools Network"
    assert data["publisher"]["logo"]["url"].endswith("/static/img/logo-512.png")
    assert data["articleSection"] == "Network news"
    assert data["keywords"] == ["robotics", "stem"]
    assert data["isAccessibleForFree"] is True


def test_story_page_has_open_graph_and_twitter_tags(client, story):
    html = client.get(story.get_absolute_url()).content.decode()

    assert meta(html, "og:type") == "article"
    assert meta(html, "og:title") == "Robotics team reaches the final"
    assert meta(html, "og:description") == "Greystone Bridge girls made it at the first attempt."
    assert meta(html, "og:url") == "http://testserver" + story.get_absolute_url()
    story.refresh_from_db()
    assert meta(html, "og:image") == "http://testserver" + story.social_image["url"]
    assert meta(html, "og:image:alt") == "Four pupils with their robot"
    assert meta(html, "twitter:card") == "summary_large_image"


def test_story_page_has_a_canonical_url_and_the_standfirst_as_description(client, story):
    html = client.get(story.get_absolute_url() + "?utm_source=x").content.decode()

    assert f'<link rel="canonical" href="http://testserver{story.get_absolute_url()}">' in html
    assert meta(html, "description") == "Greystone Bridge girls made it at the first attempt."


@pytest.mark.parametrize("url_name", ["articles:home", "articles:story-list"])
def test_list_pages_have_canonical_and_open_graph_tags(client, story, url_name):
    html = client.get(reverse(url_name)).content.decode()

    assert '<link rel="canonical" href="http://testserver' in html
    assert meta(html, "og:site_name") == "Pennine Schools Network"
    assert meta(html, "og:image").endswith("/static/img/logo-512.png")


def test_member_story_teaser_says_it_is_not_free_and_carries_no_more_than_it_shows(
    client, story_factory, image_factory
):
    photo = image_factory(alt="ALT-5e5e")
    story = story_factory(
        title="Pay policy consultation",
        standfirst="Views sought.",
        visibility=Visibility.MEMBERS,
        body="<p>MEMBERS-ONLY-7f3a</p>",
        byline="BYLINE-2d2d",
        tags=["secret-topic"],
        hero=photo,
    )

    html = client.get(story.get_absolute_url()).content.decode()
    [data] = json_ld(html)

    assert data["isAccessibleForFree"] is False
    assert data["headline"] == "Pay policy consultation"
    assert "articleBody" not in data and "keywords" not in data and "image" not in data
    for marker in (
        "MEMBERS-ONLY-7f3a",
        "BYLINE-2d2d",
        "secret-topic",
        "ALT-5e5e",
        photo.token,  # in every address of its files
    ):
        assert marker not in html


def test_a_member_sees_the_member_story_marked_not_free(client, story_factory, member):
    story = story_factory(visibility=Visibility.MEMBERS)
    client.force_login(member)

    [data] = json_ld(client.get(story.get_absolute_url()).content.decode())

    assert data["isAccessibleForFree"] is False


def test_admin_preview_of_a_draft_produces_no_metadata(client, staff_user, story_factory):
    draft = story_factory(status=Status.DRAFT)
    client.force_login(staff_user)

    html = client.get(reverse("admin:articles_story_preview", args=[draft.pk])).content.decode()

    assert json_ld(html) == []
    assert meta(html, "og:type") is None
    assert '<link rel="canonical"' not in html


def test_json_ld_cannot_be_broken_out_of(client, story_factory):
    story = story_factory(title="</script><script>alert(1)</script>")

    html = client.get(story.get_absolute_url()).content.decode()

    assert "<script>alert(1)</script>" not in html
    assert json_ld(html)[0]["headline"] == "</script><script>alert(1)</script>"
