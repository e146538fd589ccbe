import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import RelatedPick, Status, Story

pytestmark = pytest.mark.django_db

ADD_URL = "admin:articles_story_add"


def story_form(section, step="_publish", **fields):
    """The story form as the admin posts it, with the button pressed (``step``)."""
    data = {
        "title": "Governors meet the new chair",
        "slug": "governors-meet-the-new-chair",
        "standfirst": "A new chair for the network's governance group ADMIN-STANDFIRST-4d4d.",
        "body": "<p>The chair set out three priorities ADMIN-BODY-5e5e.</p>",
        "section": section.pk,
        "tags": "governance, schools",
        "byline": "Sam Editor",
        step: "pressed",
        "published_at_0": "",
        "published_at_1": "",
        "visibility": "public",
        "hero": "",
        "gallery-TOTAL_FORMS": "0",
        "gallery-INITIAL_FORMS": "0",
        "downloads-TOTAL_FORMS": "0",
        "downloads-INITIAL_FORMS": "0",
        "picks-TOTAL_FORMS": "0",
        "picks-INITIAL_FORMS": "0",
        "corrections-TOTAL_FORMS": "0",
        "corrections-INITIAL_FORMS": "0",
    }
    return data | fields


def test_staff_creates_a_story_in_the_admin_and_it_appears_on_the_news_page(
    client, staff_user, section
):
    client.force_login(staff_user)

    response = client.post(reverse(ADD_URL), story_form(section))

    assert response.status_code == 302
    story = Story.objects.get(slug="governors-meet-the-new-chair")
    assert sorted(story.tags.names()) == ["governance", "schools"]
    client.logout()
    html = client.get(reverse("articles:story-list")).content.decode()
    assert "Governors meet the new chair" in html
    assert "ADMIN-STANDFIRST-4d4d" in html
    assert "ADMIN-BODY-5e5e" in client.get(story.get_absolute_url()).content.decode()


def test_story_saved_as_draft_stays_off_the_news_page(client, staff_user, section):
    client.force_login(staff_user)
    client.post(reverse(ADD_URL), story_form(section, step="_save"))
    client.logout()

    assert "Governors meet the new chair" not in client.get("/news/").content.decode()


def test_staff_choose_a_library_photo_as_the_storys_hero(
    client, staff_user, section, image_factory
):
    photo = image_factory(size=(1600, 900), alt="Governors around a table ALT-6f6f")
    client.force_login(staff_user)

    response = client.post(reverse(ADD_URL), story_form(section, hero=photo.pk))

    assert response.status_code == 302
    story = Story.objects.get(slug="governors-meet-the-new-chair")
    assert story.hero == photo
    html = client.get(story.get_absolute_url()).content.decode()
    assert 'alt="Governors around a table ALT-6f6f"' in html


def test_the_story_form_shows_its_hero_with_a_link_to_edit_the_image(
    client, staff_user, story_factory, image_factory
):
    photo = image_factory(alt="Governors around a table ALT-6f6f")
    story = story_factory(hero=photo)
    client.force_login(staff_user)

    html = client.get(reverse("admin:articles_story_change", args=[story.pk])).content.decode()

    assert "Alt text: “Governors around a table ALT-6f6f”" in html
    assert (
        f'<a href="{reverse("admin:library_image_change", args=[photo.pk])}">Edit the image</a>'
        in html
    )


def test_the_add_form_offers_the_rich_text_editor(client, staff_user):
    client.force_login(staff_user)

    html = client.get(reverse(ADD_URL)).content.decode()

    assert "django_prose_editor/editor.js" in html
    assert "data-django-prose-editor" in html


@pytest.mark.parametrize("user_fixture", [None, "non_member", "member"])
def test_people_who_are_not_staff_cannot_reach_the_admin(client, request, user_fixture):
    if user_fixture:
        client.force_login(request.getfixturevalue(user_fixture))

    response = client.get(reverse("admin:articles_story_changelist"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?state=draft",
        "?state=scheduled",
        "?state=live",
        "?section__id__exact=1",
        "?visibility__exact=members",
        "?featured__exact=1",
        "?tags__id__exact=1",
        "?q=governors",
        "?published_at__year=2026",
    ],
)
def test_story_list_filters_search_and_date_hierarchy_answer(
    client, staff_user, story_factory, query
):
    story_factory(tags=["governance"])
    client.force_login(staff_user)

    response = client.get(reverse("admin:articles_story_changelist") + query)

    assert response.status_code == 200


def test_bulk_publish_makes_drafts_live(client, staff_user, story_factory):
    drafts = [story_factory(status=Status.DRAFT, published_at=None) for _ in range(2)]
    client.force_login(staff_user)

    client.post(
        reverse("admin:articles_story_changelist"),
        {"action": "publish", "_selected_action": [s.pk for s in drafts]},
    )

    assert Story.objects.live().count() == 2


def test_bulk_publish_now_makes_a_scheduled_story_live_at_once(client, staff_user, story_factory):
    story = story_factory(published_at=timezone.now() + datetime.timedelta(days=2))
    client.force_login(staff_user)

    client.post(
        reverse("admin:articles_story_changelist"),
        {"action": "publish", "_selected_action": [story.pk]},
    )

    story.refresh_from_db()
    assert story.is_live


def test_bulk_unpublish_takes_stories_off_the_site(client, staff_user, story_factory):
    story = story_factory()
    client.force_login(staff_user)

    client.post(
        reverse("admin:articles_story_changelist"),
        {"action": "unpublish", "_selected_action": [story.pk]},
    )

    assert client.get(story.get_absolute_url()).status_code == 404


def test_staff_preview_shows_a_draft(client, staff_user, story_factory):
    story = story_factory(status=Status.DRAFT, body="<p>DRAFT-BODY-6f6f</p>")
    client.force_login(staff_user)

    response = client.get(reverse("admin:articles_story_preview", args=[story.pk]))

    assert response.status_code == 200
    html = response.content.decode()
    assert "DRAFT-BODY-6f6f" in html
    assert "Preview for staff: Draft." in html
    assert "no-cache" in response["Cache-Control"]


def test_preview_is_refused_to_people_who_are_not_staff(client, member, story_factory):
    story = story_factory(status=Status.DRAFT, body="<p>DRAFT-BODY-6f6f</p>")
    client.force_login(member)

    response = client.get(reverse("admin:articles_story_preview", args=[story.pk]))

    assert response.status_code == 302
    assert "DRAFT-BODY-6f6f" not in response.content.decode()


def test_view_on_site_links_a_live_story_to_its_page_and_a_draft_to_its_preview(
    client, staff_user, story_factory
):
    live = story_factory()
    draft = story_factory(status=Status.DRAFT)
    client.force_login(staff_user)

    live_html = client.get(reverse("admin:articles_story_change", args=[live.pk])).content
    draft_html = client.get(reverse("admin:articles_story_change", args=[draft.pk])).content

    assert live.get_absolute_url().encode() in live_html
    assert reverse("admin:articles_story_preview", args=[draft.pk]).encode() in draft_html


def test_editor_picks_related_stories_in_order(client, staff_user, story_factory, section):
    first, second = story_factory(), story_factory()
    client.force_login(staff_user)

    client.post(
        reverse(ADD_URL),
        story_form(
            section,
            **{
                "picks-TOTAL_FORMS": "2",
                "picks-0-pick": second.pk,
                "picks-0-order": "0",
                "picks-1-pick": first.pk,
                "picks-1-order": "1",
            },
        ),
    )

    story = Story.objects.get(slug="governors-meet-the-new-chair")
    assert [p.pick for p in RelatedPick.objects.filter(story=story)] == [second, first]


def test_change_page_explains_similar_news_for_the_public_and_for_members(
    client, staff_user, story_factory
):
    story = story_factory(tags=["send", "funding"])
    story_factory(title="Public SEND story", tags=["send"])
    story_factory(title="Members SEND story", tags=["send", "funding"], visibility="members")
    client.force_login(staff_user)

    html = client.get(reverse("admin:articles_story_change", args=[story.pk])).content.decode()
    panel = html[html.index("What readers will see in Similar News") :]
    public, members = panel.split("<h3>Members</h3>")

    assert "Public SEND story" in public and "Members SEND story" not in public
    assert "Members SEND story" in members
    assert "Shared tags: funding (0.916), send (0.693); same section; 0 days apart" in members


def test_the_state_filter_finds_scheduled_stories(client, staff_user, story_factory):
    story_factory(title="Live one")
    story_factory(title="Later one", published_at=timezone.now() + datetime.timedelta(days=1))
    story_factory(title="Draft one", status=Status.DRAFT)
    client.force_login(staff_user)

    response = client.get(reverse("admin:articles_story_changelist"), {"state": "scheduled"})

    assert [s.title for s in response.context["cl"].result_list] == ["Later one"]


def test_admin_search_looks_in_bodies_and_tags(client, staff_user, story_factory):
    story_factory(title="One", body="<p>About SEND provision.</p>")
    story_factory(title="Two", tags=["send"])
    story_factory(title="Three")
    client.force_login(staff_user)

    response = client.get(reverse("admin:articles_story_changelist"), {"q": "send"})

    assert sorted(s.title for s in response.context["cl"].result_list) == ["One", "Two"]
