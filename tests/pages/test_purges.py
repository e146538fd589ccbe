"""A change to a page purges, after commit, what shows it: its own address, or
every page when what its link in the header, footer or sitemap shows changes."""

import pytest

from pages.models import Status, Visibility

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(page_factory):
    return page_factory(in_navigation=True)


def purged_after(fake_varnish, change) -> set[str]:
    fake_varnish.purges.clear()
    change()
    return fake_varnish.purged_keys()


def saving(page, **fields):
    """A change: save ``page`` with ``fields``."""

    def save():
        for name, value in fields.items():
            setattr(page, name, value)
        page.save()

    return save


def test_a_change_to_the_text_purges_the_pages_address_only(fake_varnish, page):
    edit = saving(page, body="<p>New words.</p>", summary="A new summary.")

    assert purged_after(fake_varnish, edit) == {f"page-{page.pk}"}


@pytest.mark.parametrize(
    "change",
    [
        {"title": "A new title"},
        {"slug": "a-new-address"},
        {"status": Status.DRAFT},
        {"visibility": Visibility.MEMBERS},
        {"in_navigation": False},
        {"in_footer": True},
        {"order": 7},
    ],
)
def test_a_change_to_its_link_purges_every_page(fake_varnish, page, change):
    assert "all" in purged_after(fake_varnish, saving(page, **change))


def test_publishing_a_new_page_purges_every_page(fake_varnish, page_factory):
    assert "all" in purged_after(fake_varnish, lambda: page_factory(in_footer=True))


def test_a_draft_shows_nowhere_else_until_it_is_published(fake_varnish, page_factory):
    draft = page_factory(status=Status.DRAFT, in_navigation=True)

    retitled = purged_after(fake_varnish, saving(draft, title="A new title"))
    published = purged_after(fake_varnish, saving(draft, status=Status.PUBLISHED))

    assert retitled == {f"page-{draft.pk}"}
    assert "all" in published


def test_deleting_a_live_page_purges_every_page(fake_varnish, page):
    assert "all" in purged_after(fake_varnish, page.delete)


def test_deleting_a_draft_purges_only_its_address(fake_varnish, page_factory):
    draft = page_factory(status=Status.DRAFT)
    key = f"page-{draft.pk}"

    assert purged_after(fake_varnish, draft.delete) == {key}
