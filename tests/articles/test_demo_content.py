"""The demo's data files in demo/: every one loads, and a malformed one is named."""

import datetime
import io
import re
import shutil

import pytest
from django.conf import settings as project_settings
from django.core.management import CommandError, call_command

from articles import demo_data
from articles.models import Story
from members.models import School, User
from pages.demo import demo_pages

STORY = "17-scarbeck-primarys-sports-day-beats-the-rain-with-a-whole-school-relay-finish.html"


@pytest.fixture
def demo_dir(settings, tmp_path):
    """A copy of demo/ that a test may spoil."""
    copy = tmp_path / "demo"
    shutil.copytree(project_settings.DEMO_DIR, copy)
    settings.DEMO_DIR = copy
    return copy


def test_every_demo_file_loads():
    stories = demo_data.stories()
    story_files = sorted((project_settings.DEMO_DIR / "stories").glob("*"))
    page_files = sorted((project_settings.DEMO_DIR / "pages").glob("*"))

    assert [story.path for story in stories] == story_files
    assert len(demo_pages()) == len(page_files) == 5
    assert [section["slug"] for section in demo_data.sections()] == [
        "network-news",
        "policy-funding",
        "school-stories",
        "training-events",
    ]
    assert len(demo_data.schools()) == 7
    assert len({story.slug for story in stories}) == len(stories)
    assert all(story.body.startswith("<") and story.tags for story in stories)


def test_the_demo_holds_what_the_tests_and_the_readme_count_on():
    stories = demo_data.stories()
    now = datetime.timedelta(0)
    live = [s for s in stories if s.status == "published" and s.published < now]

    assert len(stories) == 35 and len(live) == 33
    assert all(story.illustration is not None for story in live)
    assert sum(story.visibility == "members" for story in stories) == 4
    assert [story.slug for story in stories if story.featured] == [
        "network-opens-shared-send-hub-as-families-wait-up-to-38-weeks-for-ehcps"
    ]
    review, scheduled = (s for s in stories if s not in live)
    assert review.status == "review" and review.published is None
    assert scheduled.status == "published" and scheduled.published == datetime.timedelta(days=5)


@pytest.mark.parametrize(
    ("when", "offset"),
    [
        ("2 days 3 hours ago", -datetime.timedelta(days=2, hours=3)),
        ("1 day ago", -datetime.timedelta(days=1)),
        ("5 hours ago", -datetime.timedelta(hours=5)),
        ("in 5 days", datetime.timedelta(days=5)),
    ],
)
def test_published_counts_days_and_hours_from_loading(demo_dir, when, offset):
    story = demo_dir / "stories" / STORY
    text = re.sub(r'(?m)^published = ".*"$', f'published = "{when}"', story.read_text())
    story.write_text(text)

    assert next(s for s in demo_data.stories() if s.path == story).published == offset


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda text: text.removeprefix("+++\n"), "front matter block"),
        (lambda text: text.replace("\n+++\n", "\n", 2), "front matter block"),
        (lambda text: text.replace("title = ", "title: ", 1), "(at line 3, column 6)"),
        (lambda text: text.replace("byline = ", "writer = ", 1), "unknown field writer"),
        (lambda text: text.replace("standfirst = ", "# standfirst = ", 1), "'standfirst'"),
        (
            lambda text: text.replace('section = "school-stories"', 'section = "sport"'),
            "unknown section 'sport'",
        ),
        (lambda text: text.replace('visibility = "public"', 'visibility = "all"'), "'all'"),
        (lambda text: text.replace("illustration = 16", 'illustration = "16"'), "int"),
        (lambda text: text.replace("tags = [", 'tags = ["", '), "tags"),
        (lambda text: text.replace(" days ", " weeks ", 1), "published"),
        (lambda text: text.replace(" ago", "", 1), "published"),
        (lambda text: text.split("\n+++\n")[0] + "\n+++\n\n", "body"),
    ],
)
def test_a_malformed_story_is_named_with_its_problem(demo_dir, change, problem):
    story = demo_dir / "stories" / STORY
    story.write_text(change(story.read_text(encoding="utf-8")), encoding="utf-8")

    with pytest.raises(demo_data.DemoDataError) as raised:
        demo_data.stories()

    assert str(raised.value).startswith(f"{story}: ")
    assert problem in str(raised.value)


def test_a_misnamed_story_file_is_named(demo_dir):
    (demo_dir / "stories" / STORY).rename(demo_dir / "stories" / "Sports Day.html")

    with pytest.raises(demo_data.DemoDataError, match="Sports Day.html: name it NN-slug.html"):
        demo_data.stories()


def test_a_malformed_data_file_is_named(demo_dir):
    schools = demo_dir / "schools.toml"
    schools.write_text(schools.read_text().replace("[[school]]", "[[schools]]", 1))

    with pytest.raises(demo_data.DemoDataError, match="schools.toml: expected only"):
        demo_data.schools()


@pytest.mark.django_db
def test_load_demo_names_the_malformed_file_and_changes_nothing(demo_dir, development):
    story = demo_dir / "stories" / STORY
    story.write_text(story.read_text().replace("title = ", "title := ", 1))

    with pytest.raises(CommandError, match=f"{STORY}: the front matter is not valid TOML"):
        call_command("load_demo", stdout=io.StringIO())

    assert not School.objects.exists()
    assert not User.objects.exists()
    assert not Story.objects.exists()


@pytest.mark.django_db
def test_load_demo_pages_names_the_malformed_file(demo_dir, development):
    page = demo_dir / "pages" / "04-privacy.html"
    page.write_text(page.read_text().replace("in_footer = true", 'in_footer = "yes"'))

    with pytest.raises(CommandError, match="04-privacy.html: in_footer should be bool"):
        call_command("load_demo_pages", stdout=io.StringIO())
