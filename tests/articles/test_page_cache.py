import datetime

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from django.utils import timezone

from articles.models import Status, Story, Visibility
from articles.pagecache import PageCacheApplication

pytestmark = pytest.mark.django_db

NEWS = "/news/"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


def get(client, url=NEWS, **headers):
    return client.get(url, headers=headers)


def test_a_second_anonymous_request_is_served_from_the_cache_without_queries(client, story_factory):
    story_factory(title="Cached CACHED-1a")
    first = get(client)

    with CaptureQueriesContext(connection) as queries:
        second = get(client)

    assert first["X-Page-Cache"] == "miss" and second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert len(queries) == 0


def test_anonymous_pages_may_be_kept_by_shared_caches(client, story_factory):
    story_factory()

    response = get(client)

    assert "public" in response["Cache-Control"] and "s-maxage=300" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]


def test_publishing_shows_at_once(client, story_factory):
    draft = story_factory(title="Fresh FRESH-2b", status=Status.DRAFT)
    assert "FRESH-2b" not in get(client).content.decode()

    draft.status = Status.PUBLISHED
    draft.save()

    assert "FRESH-2b" in get(client).content.decode()


def test_unpublishing_shows_at_once(client, story_factory):
    story = story_factory(title="Going GOING-3c")
    assert "GOING-3c" in get(client).content.decode()

    story.status = Status.DRAFT
    story.save()

    assert "GOING-3c" not in get(client).content.decode()
    assert get(client, story.get_absolute_url()).status_code == 404


def test_editing_shows_at_once(client, story_factory):
    story = story_factory(title="Before BEFORE-4d")
    get(client, story.get_absolute_url())

    story.title = "After AFTER-4d"
    story.save()

    assert "AFTER-4d" in get(client, story.get_absolute_url()).content.decode()


def test_retagging_shows_at_once(client, story_factory):
    story = story_factory(title="Tagged TAGGED-5e", tags=["music"])
    assert (
        "TAGGED-5e" in get(client, reverse("articles:tag-detail", args=["music"])).content.decode()
    )

    story.tags.set(["sport"])

    assert get(client, reverse("articles:tag-detail", args=["music"])).status_code == 200
    assert (
        "TAGGED-5e"
        not in get(client, reverse("articles:tag-detail", args=["music"])).content.decode()
    )
    assert (
        "TAGGED-5e" in get(client, reverse("articles:tag-detail", args=["sport"])).content.decode()
    )


def test_making_a_story_members_only_hides_it_from_cached_pages_at_once(client, story_factory):
    story = story_factory(title="Soon private PRIVATE-6f", body="<p>MEMBERS-ONLY-7f3a</p>")
    get(client)
    get(client, story.get_absolute_url())

    story.visibility = Visibility.MEMBERS
    story.save()

    assert "PRIVATE-6f" not in get(client).content.decode()
    assert "MEMBERS-ONLY-7f3a" not in get(client, story.get_absolute_url()).content.decode()


def test_a_scheduled_story_appears_at_its_time_while_pages_are_cached(
    client, story_factory, monkeypatch
):
    story_factory(title="Already live")
    story_factory(
        title="Scheduled SCHEDULED-7a", published_at=timezone.now() + datetime.timedelta(seconds=90)
    )
    assert "SCHEDULED-7a" not in get(client).content.decode()
    assert get(client)["X-Page-Cache"] == "hit"

    later = timezone.now() + datetime.timedelta(seconds=120)
    monkeypatch.setattr("django.utils.timezone.now", lambda: later)
    monkeypatch.setattr("django.core.cache.backends.locmem.time.time", lambda: later.timestamp())

    response = get(client)
    assert response["X-Page-Cache"] == "miss"
    assert "SCHEDULED-7a" in response.content.decode()


def test_a_members_page_is_never_stored_or_served_to_anyone_else(client, story_factory, member):
    story_factory(title="Members only MEMBERS-8b", visibility=Visibility.MEMBERS)
    client.force_login(member)

    personal = get(client)
    assert "MEMBERS-8b" in personal.content.decode()
    assert "private" in personal["Cache-Control"] and "X-Page-Cache" not in personal

    client.logout()
    anonymous = get(client)
    assert anonymous["X-Page-Cache"] == "miss"
    assert "MEMBERS-8b" not in anonymous.content.decode()


def test_a_cached_anonymous_page_is_never_served_to_a_member(client, story_factory, member):
    story_factory(title="Members only MEMBERS-9c", visibility=Visibility.MEMBERS)
    get(client)
    assert get(client)["X-Page-Cache"] == "hit"

    client.force_login(member)
    response = get(client)

    assert "X-Page-Cache" not in response
    assert "MEMBERS-9c" in response.content.decode()


@pytest.mark.parametrize("url_name", ["members:login", "members:request-access"])
def test_pages_with_forms_are_never_cached(client, db, url_name):
    first = get(client, reverse(url_name))
    second = get(client, reverse(url_name))

    assert "X-Page-Cache" not in first and "X-Page-Cache" not in second
    assert "csrftoken" in first.cookies


def test_an_unchanged_page_answers_304_to_a_conditional_get(client, story_factory):
    story_factory()
    etag = get(client)["ETag"]

    response = get(client, **{"If-None-Match": etag})

    assert response.status_code == 304
    assert response.content == b""


def test_a_changed_page_answers_200_to_a_stale_conditional_get(client, story_factory):
    story_factory()
    etag = get(client)["ETag"]
    story_factory(title="Newer")

    assert get(client, **{"If-None-Match": etag}).status_code == 200


@override_settings(
    CACHES={
        **django_settings.CACHES,
        "default": {
            "BACKEND": "newsroom.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens here
            "OPTIONS": {"socket_connect_timeout": 0.2},
        },
    }
)
def test_pages_still_render_when_the_cache_server_is_unreachable(client, story_factory):
    story = story_factory(title="Still here STILL-1d", tags=["music"])
    story_factory(tags=["music"])

    for url in (NEWS, "/", story.get_absolute_url(), "/search/?q=still"):
        response = get(client, url)
        assert response.status_code == 200
    assert "STILL-1d" in get(client).content.decode()


@override_settings(
    CACHES={
        **django_settings.CACHES,
        "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }
)
def test_pages_render_with_no_cache_at_all(client, story_factory, member):
    story = story_factory(title="Cold COLD-2e", tags=["music"])
    story_factory(title="Neighbour NEIGHBOUR-2e", tags=["music"])
    urls = [NEWS, "/", story.get_absolute_url(), "/news/tag/music/", "/search/?q=cold"]

    for url in urls:
        assert "COLD-2e" in get(client, url).content.decode()
    assert "NEIGHBOUR-2e" in get(client, story.get_absolute_url()).content.decode()
    client.force_login(member)
    assert get(client, "/members/").status_code == 200


def test_a_lost_generation_never_brings_back_old_pages(client, story_factory):
    story = story_factory(title="Public for now PUBLIC-2f")
    get(client, story.get_absolute_url())
    cache.delete("pages:generation")  # evicted, or Redis restarted without it
    Story.objects.filter(pk=story.pk).update(visibility=Visibility.MEMBERS)  # no signal

    html = get(client, story.get_absolute_url()).content.decode()

    assert "This update is for members" in html


# The WSGI layer in front of Django (newsroom.wsgi) answers hits itself.


def django_must_not_be_called(environ, start_response):
    pytest.fail("the request reached Django")


def call_front(path=NEWS, inner=django_must_not_be_called, **headers):
    """Status, headers and body from PageCacheApplication for one request."""
    environ = RequestFactory().get(path, headers=headers).environ
    replies = []
    body = b"".join(
        PageCacheApplication(inner)(environ, lambda status, hdrs: replies.append((status, hdrs)))
    )
    status, hdrs = replies[0]
    return status, dict(hdrs), body


def test_a_cached_page_is_answered_in_front_of_django_without_queries(client, story_factory):
    story_factory(title="Front FRONT-3a")
    rendered = get(client)

    with CaptureQueriesContext(connection) as queries:
        status, headers, body = call_front()

    assert status == "200 OK" and headers["X-Page-Cache"] == "hit"
    assert body == rendered.content and "FRONT-3a" in body.decode()
    assert headers["Content-Length"] == str(len(body))
    assert len(queries) == 0


def test_a_page_not_yet_cached_goes_through_to_django(db):
    reached = []

    def django(environ, start_response):
        reached.append(environ["PATH_INFO"])
        start_response("200 OK", [])
        return [b""]

    call_front(inner=django)

    assert reached == [NEWS]


def test_a_logged_in_reader_is_never_answered_by_the_front(client, story_factory, member):
    story_factory()
    get(client)
    client.force_login(member)
    reached = []

    def django(environ, start_response):
        reached.append(environ["HTTP_COOKIE"])
        start_response("200 OK", [])
        return [b""]

    call_front(inner=django, Cookie=f"sessionid={client.cookies['sessionid'].value}")

    assert len(reached) == 1


def test_a_changed_page_is_not_answered_by_the_front(client, story_factory):
    story_factory()
    get(client)
    story_factory(title="Newer NEWER-3d")
    reached = []

    def django(environ, start_response):
        reached.append(True)
        start_response("200 OK", [])
        return [b""]

    call_front(inner=django)

    assert reached == [True]


def test_the_front_answers_304_when_the_reader_has_the_page(client, story_factory):
    story_factory()
    etag = get(client)["ETag"]

    status, headers, body = call_front(**{"If-None-Match": etag})

    assert status == "304 Not Modified" and body == b""
    assert headers["ETag"] == etag and "Content-Type" not in headers


def test_the_front_answers_head_with_headers_only(client, story_factory):
    story_factory()
    rendered = get(client)
    environ = RequestFactory().head(NEWS).environ
    replies = []

    body = b"".join(
        PageCacheApplication(django_must_not_be_called)(
            environ, lambda status, hdrs: replies.append(dict(hdrs))
        )
    )

    assert body == b"" and replies[0]["Content-Length"] == str(len(rendered.content))
