"""Bring a WordPress export in: posts as stories, pages as pages, images into
the library, old addresses as redirects.

``Importer.run`` reads the export twice, streaming both times: first to check
the whole file and note what is small and needed everywhere (authors,
categories, the attachments' files and alt text), then to import each post
and page in its own transaction. A post that fails is reported by id and
title and leaves nothing behind (its new files are deleted too); with
``atomic`` the first failure leaves the whole database as it was.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

import reversion
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import slugify
from taggit.models import Tag

from articles.models import RESERVED_SLUGS, Redirect, Section, Status, Story, Visibility
from library import documents, images
from library.models import Document, Image
from pages import addresses
from pages.models import Page
from pages.models import Status as PageStatus
from wordpress import content, wxr
from wordpress.models import ImportedItem, Kind

logger = logging.getLogger(__name__)

COMMENT = "Imported from WordPress"
NEEDS_ALT_TEXT = "needs alt text"
UPLOADS = re.compile(r"/wp-content/uploads/(?P<path>[^?#]+)")
SIZE_SUFFIX = re.compile(r"-\d+x\d+(?=\.\w+$)")
IMG_SRC = re.compile(r'<img src="[^"]*"')
WP_IMAGE_CLASS = re.compile(r"\bwp-image-(\d+)\b")
UPLOAD_LINK = re.compile(r"""href=(["'])([^"']*/wp-content/uploads/[^"']+)\1""", re.IGNORECASE)
IGNORED_STATUSES = {
    "auto-draft": "that were auto-drafts",
    "trash": "in the bin",
    "inherit": "that are revisions",
}
# Post types that are WordPress's own plumbing or a plugin's or theme's data.
MENU_TYPES = {"nav_menu_item", "wp_navigation"}
# Posts imported per transaction: side effects (search, counts) run once per batch.
BATCH = 100


class Rollback(Exception):
    """Undo the whole run (a dry run, or --atomic after a failure)."""


@dataclass
class Attachment:
    id: int
    title: str
    alt: str
    caption: str
    file: str  # relative to the uploads folder
    parent: int


@dataclass
class Report:
    """What a run did, for the command to print."""

    counts: Counter = field(default_factory=Counter)  # (kind, outcome) -> n
    not_imported: Counter = field(default_factory=Counter)  # what -> n
    notes: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    version: str = ""
    rolled_back: bool = False


def _uploads_path(url_or_path: str) -> str:
    """The part of an uploads address after ``wp-content/uploads/``."""
    if match := UPLOADS.search(unquote(urlsplit(url_or_path).path)):
        return match.group("path")
    return ""


def _old_path(link: str) -> str:
    """The path (and query) readers' links hold, from a full WordPress address."""
    parts = urlsplit(link.strip())
    if not parts.path and not parts.query:
        return ""
    path = unquote(parts.path or "/")
    return f"{path}?{parts.query}" if parts.query else path


def _when(item: wxr.Item):
    """The item's time: GMT when the export has it, else the site's local time."""
    for text, zone in ((item.date_gmt, UTC), (item.date, None)):
        if not text or text.startswith("0000"):
            continue
        try:
            moment = datetime.strptime(text, "%Y-%m-%d %H:%M:%S")  # noqa: DTZ007 (zone below)
        except ValueError:
            raise ValidationError(f"its date “{text}” is not a date and time") from None
        if zone is None:
            return timezone.make_aware(moment, timezone.get_current_timezone())
        return moment.replace(tzinfo=zone)
    return None


class Importer:
    def __init__(
        self,
        export: Path,
        *,
        uploads: Path | None = None,
        dry_run: bool = False,
        atomic: bool = False,
        overwrite: bool = False,
        progress: Callable[[int], Callable[[], None]] | None = None,
    ):
        self.export = export
        self.uploads = uploads.resolve() if uploads else None
        self.dry_run = dry_run
        self.atomic = atomic
        self.overwrite = overwrite
        self.progress = progress
        self.report = Report()
        self.authors: dict[str, str] = {}
        self.categories: dict[str, str] = {}  # slug -> name
        self.attachments: dict[int, Attachment] = {}
        self.attachment_by_file: dict[str, int] = {}
        self.children: dict[int, list[int]] = {}
        self.images: dict[int, Image | None] = {}  # this run's, by attachment id
        self.loose: dict[str, Image | None] = {}  # images with no attachment, by path
        self.documents: dict[str, Document | None] = {}
        self.stored: list[tuple[str, object]] = []  # (name, storage) written this run
        self.notes: list[str] = []  # the current item's

    # The two passes

    def run(self) -> Report:
        total = self._survey()
        tick = self.progress(total) if self.progress else (lambda: None)
        whole_run = self.dry_run or self.atomic
        try:
            with transaction.atomic() if whole_run else nullcontext():
                batch = []
                for entry in wxr.read(self.export):
                    if isinstance(entry, wxr.Item) and entry.post_type in {"post", "page"}:
                        batch.append(entry)
                    if len(batch) == BATCH:
                        self._import_batch(batch, tick, commit=not whole_run)
                        batch = []
                self._import_batch(batch, tick, commit=not whole_run)
                if self.dry_run or (self.atomic and self.report.failures):
                    raise Rollback
        except Rollback:
            self.report.rolled_back = True
            self._delete_files(0)
        except BaseException:
            self._delete_files(0)
            raise
        return self.report

    def _import_batch(self, batch: list[wxr.Item], tick, *, commit: bool) -> None:
        """Import a batch of posts and pages in one transaction (each in its own
        savepoint), so that side effects run once per batch."""
        with transaction.atomic():
            for item in batch:
                self._import(item)
                tick()
        if commit:
            self.stored.clear()  # committed: no longer this run's to delete

    def _survey(self) -> int:
        """Read the whole file once: check it, and note authors, categories and
        attachments. Return how many posts and pages it holds."""
        total = 0
        for entry in wxr.read(self.export):
            if isinstance(entry, str):
                self.report.version = entry
            elif isinstance(entry, wxr.Author):
                self.authors[entry.login] = " ".join(entry.display_name.split())
            elif isinstance(entry, wxr.Term):
                if entry.taxonomy == "category":
                    self.categories[entry.slug] = entry.name
            elif entry.post_type in {"post", "page"}:
                total += 1
            elif entry.post_type == "attachment" and entry.id:
                self._note_attachment(entry)
            elif entry.post_type in MENU_TYPES:
                self.report.not_imported["menu items"] += 1
            else:
                what = f"“{entry.post_type or '?'}” items (a plugin's or theme's)"
                self.report.not_imported[what] += 1
            if isinstance(entry, wxr.Item) and entry.comments:
                self.report.not_imported["comments"] += entry.comments
        return total

    def _note_attachment(self, item: wxr.Item) -> None:
        file = item.meta.get("_wp_attached_file", "").strip() or _uploads_path(item.attachment_url)
        self.attachments[item.id] = Attachment(
            id=item.id,
            title=content.plain_text(item.title),
            alt=" ".join(item.meta.get("_wp_attachment_image_alt", "").split()),
            caption=content.plain_text(item.excerpt),
            file=file,
            parent=item.parent,
        )
        if file:
            self.attachment_by_file[file] = item.id
        if item.parent:
            self.children.setdefault(item.parent, []).append(item.id)

    # One post or page

    def _import(self, item: wxr.Item) -> None:
        kind = Kind.POST if item.post_type == "post" else Kind.PAGE
        if item.status in IGNORED_STATUSES or not item.id:
            reason = IGNORED_STATUSES.get(item.status, "without an id")
            self.report.not_imported[f"{kind.label.lower()}s {reason}"] += 1
            return
        files_before = len(self.stored)
        cached_before = {name: len(cache) for name, cache in self._caches().items()}
        self.notes = []
        try:
            with transaction.atomic(), reversion.create_revision():
                reversion.set_comment(f"{COMMENT} ({item.post_type} {item.id}).")
                outcome = (self._post if kind == Kind.POST else self._page)(item)
        except Exception as error:  # any failure of one post: report it, keep going
            self._delete_files(files_before)
            # What this post added to the library was rolled back with it.
            for name, cache in self._caches().items():
                for key in list(cache)[cached_before[name] :]:
                    del cache[key]
            message = "; ".join(error.messages) if isinstance(error, ValidationError) else error
            self.report.failures.append(f"{item.label}: {message}")
            self.report.counts[kind, "failed"] += 1
            logger.debug("Importing %s failed", item.label, exc_info=True)
            return
        self.report.counts[kind, outcome] += 1
        self.report.notes.extend(f"{item.label}: {note}" for note in self.notes)

    def _caches(self) -> dict[str, dict]:
        return {"images": self.images, "loose": self.loose, "documents": self.documents}

    def _record(self, item: wxr.Item, kind: Kind):
        record = ImportedItem.objects.filter(wordpress_id=item.id).first()
        if record and record.kind != kind:
            raise ValidationError(
                f"WordPress id {item.id} was imported before as a {record.get_kind_display()}"
            )
        return record

    def _earlier(self, item: wxr.Item, kind: Kind):
        """An earlier import's record of ``item``, the story or page it made, and
        whether to leave that alone (noted)."""
        record = self._record(item, kind)
        target = getattr(record, "story" if kind == Kind.POST else "page") if record else None
        reason = self._leave_alone(record, target)
        if reason:
            self.notes.append(f"skipped: {reason}")
        return record, target, bool(reason)

    def _leave_alone(self, record, target) -> str | None:
        """Why an earlier import's story or page must not be written over, if it mustn't."""
        if self.overwrite or record is None:
            return None
        if target is None:
            return "deleted here since the last import (--overwrite brings it back)"
        if record.written_at != target.updated_at:
            return "edited here since the last import (--overwrite replaces the edits)"
        return None

    def _post(self, item: wxr.Item) -> str:
        record, story, skip = self._earlier(item, Kind.POST)
        if skip:
            return "skipped"
        created = story is None
        story = story or Story()
        old_tags = set() if created else set(story.tags.values_list("pk", flat=True))
        html = self._body(item, Story)
        title = self._title(item, html)
        values = {
            "title": title,
            "slug": self._slug(item, title, Story, exclude=story.pk, max_length=200),
            "standfirst": self._summary(item, html, 400),
            "body": html,
            "byline": self.authors.get(item.creator, item.creator)[:150],
            "section": self._section(item),
            "hero": self._hero(item),
            **self._state(item),
        }
        tags = self._tags(item)
        if not created and self._unchanged(story, values) and old_tags == {t.pk for t in tags}:
            return "unchanged"
        for name, value in values.items():
            if name != "hero":
                setattr(story, name, value)
        # A featured image without alt text is kept, and listed for editors to
        # describe (``NEEDS_ALT_TEXT``); the admin's rule asks for it on the next save.
        story.full_clean()
        story.hero = values["hero"]
        story.save()
        story.tags.set(tags)
        self._redirects(item, story=story)
        self._remember(item, record, Kind.POST, story=story)
        return "created" if created else "updated"

    def _page(self, item: wxr.Item) -> str:
        record, page, skip = self._earlier(item, Kind.PAGE)
        if skip:
            return "skipped"
        created = page is None
        page = page or Page()
        html = self._body(item, Page)
        title = self._title(item, html)
        state = self._state(item)
        if item.status == "future":
            self.notes.append("a scheduled page: imported as a draft (pages have no schedule)")
        values = {
            "title": title,
            "slug": self._slug(item, title, Page, exclude=page.pk, max_length=100),
            "summary": self._summary(item, html, 300),
            "body": html,
            "status": PageStatus.PUBLISHED
            if state["status"] == Status.PUBLISHED and item.status != "future"
            else PageStatus.DRAFT,
            "visibility": state["visibility"],
        }
        if not created and self._unchanged(page, values):
            return "unchanged"
        for name, value in values.items():
            setattr(page, name, value)
        page.full_clean()
        page.save()
        self._redirects(item, page=page)
        self._remember(item, record, Kind.PAGE, page=page)
        return "created" if created else "updated"

    def _unchanged(self, obj, values: dict) -> bool:
        def comparable(name, value):
            # A library image's address moves with who may fetch it; its id doesn't.
            return IMG_SRC.sub("<img", value) if name == "body" else value

        return all(
            comparable(name, getattr(obj, name)) == comparable(name, value)
            for name, value in values.items()
        )

    def _remember(self, item: wxr.Item, record, kind: Kind, **target) -> None:
        written_at = next(iter(target.values())).updated_at
        ImportedItem.objects.update_or_create(
            wordpress_id=item.id,
            defaults={
                "kind": kind,
                "link": _old_path(item.link),
                "written_at": written_at,
                **target,
            },
        )

    # The parts of a story

    def _state(self, item: wxr.Item) -> dict:
        """Status, time, visibility and featuring from WordPress's status."""
        members_only = item.status == "private" or bool(item.password)
        if item.password:
            self.notes.append("password-protected in WordPress: imported as members-only")
        if item.status in {"publish", "future", "private"}:
            status, published_at = Status.PUBLISHED, _when(item)
        elif item.status in {"draft", "pending"}:
            status, published_at = Status.DRAFT, None
        else:
            raise ValidationError(f"its status “{item.status}” is not one WordPress uses")
        return {
            "status": status,
            "published_at": published_at,
            "visibility": Visibility.MEMBERS if members_only else Visibility.PUBLIC,
            **({"featured": item.sticky} if item.post_type == "post" else {}),
        }

    def _title(self, item: wxr.Item, html: str) -> str:
        title = content.plain_text(item.title)
        if not title:
            words = content.plain_text(content.first_paragraph(html)).split()
            title = " ".join(words[:10]) + ("…" if len(words) > 10 else "")
            title = title or f"Untitled WordPress {item.post_type} {item.id}"
            self.notes.append(f"no title in WordPress: titled “{title}”")
        if len(title) > 200:
            title = content.cut_at_sentence(title, 200)
            self.notes.append("title longer than 200 characters: shortened")
        return title

    def _slug(self, item: wxr.Item, title: str, model, *, exclude, max_length: int) -> str:
        wanted = slugify(unquote(item.slug))[:max_length].strip("-") or slugify(title)[
            :max_length
        ].strip("-")
        wanted = wanted or f"{item.post_type}-{item.id}"
        taken = model.objects.exclude(pk=exclude)

        def free(slug: str) -> bool:
            if model is Story and slug in RESERVED_SLUGS:
                return False
            if model is Page and addresses.taken_by(slug):
                return False
            return not taken.filter(slug=slug).exists()

        slug, n = wanted, 1
        while not free(slug):
            n += 1
            suffix = f"-{n}"
            slug = wanted[: max_length - len(suffix)] + suffix
        if slug != wanted:
            self.notes.append(f"address “{wanted}” is taken here: imported as “{slug}”")
        return slug

    def _summary(self, item: wxr.Item, html: str, limit: int) -> str:
        text = content.plain_text(item.excerpt) or content.first_paragraph(html)
        return content.cut_at_sentence(text, limit) or content.plain_text(item.title)[:limit]

    def _section(self, item: wxr.Item) -> Section:
        categories = [(slug, name) for taxonomy, slug, name in item.terms if taxonomy == "category"]
        slug, name = categories[0] if categories else ("news", "News")
        name = " ".join(content.plain_text(name or self.categories.get(slug, slug)).split())
        slug = slugify(unquote(slug)) or slugify(name) or "news"
        section = (
            Section.objects.filter(slug=slug).first()
            or Section.objects.filter(name__iexact=name).first()
        )
        if section is None:
            order = (Section.objects.aggregate(Max("order"))["order__max"] or 0) + 1
            section = Section.objects.create(name=name[:100], slug=slug[:100], order=order)
        return section

    def _tags(self, item: wxr.Item) -> list[Tag]:
        categories = [t for t in item.terms if t[0] == "category"][1:]
        wanted = categories + [t for t in item.terms if t[0] == "post_tag"]
        tags = {}
        for _, slug, name in wanted:
            name = content.plain_text(name)[:100]
            slug = slugify(unquote(slug))[:100] or slugify(name)
            if not name or not slug:
                continue
            tag = (
                Tag.objects.filter(slug=slug).first()
                or Tag.objects.filter(name__iexact=name).first()
            )
            if tag is None:
                tag = Tag.objects.create(name=name, slug=slug)
            tags[tag.pk] = tag
        return list(tags.values())

    def _hero(self, item: wxr.Item) -> Image | None:
        thumbnail = item.meta.get("_thumbnail_id", "").strip()
        if not thumbnail.isdigit():
            return None
        return self._image(int(thumbnail), purpose="featured image")

    def _body(self, item: wxr.Item, model) -> str:
        prepared = content.prepare(item.content, lambda: self.children.get(item.id, []))
        if prepared.shortcodes:
            self.notes.append(
                "shortcodes left out (any text inside them kept): "
                + ", ".join(f"[{name}]" for name in prepared.shortcodes)
            )
        html = content.IMG.sub(self._body_image, prepared.html)
        html = UPLOAD_LINK.sub(self._document_link, html)
        return model.cleaned_body(html)

    def _body_image(self, match: re.Match) -> str:
        attributes = content.attributes(match.group(0))
        image = None
        if found := WP_IMAGE_CLASS.search(attributes.get("class", "")):
            image = self._image(int(found.group(1)), purpose="image in the text")
        elif path := _uploads_path(attributes.get("src", "")):
            original = SIZE_SUFFIX.sub("", path)
            attachment = self.attachment_by_file.get(original) or self.attachment_by_file.get(path)
            if attachment:
                image = self._image(attachment, purpose="image in the text")
            else:
                image = self._loose_image(original, attributes.get("alt", ""))
        else:
            self.notes.append(
                f"image {attributes.get('src', '')[:120] or '(no address)'} is not in WordPress's "
                "uploads: left out (nothing is fetched from the network)"
            )
        if image is None:
            return ""
        alt = attributes.get("alt", "").strip() or image.alt_text
        return format_html('<img src="{}" alt="{}" data-file="{}">', image.url, alt, image.pk)

    # Files

    def _file(self, relative: str, what: str) -> Path | None:
        """The uploads folder's file at ``relative``, or None (reported)."""
        if self.uploads is None:
            self.notes.append(f"{what} {relative}: not imported (no --uploads folder given)")
            return None
        path = (self.uploads / PurePosixPath(relative)).resolve()
        if not path.is_relative_to(self.uploads) or not path.is_file():
            self.notes.append(f"{what} {relative} is not in the uploads folder: left out")
            return None
        return path

    def _image(self, attachment_id: int, *, purpose: str) -> Image | None:
        if attachment_id in self.images:
            return self.images[attachment_id]
        attachment = self.attachments.get(attachment_id)
        record = ImportedItem.objects.filter(wordpress_id=attachment_id, kind=Kind.ATTACHMENT)
        record = record.select_related("image").first()
        if record and record.image:
            image = record.image
            if self._leave_alone(record, image) is None:
                self._update_image(image, attachment, record)
        elif attachment is None:
            self.notes.append(f"{purpose}: attachment {attachment_id} is not in the export")
            image = None
        else:
            image = self._new_image(
                attachment.file,
                title=attachment.title,
                alt=attachment.alt,
                caption=attachment.caption,
                what=purpose,
            )
            if image is not None:
                ImportedItem.objects.update_or_create(
                    wordpress_id=attachment_id,
                    defaults={
                        "kind": Kind.ATTACHMENT,
                        "image": image,
                        "link": f"/wp-content/uploads/{attachment.file}",
                        "written_at": image.updated_at,
                    },
                )
        self.images[attachment_id] = image
        return image

    def _update_image(self, image: Image, attachment: Attachment | None, record) -> None:
        if attachment is None:
            return
        values = {
            "title": (attachment.title or image.title)[:200],
            "alt": attachment.alt[:250] or image.alt,
            "caption": attachment.caption[:250],
        }
        if self._unchanged(image, values):
            return
        for name, value in values.items():
            setattr(image, name, value)
        image.save()
        record.written_at = image.updated_at
        record.save(update_fields=["written_at", "imported_at"])
        self.report.counts[Kind.ATTACHMENT, "updated"] += 1

    def _loose_image(self, relative: str, alt: str) -> Image | None:
        """An image in the uploads folder that the export lists no attachment for."""
        key = f"wp-content/uploads/{relative}"
        if key not in self.loose:
            self.loose[key] = Image.objects.filter(original_name=key).first() or self._new_image(
                relative, title=PurePosixPath(relative).stem, alt=alt, caption="", what="image"
            )
        return self.loose[key]

    def _new_image(self, relative: str, *, title, alt, caption, what) -> Image | None:
        path = self._file(relative, what) if relative else None
        if path is None:
            if not relative:
                self.notes.append(f"{what}: the export names no file for it")
            return None
        name = f"wp-content/uploads/{relative}"
        with path.open("rb") as handle:
            upload = File(handle, name=name)
            try:
                images.validate_image(upload)
            except ValidationError as error:
                self.notes.append(f"{what} {relative} left out: {' '.join(error.messages)}")
                return None
            self.report.counts[Kind.ATTACHMENT, "created"] += 1
            if self.dry_run:
                self.notes.append(f"{what} {relative} would be added to the library")
                return None
            image = Image(
                title=(title or PurePosixPath(relative).stem)[:200],
                alt=alt[:250],
                caption=caption[:250],
            )
            image.store(upload)
        image.original_name = name[:255]
        self.stored.append((image.file, image.storage))
        image.save()
        if not alt:
            image.tags.add(NEEDS_ALT_TEXT)
            self.notes.append(
                f"{what} {relative} has no alt text: find it in the library under the tag "
                f"“{NEEDS_ALT_TEXT}” and describe it"
            )
        return image

    def _document_link(self, match: re.Match) -> str:
        """A link to a PDF or Office file in the uploads: to its library copy."""
        quote, url = match.group(1), match.group(2)
        relative = _uploads_path(url)
        if PurePosixPath(relative).suffix.lower().lstrip(".") not in documents.KINDS:
            return match.group(0)
        key = f"wp-content/uploads/{relative}"
        if key not in self.documents:
            self.documents[key] = Document.objects.filter(original_name=key).first() or (
                self._new_document(relative)
            )
        document = self.documents[key]
        if document is None:
            return match.group(0)
        return f"href={quote}{document.url}{quote}"

    def _new_document(self, relative: str) -> Document | None:
        path = self._file(relative, "document")
        if path is None:
            return None
        with path.open("rb") as handle:
            upload = File(handle, name=f"wp-content/uploads/{relative}")
            try:
                documents.inspect(upload)
            except ValidationError as error:
                self.notes.append(f"document {relative} left out: {' '.join(error.messages)}")
                return None
            self.report.counts["document", "created"] += 1
            if self.dry_run:
                return None
            document = Document(title=PurePosixPath(relative).stem.replace("-", " ")[:200])
            document.store(upload)
        document.original_name = upload.name[:255]
        self.stored.append((document.file, document.storage))
        document.save()
        return document

    def _delete_files(self, since: int) -> None:
        """Files written after the ``since``-th: their rows were rolled back."""
        for name, storage in self.stored[since:]:
            images.delete_files([name], storage)
        del self.stored[since:]

    # Old addresses

    def _redirects(self, item: wxr.Item, *, story=None, page=None) -> None:
        target = story or page
        new_path = target.get_absolute_url()
        shortlink = f"/?{'p' if story else 'page_id'}={item.id}"
        for old_path in {_old_path(item.link), shortlink}:
            if not old_path or old_path == new_path or len(old_path) > 500:
                continue
            Redirect.objects.update_or_create(
                old_path=old_path,
                defaults={"story": story, "new_path": "" if story else new_path},
            )
