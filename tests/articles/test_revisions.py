"""Every save keeps a version; staff compare any two and restore one."""

import pytest
from django.urls import reverse

from articles.models import RelatedPick, Status, Story
from articles.revisions import versions_of
from tests.articles.test_admin import story_form

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:articles_story_add")


def change_url(story):
    return reverse("admin:articles_story_change", args=[story.pk])


def history_url(story):
    return reverse("admin:articles_story_history", args=[story.pk])


def edit(client, story, section, **fields):
    """Save the story's form as the admin does, changing ``fields``."""
    story.refresh_from_db()
    data = story_form(
        section,
        step="_save",
        title=story.title,
        slug=story.slug,
        standfirst=story.standfirst,
        body=story.body,
        tags=", ".join(sorted(story.tags.names())),
        hero=story.hero_id or "",
        edit_base=story.updated_at.isoformat(),
    )
    response = client.post(change_url(story), data | fields)
    assert response.status_code == 302, response.context["adminform"].form.errors
    story.refresh_from_db()
    return response


@pytest.fixture
def drafted(client, editor, section):
    """A story the editor created in the admin, then retitled: two versions."""
    client.force_login(editor)
    client.post(ADD_URL, story_form(section, step="_save", tags="governance, schools"))
    story = Story.objects.get(slug="governors-meet-the-new-chair")
    edit(
        client,
        story,
        section,
        title="Governors welcome their new chair",
        body="<p>The chair set out four priorities for the year.</p>",
        tags="governance, leadership",
    )
    return story


def test_each_save_keeps_a_version_with_who_and_what(drafted, editor):
    versions = list(versions_of(drafted))

    assert len(versions) == 2
    assert [v.revision.user for v in versions] == [editor, editor]
    assert versions[0].field_dict["title"] == "Governors welcome their new chair"
    assert versions[1].field_dict["title"] == "Governors meet the new chair"
    assert versions[1].revision.comment == "Created"


def test_the_history_lists_the_versions_newest_first(client, drafted):
    html = client.get(history_url(drafted)).content.decode()

    assert html.count('name="newer"') == 2
    assert "Restore this version" in html
    assert "Eddie" in html


def test_the_comparison_shows_removed_and_added_words(client, drafted):
    newer, older = versions_of(drafted)

    html = client.get(
        reverse("admin:articles_story_compare", args=[drafted.pk]),
        {"older": older.pk, "newer": newer.pk},
    ).content.decode()

    assert "<del>meet</del>" in html and "<ins>welcome</ins>" in html
    assert "<del>three</del>" in html and "<ins>four</ins>" in html
    assert "<del>governance, schools</del>" in html
    assert "<ins>governance, leadership</ins>" in html
    assert "Unchanged:" in html and "Section" in html


def test_restoring_brings_back_the_text_and_tags_as_a_new_version(client, drafted):
    first = versions_of(drafted).last()

    response = client.post(
        reverse("admin:articles_story_restore", args=[drafted.pk, first.pk]), follow=True
    )

    drafted.refresh_from_db()
    assert drafted.title == "Governors meet the new chair"
    assert "three priorities" in drafted.body
    assert sorted(drafted.tags.names()) == ["governance", "schools"]
    assert versions_of(drafted).count() == 3
    assert versions_of(drafted).first().revision.comment.startswith("Restored the version of")
    assert "it is now the current version" in response.content.decode()


def test_restoring_keeps_the_state_and_who_sees_it(client, editor, story_factory, section):
    client.force_login(editor)
    story = story_factory(title="Live now", status=Status.PUBLISHED)
    edit(client, story, section, title="Live and edited")
    edit(client, story, section, title="Live, edited again", visibility="members")
    oldest = versions_of(story).last()

    client.post(reverse("admin:articles_story_restore", args=[story.pk, oldest.pk]))

    story.refresh_from_db()
    assert story.title == "Live and edited"
    assert story.is_live and story.is_members_only


def test_restoring_brings_back_the_editors_picks(client, editor, story_factory, section):
    client.force_login(editor)
    story, pick = story_factory(), story_factory(title="Picked once")
    RelatedPick.objects.create(story=story, pick=pick)
    edit(client, story, section, **{"picks-TOTAL_FORMS": "0", "picks-INITIAL_FORMS": "0"})
    RelatedPick.objects.all().delete()
    edit(client, story, section, title="No picks now")

    client.post(
        reverse("admin:articles_story_restore", args=[story.pk, versions_of(story).last().pk])
    )

    assert list(story.picks.values_list("pick__title", flat=True)) == ["Picked once"]


def test_a_writer_cannot_restore_a_version_of_a_live_story(
    client, writer, editor, story_factory, section
):
    client.force_login(editor)
    story = story_factory(title="Editors only")
    edit(client, story, section, title="Editors only, edited")
    client.force_login(writer)

    response = client.post(
        reverse("admin:articles_story_restore", args=[story.pk, versions_of(story).last().pk])
    )

    assert response.status_code == 403
    story.refresh_from_db()
    assert story.title == "Editors only, edited"


def test_comparing_a_version_of_another_story_is_not_found(client, drafted, story_factory, section):
    other = story_factory()
    edit(client, other, section, title="Elsewhere")
    foreign = versions_of(other).first()

    response = client.get(
        reverse("admin:articles_story_compare", args=[drafted.pk]),
        {"older": foreign.pk, "newer": versions_of(drafted).first().pk},
    )

    assert response.status_code == 404


@pytest.fixture
def rephotographed(client, editor, section, image_factory):
    """A story the editor created with one hero, then saved with another: two versions."""
    first = image_factory(title="Governors at the table FIRST-1c1c")
    second = image_factory(title="The new chair SECOND-2d2d")
    client.force_login(editor)
    client.post(ADD_URL, story_form(section, step="_save", hero=first.pk))
    story = Story.objects.get(slug="governors-meet-the-new-chair")
    edit(client, story, section, hero=second.pk)
    return story, first, second


def test_the_comparison_shows_a_changed_hero_image_by_title(client, rephotographed):
    story, first, second = rephotographed
    newer, older = versions_of(story)

    html = client.get(
        reverse("admin:articles_story_compare", args=[story.pk]),
        {"older": older.pk, "newer": newer.pk},
    ).content.decode()

    assert "Hero image" in html
    assert f"<del>Governors at the table FIRST-1c1c (#{first.pk})</del>" in html
    assert f"<ins>The new chair SECOND-2d2d (#{second.pk})</ins>" in html


def test_restoring_brings_back_a_replaced_hero_image(client, rephotographed):
    story, first, second = rephotographed

    client.post(
        reverse("admin:articles_story_restore", args=[story.pk, versions_of(story).last().pk])
    )

    story.refresh_from_db()
    assert story.hero == first
    assert "FIRST-1c1c" in client.get(change_url(story)).content.decode()


def test_restoring_a_version_whose_image_was_deleted_keeps_the_current_one(client, rephotographed):
    story, first, second = rephotographed
    oldest = versions_of(story).last()
    first.delete()

    response = client.post(
        reverse("admin:articles_story_restore", args=[story.pk, oldest.pk]), follow=True
    )

    story.refresh_from_db()
    assert story.hero == second
    assert "Its hero image has since been deleted from the library" in response.content.decode()


def test_restoring_brings_back_the_gallery_and_downloads(
    client, editor, story_factory, section, image_factory
):
    from articles.models import Download, GalleryPhoto
    from library.models import Document
    from tests.library.test_documents import PDF, upload

    client.force_login(editor)
    story = story_factory(visibility="members")
    photos = [image_factory(title=f"Relay {n}") for n in range(2)]
    for order, photo in enumerate(photos):
        GalleryPhoto.objects.create(story=story, image=photo, order=order)
    paper = Document(title="Results sheet")
    paper.store(upload(PDF, "results.pdf"))
    paper.save()
    Download.objects.create(story=story, document=paper)
    edit(client, story, section)
    GalleryPhoto.objects.all().delete()
    Download.objects.all().delete()
    edit(client, story, section, title="No photos now")

    client.post(reverse("admin:articles_story_restore", args=[story.pk, versions_of(story)[1].pk]))

    assert [photo.title for photo in story.gallery_images] == ["Relay 0", "Relay 1"]
    assert [document.title for document in Story.objects.get(pk=story.pk).download_documents] == [
        "Results sheet"
    ]
