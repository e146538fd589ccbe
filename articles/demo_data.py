"""Read the demo's content from its data files in ``settings.DEMO_DIR`` (``demo/``).

``load_demo`` loads what this module reads; the files hold text, not code:

- ``sections.toml`` and ``schools.toml``: TOML, one ``[[section]]`` or
  ``[[school]]`` table each;
- ``stories/NN-slug.html`` and ``pages/NN-slug.html``: a front matter block of
  TOML between two ``+++`` lines, then the body as HTML. The file's name gives
  the slug; ``NN`` only orders the files (they load in name order).

Every file is read and checked before anything is saved: a malformed one
raises ``DemoDataError``, whose message names the file and what is wrong.
"""

import datetime
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from articles.models import Status, Visibility

REQUIRED = object()
FILE_NAME = re.compile(r"(?P<number>\d+)-(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)\.html")
# "2 days ago", "3 days 4 hours ago", "5 hours ago", "in 5 days".
WHEN = re.compile(
    r"(?P<future>in )?(?:(?P<days>\d+) days?)? ?(?:(?P<hours>\d+) hours?)?(?P<past> ago)?"
)

SECTION_FIELDS = {"name": str, "slug": str, "description": str, "order": int}
SCHOOL_FIELDS = {
    "name": str,
    "urn": str,
    "local_authority": str,
    "phase": str,
    "type": str,
    "postcode": str,
    "email_domain": str,
    "member_years": (int, None),
}
STORY_FIELDS = {
    "title": str,
    "section": str,
    "standfirst": str,
    "byline": str,
    "tags": list,
    "status": (str, Status.PUBLISHED),
    "visibility": (str, Visibility.PUBLIC),
    "featured": (bool, False),
    "published": (str, None),
    "illustration": (int, None),
}


class DemoDataError(Exception):
    """A demo file that cannot be loaded as it is."""

    def __init__(self, path: Path, problem: str):
        super().__init__(f"{path}: {problem}")


@dataclass(frozen=True)
class DemoStory:
    path: Path
    slug: str
    title: str
    section: str
    standfirst: str
    byline: str
    tags: list[str]
    status: str
    visibility: str
    featured: bool
    # When it goes live, from the moment of loading: negative is in the past.
    published: datetime.timedelta | None
    # Which of articles/demo_images.py's illustrations is its hero image, if any.
    illustration: int | None
    body: str


def sections() -> list[dict]:
    """The news sections, in ``sections.toml``'s order."""
    path = settings.DEMO_DIR / "sections.toml"
    return [fields(path, data, SECTION_FIELDS) for data in _tables(path, "section")]


def schools() -> list[dict]:
    """The schools of the directory; ``member_years`` is None for a school never a member."""
    path = settings.DEMO_DIR / "schools.toml"
    return [fields(path, data, SCHOOL_FIELDS) for data in _tables(path, "school")]


def stories() -> list[DemoStory]:
    """Every story in ``stories/``, in the files' order."""
    known_sections = {section["slug"] for section in sections()}
    found = []
    for path, slug in numbered_files(settings.DEMO_DIR / "stories"):
        front, body = read_front_matter(path)
        data = fields(path, front, STORY_FIELDS)
        if not all(isinstance(tag, str) and tag for tag in data["tags"]):
            raise DemoDataError(path, f"tags should be a list of words, not {data['tags']!r}")
        for name, allowed in (
            ("section", known_sections),
            ("status", Status.values),
            ("visibility", Visibility.values),
        ):
            if data[name] not in allowed:
                expected = ", ".join(sorted(allowed))
                raise DemoDataError(path, f"unknown {name} {data[name]!r} (expected {expected})")
        published = data.pop("published")
        data["published"] = None if published is None else _offset(path, published)
        found.append(DemoStory(path=path, slug=slug, body=body, **data))
    return found


def numbered_files(directory: Path) -> list[tuple[Path, str]]:
    """The ``NN-slug.html`` files in ``directory``, in name order, each with its slug."""
    found = []
    for path in sorted(directory.glob("*.html")):
        match = FILE_NAME.fullmatch(path.name)
        if match is None:
            raise DemoDataError(path, "name it NN-slug.html: digits, a hyphen, then the slug")
        found.append((path, match["slug"]))
    if not found:
        raise DemoDataError(directory, "no NN-slug.html files here")
    return found


def read_front_matter(path: Path) -> tuple[dict, str]:
    """Split a demo file into its TOML front matter (between ``+++`` lines) and its body."""
    text = path.read_text(encoding="utf-8")
    opening, _, rest = text.partition("\n")
    front, closing, body = rest.partition("\n+++\n")
    if opening.strip() != "+++" or not closing:
        raise DemoDataError(path, "start with a front matter block between two +++ lines")
    try:
        # One newline first, for the opening +++: the error's line is the file's line.
        data = tomllib.loads("\n" + front)
    except tomllib.TOMLDecodeError as error:
        raise DemoDataError(path, f"the front matter is not valid TOML: {error}") from error
    if not body.strip():
        raise DemoDataError(path, "the body after the front matter is empty")
    return data, body.strip()


def fields(path: Path, data: dict, spec: dict) -> dict:
    """Check ``data`` against ``spec`` (name: type, or (type, default) when optional)."""
    unknown = sorted(set(data) - set(spec))
    if unknown:
        raise DemoDataError(
            path, f"unknown field {', '.join(unknown)} (expected some of {', '.join(spec)})"
        )
    checked = {}
    for name, kind in spec.items():
        kind, default = kind if isinstance(kind, tuple) else (kind, REQUIRED)
        if name not in data:
            if default is REQUIRED:
                raise DemoDataError(path, f"missing field {name!r}")
            checked[name] = default
            continue
        value = data[name]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise DemoDataError(path, f"{name} should be {kind.__name__}, not {value!r}")
        checked[name] = value
    return checked


def _tables(path: Path, name: str) -> list[dict]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise DemoDataError(path, f"not valid TOML: {error}") from error
    tables = data.pop(name, [])
    if data or not tables:
        raise DemoDataError(path, f"expected only [[{name}]] tables, at least one")
    return tables


def _offset(path: Path, when: str) -> datetime.timedelta:
    match = WHEN.fullmatch(when.strip())
    if (
        match is None
        or not (match["days"] or match["hours"])
        or bool(match["future"]) == bool(match["past"])
    ):
        raise DemoDataError(
            path, f"published should read like “2 days 3 hours ago” or “in 5 days”, not {when!r}"
        )
    offset = datetime.timedelta(days=int(match["days"] or 0), hours=int(match["hours"] or 0))
    return offset if match["future"] else -offset
