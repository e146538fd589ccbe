"""Two Varnish caches in front of the app: a change is purged from both, even with one down.

HTTP_CACHE_URLS may list several caches (one per front-end machine). This
starts gunicorn (production settings, 2 workers) on a fresh PostgreSQL
database, two Varnish instances in front of it (A on 8621, B on 8622, listed
in that order) and the purge worker, then:

1. with both caches up, /news/ cached on both (HITs), publishes a draft
   through A's admin: the story must be listed on /news/ from both within 1 s;
2. with A stopped, /news/ cached on B, publishes another draft through
   gunicorn's admin direct: B must list it within 1 s (one cache being down
   must not keep the others stale), and once A is back the purge worker
   must have delivered everything within 5 s.

Exits non-zero on failure. Bounded: about 30 seconds.

    python bench/two_caches.py
"""

from __future__ import annotations

import re
import sys
import time
import uuid

from servers import (
    Browser,
    create_pg_database,
    fetch,
    manage,
    production_env,
    start_gunicorn,
    start_purge_worker,
    start_varnish,
    stop,
)

APP_PORT, A_PORT, B_PORT = 8620, 8621, 8622
APP, A, B = (f"http://127.0.0.1:{port}" for port in (APP_PORT, A_PORT, B_PORT))
EDITOR, PASSWORD = "editor@example.org", "newsroom-demo"
VISIBLE_SECONDS = 1.0


def cached_news(base: str) -> str:
    """/news/ fetched until the cache answers it as a HIT; its last X-Cache."""
    headers = {}
    for _ in range(20):
        _, _, headers = fetch(base + "/news/")
        if headers.get("X-Cache") == "HIT":
            break
        time.sleep(0.05)
    return headers.get("X-Cache", "no answer")


def publish(editor: Browser, caches: list[str]) -> tuple[str, float]:
    """Add a draft, cache /news/ again on ``caches`` (adding it purged /news/),
    then publish the draft, all through ``editor``'s admin; (title, time published)."""
    token = uuid.uuid4().hex[:10]
    title = f"Two caches {token}"
    form = editor.read_form("/admin/articles/story/add/", "story_form")
    status, location = editor.submit(
        "/admin/articles/story/add/",
        form.fields
        | {
            "title": title,
            "slug": f"two-caches-{token}",
            "standfirst": "Published by bench/two_caches.py.",
            "body": "<p>Listed by every cache.</p>",
            "section": next(v for v in form.options["section"] if v),
            "_continue": "Save and continue editing",
        },
    )
    if status != 302:
        raise RuntimeError(f"adding a draft answered {status}")
    change = re.sub(r"^https?://[^/]+", "", location)
    for base in caches:
        if cached_news(base) != "HIT":
            raise RuntimeError(f"{base}/news/ is not cached")
    form = editor.read_form(change, "story_form")
    status, _ = editor.submit(change, form.fields | {"_publish": "Publish now"})
    if status != 302:
        raise RuntimeError(f"publishing answered {status}")
    return title, time.monotonic()


def pending_purges(database_url: str) -> int:
    import psycopg

    with psycopg.connect(database_url) as connection:
        sql = "SELECT count(*) FROM httpcache_purge WHERE delivered_at IS NULL"
        return connection.execute(sql).fetchone()[0]


def seen_after(base: str, title: str, since: float, limit: float = 5.0) -> float | None:
    """Seconds from ``since`` until ``title`` is on ``base``/news/ (None: not within ``limit``)."""
    while time.monotonic() < since + limit:
        status, body, _ = fetch(base + "/news/", timeout=2)
        if status == 200 and title in body:
            return time.monotonic() - since
        time.sleep(0.01)
    return None


def report(label: str, seconds: float | None) -> bool:
    ok = seconds is not None and seconds <= VISIBLE_SECONDS
    figure = f"{seconds * 1000:.0f} ms" if seconds is not None else "not within 5 s"
    print(f"{label}: {figure} {'PASS' if ok else 'FAIL'}")
    return ok


def main() -> int:
    database = create_pg_database("newsroom_two_caches", fresh=True)
    env = production_env(database, HTTP_CACHE_URLS=f"{A},{B}")
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput", "-v0")
    manage(env, "load_demo")
    processes = [start_gunicorn(env, APP_PORT)]
    try:
        a = start_varnish(A_PORT, APP_PORT)
        processes += [a, start_varnish(B_PORT, APP_PORT), start_purge_worker(env)]
        editor = Browser(A)
        editor.admin_login(EDITOR, PASSWORD)
        title, published = publish(editor, [A, B])
        ok = report("Both up, published through A: listed on A", seen_after(A, title, published))
        seen = seen_after(B, title, published)
        ok = report("Both up, published through A: listed on B", seen) and ok

        stop(a)
        direct = Browser(APP)
        direct.admin_login(EDITOR, PASSWORD)
        title, published = publish(direct, [B])
        ok = report("A down, published: listed on B", seen_after(B, title, published)) and ok
        waiting = pending_purges(database)

        processes.append(start_varnish(A_PORT, APP_PORT))
        restarted = time.monotonic()
        while pending_purges(database) and time.monotonic() < restarted + 5:
            time.sleep(0.1)
        left = pending_purges(database)
        print(
            f"Purges waiting while A was down: {waiting}; {left} still waiting "
            f"{time.monotonic() - restarted:.1f} s after A restarted {'FAIL' if left else 'PASS'}"
        )
        ok = not left and ok
    finally:
        for process in reversed(processes):
            stop(process)
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
