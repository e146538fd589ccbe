import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Status, Visibility

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
DAY = datetime.timedelta(days=1)


@pytest.fixture
def newsroom(story_factory, other_section):
    return {
        "public": story_factory(title="Public", tags=["music"]),
        "members": story_factory(
            title="Members",
            visibility=Visibility.MEMBERS,
            tags=["secret-topic"],
            section=other_section,
        ),
        "draft": story_factory(title="Draft", status=Status.DRAFT, tags=["draft-topic"]),
        "future": story_factory(title="Future", published_at=timezone.now() + DAY),
    }


def xml(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return ET.fromstring(response.content)


def locations(client, section):
    root = xml(client, reverse("articles:sitemap-section", args=[section]))
    return [url.findtext("sm:loc", namespaces=NS) for url in root.findall("sm:url", NS)]


def test_sitemap_index_lists_each_part(client, newsroom):
    root = xml(client, reverse("articles:sitemap"))
    parts = [loc.text for loc in root.findall("sm:sitemap/sm:loc", NS)]

    # "site-pages": the pages app's editable pages, added by newsroom/urls.py.
    assert parts == [
        f"http://testserver/sitemap-{name}.xml"
        for name in ("stories", "sections", "tags", "pages", "site-pages")
    ]


def test_sitemap_lists_public_live_stories_only_with_lastmod(client, newsroom):
    root = xml(client, reverse("articles:sitemap-section", args=["stories"]))
    urls = root.findall("sm:url", NS)

    assert [u.findtext("sm:loc", namespaces=NS) for u in urls] == [
        "http://testserver" + newsroom["public"].get_absolute_url()
    ]
    lastmod = urls[0].findtext("sm:lastmod", namespaces=NS)
    assert lastmod == f"{timezone.localtime(newsroom['public'].updated_at):%Y-%m-%d}"


def test_sitemap_lists_tags_with_public_stories_only(client, newsroom):
    assert locations(client, "tags") == ["http://testserver/news/tag/music/"]


def test_sitemap_lists_every_section(client, newsroom):
    assert sorted(locations(client, "sections")) == [
        "http://testserver/news/section/network-news/",
        "http://testserver/news/section/policy-funding/",
    ]


def test_sitemap_lists_the_fixed_pages(client, newsroom):
    assert locations(client, "pages") == [
        "http://testserver/",
        "http://testserver/news/",
        "http://testserver/schools/",
    ]


def test_robots_txt_points_to_the_sitemap_and_keeps_private_areas_out(client, db):
    response = client.get("/robots.txt")

    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode().splitlines() == [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /members/",
        "Disallow: /search/",
        "Sitemap: http://testserver/sitemap.xml",
    ]
