"""``manage.py import_wordpress EXPORT.xml [--uploads DIR]``: move a WordPress site's news in.

The rules live in ``wordpress.importer``; this command checks its arguments,
shows progress, and prints the report: what was not imported and why, each
failed post by id and title (stderr), and the counts by type (stdout).
"""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from wordpress.importer import Importer
from wordpress.models import Kind
from wordpress.wxr import ExportError

OUTCOMES = ("created", "updated", "unchanged", "skipped", "failed")
KINDS = ((Kind.POST, "Posts → stories"), (Kind.PAGE, "Pages"), (Kind.ATTACHMENT, "Images"))


class Command(BaseCommand):
    help = (
        "Import a WordPress export (WXR 1.0–1.2, from Tools → Export): posts as stories, pages "
        "as pages, featured and body images into the media library, old addresses as 301 "
        "redirects. Safe to run again: items are matched by their WordPress id."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", type=Path, help="The .xml file WordPress exported.")
        parser.add_argument(
            "--uploads",
            type=Path,
            help="A copy of the site's wp-content/uploads folder: images and documents are "
            "taken from it (never fetched from the old site).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Read everything and report what would happen, but change nothing.",
        )
        parser.add_argument(
            "--atomic",
            action="store_true",
            help="Import everything or nothing: change nothing if any post fails.",
        )
        parser.add_argument(
            "--overwrite",
            action="store_true",
            help="Also replace stories and pages edited (or deleted) here since the last import.",
        )

    def handle(self, *args, export: Path, uploads, dry_run, atomic, overwrite, **options):
        if not export.is_file():
            raise CommandError(f"{export} is not a file. Give the path of the exported .xml file.")
        if uploads is not None and not uploads.is_dir():
            raise CommandError(
                f"{uploads} is not a folder. Give the path of a copy of wp-content/uploads."
            )
        importer = Importer(
            export,
            uploads=uploads,
            dry_run=dry_run,
            atomic=atomic,
            overwrite=overwrite,
            progress=self._progress if options["verbosity"] > 0 else None,
        )
        if options["verbosity"] > 0:
            self.stderr.write(
                f"Reading {export.name}: checking the whole file first…",
                style_func=lambda text: text,
            )
        try:
            report = importer.run()
        except ExportError as error:
            raise CommandError(f"{export}: {error} Nothing was imported.") from None
        finally:
            if getattr(self, "bar", None) is not None:
                self.bar.close()

        for note in report.notes:
            self.stderr.write(f"Note: {note}", self.style.WARNING)
        for failure in report.failures:
            self.stderr.write(f"Failed: {failure}", self.style.ERROR)
        self._counts(report)
        if report.rolled_back and dry_run:
            self.stdout.write(self.style.WARNING("Dry run: nothing was changed."))
        elif report.rolled_back:
            raise CommandError(
                f"{len(report.failures)} failed, and --atomic was given: nothing was imported."
            )
        elif report.failures:
            raise CommandError(
                f"{len(report.failures)} failed (listed above); the rest were imported."
            )

    def _progress(self, total: int):
        self.stderr.write(f"Importing {total:,} posts and pages…", style_func=lambda text: text)
        # On a terminal only: a log file gets the counts, not a bar.
        self.bar = tqdm(total=total, unit="post", file=sys.stderr, disable=None, delay=1)
        return lambda: self.bar.update()

    def _counts(self, report) -> None:
        self.stdout.write(f"WordPress export (WXR {report.version}):")
        for kind, label in KINDS:
            counts = {outcome: report.counts[kind, outcome] for outcome in OUTCOMES}
            if kind == Kind.ATTACHMENT:
                counts = {k: v for k, v in counts.items() if k in {"created", "updated"}}
            shown = ", ".join(f"{n} {outcome}" for outcome, n in counts.items())
            self.stdout.write(f"  {label}: {shown}")
        if documents := report.counts["document", "created"]:
            self.stdout.write(f"  Documents: {documents} created")
        if report.not_imported:
            shown = "; ".join(f"{what}: {n}" for what, n in sorted(report.not_imported.items()))
            self.stdout.write(f"  Not imported: {shown}")
