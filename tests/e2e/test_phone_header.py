"""The header on a 390 × 844 phone: a compact bar, the navigation behind a "Menu"
disclosure that works without JavaScript, search one tap away; from 60rem the full
header with the navigation always shown."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from articles.models import Section
from pages.models import Page, Status, Visibility
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}


@pytest.fixture
def newsroom(story_factory, section, other_section):
    """The demo's four sections, two pages in the header, and a story to read."""
    Section.objects.create(name="School stories", slug="school-stories", order=3)
    Section.objects.create(name="Training & events", slug="training-events", order=4)
    for order, title in enumerate(["About the network", "Contact us"]):
        Page.objects.create(
            title=title,
            slug=f"header-page-{order}",
            summary=f"Summary of {title}.",
            body="<p>Page body.</p>",
            status=Status.PUBLISHED,
            visibility=Visibility.PUBLIC,
            in_navigation=True,
            order=order,
        )
    return story_factory(title="Phone readers see the news first", featured=True)


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    yield context.new_page()
    context.close()


def nav_links(page):
    # Hidden links too: a role query skips a closed menu's navigation altogether.
    return page.get_by_role("navigation", name="Main", include_hidden=True).locator("a")


def menu(page):
    return page.locator(".site-header summary")


@pytest.mark.parametrize(
    ("viewer", "account_link"),
    [
        (None, "Member log-in"),
        ("member", "Members' area"),
        ("non_member", "reader@example.com"),  # no name: the email, cut short to fit
    ],
)
def test_the_phone_header_is_a_compact_bar(
    live_server, phone, newsroom, request, viewer, account_link
):
    if viewer:
        phone.goto(live_server.url + "/members/login/")
        phone.fill("#id_username", request.getfixturevalue(viewer).email)
        phone.fill("#id_password", PASSWORD)
        phone.get_by_role("button", name="Log in").click()
        phone.wait_for_url("**/members/")
    phone.goto(live_server.url + "/")

    assert phone.locator(".site-header").bounding_box()["height"] <= 120
    brand = phone.get_by_role("link", name="Pennine Schools Network")
    expect(brand).to_be_visible()
    expect(phone.get_by_role("link", name=account_link)).to_be_visible()
    expect(menu(phone)).to_be_visible()
    expect(menu(phone)).to_have_accessible_name("Menu")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_the_navigation_is_hidden_until_the_menu_is_opened(live_server, phone, newsroom):
    phone.goto(live_server.url + "/news/")
    links = nav_links(phone)
    assert links.count() == 7  # all news, four sections, two pages
    for index in range(links.count()):
        expect(links.nth(index)).to_be_hidden()

    menu(phone).tap()

    for index in range(links.count()):
        expect(links.nth(index)).to_be_visible()
    expect(phone.get_by_role("link", name="All news")).to_have_attribute("aria-current", "page")

    menu(phone).tap()

    expect(links.first).to_be_hidden()


def test_the_menu_opens_from_the_keyboard_with_focus_shown(live_server, phone, newsroom):
    phone.goto(live_server.url + "/")

    for _ in range(5):  # skip link, brand, then the menu
        phone.keyboard.press("Tab")
        if phone.evaluate("document.activeElement.tagName") == "SUMMARY":
            break
    summary = menu(phone)
    assert summary.evaluate("el => el === document.activeElement")
    assert summary.evaluate("el => el.matches(':focus-visible')")
    assert summary.evaluate("el => getComputedStyle(el).outlineStyle") == "solid"

    phone.keyboard.press("Enter")

    expect(nav_links(phone).first).to_be_visible()
    phone.keyboard.press("Tab")
    assert phone.evaluate("document.activeElement.textContent") == "All news"


def test_the_menu_works_without_javascript(live_server, browser, newsroom):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/")

    assert nav_links(page).count() == 7
    expect(nav_links(page).first).to_be_hidden()
    menu(page).click()
    expect(nav_links(page).first).to_be_visible()
    context.close()


def test_search_is_one_tap_away(live_server, phone, newsroom):
    phone.goto(live_server.url + "/")
    field = phone.get_by_role("searchbox", name="Search the news")
    box = field.bounding_box()
    assert box["y"] + box["height"] <= 120  # in the bar, no menu to open or page to scroll

    field.tap()

    assert field.evaluate("el => el === document.activeElement")
    phone.keyboard.type("reading")
    phone.get_by_role("button", name="Search", exact=True).tap()
    phone.wait_for_url("**/search/?q=reading")


@pytest.mark.parametrize("opened", [False, True])
def test_the_phone_header_has_no_accessibility_violations(live_server, phone, newsroom, opened):
    phone.goto(live_server.url + "/")
    if opened:
        menu(phone).tap()
        expect(nav_links(phone).first).to_be_visible()

    results = Axe().run(phone)

    assert results.violations_count == 0, results.generate_report()


def test_the_desktop_header_shows_the_navigation_without_a_menu(live_server, page, newsroom):
    page.set_viewport_size(DESKTOP)
    page.goto(live_server.url + "/")

    expect(menu(page)).to_be_hidden()
    links = nav_links(page)
    for index in range(links.count()):
        expect(links.nth(index)).to_be_visible()
    expect(page.get_by_role("button", name="Search", exact=True)).to_have_text("Search")
