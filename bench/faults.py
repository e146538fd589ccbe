"""Faults: pages do not need Redis, and recover by themselves after PostgreSQL or Varnish restarts.

Runs what `make serve` runs (gunicorn with production settings and 2
workers, Varnish in front, the purge worker) on a PostgreSQL cluster and a
Redis of its own (made in a temporary folder, on ports no one else uses), so
that stopping them disturbs nothing else on the machine. Then:

1. Redis stopped: Django's cache is configured (REDIS_URL) but no page
   depends on it. Every page, anonymous or a member's, must answer 200, at
   full speed. Requests carry a unique query string and go to gunicorn
   direct, so each one is rendered.
2. PostgreSQL restarted: requests may fail while it is down, and must all
   succeed again within 10 seconds of it accepting connections, with no
   restart of the app; the purge worker must survive it.
3. Varnish restarted: while it is down a story is edited (the purge cannot be
   delivered and waits in the outbox); once Varnish is back its pages must be
   served again within 5 seconds, and the purge worker must deliver the
   waiting purge.

Exits non-zero on failure. Bounded: about a minute and a half.

    python bench/faults.py
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from servers import (
    Browser,
    fetch,
    manage,
    production_env,
    scratch,
    start_gunicorn,
    start_purge_worker,
    start_varnish,
    stop,
)

APP_PORT, VARNISH_PORT, PG_PORT, REDIS_PORT = 8511, 8512, 5441, 6391
APP = f"http://127.0.0.1:{APP_PORT}"
VARNISH = f"http://127.0.0.1:{VARNISH_PORT}"
PAGES = ["/", "/news/", "/news/tag/send/", "/search/?q=funding", "/members/"]
EDITOR, MEMBER, PASSWORD = "editor@example.org", "member@example.org", "newsroom-demo"


class PrivatePostgres:
    """A throwaway PostgreSQL cluster (initdb in a temporary folder): restarting
    it cannot break anyone else's work on the machine's own cluster."""

    def __init__(self, port: int):
        self.port = port
        self.folder = Path(tempfile.mkdtemp(prefix="newsroom-faults-pg-"))
        self.data = self.folder / "data"
        version = sorted(p.name for p in Path("/usr/lib/postgresql").iterdir())[-1]
        self.bin = Path("/usr/lib/postgresql") / version / "bin"
        # PostgreSQL refuses to run as root: run it as the postgres user then.
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_user:
            shutil.chown(self.folder, "postgres", "postgres")
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-N")

    def _run(self, tool: str, *args: str) -> None:
        subprocess.run(
            [*self.as_user, str(self.bin / tool), *args], check=True, capture_output=True
        )

    def _ctl(self, action: str, wait: bool = True) -> subprocess.Popen | None:
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.folder} -c fsync=off"
        command = [*self.as_user, str(self.bin / "pg_ctl"), "-D", str(self.data)]
        command += ["-l", str(self.folder / "log"), "-o", options, "-m", "fast", action]
        if wait:
            subprocess.run([*command, "-w"], check=True, capture_output=True)
            return None
        return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def start(self) -> None:
        self._ctl("start")

    def restart_in_background(self) -> subprocess.Popen:
        return self._ctl("restart", wait=False)

    def stop(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self._ctl("stop")
        shutil.rmtree(self.folder, ignore_errors=True)

    def up(self) -> bool:
        return (
            subprocess.run(
                [str(self.bin / "pg_isready"), "-q", "-h", "127.0.0.1", "-p", str(self.port)]
            ).returncode
            == 0
        )

    def url(self, database: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def query(self, database: str, sql: str) -> str:
        command = [str(self.bin / "psql"), "-h", "127.0.0.1", "-p", str(self.port)]
        command += ["-U", "postgres", "-d", database, "-Atc", sql]
        return subprocess.run(command, check=True, capture_output=True, text=True).stdout.strip()


def start_redis(port: int) -> subprocess.Popen:
    """A Redis of our own, nothing saved to disk."""
    folder = scratch("redis-")
    command = ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
    command += ["--appendonly", "no", "--dir", folder]
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    for _ in range(50):
        if subprocess.run(["redis-cli", "-p", str(port), "ping"], capture_output=True).stdout:
            return process
        time.sleep(0.1)
    raise RuntimeError("redis-server did not start")


def hammer(
    base: str, seconds: float, unique: bool = False, cookie: str = ""
) -> list[tuple[float, int]]:
    """Request PAGES in turn for ``seconds``: (time, status) of each (0: no answer).
    ``unique`` adds a query string no cache has seen, so the app renders each."""
    results, n, end = [], 0, time.monotonic() + seconds
    while time.monotonic() < end:
        page = PAGES[n % len(PAGES)]
        if unique:
            page += ("&" if "?" in page else "?") + f"n={n}-{time.monotonic_ns()}"
        headers = {"Cookie": cookie} if cookie and page.startswith("/members/") else None
        status, _, _ = fetch(base + page, timeout=3, headers=headers)
        results.append((time.monotonic(), status))
        n += 1
    return results


def redis_step(redis: subprocess.Popen, cookie: str) -> bool:
    stop(redis)
    during = hammer(APP, 4, unique=True, cookie=cookie) + hammer(VARNISH, 1, cookie=cookie)
    failed = [s for _, s in during if s != 200]
    print(
        f"Redis stopped: {len(during)} requests ({len(during) / 5:.0f}/s, direct and through "
        f"Varnish, a member's pages included), {len(failed)} not 200"
    )
    return not failed


def postgres_step(postgres: PrivatePostgres, worker: subprocess.Popen, cookie: str) -> bool:
    before = hammer(APP, 1, unique=True, cookie=cookie)
    restarting = postgres.restart_in_background()
    results, back_at, deadline = [], None, time.monotonic() + 40
    while time.monotonic() < deadline:
        results += hammer(APP, 0.5, unique=True, cookie=cookie)
        if back_at is None and restarting.poll() is not None and postgres.up():
            back_at = time.monotonic()
        if back_at and time.monotonic() > back_at + 10:
            break
    failures = [t for t, s in results if s != 200]
    late = [t for t in failures if back_at and t > back_at + 10]
    tail = [s for t, s in results if back_at and t > back_at + 10]
    tail_ok = bool(tail) and all(s == 200 for s in tail)
    recovered = (max(failures) - back_at) if failures and back_at else 0.0
    worker_alive = worker.poll() is None
    print(
        f"PostgreSQL restart: {len(results)} requests, {len(failures)} failed while it "
        f"restarted; last failure {recovered:+.1f} s from PostgreSQL accepting connections; "
        f"requests 10 s later all 200: {tail_ok} (before: "
        f"{sum(s == 200 for _, s in before)}/{len(before)} 200); purge worker alive: {worker_alive}"
    )
    return bool(back_at) and not late and tail_ok and worker_alive


def pending_purges(postgres: PrivatePostgres) -> int:
    return int(
        postgres.query(
            "newsroom_faults", "SELECT count(*) FROM httpcache_purge WHERE delivered_at IS NULL"
        )
    )


def edit_a_story(postgres: PrivatePostgres) -> int:
    """Save a published story through the admin (gunicorn direct: Varnish is down)."""
    story = postgres.query(
        "newsroom_faults", "SELECT id FROM articles_story WHERE status = 'published' LIMIT 1"
    )
    editor = Browser(APP)
    editor.admin_login(EDITOR, PASSWORD)
    change = f"/admin/articles/story/{story}/change/"
    form = editor.read_form(change, "story_form")
    status, _ = editor.submit(change, form.fields | {"byline": f"Faults {time.time()}"})
    return status


def varnish_step(varnish: subprocess.Popen, postgres: PrivatePostgres) -> tuple[bool, object]:
    """Stop Varnish, change a story, start Varnish: pages and the waiting purge recover."""
    before = hammer(VARNISH, 1)
    stop(varnish)
    down = hammer(VARNISH, 0.5)
    saved = edit_a_story(postgres)
    waiting = pending_purges(postgres)
    started = time.monotonic()
    varnish = start_varnish(VARNISH_PORT, APP_PORT)
    listening = time.monotonic()
    first_ok = None
    while time.monotonic() < listening + 5 and first_ok is None:
        if fetch(VARNISH + "/news/", timeout=3)[0] == 200:
            first_ok = time.monotonic()
        else:
            time.sleep(0.05)
    drained_at = None
    while time.monotonic() < listening + 5 and drained_at is None:
        if pending_purges(postgres) == 0:
            drained_at = time.monotonic()
        else:
            time.sleep(0.1)
    after = hammer(VARNISH, 3)
    after_ok = all(s == 200 for _, s in after)
    print(
        f"Varnish restart: before {sum(s == 200 for _, s in before)}/{len(before)} 200; while "
        f"down {sum(s == 0 for _, s in down)}/{len(down)} refused; admin save while down: "
        f"{saved}, purges waiting: {waiting}; Varnish listening {listening - started:.1f} s "
        f"after start, first page 200 "
        + (f"{(first_ok - listening) * 1000:.0f} ms later" if first_ok else "never (5 s)")
        + f"; then {sum(s == 200 for _, s in after)}/{len(after)} 200; waiting purges "
        + (
            f"delivered {drained_at - listening:.1f} s after restart"
            if drained_at
            else "not delivered within 5 s"
        )
    )
    ok = bool(first_ok) and after_ok and saved == 302 and waiting > 0 and bool(drained_at)
    return ok, varnish


def main() -> int:
    postgres = PrivatePostgres(PG_PORT)
    processes: list[subprocess.Popen] = []
    try:
        postgres.start()
        postgres.query("postgres", "CREATE DATABASE newsroom_faults")
        redis = start_redis(REDIS_PORT)
        processes.append(redis)
        env = production_env(
            postgres.url("newsroom_faults"),
            REDIS_URL=f"redis://127.0.0.1:{REDIS_PORT}/0",
            HTTP_CACHE_URLS=VARNISH,
        )
        manage(env, "migrate", "--noinput")
        manage(env, "collectstatic", "--noinput", "-v0")
        manage(env, "load_demo")
        processes.append(start_gunicorn(env, APP_PORT))
        varnish = start_varnish(VARNISH_PORT, APP_PORT)
        processes.append(varnish)
        worker = start_purge_worker(env)
        processes.append(worker)
        member = Browser(APP)
        member.post_form("/members/login/", {"username": MEMBER, "password": PASSWORD, "next": "/"})
        cookie = f"sessionid={member.cookie('sessionid')}"
        ok = redis_step(redis, cookie)
        ok = postgres_step(postgres, worker, cookie) and ok
        varnish_ok, varnish = varnish_step(varnish, postgres)
        processes.append(varnish)
        ok = varnish_ok and ok
    finally:
        for process in reversed(processes):
            stop(process)
        postgres.stop()
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
