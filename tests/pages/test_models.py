"""Who may see a page, decided by PageQuerySet alone; addresses a page may take."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError

from pages.models import Page, Status, Visibility

pytestmark = pytest.mark.django_db

VIEWERS = ["anonymous", "non_member", "member", "staff_user"]

# status, visibility -> viewers who find it in lists (visible_to) / whose
# request for its address answers (reachable_by) / who may read its body.
TRUTH = {
    (Status.PUBLISHED, Visibility.PUBLIC): {
        "listed": set(VIEWERS),
        "reachable": set(VIEWERS),
        "readable": set(VIEWERS),
    },
    (Status.PUBLISHED, Visibility.MEMBERS): {
        "listed": {"member", "staff_user"},
        "reachable": set(VIEWERS),  # non-members get its title and summary only
        "readable": {"member", "staff_user"},
    },
    (Status.DRAFT, Visibility.PUBLIC): {
        "listed": set(),
        "reachable": {"staff_user"},
        "readable": {"staff_user"},
    },
    (Status.DRAFT, Visibility.MEMBERS): {
        "listed": set(),
        "reachable": {"staff_user"},
        "readable": {"staff_user"},
    },
}


def as_user(user):
    return user or AnonymousUser()


@pytest.mark.parametrize("viewer_name", VIEWERS)
@pytest.mark.parametrize(("status", "visibility"), TRUTH)
def test_the_truth_table_of_who_sees_a_page(page_factory, viewer, viewer_name, status, visibility):
    page = page_factory(status=status, visibility=visibility)
    user = as_user(viewer(viewer_name))
    expected = TRUTH[(status, visibility)]

    listed = Page.objects.visible_to(user).filter(pk=page.pk).exists()
    reachable = Page.objects.reachable_by(user).filter(pk=page.pk).exists()
    readable = reachable and page.is_readable_by(user)

    assert listed == (viewer_name in expected["listed"])
    assert reachable == (viewer_name in expected["reachable"])
    assert readable == (viewer_name in expected["readable"])


def test_an_expired_member_is_not_a_member(page_factory, expired_member):
    page = page_factory(visibility=Visibility.MEMBERS)

    assert not Page.objects.visible_to(expired_member).exists()
    assert not page.is_readable_by(expired_member)


def test_linked_pages_are_those_in_the_navigation_or_the_footer(page_factory):
    header = page_factory(in_navigation=True)
    footer = page_factory(in_footer=True)
    page_factory()

    assert set(Page.objects.linked()) == {header, footer}


@pytest.mark.parametrize(
    "slug",
    ["news", "search", "members", "admin", "schools", "static", "media", "files", "feeds"],
)
def test_a_slug_whose_address_another_route_has_is_refused(slug):
    page = Page(title="Clash", slug=slug, summary="A page.", status=Status.PUBLISHED)

    with pytest.raises(ValidationError) as error:
        page.full_clean()

    message = error.value.message_dict["slug"][0]
    assert f"/{slug}/ is not free" in message
    assert "Choose another address" in message


def test_a_free_slug_is_accepted(db):
    Page(title="About", slug="about", summary="Who we are.").full_clean()


def test_two_pages_cannot_share_a_slug(page_factory):
    page_factory(slug="about")

    with pytest.raises(ValidationError) as error:
        Page(title="About again", slug="about", summary="Again.").full_clean()

    assert "slug" in error.value.message_dict


def test_hostile_html_is_removed_from_the_body_on_any_save(page_factory):
    page = page_factory(body='<p onclick="steal()">Hi<script>alert(1)</script></p><img src=x>')

    page.refresh_from_db()
    assert page.body == "<p>Hi</p>"
