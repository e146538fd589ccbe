"""Import schools from the DfE's "Get Information about Schools" (GIAS) register.

GIAS publishes every establishment in England as one CSV ("edubasealldata"):
Windows-1252 text, 130-odd columns, one establishment a row, keyed by URN.
``import_schools`` upserts ``School`` rows from it. The rules it follows:

- A school is matched by URN. New URNs are created; known ones are saved only
  when a mapped field differs, so a second run of the same file changes
  nothing. Schools are never deleted: a school that leaves the register stays,
  and one that closes is marked by its status ("Closed").
- Only the columns in ``GIAS_COLUMNS`` are read. Membership dates and the
  email domain belong to the network, not the register, and are never touched.
  A mapped column absent from the file leaves that field as it is.
- A new school's slug is its slugified name, with "-<urn>" added when another
  school has it. An existing school keeps its slug when renamed: slugs are
  URLs, and URLs should not break.
- "Not applicable", the register's filler for lookups such as phase, is
  stored as blank.
- A website without a scheme (``www.example.sch.uk``) gets ``https://``. One
  that is still not a valid URL is left out with a warning, not a bad row: the
  rest of the row is good. A new school then has no website; an existing one
  keeps the one it has.
- A bad row (wrong number of fields, URN missing or not a number, name
  missing, a value the model rejects) is reported with its physical line
  number (the header is line 1) and skipped; the good rows are still
  imported, unless ``atomic`` asks for all or nothing.
- Every row is checked (``full_clean``) before anything is written. URN and
  slug uniqueness is checked against the sets loaded at the start and kept up
  to date while planning (the database constraints remain the last word).
  The writes then happen in bulk inside one transaction, so a failure
  part-way leaves the database as it was.
"""

import codecs
import csv
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, count

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.text import slugify

from members.models import School

# School field -> the GIAS column it comes from.
GIAS_COLUMNS: dict[str, str] = {
    "urn": "URN",
    "name": "EstablishmentName",
    "local_authority": "LA (name)",
    "phase": "PhaseOfEducation (name)",
    "type": "TypeOfEstablishment (name)",
    "region": "GOR (name)",
    "establishment_status": "EstablishmentStatus (name)",
    "postcode": "Postcode",
    "website": "SchoolWebsite",
}
REQUIRED_FIELDS = ("urn", "name")
# GIAS lookups whose filler value "Not applicable" means "none".
LOOKUP_FIELDS = ("local_authority", "phase", "type", "region")
NOT_APPLICABLE = "not applicable"

PROGRESS_EVERY = 1_000
BATCH_SIZE = 500

validate_website = URLValidator(schemes=["http", "https"])


class InvalidFile(Exception):
    """The file as a whole cannot be imported; nothing was changed."""


class InvalidEncoding(InvalidFile):
    """The file is not text in the encoding it was read with."""


@dataclass
class ImportReport:
    """What an import did, or would do: counts, and (line, message) pairs."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    outside_region: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)
    warnings: list[tuple[int, str]] = field(default_factory=list)
    saved: bool = False

    @property
    def skipped(self) -> int:
        return len(self.errors)

    def as_dict(self, *, listed: int = 200) -> dict:
        """The counts, and the first ``listed`` bad rows and warnings, for keeping."""
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "outside_region": self.outside_region,
            "errors": self.errors[:listed],
            "warnings": self.warnings[:listed],
            "error_count": len(self.errors),
            "warning_count": len(self.warnings),
            "saved": self.saved,
        }


def decode_lines(stream: Iterable[bytes], *, encoding: str) -> Iterator[str]:
    """Yield each line of ``stream`` as text; stop at the first line that is not ``encoding``.

    A UTF-8 byte-order mark overrides ``encoding``: it proves the file is
    UTF-8 (Excel's "CSV UTF-8" writes one). UTF-8 without the mark, read as
    Windows-1252, would decode without error into "St Bedeâ€™s", so a line
    that is valid UTF-8 but read with another encoding is refused instead.
    """
    guard_against_utf8 = not codecs.lookup(encoding).name.startswith("utf")
    for number, raw in enumerate(stream, start=1):
        if number == 1 and raw.startswith(codecs.BOM_UTF8):
            encoding, guard_against_utf8 = "utf-8-sig", False
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError as error:
            raise InvalidEncoding(
                f"line {number} is not valid {encoding} text "
                f"(byte {raw[error.start]:#04x} at position {error.start + 1})"
            ) from None
        if guard_against_utf8 and not raw.isascii() and _is_utf8(raw):
            raise InvalidEncoding(
                f"line {number} looks like UTF-8, not {encoding}: "
                f"{raw.decode('utf-8').strip()[:60]!r} would be read as {text.strip()[:60]!r}"
            )
        yield text


def import_schools(
    *,
    lines: Iterable[str],
    region: str | None = None,
    dry_run: bool = False,
    atomic: bool = False,
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Create or update schools from the lines of a GIAS CSV, matched by URN.

    ``region`` keeps only rows whose "GOR (name)" matches it, ignoring case.
    ``dry_run`` checks every row and counts, but saves nothing. ``atomic``
    saves nothing if any row is bad. ``progress`` is called with the number
    of rows read, every ``PROGRESS_EVERY`` rows.
    """
    reader = csv.reader(lines)
    header = [name.strip() for name in next(reader, [])]
    if not header:
        raise InvalidFile("the file is empty")
    plan = _Plan(header=header, region=region)

    rows_read = 0
    last_line = reader.line_num
    for cells in reader:
        # A record starts on the line after the previous one ended: quoted
        # fields may span lines, and the report should name the first.
        line, last_line = last_line + 1, reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        plan.add(line, cells)
        rows_read += 1
        if progress and rows_read % PROGRESS_EVERY == 0:
            progress(rows_read)

    report = plan.report
    if dry_run or (atomic and report.errors):
        return report
    # Every row was checked above, so the writes are bulk; one transaction
    # leaves nothing half-imported if the database fails part-way.
    with transaction.atomic():
        School.objects.bulk_create(plan.to_create, batch_size=BATCH_SIZE)
        for fields, schools in plan.to_update.items():
            School.objects.bulk_update(schools, fields, batch_size=BATCH_SIZE)
    report.saved = True
    return report


class _Plan:
    """Check rows one by one, and collect the schools to create and to update."""

    def __init__(self, *, header: list[str], region: str | None) -> None:
        self.width = len(header)
        position = {name: index for index, name in enumerate(header)}
        needed = [GIAS_COLUMNS[name] for name in REQUIRED_FIELDS]
        if region is not None:
            needed.append(GIAS_COLUMNS["region"])
        if missing := [column for column in needed if column not in position]:
            raise InvalidFile(
                f"missing required column{'s' if len(missing) > 1 else ''}: {', '.join(missing)}"
            )
        self.columns = {
            name: position[column] for name, column in GIAS_COLUMNS.items() if column in position
        }
        self.region = region.strip().casefold() if region is not None else None

        # One query each, instead of one per row.
        self.existing = {school.urn: school for school in School.objects.filter(urn__isnull=False)}
        self.taken_slugs = set(School.objects.values_list("slug", flat=True))
        self.first_seen: dict[str, int] = {}

        self.report = ImportReport()
        self.to_create: list[School] = []
        # Grouped by the fields that changed: bulk_update writes one CASE
        # per field per row, so writing only changed fields keeps it cheap.
        self.to_update: defaultdict[tuple[str, ...], list[School]] = defaultdict(list)

    def add(self, line: int, cells: list[str]) -> None:
        """Check one row and plan its write, or record why it is bad."""
        if len(cells) != self.width:
            self.report.errors.append(
                (line, f"has {len(cells)} fields, expected {self.width} (a broken row?)")
            )
            return
        values = {name: cells[index].strip() for name, index in self.columns.items()}
        if self.region is not None and values["region"].casefold() != self.region:
            self.report.outside_region += 1
            return
        if problem := self._problem(values):
            self.report.errors.append((line, problem))
            return
        self.first_seen[values["urn"]] = line

        for name in LOOKUP_FIELDS:
            if values.get(name, "").casefold() == NOT_APPLICABLE:
                values[name] = ""
        if "website" in values:
            website = normalise_website(values["website"])
            if website is None:
                self.report.warnings.append(
                    (line, f"SchoolWebsite {values['website']!r} is not a valid URL; left out")
                )
                del values["website"]
            else:
                values["website"] = website

        school = self.existing.get(values["urn"])
        if school is None:
            self._create(line, values)
        else:
            self._update(line, school, values)

    def _problem(self, values: dict[str, str]) -> str | None:
        """Return why the row cannot be a school, or None."""
        urn = values["urn"]
        if not urn:
            return "missing URN"
        if not (urn.isascii() and urn.isdigit()):
            return f"URN {urn!r} is not a number"
        if urn in self.first_seen:
            return f"URN {urn} appears again (first on line {self.first_seen[urn]})"
        if not values["name"]:
            return "missing EstablishmentName"
        return None

    def _create(self, line: int, values: dict[str, str]) -> None:
        school = School(**values, slug=self._free_slug(values["name"], values["urn"]))
        if self._is_valid(line, school):
            self.taken_slugs.add(school.slug)
            self.to_create.append(school)
            self.report.created += 1

    def _update(self, line: int, school: School, values: dict[str, str]) -> None:
        changed = {name: value for name, value in values.items() if getattr(school, name) != value}
        if not changed:
            self.report.unchanged += 1
            return
        for name, value in changed.items():
            setattr(school, name, value)
        if self._is_valid(line, school):
            self.to_update[tuple(changed)].append(school)
            self.report.updated += 1

    def _is_valid(self, line: int, school: School) -> bool:
        # URN and slug uniqueness is already known from the sets loaded at the
        # start; asking the database again would cost two queries a row.
        try:
            school.full_clean(validate_unique=False)
        except ValidationError as error:
            self.report.errors.append((line, _describe(error)))
            return False
        return True

    def _free_slug(self, name: str, urn: str) -> str:
        max_length = School._meta.get_field("slug").max_length
        base = slugify(name) or "school"
        candidates = (
            base[: max_length - len(suffix)].rstrip("-") + suffix
            for suffix in chain(["", f"-{urn}"], (f"-{urn}-{n}" for n in count(2)))
        )
        return next(slug for slug in candidates if slug not in self.taken_slugs)


def normalise_website(value: str) -> str | None:
    """Return ``value`` as an http(s) URL, "" if blank, or None if it cannot be one."""
    value = value.strip()
    if not value:
        return ""
    if "://" not in value:
        value = f"https://{value}"
    try:
        validate_website(value)
    except ValidationError:
        return None
    if len(value) > School._meta.get_field("website").max_length:
        return None
    return value


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _describe(error: ValidationError) -> str:
    """Name each invalid field by its GIAS column, as the person fixing the file knows it."""
    parts = []
    for name, messages in error.message_dict.items():
        text = " ".join(messages)
        label = "" if name == NON_FIELD_ERRORS else f"{GIAS_COLUMNS.get(name, name)}: "
        parts.append(label + text)
    return "; ".join(parts)
