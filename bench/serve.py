"""The serving benchmark behind `make bench`: req/s, latency and errors per page, with wrk.

For each archive (PostgreSQL at 10,000 and 100,000 stories, SQLite at
10,000) it seeds the database (kept and reused), starts gunicorn with
production settings and 2 sync workers, and drives each page with wrk for
--duration seconds at 8 connections, in three modes:

- cold: no cache at all (Django's dummy cache): every request queries and
  renders everything, as the first request after a change does;
- uncached: production settings (Redis) with the page cache off: what a
  logged-in member gets, and a page-cache miss; fragments and list data kept
  in Redis under the generation are used;
- cached: production settings, page cache on (anonymous pages only).

In the same run a trivial WSGI app serving the story page's bytes
under the same gunicorn settings gives the ceiling. Then a soak: 60 s of
mixed pages at 32 connections, counting errors and worker memory growth.
Prints Markdown tables. Every request goes to 127.0.0.1.

    python bench/serve.py                      # everything (about 20 minutes)
    python bench/serve.py --duration 5 --archives pg10k
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from servers import (
    ROOT,
    Browser,
    create_pg_database,
    fetch,
    manage,
    production_env,
    start_gunicorn,
    stop,
)

PORT, CEILING_PORT = 8601, 8602
DATA = ROOT / "bench" / ".data"
ARCHIVES = {
    "pg10k": ("postgresql", 10_000),
    "pg100k": ("postgresql", 100_000),
    "sqlite10k": ("sqlite", 10_000),
}
REDIS_DB = 8
MODES = ("cold", "uncached", "cached")


def database_url(vendor: str, stories: int) -> str:
    if vendor == "sqlite":
        DATA.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{DATA / f'serve-{stories}.sqlite3'}"
    return create_pg_database(f"newsroom_serve_{stories}")


def seed_and_describe(env: dict, stories: int) -> dict:
    """Seed (unless already seeded) in a child process; return the paths to drive."""
    output = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("seed_archive.py")), str(stories)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(output.stdout.strip().splitlines()[-1])


def wrk(
    url: str,
    duration: int,
    connections: int = 8,
    cookie: str | None = None,
    script: str | None = None,
) -> dict:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "10s"]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    if script:
        command += ["-s", script]
    text = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", text, re.M))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    socket = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text
    )
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)),
        "p50": to_ms(latency.get("50", "0ms")),
        "p99": to_ms(latency.get("99", "0ms")),
        "errors": int(errors.group(1)) if errors else 0,
        "socket_errors": sum(map(int, socket.groups())) if socket else 0,
    }


def to_ms(value: str) -> float:
    number, unit = re.match(r"([\d.]+)(\w+)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def worker_rss_kb(master: int) -> int:
    children = subprocess.run(
        ["pgrep", "-P", str(master)], capture_output=True, text=True
    ).stdout.split()
    total = 0
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        total += int(re.search(r"VmRSS:\s+(\d+)", status).group(1))
    return total


def run_archive(name: str, duration: int) -> dict:
    vendor, stories = ARCHIVES[name]
    url = database_url(vendor, stories)
    base_env = production_env(url)
    manage(base_env, "migrate", "--noinput")
    manage(base_env, "collectstatic", "--noinput", "-v0")
    described = seed_and_describe(base_env, stories)
    pages = described["pages"]
    results = {"pages": pages, "queries": described["queries"], "rows": []}

    for mode in MODES:
        env = production_env(
            url,
            redis_db=None if mode == "cold" else REDIS_DB,
            PAGE_CACHE_SECONDS="300" if mode == "cached" else "0",
            **({"CACHE_URL": "dummy://"} if mode == "cold" else {}),
        )
        subprocess.run(["redis-cli", "-n", str(REDIS_DB), "flushdb"], capture_output=True)
        server = start_gunicorn(env, PORT)
        try:
            member = Browser(f"http://127.0.0.1:{PORT}")
            member.post_form(
                "/members/login/",
                {"username": "member@example.org", "password": "newsroom-demo", "next": "/"},
            )
            cookie = f"sessionid={member.cookie('sessionid')}"
            if mode == MODES[0]:
                status, story_bytes, _ = fetch(f"http://127.0.0.1:{PORT}{pages['story']}")
                results["story_bytes"] = len(story_bytes.encode())
                ceiling_file = Path(tempfile.gettempdir()) / "newsroom-ceiling.html"
                ceiling_file.write_text(story_bytes)
                ceiling_env = dict(env, CEILING_FILE=str(ceiling_file))
                ceiling = start_gunicorn(
                    ceiling_env, CEILING_PORT, app="bench.trivial_wsgi:application"
                )
                try:
                    results["ceiling"] = wrk(f"http://127.0.0.1:{CEILING_PORT}/", duration)
                finally:
                    stop(ceiling)
            for page, path in pages.items():
                personal = page == "member area"
                if personal and mode == "cached":
                    continue  # a member's pages are never cached
                for _ in range(3):  # warm the workers (and the cache)
                    fetch(f"http://127.0.0.1:{PORT}{path}")
                result = wrk(
                    f"http://127.0.0.1:{PORT}{path}", duration, cookie=cookie if personal else None
                )
                results["rows"].append({"page": page, "mode": mode, **result})
        finally:
            stop(server)
    return results


def soak(duration: int) -> dict:
    vendor, stories = ARCHIVES["pg100k"]
    url = database_url(vendor, stories)
    env = production_env(url, redis_db=REDIS_DB, PAGE_CACHE_SECONDS="300")
    described = seed_and_describe(production_env(url), stories)
    paths = list(described["pages"].values())[:-1] + described["more"]
    script = Path(tempfile.gettempdir()) / "newsroom-soak.lua"
    script.write_text(
        "paths = {" + ", ".join(json.dumps(p) for p in paths) + "}\n"
        "n = 0\nrequest = function()\n  n = n + 1\n"
        "  return wrk.format('GET', paths[(n % #paths) + 1])\nend\n"
    )
    subprocess.run(["redis-cli", "-n", str(REDIS_DB), "flushdb"], capture_output=True)
    server = start_gunicorn(env, PORT)
    try:
        master = server.pid
        for path in paths:
            fetch(f"http://127.0.0.1:{PORT}{path}")
        before = worker_rss_kb(master)
        result = wrk(f"http://127.0.0.1:{PORT}/", duration, connections=32, script=str(script))
        after = worker_rss_kb(master)
    finally:
        stop(server)
    return {**result, "rss_before_mb": before / 1024, "rss_after_mb": after / 1024}


def table(name: str, r: dict) -> str:
    ceiling = r["ceiling"]["rps"]
    vendor, stories = ARCHIVES[name]
    lines = [
        f"### {vendor}, {stories:,} stories",
        "",
        f"Ceiling (trivial WSGI app serving the story page's {r['story_bytes']:,} bytes, same "
        f"gunicorn): {ceiling:,.0f} req/s, p50 {r['ceiling']['p50']:.2f} ms, "
        f"p99 {r['ceiling']['p99']:.2f} ms",
        "",
        "| page | mode | req/s | p50 ms | p99 ms | non-2xx | queries | of ceiling |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in r["rows"]:
        queries = r["queries"][row["mode"]].get(row["page"], "") if row["mode"] != "cached" else 0
        lines.append(
            f"| {row['page']} | {row['mode']} | {row['rps']:,.0f} | {row['p50']:.2f} "
            f"| {row['p99']:.2f} | {row['errors'] + row['socket_errors']} | {queries} "
            f"| {row['rps'] / ceiling:.0%} |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=15)
    parser.add_argument("--soak", type=int, default=60)
    parser.add_argument("--archives", default="pg10k,pg100k,sqlite10k")
    args = parser.parse_args()
    random.seed(1)
    results = {}
    for name in args.archives.split(","):
        print(f"[{name}] seeding if needed, then driving pages...", file=sys.stderr, flush=True)
        results[name] = run_archive(name, args.duration)
        print(table(name, results[name]) + "\n", flush=True)
    print(target_checks(results))
    print(archive_checks(results, args.duration))
    if args.soak:
        print(f"[soak] {args.soak} s of mixed pages at 32 connections...", file=sys.stderr)
        s = soak(args.soak)
        growth = (s["rss_after_mb"] - s["rss_before_mb"]) / s["rss_before_mb"]
        print(
            f"\nSoak, PostgreSQL 100,000 stories, cached, {args.soak} s at 32 connections: "
            f"{s['rps']:,.0f} req/s, p99 {s['p99']:.1f} ms, "
            f"{s['errors'] + s['socket_errors']} errors; worker memory "
            f"{s['rss_before_mb']:.0f} MB -> {s['rss_after_mb']:.0f} MB ({growth:+.1%})"
        )
    return 0


def start_uncached(name: str, port: int, redis_db: int):
    """A gunicorn on archive ``name``, page cache off, and a member's cookie."""
    vendor, stories = ARCHIVES[name]
    env = production_env(database_url(vendor, stories), redis_db=redis_db, PAGE_CACHE_SECONDS="0")
    subprocess.run(["redis-cli", "-n", str(redis_db), "flushdb"], capture_output=True)
    server = start_gunicorn(env, port)
    member = Browser(f"http://127.0.0.1:{port}")
    member.post_form(
        "/members/login/",
        {"username": "member@example.org", "password": "newsroom-demo", "next": "/"},
    )
    return server, f"sessionid={member.cookie('sessionid')}"


def interleaved(targets: list[tuple[str, str | None]], duration: int) -> list[float]:
    """req/s of each (url, cookie), driven in turn in six slices of a third of
    ``duration`` (A B B A A B B A A B B A): this machine's speed drifts by more
    than the differences measured, and a drift weighs on each side the same."""
    for url, _ in targets:
        for _ in range(3):
            fetch(url)
    slices = 6
    totals = [0.0] * len(targets)
    forwards = list(range(len(targets)))
    for n in range(slices):
        for i in forwards if n % 2 == 0 else forwards[::-1]:
            url, cookie = targets[i]
            totals[i] += wrk(url, max(duration // 3, 1), cookie=cookie)["rps"] / slices
    return totals


def archive_checks(results: dict, duration: int) -> str:
    """The archive-size targets, measured with the page cache off, the two sides
    of each comparison interleaved on the same machine at the same time."""
    lines = [
        "",
        "Archive size (page cache off, the two sides interleaved A B B A A B B A A B B A):",
        "",
    ]
    if "pg100k" not in results:
        return ""
    big = results["pg100k"]["pages"]
    server, cookie = start_uncached("pg100k", PORT, REDIS_DB)
    try:
        base = f"http://127.0.0.1:{PORT}"
        first, deep = interleaved(
            [(base + big["news page 1"], None), (base + big["news deep page"], None)], duration
        )
        lines.append(
            f"pg100k: /news/ page 1 {first:,.0f} req/s, deep page {deep:,.0f} req/s: the deep "
            f"page costs {first / deep - 1:+.0%} (target: at most +20%) "
            f"{'PASS' if first / deep - 1 <= 0.20 else 'FAIL'}"
        )
        if "pg10k" not in results:
            return "\n".join(lines)
        small = results["pg10k"]["pages"]
        other, other_cookie = start_uncached("pg10k", CEILING_PORT, REDIS_DB + 1)
        try:
            lines += [
                "",
                "| page | 10,000 stories req/s | 100,000 stories req/s | slower at 100,000 |",
                "| --- | ---: | ---: | ---: |",
            ]
            worst = 0.0
            for page in big:
                personal = page == "member area"
                at_10k, at_100k = interleaved(
                    [
                        (
                            f"http://127.0.0.1:{CEILING_PORT}{small[page]}",
                            other_cookie if personal else None,
                        ),
                        (base + big[page], cookie if personal else None),
                    ],
                    duration,
                )
                slower = at_10k / at_100k - 1
                worst = max(worst, slower)
                lines.append(f"| {page} | {at_10k:,.0f} | {at_100k:,.0f} | {slower:+.0%} |")
            lines.append(
                f"\nSlowest page at 100,000 against 10,000 stories: {worst:+.0%} "
                f"(target: at most +15%) {'PASS' if worst <= 0.15 else 'FAIL'}"
            )
        finally:
            stop(other)
    finally:
        stop(server)
    return "\n".join(lines)


def target_checks(results: dict) -> str:
    """The issue's targets, each with its figure."""
    lines = ["", "Targets:"]
    for name, r in results.items():
        ceiling = r["ceiling"]["rps"]
        cached = [row for row in r["rows"] if row["mode"] == "cached"]
        worst = min(cached, key=lambda row: row["rps"])
        share = worst["rps"] / ceiling
        lines.append(
            f"{name}: slowest cached page ({worst['page']}) {worst['rps']:,.0f} req/s = "
            f"{share:.0%} of the {ceiling:,.0f} req/s ceiling (target: at least 50%) "
            f"{'PASS' if share >= 0.5 else 'FAIL'}"
        )
        errors = sum(row["errors"] + row["socket_errors"] for row in r["rows"])
        lines.append(f"{name}: non-2xx and socket errors, all pages and modes: {errors}")
    if "pg100k" in results:
        story = next(
            row["rps"]
            for row in results["pg100k"]["rows"]
            if row["page"] == "story" and row["mode"] == "uncached"
        )
        lines.append(
            f"pg100k: story page with the page cache off {story:,.0f} req/s "
            f"(target: at least 400) {'PASS' if story >= 400 else 'FAIL'}"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    os.chdir(ROOT / "bench")
    sys.exit(main())
