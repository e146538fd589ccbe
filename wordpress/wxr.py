"""Read a WordPress export (WXR 1.0, 1.1 and 1.2) as a stream of plain records.

WordPress's Tools → Export writes an RSS 2.0 file with its own elements in
the ``http://wordpress.org/export/1.x/`` namespace. ``read`` walks it with
defusedxml's ``iterparse`` (no DTD, so no entity-expansion tricks), hands out
each author, category, tag and item as it ends, and drops the element at once,
so memory stays flat however long the file is. Elements are matched by
namespace URI, not prefix: exports that declare their namespaces on an
item, or under other prefixes, read the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden
from defusedxml.ElementTree import iterparse

SUPPORTED_VERSIONS = ("1.0", "1.1", "1.2")
WP_NAMESPACE = re.compile(r"^\{http://wordpress\.org/export/(\d+\.\d+)/\}(.+)$")
EXCERPT = re.compile(r"^\{http://wordpress\.org/export/\d+\.\d+/excerpt/\}encoded$")
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
CREATOR = "{http://purl.org/dc/elements/1.1/}creator"


class ExportError(Exception):
    """The file can't be read as a WordPress export: nothing is imported."""


@dataclass(frozen=True)
class Author:
    login: str
    display_name: str


@dataclass(frozen=True)
class Term:
    """A category, tag or other term declared at the top of the export."""

    taxonomy: str  # "category", "post_tag", or another taxonomy's name
    slug: str
    name: str
    parent: str = ""  # the parent category's slug


@dataclass
class Item:
    """One ``<item>``: a post, page, attachment, menu item or a plugin's post type."""

    id: int | None = None
    post_type: str = ""
    status: str = ""
    title: str = ""
    link: str = ""
    guid: str = ""
    slug: str = ""
    content: str = ""
    excerpt: str = ""
    creator: str = ""
    date: str = ""  # the site's local time, "YYYY-MM-DD HH:MM:SS"
    date_gmt: str = ""
    parent: int = 0
    sticky: bool = False
    password: str = ""
    attachment_url: str = ""
    # (taxonomy, slug, name) in the order the export lists them
    terms: list[tuple[str, str, str]] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    comments: int = 0

    @property
    def label(self) -> str:
        """How reports name it: its id and title."""
        return f"{self.post_type} {self.id} “{self.title.strip() or '(no title)'}”"


def _text(element) -> str:
    return element.text or ""


def _local(tag: str) -> tuple[str, str]:
    """("wp", name) for WordPress's own elements, ("", tag) for the others."""
    if match := WP_NAMESPACE.match(tag):
        return "wp", match.group(2)
    return "", tag


def _int(text: str) -> int:
    text = text.strip()
    return int(text) if text.isdigit() else 0


def _item(element) -> Item:
    item = Item()
    for child in element:
        namespace, name = _local(child.tag)
        if namespace == "wp":
            match name:
                case "post_id":
                    item.id = _int(_text(child)) or None
                case "post_type":
                    item.post_type = _text(child).strip()
                case "status":
                    item.status = _text(child).strip()
                case "post_name":
                    item.slug = _text(child).strip()
                case "post_date":
                    item.date = _text(child).strip()
                case "post_date_gmt":
                    item.date_gmt = _text(child).strip()
                case "post_parent":
                    item.parent = _int(_text(child))
                case "post_password":
                    item.password = _text(child)
                case "is_sticky":
                    item.sticky = _text(child).strip() == "1"
                case "attachment_url":
                    item.attachment_url = _text(child).strip()
                case "postmeta":
                    values = {_local(part.tag)[1]: _text(part) for part in child}
                    if key := values.get("meta_key", "").strip():
                        item.meta[key] = values.get("meta_value", "")
                case "comment":
                    item.comments += 1
        elif child.tag == "title":
            item.title = _text(child)
        elif child.tag == "link":
            item.link = _text(child).strip()
        elif child.tag == "guid":
            item.guid = _text(child).strip()
        elif child.tag == "category":
            taxonomy = child.get("domain", "category")
            name = _text(child)
            slug = child.get("nicename", "")
            if (taxonomy, slug, name) not in item.terms and (slug or name.strip()):
                item.terms.append((taxonomy, slug, name))
        elif child.tag == CONTENT:
            item.content = _text(child)
        elif child.tag == CREATOR:
            item.creator = _text(child).strip()
        elif EXCERPT.match(child.tag):
            item.excerpt = _text(child)
    return item


def _author(element) -> Author:
    values = {_local(child.tag)[1]: _text(child) for child in element}
    login = values.get("author_login", "").strip()
    return Author(login=login, display_name=values.get("author_display_name", "") or login)


def _term(element, kind: str) -> Term:
    values = {_local(child.tag)[1]: _text(child) for child in element}
    if kind == "category":
        return Term(
            "category",
            values.get("category_nicename", "").strip(),
            values.get("cat_name", ""),
            values.get("category_parent", "").strip(),
        )
    if kind == "tag":
        return Term("post_tag", values.get("tag_slug", "").strip(), values.get("tag_name", ""))
    return Term(
        values.get("term_taxonomy", "").strip(),
        values.get("term_slug", "").strip(),
        values.get("term_name", ""),
        values.get("term_parent", "").strip(),
    )


def read(path) -> Iterator[str | Author | Term | Item]:
    """Yield the export's WXR version (a string, first), then its authors, terms
    and items in file order. Raise ``ExportError`` on a file that isn't one."""
    depth = 0
    channel = None
    version = None
    try:
        for event, element in iterparse(path, events=("start", "end"), forbid_dtd=True):
            if event == "start":
                depth += 1
                if depth == 1 and element.tag != "rss":
                    raise ExportError(
                        f"This is not a WordPress export: it starts with <{element.tag}>, "
                        "not <rss>. Export again from WordPress: Tools → Export → All content."
                    )
                if depth == 2 and element.tag == "channel":
                    channel = element
                continue
            depth -= 1
            if depth != 2 or channel is None:
                continue
            namespace, name = _local(element.tag)
            if namespace == "wp" and name == "wxr_version":
                version = _text(element).strip()
                if version not in SUPPORTED_VERSIONS:
                    raise ExportError(
                        f"This export is WXR version {version or '(blank)'}; this importer reads "
                        f"versions {', '.join(SUPPORTED_VERSIONS)} (WordPress 3 to 6)."
                    )
                yield version
            elif element.tag == "item" or namespace == "wp":
                if version is None:
                    raise ExportError(
                        "This export has no <wp:wxr_version> before its content: it is not a "
                        "WordPress export, or not one this importer knows."
                    )
                if element.tag == "item":
                    yield _item(element)
                elif name == "author":
                    yield _author(element)
                elif name in {"category", "tag", "term"}:
                    yield _term(element, name)
            element.clear()
            channel.remove(element)
    except DTDForbidden:
        raise ExportError(
            "This file declares a document type (<!DOCTYPE …>). WordPress exports never do, "
            "and one can hide entity-expansion attacks, so it is refused."
        ) from None
    except (EntitiesForbidden, DefusedXmlException) as error:
        raise ExportError(
            f"This file uses XML features WordPress exports never do: {error}."
        ) from None
    except ParseError as error:
        line, column = error.position
        raise ExportError(
            f"The file is not well-formed XML at line {line}, column {column} "
            f"({str(error).split(':')[0]}). If the export was cut short, export it again."
        ) from None
    if version is None:
        raise ExportError(
            "This file has no <wp:wxr_version>: it is not a WordPress export. Export again "
            "from WordPress: Tools → Export → All content."
        )
