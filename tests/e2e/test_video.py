"""Click-to-play videos in Chromium: nothing from YouTube until play, then its player."""

from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.django_db(transaction=True)

VIDEO_ID = "aqz-KE-bpKQ"
PLAYER = f"https://www.youtube-nocookie.com/embed/{VIDEO_ID}?autoplay=1"


@pytest.fixture
def story(story_factory):
    return story_factory(
        title="Animation workshops open for bookings",
        body=(
            "<p>Pupils will watch the film on the first morning.</p>"
            f'<p><a href="https://www.youtube.com/watch?v={VIDEO_ID}">The open film</a></p>'
            "<p>VIDEO-STORY-3e9a</p>"
        ),
    )


@pytest.fixture
def requests_seen(page, live_server):
    """Every request the page makes; any that leaves the live server is aborted,
    so that nothing waits on a network this machine may not have."""
    seen = []
    page.on("request", lambda request: seen.append(request.url))
    own = urlsplit(live_server.url).netloc

    def only_ours(route):
        if urlsplit(route.request.url).netloc == own:
            route.continue_()
        else:
            route.abort()

    page.route("**/*", only_ours)
    return seen


def elsewhere(urls, live_server):
    own = urlsplit(live_server.url).netloc
    return [url for url in urls if urlsplit(url).netloc != own]


def test_nothing_is_fetched_from_youtube_until_the_reader_presses_play(
    live_server, page, story, requests_seen
):
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    page.goto(live_server.url + story.get_absolute_url())
    page.wait_for_load_state("networkidle")

    play = page.get_by_role("button", name="Play video: The open film")
    assert play.is_visible()
    assert page.get_by_text("Plays from YouTube, which may set cookies.").is_visible()
    assert elsewhere(requests_seen, live_server) == []
    assert page.locator("iframe").count() == 0
    assert page.locator('link[rel~="preconnect"], link[rel~="dns-prefetch"]').count() == 0

    play.focus()
    page.keyboard.press("Enter")

    frame = page.locator(".video-embed iframe")
    frame.wait_for()
    assert frame.get_attribute("src") == PLAYER
    assert frame.get_attribute("title") == "YouTube video: The open film"
    assert frame.get_attribute("allow") == "autoplay; fullscreen; picture-in-picture"
    assert frame.get_attribute("allowfullscreen") is not None
    assert page.evaluate("document.activeElement.tagName") == "IFRAME"
    page.wait_for_timeout(200)
    # The player was asked for (the content policy let it through), and only it.
    assert {urlsplit(url).netloc for url in elsewhere(requests_seen, live_server)} == {
        "www.youtube-nocookie.com"
    }
    assert not [m for m in messages if "Content Security Policy" in m]


def test_without_javascript_the_placeholder_is_a_link_to_the_video(browser, live_server, story):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(live_server.url + story.get_absolute_url())

        link = page.get_by_role("link", name="Watch on YouTube: The open film")
        assert link.get_attribute("href") == f"https://www.youtube.com/watch?v={VIDEO_ID}"
        assert page.get_by_role("button", name="Play video: The open film").count() == 0
    finally:
        context.close()


def test_the_story_with_a_video_has_no_accessibility_violations(
    live_server, page, story, requests_seen
):
    page.goto(live_server.url + story.get_absolute_url())
    page.get_by_role("button", name="Play video: The open film").wait_for()

    results = Axe().run(page)

    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("width", [390, 1280])
def test_the_placeholder_keeps_its_shape_and_fits_the_screen(
    live_server, page, story, requests_seen, width
):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(live_server.url + story.get_absolute_url())

    box = page.locator(".video-embed__box").bounding_box()

    assert abs(box["width"] / box["height"] - 16 / 9) < 0.02
    assert page.evaluate("document.documentElement.scrollWidth") <= width
