"""Every public page is valid HTML, as the Nu Html Checker (vnu.jar) reads it.

The demo content is loaded and crawled with Django's test client: same-site
links followed from the front page (up to ``CRAWL_LIMIT`` pages), then the
pages no link reaches for an anonymous reader (search, a member-only story's
teaser, the 404 page) and the member's views. Every page is saved to a file and
the checker runs once over all of them: the JVM is slow to start.

vnu.jar comes from npm's ``vnu-jar`` package: ``.ci/run`` installs it into
``.ci/vnu`` (``npm install --prefix .ci/vnu vnu-jar``); ``VNU_JAR`` points at
another copy. Without Java or vnu.jar the test is skipped, unless
``REQUIRE_VNU=1`` (CI) makes that a failure.
"""

import datetime
import io
import json
import os
import shutil
import subprocess
from collections import defaultdict, deque
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qsl, urldefrag, urlencode, urljoin, urlsplit

import pytest
from django.conf import settings
from django.core.management import call_command
from django.template import Context, Template
from django.test import Client
from django.utils import timezone

from articles.models import Section, Story, Visibility
from members.models import User
from newsletter.models import Issue
from pages.models import Page

pytestmark = pytest.mark.django_db

VNU_JAR = Path(
    os.environ.get("VNU_JAR", settings.BASE_DIR / ".ci/vnu/node_modules/vnu-jar/build/dist/vnu.jar")
)
SITE = "http://testserver"  # the test client's
CRAWL_LIMIT = 80  # pages an anonymous reader reaches; a member's crawl goes half as far
# Not pages: the admin, files, feeds, sitemaps, robots.txt, log-out (a form's POST).
SKIPPED_PREFIXES = ("/admin/", "/static/", "/media/", "/files/", "/members/logout/")
SKIPPED_SUFFIXES = ("/feed/", "/feed/atom/", ".xml", ".txt", ".ico")
# One error the checker must find: the microseconds Django's date:"c" writes.
CANARY = "canary"
CANARY_HTML = (
    '<!DOCTYPE html><html lang="en"><title>Canary</title>'
    '<time datetime="2026-11-30T12:44:03.214141+00:00">30 November</time>'
)


@pytest.fixture
def vnu():
    """The command that runs the checker, or a skip (a failure under REQUIRE_VNU=1)."""
    java = shutil.which("java")
    problem = None
    if java is None:
        problem = "java not found (apt-get install default-jre-headless)"
    elif not VNU_JAR.is_file():
        problem = f"vnu.jar not found at {VNU_JAR} (npm install --prefix .ci/vnu vnu-jar)"
    if problem:
        if os.environ.get("REQUIRE_VNU") == "1":
            pytest.fail(problem)
        pytest.skip(problem)
    return [java, "-Xss8m", "-jar", str(VNU_JAR), "--errors-only", "--format", "json"]


@pytest.fixture
def demo(settings):
    """The demo newsroom, with its Weekly Update draft sent so its web version shows."""
    settings.DEBUG = True  # load_demo refuses to run in what looks like production
    call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo_subscribers", stdout=io.StringIO())
    settings.DEBUG = False  # readers' pages, 404 included, as in production
    Issue.objects.update(status=Issue.Status.SENT, sent_at=timezone.now())


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a" and (href := dict(attrs).get("href")):
            self.hrefs.append(href)


def same_site_links(html: str, url: str) -> list[str]:
    """The site's own page addresses the page at ``url`` links to, query strings kept
    but ``next``: the log-in page is one page, whichever page links to it."""
    parser = Links()
    parser.feed(html)
    links = []
    for href in parser.hrefs:
        parts = urlsplit(urldefrag(urljoin(SITE + url, href)).url)
        if f"{parts.scheme}://{parts.netloc}" != SITE:
            continue
        if parts.path.startswith(SKIPPED_PREFIXES) or parts.path.endswith(SKIPPED_SUFFIXES):
            continue
        query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if k != "next"])
        links.append(parts.path + (f"?{query}" if query else ""))
    return links


class Reader:
    """A reader's client that keeps each HTML page it fetches, and notes problems: a
    crash, or a page asked for by name that is not an HTML page."""

    def __init__(self, who: str):
        self.who = who
        self.client = Client(raise_request_exception=False)
        self.pages: dict[str, str] = {}
        self.problems: list[str] = []

    def fetch(self, url: str) -> str | None:
        """The page's HTML, or None for a redirect, a file or anything that is not HTML."""
        response = self.client.get(url)
        if response.status_code >= 500:
            self.problems.append(f"{self.who} {url} answered {response.status_code}")
            return None
        if response.status_code not in (200, 403, 404) or getattr(response, "streaming", False):
            return None
        if not response.get("Content-Type", "").startswith("text/html"):
            return None
        html = response.content.decode()
        self.pages[f"{self.who} {url}"] = html
        return html

    def crawl(self, start: str, limit: int) -> None:
        """Follow links from ``start``, breadth first, until ``limit`` pages are kept."""
        queue, seen, kept = deque([start]), {start}, 0
        while queue and kept < limit:
            url = queue.popleft()
            html = self.fetch(url)
            if html is None:
                continue
            kept += 1
            for link in same_site_links(html, url):
                if link not in seen:
                    seen.add(link)
                    queue.append(link)

    def visit(self, urls: list[str]) -> None:
        for url in urls:
            if f"{self.who} {url}" not in self.pages and self.fetch(url) is None:
                self.problems.append(f"{self.who} {url} is not an HTML page")


def story_urls(**filters) -> list[str]:
    """The address of one live story that matches, if the demo has one."""
    story = Story.objects.live().filter(**filters).first()
    return [story.get_absolute_url()] if story else []


def run_vnu(command: list[str], pages: dict[str, str], folder: Path) -> dict[str, list[str]]:
    """The checker's errors by page, each as its message and the markup it points at."""
    files = {}
    for number, (label, html) in enumerate(pages.items()):
        path = folder / f"page-{number:03}.html"
        path.write_text(html, encoding="utf-8")
        files[path] = label
    result = subprocess.run(
        [*command, *map(str, files)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    try:
        messages = json.loads(result.stderr)["messages"]  # vnu writes its report to stderr
    except (ValueError, KeyError):
        pytest.fail(f"vnu failed (exit {result.returncode}):\n{result.stderr[-3000:]}")
    labels = {path.name: label for path, label in files.items()}
    errors = defaultdict(list)
    for message in messages:
        if message.get("type") == "info":
            continue
        label = labels.get(message.get("url", "").rsplit("/", 1)[-1], "?")
        line = message.get("lastLine", "?")
        errors[label].append(
            f"line {line}: {message['message']}\n      {message.get('extract', '').strip()!r}"
        )
    return errors


def test_every_public_page_is_valid_html(vnu, demo, tmp_path):
    member_story = story_urls(visibility=Visibility.MEMBERS)
    issues = [issue.get_absolute_url() for issue in Issue.objects.all()]
    pages = [page.get_absolute_url() for page in Page.objects.all()]

    anonymous = Reader("anonymous")
    anonymous.crawl("/", CRAWL_LIMIT)
    anonymous.visit(
        [
            "/news/?page=2",
            *story_urls(gallery__isnull=False),
            *story_urls(body__contains="<figure"),
            *story_urls(body__contains="youtube.com"),  # a click-to-play video
            *member_story,  # the teaser and its log-in prompt
            f"/news/tag/{Story.objects.live().first().tags.first().slug}/",
            Section.objects.first().get_absolute_url(),
            "/search/?q=school",
            "/search/?q=xylophone-7f3a",
            "/members/login/",
            "/members/request-access/",
            "/members/password-reset/",
            "/schools/",
            "/news/weekly-update/",
            "/news/weekly-update/subscribe/",
            *issues,
            *pages,
            "/no-such-page-7f3a/",  # the 404 page
        ]
    )
    member = Reader("member")
    member.client.force_login(User.objects.get(email="member@example.org"))
    member.crawl("/", CRAWL_LIMIT // 2)
    member.visit(
        [
            "/members/",
            "/members/account/",
            *member_story,
            *story_urls(downloads__isnull=False),
            *issues,
            *pages,
        ]
    )
    outsider = Reader("non-member")
    outsider.client.force_login(User.objects.create_user("no-school-7f3a@example.org"))
    outsider.visit(["/members/"])
    readers = [anonymous, member, outsider]
    crawled = {label: html for reader in readers for label, html in reader.pages.items()}

    errors = run_vnu(vnu, crawled | {CANARY: CANARY_HTML}, tmp_path)

    # The checker ran, read every file, and its errors come back under the right page.
    (canary,) = errors.pop(CANARY)
    assert "A fraction of a second must be one, two, or three digits" in canary
    problems = [problem for reader in readers for problem in reader.problems]
    report = "\n".join(
        f"{label} ({len(found)}):\n" + "\n".join(f"  {error}" for error in found)
        for label, found in sorted(errors.items())
    )
    count = sum(len(found) for found in errors.values())
    assert not (problems or errors), (
        "".join(f"{problem}\n" for problem in problems)
        + f"{count} HTML errors on {len(errors)} of {len(crawled)} pages:\n{report}"
    )


def test_a_datetime_attribute_stops_at_the_second():
    """No checker needed: the filter every ``<time datetime>`` uses drops microseconds."""
    template = Template("{% load html_dates %}{{ when|html_datetime }}")
    when = datetime.datetime(2026, 6, 30, 12, 44, 3, 214141, tzinfo=datetime.UTC)

    with timezone.override("Europe/London"):
        assert template.render(Context({"when": when})) == "2026-06-30T13:44:03+01:00"
        assert template.render(Context({"when": when.date()})) == "2026-06-30"
        assert template.render(Context({"when": None})) == ""
