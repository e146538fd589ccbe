import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.files.uploadedfile import SimpleUploadedFile

from articles.demo_images import hero_image

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def newsroom(story_factory, image_factory):
    """Four stories with hero images and tags, one featured."""
    stories = []
    for index in range(4):
        content, alt = hero_image(index, "school-stories")
        photo = image_factory(
            upload=SimpleUploadedFile(f"hero-{index}.jpg", content, content_type="image/jpeg"),
            alt=alt,
        )
        story = story_factory(
            title=f"Reading corner number {index} opens",
            body=f"<h2>What happened</h2><p>Pupils chose the books BROWSER-BODY-{index}.</p>",
            tags=["reading", "schools"],
            featured=index == 0,
            byline="Priya Shah",
            hero=photo,
        )
        stories.append(story)
    return stories


def test_reader_follows_a_card_to_its_story_and_sees_body_and_hero_image(
    live_server, page, newsroom
):
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Reading corner number 2 opens", exact=True).click()

    page.wait_for_url("**/news/story-*/")
    assert page.get_by_role("heading", level=1).inner_text() == "Reading corner number 2 opens"
    assert page.get_by_text("BROWSER-BODY-2").is_visible()
    hero = page.locator(".story__hero img")
    assert hero.get_attribute("alt") == newsroom[2].hero.alt
    assert hero.evaluate("img => img.complete && img.naturalWidth > 0")
    assert hero.evaluate("img => img.currentSrc").endswith(".webp")  # a rendition, not the master


@pytest.mark.parametrize("path", ["/", "/news/", "story", "/news/tag/reading/"])
def test_page_has_no_accessibility_violations(live_server, page, newsroom, path):
    if path == "story":
        path = newsroom[1].get_absolute_url()
    page.goto(live_server.url + path)

    results = Axe().run(page)

    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("width", [390, 1280])
def test_page_fits_the_screen_without_sideways_scrolling(live_server, page, newsroom, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(live_server.url + newsroom[1].get_absolute_url())

    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("path", ["/", "story", "/search/?q=reading"])
def test_pages_run_under_the_content_security_policy_without_violations(
    live_server, page, newsroom, path
):
    if path == "story":
        path = newsroom[1].get_absolute_url()
    messages = []
    page.on("console", lambda message: messages.append(message.text))

    response = page.goto(live_server.url + path)

    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert not [m for m in messages if "Content Security Policy" in m]
