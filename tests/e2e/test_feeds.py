import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def stories(story_factory):
    return [
        story_factory(title="Choir sings at the town hall", standfirst="Forty voices FEED-7a1c."),
        story_factory(title="New library opens", tags=["reading"]),
    ]


@pytest.mark.parametrize("feed", ["/news/feed/", "/news/feed/atom/"])
def test_a_feed_opened_in_the_browser_reads_as_a_page(live_server, page, stories, feed):
    page.goto(live_server.url + feed)

    assert page.get_by_role("heading", level=1).inner_text().endswith("latest news")
    story = page.get_by_role("link", name="Choir sings at the town hall")
    assert story.get_attribute("href") == live_server.url + stories[0].get_absolute_url()
    assert page.get_by_text("Forty voices FEED-7a1c.").is_visible()
    assert page.get_by_role("link", name="What is a feed").get_attribute("href") == "/news/feeds/"


def test_copy_puts_a_feeds_address_on_the_clipboard(live_server, browser, stories):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = context.new_page()
    page.goto(live_server.url + "/news/feeds/")

    page.get_by_role("button", name="Copy the RSS address of Latest news").click()

    expect(page.get_by_role("status")).to_have_text("Copied the RSS address of Latest news.")
    assert page.evaluate("navigator.clipboard.readText()") == live_server.url + "/news/feed/"
    context.close()


def test_without_javascript_the_addresses_are_there_to_select(live_server, browser, stories):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/news/feeds/")

    address = page.get_by_role("textbox", name="RSS").first
    assert address.input_value() == live_server.url + "/news/feed/"
    assert page.get_by_role("button", name="Copy the RSS address of Latest news").count() == 0
    context.close()


def test_the_feeds_page_passes_axe(live_server, page, stories):
    page.goto(live_server.url + "/news/feeds/")

    results = Axe().run(page)

    assert results.violations_count == 0, results.generate_report()
