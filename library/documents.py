"""Documents: PDF, Word, Excel and PowerPoint files, recognised by their content.

The name a file arrives with proves nothing: ``inspect`` reads the bytes. A
PDF starts with ``%PDF-``; Word, Excel and PowerPoint files since 2007 are zip
packages whose parts name the application (read from the zip's directory,
nothing is extracted); older ones are OLE2 compound files, told apart by the
name of their main stream. Macro-enabled packages are refused.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError

from library.images import megabytes

OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True)
class Kind:
    extension: str
    label: str  # what readers see: "PDF", "Word document"
    content_type: str


KINDS = {
    "pdf": Kind("pdf", "PDF", "application/pdf"),
    "docx": Kind(
        "docx",
        "Word document",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "xlsx": Kind(
        "xlsx",
        "Excel spreadsheet",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    "pptx": Kind(
        "pptx",
        "PowerPoint presentation",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
    "doc": Kind("doc", "Word document", "application/msword"),
    "xls": Kind("xls", "Excel spreadsheet", "application/vnd.ms-excel"),
    "ppt": Kind("ppt", "PowerPoint presentation", "application/vnd.ms-powerpoint"),
}

# The part that makes a zip package a Word, Excel or PowerPoint file.
PACKAGE_PARTS = {
    "word/document.xml": "docx",
    "xl/workbook.xml": "xlsx",
    "ppt/presentation.xml": "pptx",
}
# The main stream of an old (OLE2) Office file, as UTF-16 in its directory.
OLE_STREAMS = {
    "WordDocument".encode("utf-16-le"): "doc",
    "Workbook".encode("utf-16-le"): "xls",
    "Book".encode("utf-16-le"): "xls",
    "PowerPoint Document".encode("utf-16-le"): "ppt",
}

ACCEPTED = "a PDF, or a Word, Excel or PowerPoint file"


def inspect(upload) -> Kind:
    """The kind of document ``upload`` is, or a ValidationError saying why it is refused."""
    limit = settings.DOCUMENT_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            f"This file is {megabytes(upload.size)}; documents can be at most "
            f"{megabytes(limit)}. Save a smaller copy (for a PDF, “reduce file size”) and "
            "upload that."
        )
    if upload.size == 0:
        raise ValidationError("This file is empty.")
    position = upload.tell() if hasattr(upload, "tell") else 0
    try:
        upload.seek(0)
        head = upload.read(8)
        upload.seek(0)
        if head.startswith(b"%PDF-"):
            return KINDS["pdf"]
        if head.startswith(b"PK\x03\x04"):
            return KINDS[_package_kind(upload)]
        if head == OLE2_SIGNATURE:
            return KINDS[_ole_kind(upload)]
    finally:
        upload.seek(position)
    raise ValidationError(
        f"This file is not {ACCEPTED}, whatever its name says. Upload one of those (export "
        "other formats as PDF)."
    )


def _package_kind(upload) -> str:
    try:
        with zipfile.ZipFile(upload) as package:
            names = set(package.namelist())
    except (zipfile.BadZipFile, OSError) as error:
        raise ValidationError("This file is damaged or incomplete: upload it again.") from error
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        raise ValidationError(
            "This file contains macros, which we don't publish: save it as an ordinary "
            "document (.docx, .xlsx or .pptx) or as PDF."
        )
    for part, kind in PACKAGE_PARTS.items():
        if part in names:
            return kind
    raise ValidationError(
        f"This zip file is not {ACCEPTED}. Upload the documents one by one instead."
    )


def _ole_kind(upload) -> str:
    # The directory sits anywhere in the file; old Office files are small enough
    # to search whole, within the size limit.
    content = upload.read()
    found = [kind for stream, kind in OLE_STREAMS.items() if stream in content]
    if not found:
        raise ValidationError(
            f"This old-style Office file is not {ACCEPTED} we recognise: save it in the "
            "current format (.docx, .xlsx or .pptx) or as PDF."
        )
    return found[0]


def kind_choices() -> list[tuple[str, str]]:
    return [(kind.extension, f"{kind.label} (.{kind.extension})") for kind in KINDS.values()]


def human_size(size: int | None) -> str:
    """``2.4 MB``, ``310 KB``: sizes as a download list shows them."""
    if not size:
        return ""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    return f"{max(round(size / 1000), 1)} KB"
