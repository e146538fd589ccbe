"""Faults: pages keep rendering without Redis, and recover by themselves after PostgreSQL restarts.

Runs gunicorn (production settings, 2 workers) against a PostgreSQL database
and the local Redis, and keeps requesting pages while it:

1. stops Redis for 5 seconds: every page must still answer 200 (slower,
   uncached), then Redis is started again;
2. restarts PostgreSQL: requests may fail while it is down, and must all
   succeed again within 10 seconds of it accepting connections, with no
   restart of the app.

Requests during the PostgreSQL step carry a unique query string, so each
needs the database rather than the page cache. Exits non-zero on failure.
Bounded: about a minute. Restores Redis and PostgreSQL whatever happens.

    python bench/faults.py
"""

import subprocess
import sys
import time
from pathlib import Path

from servers import create_pg_database, fetch, manage, production_env, start_gunicorn, stop

PORT = 8511
BASE = f"http://127.0.0.1:{PORT}"
PAGES = ["/", "/news/", "/news/tag/send/", "/search/?q=funding"]
REDIS_START = [
    "redis-server",
    "--daemonize",
    "yes",
    "--bind",
    "127.0.0.1",
    "-::1",
    "--port",
    "6379",
    "--save",
    "",
    "--appendonly",
    "no",
    "--dir",
    "/var/lib/redis",
    "--logfile",
    "/var/log/redis/ci.log",
]


def pg_cluster() -> list[str]:
    version = sorted(p.name for p in Path("/etc/postgresql").iterdir())[-1]
    return ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main"]


def redis_up() -> bool:
    return subprocess.run(["redis-cli", "-p", "6379", "ping"], capture_output=True).returncode == 0


def pg_up() -> bool:
    return subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1"]).returncode == 0


def hammer(seconds: float, unique: bool = False) -> list[tuple[float, int]]:
    results, n, end = [], 0, time.monotonic() + seconds
    while time.monotonic() < end:
        page = PAGES[n % len(PAGES)]
        if unique:
            page += ("&" if "?" in page else "?") + f"n={n}"
        status, _, _ = fetch(BASE + page, timeout=3)
        results.append((time.monotonic(), status))
        n += 1
    return results


def redis_step() -> bool:
    subprocess.run(["redis-cli", "-p", "6379", "shutdown", "nosave"], capture_output=True)
    time.sleep(0.5)
    try:
        during = hammer(5)
    finally:
        subprocess.run(REDIS_START, check=True, capture_output=True)
        for _ in range(50):
            if redis_up():
                break
            time.sleep(0.1)
    after = hammer(2)
    failed = [s for _, s in during if s != 200]
    print(
        f"Redis stopped: {len(during)} requests, {len(failed)} not 200; "
        f"after restart: {sum(s == 200 for _, s in after)}/{len(after)} 200"
    )
    return not failed and all(s == 200 for _, s in after)


def postgres_step() -> bool:
    before = hammer(1, unique=True)
    subprocess.Popen(
        [*pg_cluster(), "restart"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    results, back_at, deadline = [], None, time.monotonic() + 40
    while time.monotonic() < deadline:
        results += hammer(0.5, unique=True)
        if back_at is None and pg_up():
            back_at = time.monotonic()
        if back_at and time.monotonic() > back_at + 10:
            break
    failures = [t for t, s in results if s != 200]
    late = [t for t in failures if back_at and t > back_at + 10]
    tail_ok = results and all(s == 200 for t, s in results if back_at and t > back_at + 10)
    recovered = (max(failures) - back_at) if failures and back_at else 0.0
    ok_before = sum(s == 200 for _, s in before)
    print(
        f"PostgreSQL restart: {len(results)} requests, {len(failures)} failed while it "
        f"restarted; last failure {recovered:+.1f} s from PostgreSQL accepting connections; "
        f"requests 10 s later all 200: {bool(tail_ok)} (before: {ok_before}/{len(before)} 200)"
    )
    return bool(back_at) and not late and bool(tail_ok)


def main() -> int:
    env = production_env(create_pg_database("newsroom_faults", fresh=True), redis_db=7)
    manage(env, "migrate", "--noinput")
    manage(env, "load_demo")
    server = start_gunicorn(env, PORT)
    try:
        ok = redis_step() and postgres_step()
    finally:
        stop(server)
        if not redis_up():
            subprocess.run(REDIS_START, capture_output=True)
        if not pg_up():
            subprocess.run([*pg_cluster(), "start"], capture_output=True)
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
