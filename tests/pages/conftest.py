import itertools
import threading

import pytest

from pages.models import Page, Status, Visibility
from tests.httpcache.conftest import FakeVarnish

_numbers = itertools.count(1)


@pytest.fixture
def page_factory(db):
    """Make a page: live and public unless told otherwise; unique title and slug."""

    def make(**fields):
        number = next(_numbers)
        defaults = {
            "title": f"Page number {number}",
            "slug": f"page-{number}",
            "summary": f"Summary of page {number}.",
            "body": f"<p>Body of page {number}.</p>",
            "status": Status.PUBLISHED,
            "visibility": Visibility.PUBLIC,
        }
        return Page.objects.create(**(defaults | fields))

    return make


@pytest.fixture
def viewer(request):
    """The viewer a truth table's row names: a user, or None for an anonymous reader."""

    def get(name):
        return None if name == "anonymous" else request.getfixturevalue(name)

    return get


@pytest.fixture
def fake_varnish(settings):
    server = FakeVarnish()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.HTTP_CACHE_URLS = [server.url]
    yield server
    server.shutdown()
    server.server_close()
