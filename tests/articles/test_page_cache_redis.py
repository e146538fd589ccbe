"""The page cache with Redis, as in production: every process hears of each new
generation, and its front answers from its own copies of pages until then.

Needs the local Redis (127.0.0.1:6379, database 15, emptied per test). Without
it these tests are skipped, unless REQUIRE_REDIS=1 (CI) makes that a failure.
"""

import os
import time

import pytest
import redis
from django.core.cache import caches
from django.test import RequestFactory

from articles import pagecache
from articles.pagecache import GENERATION_KEY, PageCacheApplication
from newsroom.cache import ResilientRedisCache

pytestmark = pytest.mark.django_db

LOCATION = "redis://127.0.0.1:6379/15"
NEWS = "/news/"


def redis_is_up() -> bool:
    try:
        return redis.Redis.from_url(LOCATION, socket_connect_timeout=0.5).ping()
    except redis.RedisError:
        return False


@pytest.fixture(autouse=True)
def redis_cache(settings):
    if not redis_is_up():
        if os.environ.get("REQUIRE_REDIS"):
            pytest.fail("REQUIRE_REDIS is set but Redis is not reachable at " + LOCATION)
        pytest.skip("needs Redis at " + LOCATION)
    redis.Redis.from_url(LOCATION).flushdb()
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "newsroom.cache.ResilientRedisCache", "LOCATION": LOCATION},
    }
    settings.PAGE_CACHE_SECONDS = 300
    ResilientRedisCache._down_until = 0.0
    return caches["default"]


def another_server():
    """A second app server's cache: the same Redis, its own connections."""
    return ResilientRedisCache(LOCATION, {})


def wait_for(condition, seconds=3.0):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "gave up waiting"
        time.sleep(0.01)


def front_get(front, path=NEWS):
    environ = RequestFactory().get(path).environ
    replies = []
    body = b"".join(front(environ, lambda status, headers: replies.append(dict(headers))))
    return replies[0], body


class Django:
    """Stands in for Django behind the front, counting the requests that reach it."""

    def __init__(self):
        self.reached = 0

    def __call__(self, environ, start_response):
        self.reached += 1
        start_response("200 OK", [])
        return [b"rendered"]


@pytest.fixture
def watched_front(client, story_factory):
    """A front whose process watches the generation, with /news/ cached."""
    story_factory(title="First FIRST-7a")
    client.get(NEWS)  # rendered and stored in Redis
    watcher = pagecache._watcher()
    wait_for(lambda: watcher.value is not None)
    django = Django()
    return PageCacheApplication(django), django, watcher


def test_a_watched_front_answers_from_its_own_copy_without_asking_redis(
    watched_front, redis_cache, monkeypatch
):
    front, django, _ = watched_front
    headers, body = front_get(front)  # from Redis, then kept
    assert headers["X-Page-Cache"] == "hit" and b"FIRST-7a" in body

    monkeypatch.setattr(redis_cache, "get", lambda *a, **k: pytest.fail("asked Redis"))
    monkeypatch.setattr(redis_cache, "get_many", lambda *a, **k: pytest.fail("asked Redis"))
    headers, body = front_get(front)

    assert headers["X-Page-Cache"] == "hit" and b"FIRST-7a" in body
    assert django.reached == 0


def test_a_change_on_another_server_stops_this_fronts_copies_at_once(watched_front):
    front, django, watcher = watched_front
    front_get(front)

    started = time.monotonic()
    new = another_server().advance_and_publish(GENERATION_KEY, time.time_ns() // 1000)
    wait_for(lambda: watcher.value == new, seconds=0.5)
    heard_after = time.monotonic() - started
    front_get(front)

    assert django.reached == 1
    assert heard_after < 0.5


def test_a_story_published_here_is_listed_by_the_front_at_once(watched_front, story_factory):
    front, django, _ = watched_front
    front_get(front)

    story_factory(title="Second SECOND-7b")  # saved in this process: invalidates
    front_get(front)

    assert django.reached == 1


def test_a_lost_generation_stops_the_fronts_copies(watched_front):
    front, django, watcher = watched_front
    front_get(front)

    redis.Redis.from_url(LOCATION).flushdb()  # Redis restarted empty, say
    wait_for(lambda: watcher.value is None)
    front_get(front)

    assert django.reached == 1


def test_without_redis_the_watcher_knows_nothing_and_the_front_asks_django(settings, db):
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "newsroom.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens here
            "OPTIONS": {"socket_connect_timeout": 0.2},
        },
    }
    django = Django()
    front = PageCacheApplication(django)

    front_get(front)
    time.sleep(0.3)
    front_get(front)

    assert pagecache._watcher().value is None
    assert django.reached == 2
