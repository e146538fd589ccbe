"""``manage.py import_schools FILE``: load the GIAS establishment register.

The rules live in ``members.importers``; this command opens the file, calls
``import_schools`` and prints the report: bad rows and warnings (with line
numbers) to stderr, the counts to stdout.
"""

import codecs
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from members.importers import (
    ImportReport,
    InvalidEncoding,
    InvalidFile,
    decode_lines,
    import_schools,
)


class Command(BaseCommand):
    help = (
        "Create or update schools from the establishment CSV of Get Information about Schools "
        "(edubasealldata), matched by URN. Never deletes a school."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The GIAS CSV file.")
        parser.add_argument(
            "--region",
            help='Import only rows whose "GOR (name)" is this region, e.g. "North East".',
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check every row and report what would change, but save nothing.",
        )
        parser.add_argument(
            "--atomic",
            action="store_true",
            help="Import all rows or none: save nothing if any row is bad.",
        )
        parser.add_argument(
            "--encoding",
            default="cp1252",
            help="The file's encoding: cp1252 (the default, as GIAS publishes it) or utf-8-sig.",
        )

    def handle(self, *args, file: Path, region, dry_run, atomic, encoding, verbosity, **options):
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise CommandError(f"Unknown encoding {encoding!r}; try cp1252 or utf-8-sig.") from None

        try:
            with file.open("rb") as stream:
                report = import_schools(
                    lines=decode_lines(stream, encoding=encoding),
                    region=region,
                    dry_run=dry_run,
                    atomic=atomic,
                    progress=self.show_progress if verbosity >= 1 else None,
                )
        except FileNotFoundError:
            raise CommandError(f"{file}: no such file.") from None
        except OSError as error:
            raise CommandError(f"{file}: cannot read it ({error.strerror}).") from None
        except InvalidEncoding as error:
            raise CommandError(
                f"{file}: {error}. Nothing was imported; choose the file's encoding with "
                "--encoding (cp1252 or utf-8-sig)."
            ) from None
        except InvalidFile as error:
            raise CommandError(f"{file}: {error}. Nothing was imported.") from None

        for line, message in report.errors:
            self.stderr.write(f"line {line}: {message}")
        for line, message in report.warnings:
            self.stderr.write(f"line {line}: {message}", style_func=self.style.WARNING)
        if region and report.outside_region and not self.rows_in_region(report):
            self.stderr.write(
                f"No row is in region {region!r}: check its spelling against the file's "
                '"GOR (name)" column.',
                style_func=self.style.WARNING,
            )
        if atomic and report.errors:
            bad = f"{report.skipped} bad row{'s' if report.skipped != 1 else ''}"
            raise CommandError(f"Imported nothing: {bad}, and --atomic imports all rows or none.")
        if verbosity >= 1:
            self.stdout.write(self.summary(report, dry_run=dry_run))

    def show_progress(self, rows_read: int) -> None:
        # Plain: stderr's default style is the one for errors.
        self.stderr.write(f"{rows_read:,} rows read…", style_func=lambda text: text)

    @staticmethod
    def rows_in_region(report: ImportReport) -> int:
        return report.created + report.updated + report.unchanged + report.skipped

    @staticmethod
    def summary(report: ImportReport, *, dry_run: bool) -> str:
        counts = (
            f"{report.unchanged:,} unchanged, {report.skipped:,} skipped (bad rows), "
            f"{report.outside_region:,} outside region."
        )
        if dry_run:
            return (
                f"Dry run, nothing saved: {report.created:,} to create, "
                f"{report.updated:,} to update, {counts}"
            )
        return f"Schools: {report.created:,} created, {report.updated:,} updated, {counts}"
