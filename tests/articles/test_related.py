import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from taggit.models import Tag

from articles import counts
from articles.models import (
    AutomaticPick,
    RelatedPick,
    Section,
    Status,
    Story,
    TaggedStory,
    Visibility,
)
from articles.related import (
    LATEST_FALLBACK,
    MANUAL,
    SECTION_FALLBACK,
    SHARED_TAGS,
    refresh_all_boxes,
    refresh_boxes,
    similar_news,
    tag_weights,
)

pytestmark = pytest.mark.django_db

ANONYMOUS = AnonymousUser()
DAY = datetime.timedelta(days=1)


def titles(suggestions):
    return [s.story.title for s in suggestions]


def days_ago(n):
    return timezone.now() - n * DAY


@pytest.fixture
def corpus(story_factory, other_section):
    """A labelled newsroom: SEND funding stories, a sports day, and many 'schools' stories."""
    stories = {
        "send hub": story_factory(
            title="SEND hub opens", tags=["send", "funding", "schools"], published_at=days_ago(2)
        ),
        "send deficit": story_factory(
            title="High-needs deficit",
            tags=["send", "funding", "budgets"],
            section=other_section,
            published_at=days_ago(40),
        ),
        "ehcp waits": story_factory(
            title="EHCP waits lengthen", tags=["send", "ehcp"], published_at=days_ago(60)
        ),
        "sports day": story_factory(
            title="Sports day relay", tags=["sport", "schools"], published_at=days_ago(1)
        ),
    }
    for n in range(8):
        story_factory(
            title=f"Schools story {n}",
            tags=["schools", f"topic-{n}"],
            published_at=days_ago(10 + n),
        )
    return stories


def test_send_funding_stories_relate_to_each_other_before_a_sports_day_story(corpus):
    box = similar_news(corpus["send hub"], ANONYMOUS)

    assert titles(box)[:2] == ["High-needs deficit", "EHCP waits lengthen"]
    assert "Sports day relay" not in titles(box)[:2]


def test_automatic_pick_explains_its_shared_tags_and_score(corpus):
    first = similar_news(corpus["send hub"], ANONYMOUS, explain=True)[0]

    assert first.reason == SHARED_TAGS
    assert [name for name, _ in first.shared_tags] == ["funding", "send"]
    assert first.score > sum(weight for _, weight in first.shared_tags)  # plus the date term
    assert first.days_apart == 38


def test_rare_tag_outranks_a_common_one_even_with_section_and_date_in_its_favour(
    story_factory, other_section
):
    story = story_factory(title="Anchor", tags=["orchestra", "schools"])
    story_factory(
        title="Rare match", tags=["orchestra"], section=other_section, published_at=days_ago(400)
    )
    story_factory(title="Common match", tags=["schools"])
    for n in range(10):
        story_factory(title=f"Filler {n}", tags=["schools"], published_at=days_ago(500 + n))

    assert titles(similar_news(story, ANONYMOUS))[:2] == ["Rare match", "Common match"]


def test_same_section_breaks_an_otherwise_equal_score(story_factory, section, other_section):
    story = story_factory(title="Anchor", tags=["music"], published_at=days_ago(10))
    story_factory(
        title="Other section", tags=["music"], section=other_section, published_at=days_ago(5)
    )
    story_factory(title="Same section", tags=["music"], section=section, published_at=days_ago(5))

    assert titles(similar_news(story, ANONYMOUS))[:2] == ["Same section", "Other section"]


def test_an_archive_story_relates_to_stories_of_its_own_time_first(story_factory):
    archive = story_factory(title="2019 concert", tags=["music"], published_at=days_ago(7 * 365))
    story_factory(title="Recent concert", tags=["music"], published_at=days_ago(3))
    story_factory(title="2019 rehearsal", tags=["music"], published_at=days_ago(7 * 365 - 20))

    assert titles(similar_news(archive, ANONYMOUS))[:2] == ["2019 rehearsal", "Recent concert"]


def test_equal_scores_go_to_the_newer_story(story_factory):
    story = story_factory(title="Anchor", tags=["music"], published_at=days_ago(10))
    story_factory(title="Older", tags=["music"], published_at=days_ago(15))
    story_factory(title="Newer", tags=["music"], published_at=days_ago(5))

    assert titles(similar_news(story, ANONYMOUS))[:2] == ["Newer", "Older"]


def pick(story, *picks):
    for order, chosen in enumerate(picks):
        RelatedPick.objects.create(story=story, pick=chosen, order=order)


def test_manual_picks_come_first_in_the_editors_order(corpus, story_factory):
    unrelated_old = story_factory(title="Unrelated old", tags=["trips"], published_at=days_ago(300))
    pick(corpus["send hub"], unrelated_old, corpus["sports day"])

    box = similar_news(corpus["send hub"], ANONYMOUS)

    assert titles(box) == ["Unrelated old", "Sports day relay", "High-needs deficit"]
    assert [s.reason for s in box] == [MANUAL, MANUAL, SHARED_TAGS]


def test_a_manual_pick_is_not_repeated_by_the_automatic_picks(corpus):
    pick(corpus["send hub"], corpus["send deficit"])

    box = titles(similar_news(corpus["send hub"], ANONYMOUS))

    assert box.count("High-needs deficit") == 1
    assert len(box) == len(set(box)) == 3


def test_member_only_manual_pick_is_skipped_for_the_public_and_shown_to_members(
    corpus, story_factory, member, non_member
):
    secret = story_factory(title="Pay consultation", tags=["trips"], visibility=Visibility.MEMBERS)
    pick(corpus["send hub"], secret)

    assert "Pay consultation" not in titles(similar_news(corpus["send hub"], ANONYMOUS))
    assert "Pay consultation" not in titles(similar_news(corpus["send hub"], non_member))
    assert titles(similar_news(corpus["send hub"], member))[0] == "Pay consultation"


@pytest.mark.parametrize(
    "fields",
    [{"status": Status.DRAFT}, {"published_at": timezone.now() + 3 * DAY}],
    ids=["draft", "scheduled"],
)
def test_unpublished_stories_never_appear_even_when_picked(
    corpus, story_factory, staff_user, fields
):
    hidden = story_factory(title="Not live", tags=["send", "funding", "schools"], **fields)
    pick(corpus["send hub"], hidden)

    for viewer in (ANONYMOUS, staff_user):
        assert "Not live" not in titles(similar_news(corpus["send hub"], viewer))


@pytest.mark.parametrize("viewer", ["anonymous", "non_member", "expired_member"])
def test_member_only_stories_sharing_tags_reach_no_one_but_members(
    request, corpus, story_factory, member_school, viewer
):
    story_factory(
        title="Members SEND briefing",
        tags=["send", "funding", "schools"],
        visibility=Visibility.MEMBERS,
        published_at=days_ago(2),
    )
    if viewer == "anonymous":
        user = ANONYMOUS
    elif viewer == "non_member":
        user = request.getfixturevalue("non_member")
    else:
        user = request.getfixturevalue("member")
        member_school.membership_expires = timezone.localdate() - DAY
        member_school.save()
        user.refresh_from_db()

    assert "Members SEND briefing" not in titles(similar_news(corpus["send hub"], user))


def test_member_sees_member_only_stories_sharing_tags(corpus, story_factory, member):
    story_factory(
        title="Members SEND briefing",
        tags=["send", "funding", "schools"],
        visibility=Visibility.MEMBERS,
        published_at=days_ago(2),
    )

    assert titles(similar_news(corpus["send hub"], member))[0] == "Members SEND briefing"


def test_never_suggest_story_is_not_picked_automatically(corpus, story_factory):
    story_factory(title="Correction", tags=["send", "funding", "schools"], never_suggest=True)

    assert "Correction" not in titles(similar_news(corpus["send hub"], ANONYMOUS))


def test_never_suggest_story_can_still_be_picked_by_hand(corpus, story_factory):
    correction = story_factory(title="Correction", tags=["send"], never_suggest=True)
    pick(corpus["send hub"], correction)

    assert titles(similar_news(corpus["send hub"], ANONYMOUS))[0] == "Correction"


def test_fallback_fills_the_box_with_the_same_section_then_the_latest(
    story_factory, section, other_section
):
    story = story_factory(title="Anchor", tags=["unique-topic"])
    story_factory(title="Latest elsewhere", section=other_section, published_at=days_ago(1))
    story_factory(title="Same section", section=section, published_at=days_ago(20))
    story_factory(title="Older elsewhere", section=other_section, published_at=days_ago(30))

    box = similar_news(story, ANONYMOUS)

    assert titles(box) == ["Same section", "Latest elsewhere", "Older elsewhere"]
    assert [s.reason for s in box] == [SECTION_FALLBACK, LATEST_FALLBACK, LATEST_FALLBACK]


def test_fewer_than_three_other_stories_give_a_smaller_box(story_factory):
    story = story_factory(tags=["music"])
    story_factory(tags=["music"])

    assert len(similar_news(story, ANONYMOUS)) == 1


def test_a_lone_story_gets_an_empty_box(story_factory):
    assert similar_news(story_factory(tags=["music"]), ANONYMOUS) == []


def test_the_box_never_holds_the_story_itself(corpus):
    pick_self = corpus["send hub"]

    assert pick_self.title not in titles(similar_news(pick_self, ANONYMOUS))


def test_tag_weights_follow_rarity_and_update_after_retagging(story_factory):
    stories = [story_factory(tags=["common", "rare" if n == 0 else "filler"]) for n in range(6)]
    common, rare = Tag.objects.get(name="common"), Tag.objects.get(name="rare")
    before = tag_weights([common.id, rare.id])

    for story in stories[1:]:
        story.tags.add("rare")
    after = tag_weights([rare.id])

    assert before[rare.id] > before[common.id]
    assert after[rare.id] == pytest.approx(before[common.id])


def test_unpublishing_a_story_takes_it_out_of_other_boxes(corpus):
    corpus["send deficit"].status = Status.DRAFT
    corpus["send deficit"].save()

    assert "High-needs deficit" not in titles(similar_news(corpus["send hub"], ANONYMOUS))


def test_making_a_story_members_only_takes_it_out_of_public_boxes(corpus, member):
    corpus["send deficit"].visibility = Visibility.MEMBERS
    corpus["send deficit"].save()

    assert "High-needs deficit" not in titles(similar_news(corpus["send hub"], ANONYMOUS))
    assert "High-needs deficit" in titles(similar_news(corpus["send hub"], member))


def test_a_new_story_sharing_rare_tags_enters_the_box_of_an_older_one(corpus, story_factory):
    story_factory(title="SEND funding review", tags=["send", "funding"], published_at=days_ago(3))

    assert titles(similar_news(corpus["send hub"], ANONYMOUS))[0] == "SEND funding review"


def test_a_scheduled_story_joins_boxes_when_it_goes_live_with_nothing_saved(
    corpus, story_factory, monkeypatch
):
    goes_live = timezone.now() + datetime.timedelta(minutes=30)
    story_factory(title="SEND plan", tags=["send", "funding", "schools"], published_at=goes_live)
    assert "SEND plan" not in titles(similar_news(corpus["send hub"], ANONYMOUS))

    an_hour_later = goes_live + datetime.timedelta(minutes=30)
    monkeypatch.setattr("articles.models.timezone.now", lambda: an_hour_later)

    assert titles(similar_news(corpus["send hub"], ANONYMOUS))[0] == "SEND plan"


def test_ranking_every_box_at_once_gives_the_boxes_ranked_one_by_one(corpus):
    def kept():
        return list(
            AutomaticPick.objects.order_by("story", "audience", "rank").values_list(
                "story", "audience", "rank", "pick", "score"
            )
        )

    refresh_boxes(Story.objects.values_list("pk", flat=True))
    one_by_one = kept()
    refresh_all_boxes()

    assert kept() == one_by_one


def bulk_seed(count, section):
    """Many live stories quickly: bulk inserts with their tag rows."""
    tags = [Tag.objects.get_or_create(name=f"bulk-{n}", slug=f"bulk-{n}")[0] for n in range(20)]
    now = timezone.now()
    stories = Story.objects.bulk_create(
        Story(
            title=f"Bulk {n}",
            slug=f"bulk-{n}-{count}",
            standfirst="S",
            section=section,
            status=Status.PUBLISHED,
            published_at=now - (n + 1) * datetime.timedelta(hours=3),
        )
        for n in range(count)
    )
    TaggedStory.objects.bulk_create(
        TaggedStory(
            content_object=story,
            tag=tags[(n + k) % 20],
            status=story.status,
            visibility=story.visibility,
            published_at=story.published_at,
            section_id=story.section_id,
        )
        for n, story in enumerate(stories)
        for k in (0, 3, 7)
    )
    counts.recount_all()  # bulk_create bypasses save(), which keeps the counts
    return stories


@pytest.mark.parametrize("viewer", ["anonymous", "member"])
def test_the_box_costs_the_same_queries_with_10_and_1000_stories(
    request, section, story_factory, viewer
):
    user = ANONYMOUS if viewer == "anonymous" else request.getfixturevalue("member")
    costs = []
    for size in (10, 1000):
        Story.objects.all().delete()
        bulk_seed(size, section)
        story = story_factory(tags=["bulk-1", "bulk-5", "bulk-9"], published_at=days_ago(2))
        pick(story, Story.objects.exclude(pk=story.pk).first())
        story = Story.objects.prefetch_related("tags").get(pk=story.pk)
        with CaptureQueriesContext(connection) as queries:
            box = similar_news(story, user)
        assert len(box) == 3
        costs.append(len(queries))

    # manual picks, the kept box's cards, the manual pick's card
    assert costs == [3, 3]


def test_a_section_with_one_story_still_fills_the_box_from_the_latest(story_factory):
    lonely = Section.objects.create(name="Lonely", slug="lonely")
    story = story_factory(section=lonely)
    for _ in range(4):
        story_factory()

    assert len(similar_news(story, ANONYMOUS)) == 3


def test_a_stale_tag_index_still_cannot_leak_a_member_story(corpus):
    # A bulk update bypasses Story.save(), leaving the tag rows' copy public.
    Story.objects.filter(pk=corpus["send deficit"].pk).update(visibility=Visibility.MEMBERS)

    assert "High-needs deficit" not in titles(similar_news(corpus["send hub"], ANONYMOUS))


def test_a_story_pages_cached_box_drops_a_story_unpublished_since(client, corpus):
    page = corpus["send hub"].get_absolute_url()
    assert "High-needs deficit" in client.get(page).content.decode()

    corpus["send deficit"].status = Status.DRAFT
    corpus["send deficit"].save()

    assert "High-needs deficit" not in client.get(page).content.decode()


def test_a_members_cached_box_is_never_served_to_the_public(client, corpus, story_factory, member):
    story_factory(
        title="Members SEND briefing",
        tags=["send", "funding", "schools"],
        visibility=Visibility.MEMBERS,
        published_at=days_ago(2),
    )
    page = corpus["send hub"].get_absolute_url()
    client.force_login(member)
    assert "Members SEND briefing" in client.get(page).content.decode()

    client.logout()

    assert "Members SEND briefing" not in client.get(page).content.decode()


def test_the_story_page_shows_the_editors_picks_first(client, story_factory):
    story = story_factory(tags=["sport"])
    [story_factory(tags=["sport"]) for _ in range(3)]
    picked = story_factory(title="Picked by hand PICK-2b9e")
    pick(story, picked)

    html = client.get(story.get_absolute_url()).content.decode()

    box = html[html.index('id="similar-heading"') :]
    assert box.index("PICK-2b9e") < box.index("</section>")
    assert box.index("PICK-2b9e") == min(box.index(t) for t in ["PICK-2b9e", "Story number"])
