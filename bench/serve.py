"""The serving benchmark behind `make bench`: the issue's four targets, measured with wrk.

1. Cached story through Varnish: Varnish in front of gunicorn (production
   settings, 2 sync workers) serving the story page from its cache, against
   two references on the same bytes: the trivial-WSGI ceiling (that page's
   bytes from a WSGI app under the same gunicorn) and nginx serving them as
   a static file. The three are driven in turn, in slices (A B C C B A ...),
   because this machine's speed drifts by more than the differences measured.
   Target: at least 5x the ceiling and at least 60% of nginx.
2. No cache anywhere: gunicorn direct, no Varnish, `CACHE_URL=dummy://`,
   for each archive (PostgreSQL at 10,000 and 100,000 stories, SQLite at
   10,000; seeded once and kept). Target at 100,000 stories on PostgreSQL:
   story, front page, /news/, a tag page and a section page at least 100 req/s
   each, search at least 40.
3. Publish to visible: through Varnish, with HTTP_CACHE_URLS set and
   `manage.py deliver_purges` running, /news/ cached (a HIT), a staff user
   publishes a draft through the admin over HTTP; from the moment that POST
   returns, /news/ is fetched through Varnish every 10 ms until the story's
   title is on it. Target: within 1 s, every time.
4. Soak: mixed anonymous pages through Varnish at 32 connections. Target: no
   non-2xx response and no socket error; gunicorn workers' memory reported.

Targets 1, 3 and 4 run on the largest PostgreSQL archive asked for. Prints
Markdown tables, then every target with PASS or FAIL (exit status 1 if any
fails). Every request goes to 127.0.0.1.

    python serve.py                                   # everything (about 10 minutes,
                                                      # plus 5 to seed the first time)
    python serve.py --quick                           # a few minutes, pg10k only
    python serve.py --duration 5 --archives pg10k --soak 20
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import statistics
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from servers import (
    ROOT,
    Browser,
    create_pg_database,
    fetch,
    manage,
    production_env,
    scratch,
    start_gunicorn,
    start_nginx,
    start_purge_worker,
    start_varnish,
    stop,
    varnish_counters,
)

APP_PORT, VARNISH_PORT, CEILING_PORT, NGINX_PORT = 8601, 8610, 8602, 8603
DATA = ROOT / "bench" / ".data"
ARCHIVES = {
    "pg10k": ("postgresql", 10_000),
    "pg100k": ("postgresql", 100_000),
    "sqlite10k": ("sqlite", 10_000),
}
PASSWORD = "newsroom-demo"  # bench/seed_archive.py's users
MEMBER, EDITOR = "member@example.org", "editor@example.org"
# Target 2: the least req/s of each page with no cache anywhere, at 100,000 stories.
NO_CACHE_TARGETS = {
    "story": 100,
    "front page": 100,
    "news page 1": 100,
    "tag page": 100,
    "section page": 100,
    "search": 40,
}
CEILING_TIMES, NGINX_SHARE, VISIBLE_MS = 5.0, 0.60, 1000.0
SOAK_CONNECTIONS = 32
RESULTS: list[tuple[str, str, bool]] = []  # (target, figure, passed), in order


def check(target: str, figure: str, passed: bool) -> None:
    """Record a target's outcome for the final table."""
    RESULTS.append((target, figure, passed))


def log(message: str) -> None:
    """Progress goes to stderr, so that stdout holds only the report."""
    print(message, file=sys.stderr, flush=True)


# --- wrk -------------------------------------------------------------------

# Counts non-2xx answers (wrk's own count leaves out 3xx) and, with PATHS
# set, requests the paths in turn.
LUA = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) bad = 0; n = 0 end
function response(status, headers, body)
  if status < 200 or status > 299 then bad = bad + 1 end
end
if paths then
  request = function()
    n = n + 1
    return wrk.format("GET", paths[(n % #paths) + 1])
  end
end
function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("bad") end
  io.write("Not 2xx: " .. total .. "\\n")
end
"""


def lua_script(paths: list[str] | None = None) -> str:
    """A wrk script file counting non-2xx answers (and cycling through ``paths``)."""
    script = scratch("wrk-") / "script.lua"
    prelude = "paths = {" + ", ".join(json.dumps(p) for p in paths) + "}\n" if paths else ""
    script.write_text(prelude + LUA)
    return str(script)


def wrk(url: str, duration: float, connections: int = 8, strict: bool = False, **options) -> dict:
    """req/s, p50/p99 latency (ms) and errors of one wrk run.

    ``strict`` counts every non-2xx answer through a Lua hook (slower for the
    load generator, so left off where the server is faster than wrk);
    ``paths`` cycles through several paths; ``cookie`` sends a Cookie header.
    """
    command = ["wrk", "-t2", f"-c{connections}", f"-d{max(round(duration), 1)}s", "--latency"]
    command += ["--timeout", "10s"]
    if options.get("cookie"):
        command += ["-H", f"Cookie: {options['cookie']}"]
    if strict or options.get("paths"):
        command += ["-s", lua_script(options.get("paths"))]
    text = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", text, re.M))
    not_2xx = re.search(r"Not 2xx: (\d+)", text) or re.search(
        r"Non-2xx or 3xx responses: (\d+)", text
    )
    socket = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text
    )
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)),
        "requests": int(re.search(r"(\d+) requests in", text).group(1)),
        "p50": to_ms(latency.get("50", "0ms")),
        "p99": to_ms(latency.get("99", "0ms")),
        "errors": int(not_2xx.group(1)) if not_2xx else 0,
        "socket_errors": sum(map(int, socket.groups())) if socket else 0,
    }


def to_ms(value: str) -> float:
    number, unit = re.match(r"([\d.]+)(\w+)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def interleaved(urls: list[str], duration: int, connections: int) -> list[dict]:
    """Each URL driven in six slices of a third of ``duration``, in the order
    A B C, C B A, A B C, ...: a drift in this machine's speed then weighs on
    each the same. Returns, per URL, the mean req/s, the median p50, the
    worst p99, the errors and each slice's req/s."""
    slices = 6
    runs: list[list[dict]] = [[] for _ in urls]
    order = list(range(len(urls)))
    for n in range(slices):
        for i in order if n % 2 == 0 else order[::-1]:
            runs[i].append(wrk(urls[i], max(duration / 3, 1), connections))
    return [
        {
            "rps": statistics.mean(r["rps"] for r in slices_of),
            "p50": statistics.median(r["p50"] for r in slices_of),
            "p99": max(r["p99"] for r in slices_of),
            "errors": sum(r["errors"] + r["socket_errors"] for r in slices_of),
            "slices": [r["rps"] for r in slices_of],
        }
        for slices_of in runs
    ]


def workers_rss_mb(master: subprocess.Popen) -> float:
    """Resident memory of a gunicorn master's workers, in MB."""
    children = subprocess.run(
        ["pgrep", "-P", str(master.pid)], capture_output=True, text=True
    ).stdout.split()
    total_kb = 0
    for pid in children:
        with contextlib.suppress(FileNotFoundError):
            status = Path(f"/proc/{pid}/status").read_text()
            total_kb += int(re.search(r"VmRSS:\s+(\d+)", status).group(1))
    return total_kb / 1024


# --- archives --------------------------------------------------------------


def database_url(name: str) -> str:
    vendor, stories = ARCHIVES[name]
    if vendor == "sqlite":
        DATA.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{DATA / f'serve-{stories}.sqlite3'}"
    return create_pg_database(f"newsroom_serve_{stories}")


def prepare_archive(name: str) -> dict:
    """Migrate, collect static files and seed (unless seeded: archives are kept in
    bench/.data/ and the newsroom_serve_* databases). Returns seed_archive.py's
    description: the paths to drive and each page's queries with no cache."""
    env = production_env(database_url(name), CACHE_URL="dummy://")
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput", "-v0")
    output = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("seed_archive.py")), str(ARCHIVES[name][1])],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if output.returncode:
        raise RuntimeError(f"seeding {name} failed:\n{output.stderr[-4000:]}")
    return json.loads(output.stdout.strip().splitlines()[-1])


def member_cookie(base: str) -> str:
    """A logged-in member's session cookie: members' pages are never cached."""
    member = Browser(base)
    member.post_form("/members/login/", {"username": MEMBER, "password": PASSWORD, "next": "/"})
    return f"sessionid={member.cookie('sessionid')}"


# --- target 2: no cache anywhere -------------------------------------------


def no_cache(name: str, described: dict, duration: int) -> list[dict]:
    """Each page from gunicorn direct with no cache at all: every request
    queries and renders everything (what a member, and every miss, costs)."""
    env = production_env(database_url(name), CACHE_URL="dummy://")
    server = start_gunicorn(env, APP_PORT)
    base = f"http://127.0.0.1:{APP_PORT}"
    rows = []
    try:
        cookie = member_cookie(base)
        for page, path in described["pages"].items():
            personal = page == "member area"
            for _ in range(3):  # both workers' connections and first renders
                fetch(base + path)
            result = wrk(base + path, duration, cookie=cookie if personal else None, strict=True)
            rows.append({"page": page, "queries": described["queries"].get(page, ""), **result})
    finally:
        stop(server)
    return rows


def no_cache_table(name: str, rows: list[dict]) -> str:
    vendor, stories = ARCHIVES[name]
    lines = [
        f"### No cache anywhere: {vendor}, {stories:,} stories",
        "",
        "gunicorn direct (2 sync workers), no Varnish, `CACHE_URL=dummy://`, wrk at 8 connections.",
        "",
        "| page | req/s | p50 ms | p99 ms | not 2xx + socket errors | queries |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        lines.append(
            f"| {row['page']} | {row['rps']:,.0f} | {row['p50']:.1f} | {row['p99']:.1f} "
            f"| {row['errors'] + row['socket_errors']} | {row['queries']} |"
        )
    return "\n".join(lines)


def check_no_cache(name: str, rows: list[dict]) -> None:
    by_page = {row["page"]: row for row in rows}
    note = "" if name == "pg100k" else f" (on {name}: the target is for pg100k)"
    for page, least in NO_CACHE_TARGETS.items():
        rps = by_page[page]["rps"]
        check(f"No cache, {page} >= {least} req/s{note}", f"{rps:,.0f} req/s", rps >= least)
    errors = sum(row["errors"] + row["socket_errors"] for row in rows)
    check(f"No cache, no errors on any page ({name})", f"{errors} errors", errors == 0)


# --- the cached stack: gunicorn, Varnish, purge worker ---------------------


@dataclass
class Stack:
    app: subprocess.Popen
    varnish: subprocess.Popen
    worker: subprocess.Popen
    env: dict
    base: str = f"http://127.0.0.1:{VARNISH_PORT}"
    app_base: str = f"http://127.0.0.1:{APP_PORT}"


@contextlib.contextmanager
def cached_stack(name: str):
    """What `make serve` runs: gunicorn behind Varnish, purges sent to Varnish
    after each change, and the purge worker retrying what could not be sent."""
    env = production_env(database_url(name), HTTP_CACHE_URLS=f"http://127.0.0.1:{VARNISH_PORT}")
    with contextlib.ExitStack() as cleanup:
        app = start_gunicorn(env, APP_PORT)
        cleanup.callback(stop, app)
        varnish = start_varnish(VARNISH_PORT, APP_PORT)
        cleanup.callback(stop, varnish)
        worker = start_purge_worker(env)
        cleanup.callback(stop, worker)
        yield Stack(app, varnish, worker, env)


def warm(url: str, tries: int = 20) -> dict:
    """Fetch ``url`` until Varnish answers it from its cache; the last headers."""
    headers = {}
    for _ in range(tries):
        status, _, headers = fetch(url)
        if status == 200 and headers.get("X-Cache") == "HIT":
            break
        time.sleep(0.05)
    return headers


# --- target 1: the cached story against the ceiling and nginx --------------


def cached_story(stack: Stack, path: str, args) -> dict:
    """Varnish (story page HIT), nginx (same bytes, static file) and the
    trivial-WSGI ceiling (same bytes, same gunicorn), interleaved."""
    headers = warm(stack.base + path)
    if headers.get("X-Cache") != "HIT":
        raise RuntimeError(f"the story page is not cached by Varnish: {headers}")
    status, body, _ = fetch(stack.base + path)  # what readers get (links name Varnish's port)
    body_file = scratch("story-") / "story.html"
    body_file.write_bytes(body.encode())
    with contextlib.ExitStack() as cleanup:
        nginx = start_nginx(body_file, NGINX_PORT, args.nginx_workers)
        cleanup.callback(stop, nginx)
        ceiling_env = dict(stack.env, CEILING_FILE=str(body_file))
        ceiling = start_gunicorn(ceiling_env, CEILING_PORT, app="bench.trivial_wsgi:application")
        cleanup.callback(stop, ceiling)
        urls = [
            stack.base + path,
            f"http://127.0.0.1:{NGINX_PORT}/story.html",
            f"http://127.0.0.1:{CEILING_PORT}/",
        ]
        for url in urls:
            for _ in range(3):
                status, served, _ = fetch(url)
            if (status, served) != (200, body):
                raise RuntimeError(f"{url} does not serve the story page's bytes: {status}")
        before = varnish_counters(stack.varnish, "MAIN.cache_hit", "MAIN.backend_req")
        varnish, nginx_result, ceiling_result = interleaved(urls, args.duration, args.connections)
        time.sleep(1)  # Varnish's threads add their counts to the totals when idle
        after = varnish_counters(stack.varnish, "MAIN.cache_hit", "MAIN.backend_req")
    return {
        "bytes": len(body.encode()),
        "varnish": varnish,
        "nginx": nginx_result,
        "ceiling": ceiling_result,
        "hits": after["MAIN.cache_hit"] - before["MAIN.cache_hit"],
        "backend": after["MAIN.backend_req"] - before["MAIN.backend_req"],
        "connections": args.connections,
        "duration": args.duration,
        "nginx_workers": args.nginx_workers,
    }


def cached_story_table(name: str, r: dict) -> str:
    lines = [
        f"### Cached story through Varnish ({name})",
        "",
        f"The story page's {r['bytes']:,} bytes (as Varnish serves it), wrk at "
        f"{r['connections']} connections, the three interleaved in 6 slices of "
        f"{max(r['duration'] / 3, 1):.0f} s each. During Varnish's slices: {r['hits']:,} "
        f"cache hits, {r['backend']} requests to gunicorn.",
        "",
        "| server | req/s | p50 ms | p99 ms | errors | req/s per slice |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
    ]
    names = {
        "varnish": "Varnish (HIT) in front of gunicorn",
        "nginx": f"nginx, static file ({r['nginx_workers']} worker processes)",
        "ceiling": "trivial WSGI app, gunicorn 2 sync workers",
    }
    for key, label in names.items():
        m = r[key]
        lines.append(
            f"| {label} | {m['rps']:,.0f} | {m['p50']:.2f} | {m['p99']:.2f} | {m['errors']} "
            f"| {' '.join(f'{x:,.0f}' for x in m['slices'])} |"
        )
    return "\n".join(lines)


def check_cached_story(r: dict) -> None:
    varnish, nginx, ceiling = (r[k]["rps"] for k in ("varnish", "nginx", "ceiling"))
    check(
        f"Cached story: >= {CEILING_TIMES:.0f}x the trivial-WSGI ceiling",
        f"{varnish:,.0f} / {ceiling:,.0f} req/s = {varnish / ceiling:.1f}x",
        varnish >= CEILING_TIMES * ceiling,
    )
    check(
        f"Cached story: >= {NGINX_SHARE:.0%} of nginx serving the same bytes "
        f"(worker_processes {r['nginx_workers']})",
        f"{varnish:,.0f} / {nginx:,.0f} req/s = {varnish / nginx:.0%}",
        varnish >= NGINX_SHARE * nginx,
    )
    errors = sum(r[k]["errors"] for k in ("varnish", "nginx", "ceiling"))
    check("Cached story: no errors", f"{errors} errors", errors == 0)


# --- target 3: publish to visible ------------------------------------------


def create_draft(editor: Browser, title: str, slug: str) -> str:
    """A draft story, added through the admin; returns its change form's path."""
    form = editor.read_form("/admin/articles/story/add/", "story_form")
    sections = [value for value in form.options.get("section", []) if value]
    status, location = editor.submit(
        "/admin/articles/story/add/",
        form.fields
        | {
            "title": title,
            "slug": slug,
            "standfirst": "Published by bench/serve.py to time publish-to-visible.",
            "body": "<p>A story that goes live through the admin.</p>",
            "section": sections[0],
            "visibility": "public",
            "byline": "Bench Editor",
            "_continue": "Save and continue editing",
        },
    )
    if status != 302 or not location.rstrip("/").endswith("/change"):
        raise RuntimeError(f"adding a draft through the admin answered {status} {location!r}")
    return urlpath(location)


def urlpath(location: str) -> str:
    return re.sub(r"^https?://[^/]+", "", location)


def publish_once(stack: Stack, editor: Browser, n: int) -> dict:
    """Publish one draft through the admin; time the save, then time until the
    story is listed on /news/ served through Varnish (polled every 10 ms)."""
    token = uuid.uuid4().hex[:10]
    title = f"Bench publish {token}"
    change = create_draft(editor, title, f"bench-publish-{token}")
    form = editor.read_form(change, "story_form")
    for name in ("picks-TOTAL_FORMS", "picks-INITIAL_FORMS"):
        if name not in form.fields:
            raise RuntimeError(f"the story change form has no {name}")
    news = stack.base + "/news/"
    before = warm(news).get("X-Cache")
    started = time.monotonic()
    status, location = editor.submit(change, form.fields | {"_publish": "Publish now"})
    returned = time.monotonic()
    if status != 302:
        raise RuntimeError(f"publishing through the admin answered {status}, not a redirect")
    polls, seen, cache = 0, None, ""
    while time.monotonic() < returned + 10:
        polls += 1
        _, body, headers = fetch(news)
        if title in body:
            seen, cache = time.monotonic(), headers.get("X-Cache", "")
            break
        time.sleep(0.01)
    return {
        "trial": n,
        "change": change,
        "before": before,
        "save_ms": (returned - started) * 1000,
        "visible_ms": (seen - returned) * 1000 if seen else None,
        "polls": polls,
        "cache": cache,
    }


def logged_in_editor(stack: Stack) -> Browser:
    editor = Browser(stack.base)  # the admin through Varnish (passed), as editors reach it
    editor.admin_login(EDITOR, PASSWORD)
    return editor


def publish_latency(stack: Stack, editor: Browser, trials: int) -> list[dict]:
    return [publish_once(stack, editor, n + 1) for n in range(trials)]


def publish_table(rows: list[dict]) -> str:
    lines = [
        "### Publish to visible (through Varnish, purges on commit, deliver_purges running)",
        "",
        "| trial | /news/ before | admin save ms | visible after ms | polls | /news/ when seen |",
        "| ---: | --- | ---: | ---: | ---: | --- |",
    ]
    for r in rows:
        visible = f"{r['visible_ms']:.0f}" if r["visible_ms"] is not None else "not in 10 s"
        lines.append(
            f"| {r['trial']} | {r['before']} | {r['save_ms']:.0f} | {visible} | {r['polls']} "
            f"| {r['cache']} |"
        )
    return "\n".join(lines)


def check_publish(rows: list[dict]) -> None:
    worst = max((r["visible_ms"] for r in rows), key=lambda ms: float("inf") if ms is None else ms)
    saves = ", ".join(f"{r['save_ms']:.0f}" for r in rows)
    check(
        f"Publish to visible on /news/ within {VISIBLE_MS / 1000:.0f} s (worst of {len(rows)})",
        "never" if worst is None else f"{worst:.0f} ms (admin saves: {saves} ms)",
        worst is not None and worst <= VISIBLE_MS,
    )
    cached_before = all(r["before"] == "HIT" for r in rows)
    check("Publish: /news/ was a HIT before each publish", str(cached_before), cached_before)


# --- target 4: soak --------------------------------------------------------


class Editing(threading.Thread):
    """Saves a published story through the admin every ``interval`` seconds.

    Without changes a soak through Varnish never reaches the app. Each save
    purges /news/, the front page and the story's section and tags, so
    gunicorn renders those again under load, while Varnish purges under load.
    """

    def __init__(self, editor: Browser, change: str, interval: float = 2.0):
        super().__init__(daemon=True)
        self.editor, self.change, self.interval = editor, change, interval
        self.stopping = threading.Event()
        self.saves, self.failures = 0, []

    def run(self):
        while not self.stopping.wait(self.interval):
            try:
                form = self.editor.read_form(self.change, "story_form")
                standfirst = f"Edited {self.saves + 1} times during the soak."
                status, _ = self.editor.submit(
                    self.change, form.fields | {"standfirst": standfirst, "_save": "Save"}
                )
                if status != 302:
                    self.failures.append(f"admin save answered {status}")
            except OSError as error:
                self.failures.append(str(error))
            self.saves += 1


def soak(stack: Stack, described: dict, duration: int, editing: Editing) -> dict:
    """Mixed anonymous pages through Varnish at 32 connections, a story edited
    (and so pages purged) every few seconds."""
    pages = described["pages"]
    paths = [path for page, path in pages.items() if page != "member area"] + described["more"]
    for path in paths:
        fetch(stack.base + path)
    counters = ("MAIN.cache_hit", "MAIN.cache_miss", "MAIN.s_pass", "MAIN.backend_req")
    before = varnish_counters(stack.varnish, *counters)
    rss_before = workers_rss_mb(stack.app)
    editing.start()
    try:
        result = wrk(stack.base + "/", duration, SOAK_CONNECTIONS, paths=paths)
    finally:
        editing.stopping.set()
        editing.join()
    rss_after = workers_rss_mb(stack.app)
    time.sleep(1)  # Varnish's threads add their counts to the totals when idle
    after = varnish_counters(stack.varnish, *counters)
    delta = {name.split(".")[1]: after[name] - before[name] for name in counters}
    return {
        **result,
        **delta,
        "paths": len(paths),
        "saves": editing.saves,
        "save_failures": editing.failures,
        "rss_before": rss_before,
        "rss_after": rss_after,
    }


def soak_table(name: str, s: dict, duration: int) -> str:
    growth = (s["rss_after"] - s["rss_before"]) / s["rss_before"] if s["rss_before"] else 0
    return "\n".join(
        [
            f"### Soak through Varnish ({name}): {duration} s, {SOAK_CONNECTIONS} connections, "
            f"{s['paths']} paths in turn",
            "",
            f"Meanwhile a story was saved through the admin {s['saves']} times (each save "
            f"purging /news/, the front page, a section and tags); failed saves: "
            f"{len(s['save_failures'])} {'; '.join(s['save_failures'][:3])}",
            "",
            "| req/s | requests | p50 ms | p99 ms | not 2xx | socket errors | hits | misses "
            "| passes | to gunicorn | workers' memory |",
            "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
            f"| {s['rps']:,.0f} | {s['requests']:,} | {s['p50']:.2f} | {s['p99']:.2f} "
            f"| {s['errors']} | {s['socket_errors']} | {s['cache_hit']:,} | {s['cache_miss']:,} "
            f"| {s['s_pass']:,} | {s['backend_req']:,} | {s['rss_before']:.0f} MB -> "
            f"{s['rss_after']:.0f} MB ({growth:+.1%}) |",
        ]
    )


def check_soak(s: dict) -> None:
    errors = s["errors"] + s["socket_errors"]
    check(
        "Soak: no non-2xx answer and no socket error",
        f"{s['errors']} not 2xx, {s['socket_errors']} socket errors in {s['requests']:,}",
        errors == 0,
    )
    check(
        "Soak: every admin save during the soak succeeded",
        f"{s['saves'] - len(s['save_failures'])}/{s['saves']}",
        not s["save_failures"],
    )


# --- the run ---------------------------------------------------------------


def targets_table() -> str:
    lines = ["## Targets", "", "| target | figure | result |", "| --- | --- | --- |"]
    for target, figure, passed in RESULTS:
        lines.append(f"| {target} | {figure} | {'PASS' if passed else 'FAIL'} |")
    return "\n".join(lines)


def run_cached(name: str, described: dict, args) -> None:
    """Targets 1, 3 and 4, on one Varnish stack in front of archive ``name``."""
    with cached_stack(name) as stack:
        log(f"[{name}] cached story: Varnish, nginx and the ceiling, interleaved...")
        story = cached_story(stack, described["pages"]["story"], args)
        print(cached_story_table(name, story) + "\n", flush=True)
        check_cached_story(story)

        log(f"[{name}] publish to visible, {args.publishes} times...")
        editor = logged_in_editor(stack)
        publishes = publish_latency(stack, editor, args.publishes)
        print(publish_table(publishes) + "\n", flush=True)
        check_publish(publishes)

        if args.soak:
            log(f"[{name}] soak: {args.soak} s at {SOAK_CONNECTIONS} connections...")
            editing = Editing(editor, publishes[-1]["change"])
            result = soak(stack, described, args.soak, editing)
            print(soak_table(name, result, args.soak) + "\n", flush=True)
            check_soak(result)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=15, help="seconds of wrk per measure")
    parser.add_argument("--soak", type=int, default=60, help="seconds of soak (0: none)")
    parser.add_argument("--archives", default="pg10k,pg100k,sqlite10k")
    parser.add_argument("--publishes", type=int, default=5, help="publish-to-visible trials")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections, target 1")
    parser.add_argument(
        "--nginx-workers", default="auto", help="nginx's worker_processes: a number or auto"
    )
    parser.add_argument(
        "--quick", action="store_true", help="a try-out: pg10k, 3 s measures, 15 s soak"
    )
    args = parser.parse_args()
    if args.quick:
        args.duration, args.soak, args.archives, args.publishes = 3, 15, "pg10k", 3
    return args


def load() -> str:
    """This machine's load: another busy process skews every figure here."""
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} CPUs"


def main() -> int:
    args = parse_args()
    print(f"Started with {load()}.\n", flush=True)
    names = args.archives.split(",")
    unknown = set(names) - set(ARCHIVES)
    if unknown:
        sys.exit(f"unknown archives: {', '.join(sorted(unknown))} (known: {', '.join(ARCHIVES)})")
    described = {}
    for name in names:
        log(f"[{name}] seeding if needed...")
        described[name] = prepare_archive(name)
        log(f"[{name}] no cache anywhere: each page for {args.duration} s...")
        rows = no_cache(name, described[name], args.duration)
        print(no_cache_table(name, rows) + "\n", flush=True)
        if name == "pg100k" or (name.startswith("pg") and "pg100k" not in names):
            check_no_cache(name, rows)
    postgres = [name for name in names if ARCHIVES[name][0] == "postgresql"]
    cached_on = max(postgres or names, key=lambda name: ARCHIVES[name][1])
    run_cached(cached_on, described[cached_on], args)
    print(f"Finished with {load()}.\n")
    print(targets_table())
    return 0 if all(passed for _, _, passed in RESULTS) else 1


if __name__ == "__main__":
    os.chdir(ROOT / "bench")
    sys.exit(main())
