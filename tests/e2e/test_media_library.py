"""The media library in Chromium: an editor uploads photos and a PDF, builds a
story from them (hero, body figures, gallery, downloads) and a reader sees it
whole; a member-only page's document reaches members only; and the pages
involved have no accessibility violations."""

import re
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image
from playwright.sync_api import expect

from articles.models import Download, GalleryPhoto, Status, Story
from library.models import Document
from library.models import Image as LibraryImage
from pages.models import Page
from tests.conftest import PASSWORD
from tests.e2e.conftest import admin_log_in

pytestmark = pytest.mark.django_db(transaction=True)

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
VIDEO = "https://www.youtube.com/watch?v=aqz-KE-bpKQ"

PHOTOS = [
    # (file, title, alt, caption, colour)
    ("cairn.jpg", "Summit cairn HERO-5b1c", "Pupils around the summit cairn", "", (30, 110, 140)),
    (
        "map.jpg",
        "Map reading FIG1-8d2e",
        "Two pupils reading a map on a stile",
        "Map reading before the climb",
        (140, 60, 30),
    ),
    (
        "flask.jpg",
        "Hot chocolate FIG2-0a7f",
        "A teacher pouring hot chocolate from a flask",
        "Hot chocolate at the top",
        (60, 140, 60),
    ),
    ("descent.jpg", "Descent GAL-3c9d", "The group walking down in a line", "", (90, 90, 160)),
]


def jpeg_file(path, colour) -> str:
    Image.new("RGB", (800, 450), colour).save(path, "JPEG")
    return str(path)


def log_in(page, live_server, person):
    """Log ``person`` in by session cookie, when logging in is not what is tested."""
    client = Client()
    client.force_login(person)
    name = settings.SESSION_COOKIE_NAME
    page.context.add_cookies(
        [{"name": name, "value": client.cookies[name].value, "url": live_server.url}]
    )


def assert_accessible(page):
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def failed_responses(page) -> list:
    """Every response of 400 or more the page gets, and every request that failed."""
    failures = []
    page.on("response", lambda r: r.status >= 400 and failures.append((r.status, r.url)))
    page.on("requestfailed", lambda r: failures.append((r.failure, r.url)))
    return failures


def only_our_server(page, live_server):
    """Abort requests leaving the live server: nothing waits on a network."""
    own = urlsplit(live_server.url).netloc
    page.route(
        "**/*",
        lambda route: (
            route.continue_() if urlsplit(route.request.url).netloc == own else route.abort()
        ),
    )


def broken_images(page) -> list[str]:
    """Each image on the page is brought into view (they load lazily), then those
    that did not load are listed."""
    for image in page.locator("img").all():
        image.scroll_into_view_if_needed()
    page.wait_for_function("[...document.images].every(img => img.complete)")
    return page.evaluate(
        "[...document.images].filter(img => !(img.naturalWidth > 0))"
        ".map(img => img.currentSrc || img.src)"
    )


def choose_in_autocomplete(page, select, words, option_text):
    page.click(f"{select} + .select2")
    page.fill(".select2-container--open .select2-search__field", words)
    page.locator(".select2-results__option", has_text=option_text).click()


def upload_photo(page, live_server, path, title, alt, caption):
    page.goto(live_server.url + "/admin/library/image/add/")
    page.set_input_files("#id_upload", path)
    page.fill("#id_title", title)
    page.fill("#id_alt", alt)
    page.fill("#id_caption", caption)
    page.fill("#id_credit", "Year 5 staff")
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/library/image/")


def upload_document(page, live_server, path, title):
    page.goto(live_server.url + "/admin/library/document/add/")
    page.set_input_files("#id_upload", path)
    page.fill("#id_title", title)
    page.fill("#id_description", "Routes, kit list and timings.")
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/library/document/")


def figure_dialog(page):
    page.locator(".prose-menubar button[data-name=figure]").click()
    dialog = page.locator("dialog.prose-editor-dialog[open]")
    dialog.wait_for()
    return dialog


def insert_figure_by_url(page, image, caption):
    """The Figure dialog, filled by hand with the library image's address."""
    dialog = figure_dialog(page)
    dialog.locator("input[name=imageUrl]").fill(image.url)
    dialog.locator("input[name=altText]").fill(image.alt)
    dialog.locator("input[name=caption]").fill(caption)
    dialog.get_by_role("button", name="Insert", exact=True).click()
    dialog.wait_for(state="detached")


def add_inline_row(page, group, select_suffix, words, option_text, order):
    index = page.locator(f"#{group}-group tr.form-row:not(.empty-form)").count()
    page.locator(f"#{group}-group .add-row a").click()
    choose_in_autocomplete(page, f"#id_{group}-{index}-{select_suffix}", words, option_text)
    page.fill(f"#id_{group}-{index}-order", str(order))


def test_an_editor_builds_a_story_with_a_hero_two_body_figures_a_gallery_and_a_pdf(
    live_server, browser, page, editor, section, tmp_path
):
    admin_log_in(page, live_server, editor, PASSWORD)
    for file, title, alt, caption, colour in PHOTOS:
        upload_photo(page, live_server, jpeg_file(tmp_path / file, colour), title, alt, caption)
    pdf = tmp_path / "fell-walk-kit-list.pdf"
    pdf.write_bytes(PDF)
    upload_document(page, live_server, str(pdf), "Fell walk kit list DOC-6e2a")
    hero, first, second, gallery = (
        LibraryImage.objects.get(title=title) for _, title, *_ in PHOTOS
    )

    page.goto(live_server.url + "/admin/articles/story/add/")
    page.fill("#id_title", "Year 5 climb Pendle Hill")
    page.fill("#id_standfirst", "Thirty pupils reached the summit in the sunshine.")
    assert page.input_value("#id_slug") == "year-5-climb-pendle-hill"  # made from the title
    page.select_option("#id_section", label=section.name)
    choose_in_autocomplete(page, "#id_hero", "HERO-5b1c", "Summit cairn")
    body = page.locator(".ProseMirror[contenteditable=true]")
    body.click()
    page.keyboard.type("The walk began at Barley at nine o'clock. BODY-TEXT-41c7")
    page.keyboard.press("Enter")
    page.keyboard.type("At the top there was hot chocolate for everyone.")
    # By address here; the Browse... picker has a test of its own below.
    for paragraph, image in ((0, first), (1, second)):
        body.locator("p").nth(paragraph).click()
        page.keyboard.press("End")
        insert_figure_by_url(page, image, image.caption)
    add_inline_row(page, "gallery", "image", "GAL-3c9d", "Descent", 1)
    add_inline_row(page, "gallery", "image", "FIG1-8d2e", "Map reading", 2)
    add_inline_row(page, "downloads", "document", "DOC-6e2a", "Fell walk kit list", 1)
    page.click("input[name=_publish]")
    page.wait_for_url("**/admin/articles/story/")

    story = Story.objects.get(slug="year-5-climb-pendle-hill")
    assert story.status == Status.PUBLISHED and story.is_live and story.hero == hero
    reader = browser.new_context().new_page()
    failures = failed_responses(reader)
    reader.goto(live_server.url + story.get_absolute_url())

    hero_image = reader.locator(".story__hero img")
    assert hero_image.get_attribute("alt") == hero.alt
    assert reader.get_by_text("BODY-TEXT-41c7").is_visible()
    figures = reader.locator(".prose figure")
    assert figures.count() == 2
    assert [figures.nth(i).locator("picture img").get_attribute("alt") for i in range(2)] == [
        first.alt,
        second.alt,
    ]
    assert figures.locator("figcaption .caption").all_inner_texts() == [
        "Map reading before the climb",
        "Hot chocolate at the top",
    ]
    assert figures.locator("figcaption .credit").all_inner_texts() == ["Photo: Year 5 staff"] * 2
    photos = reader.locator(".gallery__grid li img")
    assert [photos.nth(i).get_attribute("alt") for i in range(photos.count())] == [
        gallery.alt,
        first.alt,
    ]
    download = reader.locator(".downloads__list li")
    assert download.count() == 1
    assert download.get_by_role("link").inner_text() == "Fell walk kit list DOC-6e2a"
    assert re.fullmatch(r"\(PDF, .+\)", download.locator(".downloads__meta").inner_text())
    pdf_response = reader.request.get(
        live_server.url + download.get_by_role("link").get_attribute("href")
    )
    assert (pdf_response.status, pdf_response.body()) == (200, PDF)
    assert broken_images(reader) == []
    reader.wait_for_load_state("networkidle")
    assert failures == []
    reader.context.close()


def test_the_figure_dialog_s_browse_button_fills_it_from_the_library_picker(
    live_server, page, editor, image_factory
):
    photo = image_factory(
        title="Map reading PICK-2b7e",
        alt="Two pupils reading a map on a stile",
        caption="Map reading before the climb",
    )
    log_in(page, live_server, editor)
    page.goto(live_server.url + "/admin/articles/story/add/")
    page.locator(".ProseMirror[contenteditable=true]").click()
    page.keyboard.type("The walk began at Barley.")

    dialog = figure_dialog(page)
    with page.expect_popup() as popup:
        dialog.get_by_role("button", name="Browse...").click()
    picker = popup.value
    picker.wait_for_load_state()
    with picker.expect_event("close"):
        picker.get_by_role("button", name=f"Insert {photo.title}").click(timeout=5000)

    assert dialog.locator("input[name=imageUrl]").input_value() == photo.url
    assert dialog.locator("input[name=altText]").input_value() == photo.alt
    assert dialog.locator("input[name=caption]").input_value() == photo.caption
    dialog.get_by_role("button", name="Insert", exact=True).click()
    figure = page.locator(".ProseMirror figure")
    assert figure.locator("img").get_attribute("data-file") == str(photo.pk)
    assert figure.locator("figcaption").inner_text() == photo.caption


@pytest.fixture
def briefing_pack(db):
    document = Document(title="Heads' planning calendar DOC-9f1b")
    document.store(SimpleUploadedFile("calendar.pdf", PDF, content_type="application/pdf"))
    document.save()
    return document


def test_a_member_only_page_s_document_reaches_members_and_no_one_else(
    live_server, browser, page, editor, member, briefing_pack
):
    log_in(page, live_server, editor)
    page.goto(live_server.url + "/admin/pages/page/add/")
    page.fill("#id_title", "Heads' briefing pack")
    page.fill("#id_summary", "Dates and papers for headteachers of member schools.")
    body = page.locator(".ProseMirror[contenteditable=true]")
    body.click()
    page.keyboard.type("Download the planning calendar MEMBERS-PAGE-7c2d")
    page.keyboard.press("Shift+Home")
    # The menu enables "insert link" once the editor has seen the selection.
    link_button = page.locator(".prose-menubar button[data-name=link]")
    expect(link_button).not_to_have_class(re.compile(r"\bdisabled\b"))
    link_button.click()
    link_dialog = page.locator("dialog.prose-editor-dialog[open]")
    expect(link_dialog).to_be_visible()
    link_dialog.locator("input[name=href]").fill(briefing_pack.url)
    link_dialog.get_by_role("button", name="Update").click()
    page.select_option("#id_status", "published")
    page.select_option("#id_visibility", "members")
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/pages/page/")
    address = live_server.url + Page.objects.get(slug="heads-briefing-pack").get_absolute_url()
    document_url = live_server.url + briefing_pack.url

    anonymous = browser.new_context().new_page()
    anonymous.goto(address)
    assert anonymous.get_by_role("heading", name="This page is for members").is_visible()
    assert (
        "Dates and papers for headteachers" in anonymous.locator(".story__standfirst").inner_text()
    )
    assert "MEMBERS-PAGE-7c2d" not in anonymous.content()
    assert anonymous.request.get(document_url).status == 404
    anonymous.context.close()

    reader = browser.new_context().new_page()
    reader.goto(live_server.url + "/members/login/?next=" + urlsplit(address).path)
    reader.fill("#id_username", member.email)
    reader.fill("#id_password", PASSWORD)
    reader.get_by_role("button", name="Log in").click()
    reader.wait_for_url(address)
    link = reader.get_by_role("link", name="Download the planning calendar MEMBERS-PAGE-7c2d")
    assert link.get_attribute("href") == briefing_pack.url
    download = reader.request.get(live_server.url + link.get_attribute("href"))
    assert download.status == 200
    assert download.headers["content-type"] == "application/pdf"
    assert download.body() == PDF
    reader.context.close()


@pytest.fixture
def full_story(story_factory, image_factory):
    """A live story with a hero, a body figure followed by a video, a gallery and a PDF."""
    hero, figure, *gallery = (
        image_factory(caption=f"Caption of photo {n}", credit="Year 5 staff") for n in range(4)
    )
    story = story_factory(
        hero=hero,
        body=(
            "<p>The walk began at Barley.</p>"
            f'<figure><img src="{figure.url}" alt="{figure.alt}" data-file="{figure.pk}">'
            "<figcaption>Map reading before the climb</figcaption></figure>"
            f'<p><a href="{VIDEO}">Video</a></p>'
        ),
    )
    for order, image in enumerate(gallery):
        GalleryPhoto.objects.create(story=story, image=image, order=order)
    document = Document(title="Fell walk kit list")
    document.store(SimpleUploadedFile("kit.pdf", PDF, content_type="application/pdf"))
    document.save()
    Download.objects.create(story=story, document=document, order=1)
    return story


def test_a_video_after_a_body_figure_is_still_a_click_to_play_placeholder(
    live_server, page, full_story
):
    only_our_server(page, live_server)

    page.goto(live_server.url + full_story.get_absolute_url())

    assert page.locator(".prose figure picture").count() == 1
    page.get_by_role("button", name="Play video: Video").wait_for(timeout=5000)


def test_a_story_with_every_kind_of_library_item_has_no_accessibility_violations(
    live_server, page, full_story
):
    only_our_server(page, live_server)
    page.goto(live_server.url + full_story.get_absolute_url())
    page.get_by_role("button", name="Play video: Video").wait_for(timeout=5000)
    assert page.locator(".story__hero img, .prose figure picture, .gallery__grid li").count() == 4
    assert page.locator(".downloads__list li").count() == 1

    assert_accessible(page)


@pytest.mark.parametrize("screen", ["picker", "change form"])
def test_the_library_s_admin_screens_have_no_accessibility_violations(
    live_server, page, editor, image_factory, screen
):
    photo = image_factory(title="Summit cairn", caption="At the top", credit="Year 5 staff")
    image_factory(title="Map reading", decorative=True, alt="")
    log_in(page, live_server, editor)
    address = {
        "picker": "/admin/library/image/pick/?CKEditorFuncNum=1",
        "change form": f"/admin/library/image/{photo.pk}/change/",
    }[screen]

    page.goto(live_server.url + address)

    assert_accessible(page)
