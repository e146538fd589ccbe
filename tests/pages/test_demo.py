"""The demo's pages: four public ones linked from the header and footer, one for members."""

import io
import re

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from articles.management.commands.load_demo import Command as LoadDemo
from pages.demo import demo_pages
from pages.models import Page, Visibility
from pages.revisions import versions_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(development):
    call_command("load_demo_pages", stdout=io.StringIO())
    return {page.slug: page for page in Page.objects.all()}


def test_the_demo_publishes_its_pages(loaded):
    assert set(loaded) == {"about", "membership", "contact", "privacy", "heads-briefing-pack"}
    assert all(page.is_live for page in loaded.values())
    assert [slug for slug, page in loaded.items() if page.is_members_only] == [
        "heads-briefing-pack"
    ]
    assert {slug for slug, page in loaded.items() if page.in_navigation} == {
        "about",
        "membership",
        "contact",
    }
    assert loaded["privacy"].in_footer and not loaded["privacy"].in_navigation


def test_the_demo_pages_are_real_text(loaded):
    for page in loaded.values():
        words = re.sub(r"<[^>]+>", " ", page.body).split()
        assert len(words) > 150, page.slug
        assert "lorem" not in page.body.lower()
        assert "<h2>" in page.body
        page.full_clean()


def test_loading_again_changes_nothing(loaded, development):
    about = loaded["about"]
    about.title = "About us"
    about.save()

    call_command("load_demo_pages", stdout=io.StringIO())

    assert Page.objects.count() == len(demo_pages())
    about.refresh_from_db()
    assert about.title == "About us"


def test_each_demo_page_starts_its_history(loaded):
    assert versions_of(loaded["privacy"]).get().revision.comment == "Loaded with the demo content"


def test_readers_find_them_from_every_page(client, loaded, member):
    html = client.get(reverse("articles:home")).content.decode()
    briefing = client.get("/heads-briefing-pack/").content.decode()

    assert 'href="/privacy/">Privacy notice</a>' in html
    assert "/heads-briefing-pack/" not in html
    assert "This page is for members" in briefing
    assert "Budget planning assumptions" not in briefing
    client.force_login(member)
    assert "Budget planning assumptions" in client.get("/heads-briefing-pack/").content.decode()


def test_the_demo_refuses_to_run_in_production(db, settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="looks like production"):
        call_command("load_demo_pages")

    assert not Page.objects.exists()


def test_load_demo_loads_the_pages(development, monkeypatch):
    # The stories are another test's business (and slow): only the pages matter here.
    monkeypatch.setattr(LoadDemo, "load_stories", lambda self: 0)

    call_command("load_demo", stdout=io.StringIO())

    assert Page.objects.filter(visibility=Visibility.PUBLIC).count() == 4
