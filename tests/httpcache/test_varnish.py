"""Through Varnish (deploy/varnish): pages are cached, and a change is never served stale.

Each test starts Debian's varnishd with the project's VCL in front of
pytest-django's live server. Skipped where varnishd is missing, unless
REQUIRE_VARNISH=1 (CI) makes that a failure.
"""

import datetime
import os
import shutil
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from articles.models import Status, Visibility
from httpcache import purges
from tests.members import test_visibility_matrix as matrix
from tests.members.test_visibility_matrix import newsroom  # noqa: F401  (a fixture)

pytestmark = pytest.mark.django_db(transaction=True)

RUN = Path(__file__).resolve().parents[2] / "deploy" / "varnish" / "run"
BODY = "RACE-BODY-3e7d"


@pytest.fixture(autouse=True)
def run_on_commit_at_once():
    """Here commits are real: purges wait for them."""


@dataclass
class Reply:
    status: int
    headers: dict
    text: str

    @property
    def cache(self) -> str:
        return self.headers.get("X-Cache", "")


def fetch(url: str, session: str | None = None) -> Reply:
    request = urllib.request.Request(url)
    if session:
        request.add_header("Cookie", f"sessionid={session}")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return Reply(response.status, dict(response.headers), response.read().decode())
    except urllib.error.HTTPError as error:
        return Reply(error.code, dict(error.headers), error.read().decode())


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Varnish:
    def __init__(self, backend_port: int, workdir: Path):
        self.log = workdir.with_suffix(".log")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = os.environ | {
            "VARNISH_LISTEN": f"127.0.0.1:{self.port}",
            "BACKEND_PORT": str(backend_port),
            "VARNISH_DIR": str(workdir),
        }
        self.process = None

    def start(self) -> None:
        with self.log.open("ab") as log:
            self.process = subprocess.Popen([str(RUN)], env=self.env, stdout=log, stderr=log)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.1)
        if self.process.poll() is not None:
            raise RuntimeError(f"varnishd stopped: {self.log.read_text()}")
        raise RuntimeError("varnishd did not start in 20 s")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)


@pytest.fixture
def varnish(live_server, settings, tmp_path):
    if not (shutil.which("varnishd") or os.path.exists("/usr/sbin/varnishd")):
        message = "varnishd not found (apt-get install varnish varnish-modules)"
        if os.environ.get("REQUIRE_VARNISH") == "1":
            pytest.fail(message)
        pytest.skip(message)
    server = Varnish(int(live_server.url.rsplit(":", 1)[1]), tmp_path / "varnish")
    server.start()
    settings.HTTP_CACHE_URLS = [server.url]
    yield server
    server.stop()


def session_of(user) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


def test_an_anonymous_page_is_served_from_the_cache_the_second_time(varnish, story_factory):
    story_factory()

    first = fetch(varnish.url + "/news/")
    second = fetch(varnish.url + "/news/")

    assert (first.cache, second.cache) == ("MISS", "HIT")
    assert "xkey" not in {name.lower() for name in second.headers}


def test_tracking_parameters_share_one_cached_page(varnish, story_factory):
    story_factory()

    fetch(varnish.url + "/news/?utm_source=newsletter")
    again = fetch(varnish.url + "/news/?utm_campaign=x&fbclid=abc&gclid=1")

    assert again.cache == "HIT"


def test_a_logged_in_reader_is_never_served_from_nor_stored_in_the_cache(
    varnish, story_factory, member
):
    story = story_factory()
    session = session_of(member)

    fetch(varnish.url + story.get_absolute_url(), session)
    as_member = fetch(varnish.url + story.get_absolute_url(), session)
    anonymous = fetch(varnish.url + story.get_absolute_url())

    assert as_member.cache != "HIT"
    assert anonymous.cache == "MISS"
    assert "Members' area" not in anonymous.text


def test_a_story_published_in_the_admin_is_on_the_cached_list_when_the_save_returns(
    varnish, story_factory, admin_client
):
    story_factory()
    draft = story_factory(status=Status.DRAFT, title="Fresh news FRESH-8a8a")
    fetch(varnish.url + "/news/")
    assert fetch(varnish.url + "/news/").cache == "HIT"

    draft.status = Status.PUBLISHED
    draft.save()

    assert "FRESH-8a8a" in fetch(varnish.url + "/news/").text


def read_in_a_loop(url: str, readers: int = 4):
    """Anonymous readers requesting ``url`` until told to stop: (started, body seen)."""
    seen, stop = [], threading.Event()

    def read():
        while not stop.is_set():
            started = time.monotonic()
            try:
                seen.append((started, BODY in fetch(url).text))
            except OSError:
                seen.append((started, False))  # Varnish restarting

    threads = [threading.Thread(target=read) for _ in range(readers)]
    for thread in threads:
        thread.start()

    def finish():
        stop.set()
        for thread in threads:
            thread.join()
        return seen

    return finish


def save_as_members_only(story) -> float:
    """Switch the story to members-only in one transaction; when the save returned."""
    story.visibility = Visibility.MEMBERS
    story.save()
    return time.monotonic()


@pytest.fixture
def public_story(story_factory):
    return story_factory(body=f"<p>{BODY}</p>", title="Switched story")


def assert_never_served_after(seen, returned):
    before = [body for started, body in seen if started < returned]
    after = [body for started, body in seen if started >= returned]
    assert any(before), "the readers never saw the public story"
    assert len(after) > 20
    assert not any(after), f"{sum(after)} of {len(after)} later responses carried the body"


def test_no_anonymous_reader_gets_the_body_once_a_members_only_save_returns(varnish, public_story):
    url = varnish.url + public_story.get_absolute_url()
    finish = read_in_a_loop(url)
    time.sleep(0.5)

    returned = save_as_members_only(public_story)
    time.sleep(1.5)

    assert_never_served_after(finish(), returned)


def test_the_same_holds_with_redis_paused_during_the_save(varnish, public_story, settings):
    redis_cli = shutil.which("redis-cli")
    if not redis_cli or subprocess.run([redis_cli, "ping"], capture_output=True).returncode:
        if os.environ.get("REQUIRE_REDIS") == "1":
            pytest.fail("Redis is required")
        pytest.skip("Redis is not running here")
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/9",
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
        }
    }
    url = varnish.url + public_story.get_absolute_url()
    finish = read_in_a_loop(url)
    time.sleep(0.5)

    subprocess.run([redis_cli, "CLIENT", "PAUSE", "1500"], check=True)
    returned = save_as_members_only(public_story)
    time.sleep(2)

    assert_never_served_after(finish(), returned)


def test_the_same_holds_with_varnish_restarted_during_the_save(varnish, public_story):
    url = varnish.url + public_story.get_absolute_url()
    finish = read_in_a_loop(url)
    time.sleep(0.5)

    varnish.stop()
    returned = save_as_members_only(public_story)  # the purge cannot be delivered yet
    assert purges.pending_summary() is not None
    varnish.start()
    call_command("deliver_purges", once=True)  # what the worker does every second
    time.sleep(1.5)

    assert_never_served_after(finish(), returned)
    assert purges.pending_summary() is None


SCHEDULE_AHEAD = 8  # seconds; the check uses 20, the behaviour is the same


def test_a_scheduled_story_is_on_the_cached_list_within_2_s_of_its_time(varnish, story_factory):
    story_factory()
    go_live = timezone.now() + datetime.timedelta(seconds=SCHEDULE_AHEAD)
    story_factory(title="Scheduled SCHED-6d6d", published_at=go_live)
    fetch(varnish.url + "/news/")
    assert fetch(varnish.url + "/news/").cache == "HIT"

    while "SCHED-6d6d" not in fetch(varnish.url + "/news/").text:
        assert timezone.now() < go_live + datetime.timedelta(seconds=2)
        time.sleep(0.1)

    assert timezone.now() >= go_live
    fetch(varnish.url + "/news/")
    assert fetch(varnish.url + "/news/").cache == "HIT"  # cached again right after


@pytest.mark.parametrize("viewer", ["anonymous", "non_member", "expired_member"])
def test_the_visibility_matrix_holds_through_varnish(varnish, request, member, viewer):
    """Every surface, warmed by a member and by the public, then read by ``viewer``."""
    stories = request.getfixturevalue("newsroom")
    surfaces = {**matrix.LIST_SURFACES, **matrix.PUBLIC_CHANNELS}
    urls = [varnish.url + url(stories) for url in surfaces.values()]
    story_url = varnish.url + stories["secret"].get_absolute_url()
    as_member = session_of(member)
    for url in [*urls, story_url]:
        fetch(url, as_member)
        fetch(url)  # now in the cache for the public
    session = None if viewer == "anonymous" else session_of(request.getfixturevalue(viewer))

    for url in [*urls, story_url]:
        reply = fetch(url, session)
        assert matrix.BODY not in reply.text, url
        if url != story_url:
            assert matrix.TITLE not in reply.text and matrix.STANDFIRST not in reply.text, url
    assert "This update is for members" in fetch(story_url, session).text
    assert fetch(story_url).cache == "HIT" or session
