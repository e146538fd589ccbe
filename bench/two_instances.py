"""Two app servers, one PostgreSQL and one Redis: a story published on one shows on the other.

Starts two gunicorn instances (ports 8501 and 8502) with production settings
on a fresh PostgreSQL database and Redis database 6, warms both page caches,
publishes a story through the first one's admin over HTTP, and checks that
the second serves it at once: on /news/ (a page it had cached) and at the
story's own address. Exits non-zero if not. Bounded: about 30 seconds.

    python bench/two_instances.py
"""

import sys
import time
import uuid

from servers import Browser, create_pg_database, fetch, manage, production_env, start_gunicorn, stop

PORTS = (8501, 8502)


def main() -> int:
    env = production_env(create_pg_database("newsroom_two", fresh=True), redis_db=6)
    manage(env, "migrate", "--noinput")
    manage(env, "load_demo")
    servers = [start_gunicorn(env, port) for port in PORTS]
    a, b = (f"http://127.0.0.1:{port}" for port in PORTS)
    try:
        for base in (a, b):
            fetch(base + "/news/")
        status, _, headers = fetch(b + "/news/")
        print(f"B /news/ before: {status}, page cache {headers.get('X-Page-Cache')}")

        title = f"Published on A {uuid.uuid4().hex[:8]}"
        editor = Browser(a)
        editor.post_form(
            "/admin/login/",
            {"username": "editor@example.org", "password": "newsroom-demo", "next": "/admin/"},
        )
        started = time.monotonic()
        editor.post_form(
            "/admin/articles/story/add/",
            {
                "title": title,
                "slug": title.lower().replace(" ", "-"),
                "standfirst": "Written on server A, read on server B.",
                "body": "<p>Both servers share PostgreSQL and Redis.</p>",
                "section": "1",
                "status": "published",
                "visibility": "public",
                "hero_focal_x": "0.5",
                "hero_focal_y": "0.5",
                "picks-TOTAL_FORMS": "0",
                "picks-INITIAL_FORMS": "0",
            },
        )
        status, body, headers = fetch(b + "/news/")
        seen = time.monotonic() - started
        story_status, _, _ = fetch(b + "/news/" + title.lower().replace(" ", "-") + "/")
        ok = status == 200 and title in body and story_status == 200
        print(
            f"B /news/ after publishing on A: {status}, page cache {headers.get('X-Page-Cache')},"
            f" story listed: {title in body}, story page: {story_status}"
        )
        print(f"{'PASS' if ok else 'FAIL'}: visible on B {seen * 1000:.0f} ms after A saved it")
        return 0 if ok else 1
    finally:
        for server in servers:
            stop(server)


if __name__ == "__main__":
    sys.exit(main())
