import datetime
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Section, Status, Visibility

pytestmark = pytest.mark.django_db

LONDON = zoneinfo.ZoneInfo("Europe/London")
HOUR = datetime.timedelta(hours=1)


def test_front_page_leads_with_the_latest_featured_story(client, story_factory):
    story_factory(title="An ordinary newer story")
    story_factory(
        title="The featured lead FEATURED-7c1d",
        featured=True,
        published_at=timezone.now() - 48 * HOUR,
    )

    response = client.get(reverse("articles:home"))

    assert response.status_code == 200
    assert response.context["lead"].title == "The featured lead FEATURED-7c1d"
    html = response.content.decode()
    assert html.index("FEATURED-7c1d") < html.index("An ordinary newer story")


def test_front_page_lists_latest_news_without_repeating_the_lead(client, story_factory):
    lead = story_factory(featured=True)
    others = [story_factory() for _ in range(3)]

    response = client.get(reverse("articles:home"))

    assert list(response.context["stories"]) == others
    assert lead not in response.context["stories"]


def test_front_page_without_featured_story_leads_with_the_latest(client, story_factory):
    older = story_factory(published_at=timezone.now() - 5 * HOUR)
    newest = story_factory(published_at=timezone.now() - HOUR)

    response = client.get(reverse("articles:home"))

    assert response.context["lead"] == newest
    assert list(response.context["stories"]) == [older]


def test_front_page_with_no_stories_says_so(client, db):
    response = client.get(reverse("articles:home"))

    assert response.status_code == 200
    assert "No news has been published yet." in response.content.decode()


def test_news_list_shows_twelve_cards_a_page(client, story_factory):
    for _ in range(14):
        story_factory()

    first = client.get(reverse("articles:story-list"))
    second = client.get(reverse("articles:story-list"), {"page": 2})

    assert len(first.context["stories"]) == 12
    assert len(second.context["stories"]) == 2
    assert "Page 1 of 2" in first.content.decode()


def test_news_card_shows_date_badge_title_standfirst_and_read_story(client, story_factory):
    story_factory(
        title="Reading week returns",
        standfirst="Every school joins in STANDFIRST-2e9a.",
        published_at=datetime.datetime(2026, 1, 16, 10, 0, tzinfo=LONDON),
    )

    html = client.get(reverse("articles:story-list")).content.decode()

    assert (
        '<span class="date-badge__day">16</span> <span class="date-badge__month">Jan</span>' in html
    )
    assert "Reading week returns" in html
    assert "Every school joins in STANDFIRST-2e9a." in html
    assert ">Read story</a>" in html


def test_news_list_leaves_out_drafts_scheduled_and_member_stories(client, story_factory):
    story_factory(title="Visible PUBLIC-11aa")
    story_factory(title="Draft DRAFT-22bb", status=Status.DRAFT)
    story_factory(title="Scheduled SCHEDULED-33cc", published_at=timezone.now() + HOUR)
    story_factory(title="Members MEMBERS-44dd", visibility=Visibility.MEMBERS)

    html = client.get(reverse("articles:story-list")).content.decode()

    assert "PUBLIC-11aa" in html
    for marker in ("DRAFT-22bb", "SCHEDULED-33cc", "MEMBERS-44dd"):
        assert marker not in html


def test_story_page_shows_everything_a_reader_needs(client, story_factory, image_factory):
    story = story_factory(
        title="Calder Vale opens its library",
        standfirst="Pupils chose the books STANDFIRST-5f5f.",
        body="<p>The body text BODY-6a6a.</p>",
        byline="Priya Shah",
        published_at=datetime.datetime(2026, 3, 4, 9, 30, tzinfo=LONDON),
        hero=image_factory(
            alt="Children reading on beanbags ALT-7b7b",
            caption="The new reading corner",
            credit="Jo Bloggs",
        ),
        tags=["reading", "early years"],
    )

    response = client.get(story.get_absolute_url())
    html = response.content.decode()

    assert response.status_code == 200
    assert '<h1 class="story__title">Calder Vale opens its library</h1>' in html
    assert "Pupils chose the books STANDFIRST-5f5f." in html
    assert "The body text BODY-6a6a." in html
    assert "By Priya Shah" in html
    assert "4 March 2026" in html
    assert 'alt="Children reading on beanbags ALT-7b7b"' in html
    story.refresh_from_db()
    assert story.hero_picture["jpeg_srcset"] in html
    assert '<span class="caption">The new reading corner</span>' in html
    assert '<span class="credit"><span class="credit__label">Photo:</span> Jo Bloggs</span>' in html
    assert f'href="{reverse("articles:tag-detail", args=["early-years"])}">early years</a>' in html
    assert f'href="{story.section.get_absolute_url()}"' in html


def test_the_hero_s_caption_and_credit_are_separate_elements(client, story_factory, image_factory):
    story = story_factory(
        hero=image_factory(caption="Training day CAPTION-3e1f", credit="Network CREDIT-8a2c")
    )

    html = client.get(story.get_absolute_url()).content.decode()

    hero = html[html.index('<figure class="story__hero">') :]
    figcaption = hero[hero.index("<figcaption>") : hero.index("</figcaption>")]
    assert figcaption == (
        '<figcaption><span class="caption">Training day CAPTION-3e1f</span> '
        '<span class="credit"><span class="credit__label">Photo:</span> Network CREDIT-8a2c</span>'
    )


def test_a_hero_with_only_a_credit_has_no_empty_caption(client, story_factory, image_factory):
    story = story_factory(hero=image_factory(credit="Network CREDIT-5d0b"))

    html = client.get(story.get_absolute_url()).content.decode()

    assert (
        '<span class="credit"><span class="credit__label">Photo:</span> Network CREDIT-5d0b' in html
    )
    assert 'class="caption"' not in html


@pytest.mark.parametrize(
    "fields",
    [
        {"status": Status.DRAFT},
        {"published_at": timezone.now() + datetime.timedelta(days=1)},
    ],
    ids=["draft", "scheduled"],
)
def test_unpublished_story_page_is_not_found(client, story_factory, fields):
    story = story_factory(**fields)

    assert client.get(story.get_absolute_url()).status_code == 404


def test_member_story_shows_non_members_a_teaser_and_log_in_prompt(client, story_factory):
    story = story_factory(
        title="Pay policy consultation",
        standfirst="Members are asked for views TEASER-8c8c.",
        body="<p>MEMBERS-ONLY-7f3a</p>",
        visibility=Visibility.MEMBERS,
    )

    response = client.get(story.get_absolute_url())
    html = response.content.decode()

    assert response.status_code == 200
    assert "Pay policy consultation" in html
    assert "TEASER-8c8c" in html
    assert "MEMBERS-ONLY-7f3a" not in html
    assert '<meta name="robots" content="noindex">' in html
    assert f"?next={story.get_absolute_url()}" in html.replace("%2F", "/")


def test_member_story_shows_a_member_the_whole_story(client, story_factory, member):
    story = story_factory(body="<p>MEMBERS-ONLY-7f3a</p>", visibility=Visibility.MEMBERS)
    client.force_login(member)

    response = client.get(story.get_absolute_url())

    assert "MEMBERS-ONLY-7f3a" in response.content.decode()
    assert "private" in response["Cache-Control"]


def test_tag_page_lists_stories_with_that_tag_only(client, story_factory):
    story_factory(title="Tagged TAGGED-9d9d", tags=["send", "funding"])
    story_factory(title="Untagged OTHER-0e0e", tags=["sport"])

    response = client.get(reverse("articles:tag-detail", args=["send"]))
    html = response.content.decode()

    assert response.status_code == 200
    assert "Stories tagged “send”" in html
    assert "TAGGED-9d9d" in html
    assert "OTHER-0e0e" not in html


def test_section_page_lists_stories_of_that_section_only(
    client, story_factory, section, other_section
):
    story_factory(title="In section IN-1f1f", section=other_section)
    story_factory(title="Elsewhere OUT-2a2a", section=section)

    response = client.get(other_section.get_absolute_url())
    html = response.content.decode()

    assert response.status_code == 200
    assert "<h1>Policy &amp; funding</h1>" in html
    assert "IN-1f1f" in html
    assert "OUT-2a2a" not in html


@pytest.mark.parametrize(
    "url",
    [
        "/news/no-such-story/",
        "/news/tag/no-such-tag/",
        "/news/section/no-such-section/",
        "/no-such-page/",
    ],
)
def test_unknown_addresses_are_not_found(client, db, url):
    response = client.get(url)

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


@pytest.mark.parametrize("page", ["999", "0", "-1", "abc", "1.5", "\x00", "9" * 40])
def test_junk_page_numbers_are_not_found(client, story_factory, page):
    story_factory()

    assert client.get("/news/", {"page": page}).status_code == 404


def test_empty_page_number_gives_the_first_page(client, story_factory):
    story_factory(title="First page FIRST-3c3c")

    response = client.get("/news/", {"page": ""})

    assert response.status_code == 200
    assert "FIRST-3c3c" in response.content.decode()


@pytest.mark.parametrize("url_name", ["articles:tag-detail", "articles:section-detail"])
def test_junk_page_numbers_on_tag_and_section_pages_are_not_found(client, story_factory, url_name):
    story_factory(tags=["send"])
    slug = "send" if url_name == "articles:tag-detail" else "network-news"

    assert client.get(reverse(url_name, args=[slug]), {"page": "7"}).status_code == 404


def test_story_page_ends_with_a_similar_news_box_of_three_cards(client, story_factory):
    story = story_factory(tags=["send"])
    for n in range(4):
        story_factory(title=f"Related SIMILAR-{n}", tags=["send"])

    response = client.get(story.get_absolute_url())
    html = response.content.decode()

    assert '<h2 id="similar-heading" class="section-heading">Similar News</h2>' in html
    assert 'aria-labelledby="similar-heading"' in html
    assert len(response.context["similar"]) == 3
    assert html.count('class="card"') == 3


def test_story_page_without_other_stories_has_no_similar_news_box(client, story_factory):
    story = story_factory(tags=["send"])

    assert "Similar News" not in client.get(story.get_absolute_url()).content.decode()


def test_staff_get_an_edit_link_on_the_story_page(client, story_factory, staff_user):
    story = story_factory()
    edit = reverse("admin:articles_story_change", args=[story.pk])

    assert edit not in client.get(story.get_absolute_url()).content.decode()
    client.force_login(staff_user)
    assert edit in client.get(story.get_absolute_url()).content.decode()


def test_the_page_count_follows_a_new_story_at_once(client, story_factory):
    for _ in range(12):
        story_factory()
    assert "Page 1 of" not in client.get("/news/").content.decode()

    story_factory()

    assert "Page 1 of 2" in client.get("/news/").content.decode()


def test_members_and_the_public_get_their_own_page_counts(client, story_factory, member):
    for _ in range(12):
        story_factory()
    story_factory(visibility=Visibility.MEMBERS)
    assert "Page 1 of" not in client.get("/news/").content.decode()

    client.force_login(member)

    assert "Page 1 of 2" in client.get("/news/").content.decode()


def test_a_story_page_shows_an_edit_to_its_body_and_tags_at_once(client, story_factory):
    story = story_factory(body="<p>First draft FIRST-5a.</p>", tags=["music"])
    client.get(story.get_absolute_url())  # the story's fragments are now cached

    story.body = "<p>Corrected CORRECTED-5b.</p>"
    story.save()
    story.tags.set(["sport"])
    html = client.get(story.get_absolute_url()).content.decode()

    assert "CORRECTED-5b" in html and "FIRST-5a" not in html
    assert reverse("articles:tag-detail", args=["sport"]) in html
    assert reverse("articles:tag-detail", args=["music"]) not in html


def test_a_story_pages_social_links_follow_the_host_it_was_asked_for(client, story_factory):
    url = story_factory().get_absolute_url()

    first = client.get(url, headers={"Host": "localhost"}).content.decode()
    second = client.get(url, headers={"Host": "127.0.0.1"}).content.decode()

    assert f'<meta property="og:url" content="http://localhost{url}">' in first
    assert f'<meta property="og:url" content="http://127.0.0.1{url}">' in second


def test_a_new_section_appears_in_the_navigation_at_once(client, db, story_factory):
    story_factory()
    client.get(reverse("articles:home"))

    Section.objects.create(name="Governance", slug="governance")

    assert 'href="/news/section/governance/">Governance</a>' in (
        client.get(reverse("articles:home")).content.decode()
    )


def test_every_list_shows_an_edited_card_at_once(client, story_factory):
    story = story_factory(title="Old title OLD-6a", tags=["music"])
    lists = [reverse("articles:home"), reverse("articles:story-list"), "/news/tag/music/"]
    for url in lists:
        client.get(url)  # the cards are now cached

    story.title = "New title NEW-6b"
    story.save()

    for url in lists:
        html = client.get(url).content.decode()
        assert "NEW-6b" in html and "OLD-6a" not in html
