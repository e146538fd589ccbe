"""Library image benchmark: processing a 24-megapixel photo, and rendering a 12-card page.

1. Time and peak memory to take one 6000 x 4000 JPEG (with EXIF) through the
   whole pipeline (``library.images``): validation, the cleaned master, and
   every rendition.
   Runs in a fresh process so its peak memory is the pipeline's own.
2. Server time to render /news/ (12 cards) with renditions present, and with
   them absent (the master stands in): both should be the same, because no
   image work happens while a page renders.

    python bench/images.py
"""

from __future__ import annotations

import io
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def photo(width=6000, height=4000) -> bytes:
    """A photo-like JPEG: gradients and noise (which compress like a real photo), with EXIF."""
    from PIL import Image

    noise = Image.effect_noise((width, height), 48).convert("RGB")
    gradient = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    image = Image.blend(noise, gradient, 0.5)
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[0x0112] = 1
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90, exif=exif)
    return buffer.getvalue()


def setup(tmp: Path) -> None:
    os.environ.update(
        DJANGO_DEBUG="1",
        DJANGO_LOG_LEVEL="WARNING",
        DATABASE_URL=f"sqlite:///{tmp / 'bench.sqlite3'}",
        DJANGO_MEDIA_ROOT=str(tmp / "media"),
        DJANGO_PROTECTED_ROOT=str(tmp / "protected"),
    )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def pipeline_worker(tmp: Path) -> dict:
    setup(tmp)
    from django.core.files.storage import default_storage
    from django.core.files.uploadedfile import SimpleUploadedFile

    from library import images

    data = (tmp / "photo.jpg").read_bytes()
    upload = SimpleUploadedFile("IMG_0001.jpg", data, content_type="image/jpeg")
    baseline_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    images.validate_image(upload)
    master, width, height = images.clean_master(upload)
    name = default_storage.save("images/be/bench.jpg", master)
    after_master = time.perf_counter()
    record = images.make_renditions(name, 0.5, 0.4)
    finished = time.perf_counter()
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    files = images.rendition_names(record)
    return {
        "source_mb": len(data) / 1e6,
        "master": f"{width} x {height}",
        "master_seconds": after_master - started,
        "renditions_seconds": finished - after_master,
        "total_seconds": finished - started,
        "renditions": len(files),
        "renditions_kb": sum(default_storage.size(f) for f in files) / 1000,
        "peak_mb": peak_kb / 1024,
        "peak_growth_mb": (peak_kb - baseline_kb) / 1024,
    }


def page_worker(tmp: Path, requests: int = 200) -> dict:
    setup(tmp)
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.utils import timezone

    from articles.models import Section, Status, Story
    from library.models import Image
    from library.tasks import build_renditions

    setup_test_environment()
    call_command("migrate", verbosity=0)
    section = Section.objects.create(name="News", slug="news")
    small = photo(1600, 1000)
    for n in range(12):
        image = Image(title=f"Photo {n}", alt="A photo")
        image.store(SimpleUploadedFile(f"p{n}.jpg", small, content_type="image/jpeg"))
        image.save()
        build_renditions.call(image.pk, image.file)  # no worker here to run the queued job
        Story.objects.create(
            title=f"Story {n}",
            slug=f"story-{n}",
            standfirst="A standfirst of a sensible length for a card on the list page.",
            section=section,
            status=Status.PUBLISHED,
            published_at=timezone.now(),
            hero=image,
        )
    client = Client()

    def render_ms() -> float:
        client.get("/news/")
        timings = []
        for _ in range(requests):
            started = time.perf_counter()
            assert client.get("/news/").status_code == 200
            timings.append(time.perf_counter() - started)
        return statistics.median(timings) * 1000

    with_renditions = render_ms()
    html = client.get("/news/").content.decode()
    srcsets = html.count("srcset=")
    Image.objects.update(renditions={})
    without_renditions = render_ms()
    return {
        "with_ms": with_renditions,
        "without_ms": without_renditions,
        "srcsets": srcsets,
        "requests": requests,
    }


def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1] == "--make-photo":
        (Path(sys.argv[2]) / "photo.jpg").write_bytes(photo())
        return 0
    if len(sys.argv) == 3 and sys.argv[1] in {"--pipeline", "--page"}:
        worker = pipeline_worker if sys.argv[1] == "--pipeline" else page_worker
        print(json.dumps(worker(Path(sys.argv[2]))))
        return 0
    results = {}
    for kind in ("--pipeline", "--page"):
        with tempfile.TemporaryDirectory() as tmp:
            if kind == "--pipeline":
                # Made in a process of its own: a peak resident size survives
                # fork and exec, so neither parent nor worker may make it.
                subprocess.run([sys.executable, __file__, "--make-photo", tmp], check=True)
            output = subprocess.run(
                [sys.executable, __file__, kind, tmp], check=True, capture_output=True, text=True
            )
            results[kind] = json.loads(output.stdout.strip().splitlines()[-1])
    p, g = results["--pipeline"], results["--page"]
    print(
        "\n".join(
            [
                f"Library image pipeline: one 6000 x 4000 JPEG "
                f"({p['source_mb']:.1f} MB, with EXIF)",
                "",
                "| step | time | ",
                "| --- | ---: |",
                f"| validate + upright, metadata-free master ({p['master']}) "
                f"| {p['master_seconds'] * 1000:.0f} ms |",
                f"| {p['renditions']} renditions (WebP + JPEG) "
                f"| {p['renditions_seconds'] * 1000:.0f} ms |",
                f"| total | {p['total_seconds'] * 1000:.0f} ms |",
                "",
                f"Peak memory: {p['peak_mb']:.0f} MB resident "
                f"({p['peak_growth_mb']:.0f} MB above the process before the photo); "
                f"renditions total {p['renditions_kb']:.0f} kB.",
                "",
                f"/news/ with 12 cards, median of {g['requests']} requests (test client, SQLite):",
                "",
                "| renditions | server time |",
                "| --- | ---: |",
                f"| present ({g['srcsets']} srcset attributes) | {g['with_ms']:.2f} ms |",
                f"| absent (master stands in) | {g['without_ms']:.2f} ms |",
            ]
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
