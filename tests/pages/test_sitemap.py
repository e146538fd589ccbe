"""The sitemap lists public live pages, and nothing else of pages."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone

from pages.models import Status, Visibility

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def locations(client, url) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return [loc.text for loc in root.iterfind("*/sm:loc", NS)]


def test_the_sitemap_lists_public_live_pages_only(client, page_factory):
    page_factory(slug="about", order=1)
    page_factory(slug="privacy", order=2)
    page_factory(slug="heads-pack", visibility=Visibility.MEMBERS)
    page_factory(slug="draft-policy", status=Status.DRAFT)
    page_factory(slug="draft-members", status=Status.DRAFT, visibility=Visibility.MEMBERS)

    index = locations(client, reverse("articles:sitemap"))
    listed = locations(client, reverse("articles:sitemap-section", args=["site-pages"]))

    assert "http://testserver/sitemap-site-pages.xml" in index
    assert listed == ["http://testserver/about/", "http://testserver/privacy/"]


def test_pages_have_their_last_change_as_lastmod(client, page_factory):
    page = page_factory(slug="about")

    response = client.get(reverse("articles:sitemap-section", args=["site-pages"]))
    root = ET.fromstring(response.content)

    assert root.findtext("sm:url/sm:lastmod", namespaces=NS) == (
        timezone.localdate(page.updated_at).isoformat()
    )
