"""WordPress import benchmark: a generated export of 10,000 posts, and memory on a big file.

Writes a WXR 1.2 export like a school network's archive (10,000 posts over
ten years, ten categories, sixty tags, a featured image on every tenth post
with the photos in an uploads folder, comments, menu items), then runs
``manage.py import_wordpress`` on it in a fresh database, in a child process,
and prints the wall time and the child's peak memory (max RSS). Then the
same for a second run (nothing changes), and for exports of the same number of
posts with bodies padded to about 200 MB, to show memory stays flat.

    python bench/wordpress_import.py                  # SQLite in a temporary folder
    python bench/wordpress_import.py --posts 2000     # smaller
    DATABASE_URL=postgres://postgres@127.0.0.1/wp_bench python bench/wordpress_import.py
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARAGRAPH = (
    "Pupils from across the network met at the sports centre for a day of coaching, "
    "races and team games. Staff said the event had grown every year since it began."
)


def write_export(path: Path, uploads: Path, posts: int, body_bytes: int) -> None:
    """A WXR 1.2 file of ``posts`` posts with bodies of about ``body_bytes`` each."""
    from PIL import Image

    rng = random.Random(7)
    categories = [f"Category {n}" for n in range(10)]
    tags = [f"Topic {n}" for n in range(60)]
    paragraphs = max(1, body_bytes // (len(PARAGRAPH) + 2))
    photo = uploads / "photo.jpg"
    if not photo.exists():
        uploads.mkdir(parents=True, exist_ok=True)
        Image.new("RGB", (1200, 800), (40, 110, 140)).save(photo, quality=85)
    with path.open("w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" '
            'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
            "<title>Bench network</title>\n<wp:wxr_version>1.2</wp:wxr_version>\n"
            "<wp:author><wp:author_login>editor</wp:author_login>"
            "<wp:author_display_name><![CDATA[The Editor]]></wp:author_display_name></wp:author>\n"
        )
        for n, name in enumerate(categories):
            out.write(
                f"<wp:category><wp:term_id>{n + 1}</wp:term_id><wp:category_nicename>"
                f"category-{n}</wp:category_nicename><wp:cat_name><![CDATA[{name}]]>"
                "</wp:cat_name></wp:category>\n"
            )
        for post_id in range(1, posts + 1):
            year = 2016 + post_id * 10 // posts
            date = f"{min(year, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} 09:00:00"
            chosen = rng.sample(range(10), 2)
            terms = "".join(
                f'<category domain="category" nicename="category-{c}">'
                f"<![CDATA[{categories[c]}]]></category>"
                for c in chosen
            ) + "".join(
                f'<category domain="post_tag" nicename="topic-{t}"><![CDATA[{tags[t]}]]></category>'
                for t in rng.sample(range(60), 3)
            )
            meta = ""
            if post_id % 10 == 0:
                attachment = 1_000_000 + post_id
                meta = (
                    "<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key>"
                    f"<wp:meta_value>{attachment}</wp:meta_value></wp:postmeta>"
                )
                out.write(
                    f"<item><title>Photo {post_id}</title><wp:post_id>{attachment}</wp:post_id>"
                    "<wp:status>inherit</wp:status><wp:post_type>attachment</wp:post_type>"
                    "<wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key>"
                    "<wp:meta_value>photo.jpg</wp:meta_value></wp:postmeta>"
                    "<wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key>"
                    "<wp:meta_value>Pupils at the sports centre</wp:meta_value></wp:postmeta>"
                    "</item>\n"
                )
            body = "\n\n".join(f"{PARAGRAPH} ({post_id}.{p})" for p in range(paragraphs))
            out.write(
                f"<item><title><![CDATA[Network news number {post_id}]]></title>"
                f"<link>https://old.example/{date[:4]}/{date[5:7]}/news-{post_id}/</link>"
                "<dc:creator>editor</dc:creator>"
                f"<content:encoded><![CDATA[{body}]]></content:encoded>"
                "<excerpt:encoded><![CDATA[]]></excerpt:encoded>"
                f"<wp:post_id>{post_id}</wp:post_id>"
                f"<wp:post_date>{date}</wp:post_date><wp:post_date_gmt>{date}</wp:post_date_gmt>"
                f"<wp:post_name>news-{post_id}</wp:post_name><wp:status>publish</wp:status>"
                f"<wp:post_type>post</wp:post_type>{terms}{meta}"
                "<wp:comment><wp:comment_id>1</wp:comment_id></wp:comment></item>\n"
            )
        out.write(
            "<item><title>Home</title><wp:post_id>9999999</wp:post_id>"
            "<wp:post_type>nav_menu_item</wp:post_type></item>\n</channel>\n</rss>\n"
        )


def run(export: Path, uploads: Path, env: dict) -> tuple[float, float, str]:
    """Run the import in a child; return seconds, the child's peak RSS in MB, and its counts."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "manage.py", "import_wordpress", str(export), "--uploads", str(uploads)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    output = process.stdout.read()
    if status != 0:
        raise SystemExit(f"import failed ({status}):\n{output}")
    counts = next((line.strip() for line in output.splitlines() if "Posts" in line), "")
    return seconds, usage.ru_maxrss / 1024, counts


def fresh_database(env: dict, folder: Path, name: str) -> dict:
    env = dict(env)
    if "DATABASE_URL" not in os.environ:
        env["DATABASE_URL"] = f"sqlite:///{folder}/{name}.sqlite3"
    else:
        subprocess.run(
            [sys.executable, "manage.py", "flush", "--noinput"], cwd=ROOT, env=env, check=True
        )
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
    )
    return env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument(
        "--big-mb", type=int, default=200, help="size of the big export (0: leave it out)"
    )
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-wordpress-"))
    uploads = folder / "uploads"
    env = os.environ | {
        "DJANGO_DEBUG": "1",
        "DJANGO_MEDIA_ROOT": str(folder / "media"),
        "DJANGO_PROTECTED_ROOT": str(folder / "protected"),
        # The worker is not running: jobs (renditions, Similar News) wait in the queue.
    }
    print(f"Database: {os.environ.get('DATABASE_URL', 'SQLite in ' + str(folder))}")
    print("| Export | File | Run | Time | Peak memory | Posts |")
    print("|---|---|---|---|---|---|")

    small = folder / "archive.xml"
    write_export(small, uploads, args.posts, 600)
    database = fresh_database(env, folder, "archive")
    for run_name in ("first", "second"):
        seconds, peak, counts = run(small, uploads, database)
        size = small.stat().st_size / 1e6
        print(
            f"| {args.posts:,} posts | {size:.0f} MB | {run_name} | {seconds:.1f} s | "
            f"{peak:.0f} MB | {counts} |"
        )

    if args.big_mb:
        run_big(args, folder, uploads, env)
    print(
        "Peak memory of `manage.py check` (Django loaded, nothing imported): "
        f"{baseline_mb():.0f} MB"
    )


def run_big(args, folder: Path, uploads: Path, env: dict) -> None:
    big_body = args.big_mb * 1_000_000 // args.posts
    big = folder / "big.xml"
    write_export(big, uploads, args.posts, big_body)
    database = fresh_database(env, folder, "big")
    seconds, peak, counts = run(big, uploads, database)
    size = big.stat().st_size / 1e6
    print(
        f"| {args.posts:,} posts, long bodies | {size:.0f} MB | first | {seconds:.1f} s | "
        f"{peak:.0f} MB | {counts} |"
    )


def baseline_mb() -> float:
    """The peak RSS of `manage.py check`: Django and the project loaded, nothing imported."""
    process = subprocess.Popen(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=os.environ | {"DJANGO_DEBUG": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, _, usage = os.wait4(process.pid, 0)
    return usage.ru_maxrss / 1024


if __name__ == "__main__":
    main()
