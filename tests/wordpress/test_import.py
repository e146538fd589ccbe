"""``manage.py import_wordpress``: a WordPress export becomes stories, pages,
library images and redirects, and a second run changes nothing.

tests/wordpress/exports/network-news.xml is a WXR 1.2 export as WordPress 6
writes it: a classic post (blank-line paragraphs, a [caption], a featured
image with alt text listed after the post, a comment, serialised meta), a
block-editor post (block comments, "]]>" split across CDATA sections, emoji,
Arabic, combining accents, a plugin shortcode, an image from another site, a
PDF link), a private post declared under another namespace prefix, a
scheduled post, an untitled draft, a pending post reusing the first post's
slug, a post in the bin, an auto-draft, a page with a child page, a menu
item and a contact form.
"""

import pytest
from django.urls import reverse

from articles.models import Redirect, Section, Status, Story, Visibility
from library.models import Document, Image
from pages.models import Page
from tests.wordpress.conftest import NETWORK_NEWS, post, run_import, wxr
from wordpress.models import ImportedItem

pytestmark = pytest.mark.django_db


@pytest.fixture
def imported(uploads):
    return run_import(NETWORK_NEWS, "--uploads", str(uploads))


def story(wordpress_id: int) -> Story:
    return ImportedItem.objects.get(wordpress_id=wordpress_id).story


def test_published_posts_are_live_stories_with_their_dates_and_slugs(imported, client):
    fell_race = story(101)

    assert fell_race.title == "Fell race raises £2,000 for the minibus fund"
    assert fell_race.slug == "fell-race-raises-2000"
    assert fell_race.is_live
    assert fell_race.published_at.isoformat() == "2019-03-14T09:30:00+00:00"
    assert "Fell race raises £2,000" in client.get(reverse("articles:story-list")).content.decode()


def test_every_wordpress_status_has_its_place_here(imported):
    assert (story(102).status, story(102).visibility) == (Status.PUBLISHED, Visibility.PUBLIC)
    assert (story(103).status, story(103).visibility) == (Status.PUBLISHED, Visibility.MEMBERS)
    assert story(104).status == Status.PUBLISHED and not story(104).is_live  # scheduled
    assert story(104).published_at.isoformat() == "2099-01-10T09:00:00+00:00"
    assert (story(105).status, story(105).published_at) == (Status.DRAFT, None)
    assert story(106).status == Status.DRAFT  # pending review
    assert not ImportedItem.objects.filter(wordpress_id__in=[107, 108]).exists()


def test_a_sticky_post_is_featured(imported):
    assert story(101).featured and not story(102).featured


def test_the_first_category_is_the_section_and_the_others_tags(imported):
    fell_race = story(101)

    assert fell_race.section.name == "Sport" and fell_race.section.slug == "sport"
    assert sorted(fell_race.tags.values_list("slug", flat=True)) == [
        "fell-running",
        "network-news",
    ]
    assert story(102).section.name == "Policy & funding"


def test_an_existing_section_is_used_not_copied(uploads):
    Section.objects.create(name="Sport", slug="sport")

    run_import(NETWORK_NEWS, "--uploads", str(uploads))

    assert Section.objects.filter(name="Sport").count() == 1


def test_the_author_s_display_name_is_the_byline_on_one_line(imported):
    assert story(101).byline == "Helen Brook"
    assert story(102).byline == "أمير حداد"


def test_the_excerpt_is_the_standfirst_else_the_first_paragraph(imported):
    assert story(102).standfirst == "New training dates for designated safeguarding leads."
    assert story(101).standfirst == (
        "Pupils from six schools ran the Calder Vale fell race on Saturday. It was muddy. "
        "Everyone finished."
    )


def test_blank_lines_are_paragraphs_and_single_newlines_line_breaks(imported):
    body = story(101).body

    assert body.startswith("<p>Pupils from six schools")
    assert "<p>Parents lined the final descent<br>\nand cheered every runner home.</p>" in body


def test_text_survives_cdata_splits_emoji_right_to_left_and_combining_characters(imported):
    safeguarding = story(102)

    assert safeguarding.title == "Safeguarding update: what “]]>” means in our forms 🎉"
    assert "The form field ]]&gt; closes a section. Training is on Tuesday 🎉" in safeguarding.body
    assert "مرحبا بكم في الشبكة." in safeguarding.body
    assert "é (e + U+0301)" in safeguarding.body


def test_block_comments_and_plugin_shortcodes_are_gone_with_the_shortcode_reported(imported):
    _, notes = imported
    body = story(102).body

    assert "wp:" not in body and "contact-form-7" not in body
    assert "<h3>Arabic and Welsh</h3>" in body  # an h4 in WordPress
    assert "post 102" in notes and "[contact-form-7]" in notes


def test_bracketed_text_that_is_no_shortcode_stays(imported):
    assert "now stands at £2,000. [sic]" in story(101).body


def test_the_featured_image_is_a_library_image_with_its_alt_text(imported):
    hero = story(101).hero

    assert hero.alt == "Runners crowd the start line below the fell"
    assert hero.caption == "The start at Calder Vale"
    assert hero.renditions["hero"]  # made by the image pipeline
    assert ImportedItem.objects.get(wordpress_id=200).image == hero


def test_a_captioned_image_in_the_text_is_a_library_figure(imported):
    body = story(101).body
    image = ImportedItem.objects.get(wordpress_id=201).image

    assert f'alt="A runner in a red vest on a muddy path" data-file="{image.pk}"' in body
    assert "<figcaption>Runners on the final descent</figcaption></figure>" in body


def test_an_image_from_another_site_is_reported_and_never_fetched(imported):
    _, notes = imported

    assert "cdn.elsewhere.example" not in story(102).body
    assert "<figure" not in story(102).body
    assert "attachment 999 is not in the export" in notes


def test_a_pdf_in_the_uploads_becomes_a_library_document(imported):
    document = Document.objects.get()

    assert f'<a href="{document.url}">policy (PDF)</a>' in story(102).body
    assert document.kind == "pdf"


def test_a_post_without_a_title_is_titled_from_its_text(imported):
    assert story(105).title == "Notes for the governors' meeting about the new reading scheme…"


def test_a_duplicate_slug_gets_a_free_address_and_a_note(imported):
    _, notes = imported

    assert story(106).slug == "fell-race-raises-2000-2"
    assert "“fell-race-raises-2000” is taken here" in notes


def test_pages_become_pages_at_their_slugs(imported, client):
    about = Page.objects.get(slug="about-the-network")

    assert about.is_live
    assert about.summary == "We are twenty-eight schools across the Pennines."
    assert client.get("/about-the-network/").status_code == 200


@pytest.mark.parametrize(
    ("old_address", "new_address"),
    [
        ("/2019/03/fell-race-raises-2000/", "/news/fell-race-raises-2000/"),
        ("/?p=101", "/news/fell-race-raises-2000/"),
        ("/?p=103", "/news/heads-briefing-budget/"),
        ("/about-the-network/our-staff/", "/our-staff/"),
        ("/?page_id=110", "/about-the-network/"),
    ],
)
def test_old_wordpress_addresses_answer_301(imported, client, old_address, new_address):
    response = client.get(old_address)

    assert response.status_code == 301
    assert response["Location"] == new_address


def test_the_old_address_of_a_scheduled_post_answers_only_once_it_is_live(imported, client):
    assert client.get("/?p=104").status_code == 200  # the front page, not the story


def test_comments_menus_and_plugin_data_are_counted_as_not_imported(imported):
    counts, _ = imported

    assert "Posts → stories: 6 created, 0 updated, 0 unchanged, 0 skipped, 0 failed" in counts
    assert "Pages: 2 created" in counts
    assert "Images: 2 created" in counts
    assert "comments: 1" in counts and "menu items: 1" in counts
    assert "“wpcf7_contact_form” items" in counts
    assert "posts in the bin: 1" in counts and "posts that were auto-drafts: 1" in counts


def test_a_second_run_changes_nothing_and_creates_nothing_twice(imported, uploads):
    before = (Story.objects.count(), Image.objects.count(), Redirect.objects.count())

    counts, _ = run_import(NETWORK_NEWS, "--uploads", str(uploads))

    assert "Posts → stories: 0 created, 0 updated, 6 unchanged" in counts
    assert "Pages: 0 created, 0 updated, 2 unchanged" in counts
    assert "Images: 0 created, 0 updated" in counts
    assert (Story.objects.count(), Image.objects.count(), Redirect.objects.count()) == before


def test_a_second_run_updates_what_changed_in_wordpress(write_export):
    run_import(write_export(wxr(post(1, "Sports day"))))

    counts, _ = run_import(write_export(wxr(post(1, "Sports day moved to Friday"))))

    assert "0 created, 1 updated" in counts
    assert Story.objects.get().title == "Sports day moved to Friday"


def test_a_story_edited_here_is_not_overwritten(write_export):
    run_import(write_export(wxr(post(1, "Sports day"))))
    edited = Story.objects.get()
    edited.title = "Sports day (edited by the network)"
    edited.save()

    counts, notes = run_import(write_export(wxr(post(1, "Sports day moved to Friday"))))

    assert "1 skipped" in counts
    assert "edited here since the last import" in notes
    assert Story.objects.get().title == "Sports day (edited by the network)"


def test_overwrite_replaces_edits_made_here(write_export):
    run_import(write_export(wxr(post(1, "Sports day"))))
    Story.objects.get().save()

    run_import(write_export(wxr(post(1, "Sports day moved to Friday"))), "--overwrite")

    assert Story.objects.get().title == "Sports day moved to Friday"


def test_a_story_deleted_here_stays_deleted(write_export):
    export = write_export(wxr(post(1, "Sports day")))
    run_import(export)
    Story.objects.get().delete()

    counts, notes = run_import(export)

    assert not Story.objects.exists()
    assert "deleted here since the last import" in notes


def test_a_dry_run_reports_and_changes_nothing(uploads, media_root):
    counts, _ = run_import(NETWORK_NEWS, "--uploads", str(uploads), "--dry-run")

    assert "Posts → stories: 6 created" in counts
    assert "Dry run: nothing was changed." in counts
    assert not Story.objects.exists() and not Page.objects.exists()
    assert not Image.objects.exists() and not Redirect.objects.exists()
    assert not any(path.is_file() for path in media_root.parent.rglob("images/*/*"))


def test_an_import_is_kept_in_the_story_s_history(imported):
    from articles.revisions import versions_of

    assert versions_of(story(101)).first().revision.comment == "Imported from WordPress (post 101)."


SURFACES = {
    "front page": "/",
    "news list": "/news/",
    "tag page": "/news/tag/safeguarding/",
    "section page": "/news/section/policy-funding/",
    "search": "/search/?q=budget",
    "rss feed": "/news/feed/",
    "sitemap": "/sitemap-stories.xml",
}


@pytest.mark.parametrize("surface", SURFACES)
@pytest.mark.parametrize("viewer", ["anonymous", "non_member"])
def test_a_private_post_is_on_no_surface_for_non_members(
    imported, client, request, surface, viewer
):
    if viewer != "anonymous":
        client.force_login(request.getfixturevalue(viewer))

    response = client.get(SURFACES[surface])

    assert response.status_code == 200
    assert "MBR-WP-TITLE-4d2e" not in response.content.decode()
    assert "MEMBERS-WP-BODY-4d2e" not in response.content.decode()


@pytest.mark.parametrize("surface", ["front page", "news list", "tag page", "section page"])
def test_a_private_post_is_listed_for_members(imported, client, member, surface):
    client.force_login(member)

    assert "MBR-WP-TITLE-4d2e" in client.get(SURFACES[surface]).content.decode()


def test_a_private_post_s_page_gives_members_the_text_and_others_a_teaser(imported, client, member):
    address = story(103).get_absolute_url()

    teaser = client.get(address).content.decode()
    client.force_login(member)
    whole = client.get(address).content.decode()

    assert "MEMBERS-WP-BODY-4d2e" not in teaser and "This update is for members" in teaser
    assert "MEMBERS-WP-BODY-4d2e" in whole
