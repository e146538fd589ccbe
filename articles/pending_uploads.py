"""Photos chosen in a story form that failed validation, kept for the next try.

A browser never re-sends a file, so without this a person who forgot the alt
text would lose their photo. The form carries a signed token naming the kept
file; an unused one is swept after a day.
"""

import datetime
import os
import secrets

from django.core import signing
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.utils import timezone

SALT = "articles.pending-upload"
FOLDER = "pending"
KEPT_FOR = datetime.timedelta(days=1)


def keep(upload: UploadedFile) -> str:
    """Store ``upload`` under a random name; return the token that finds it again."""
    sweep()
    extension = os.path.splitext(upload.name)[1].lower()[:10]
    upload.seek(0)
    name = default_storage.save(f"{FOLDER}/{secrets.token_urlsafe(18)}{extension}", upload)
    return signing.dumps(
        {"name": name, "original": upload.name, "type": upload.content_type}, salt=SALT
    )


def _read(token: str) -> dict | None:
    try:
        kept = signing.loads(token, salt=SALT, max_age=KEPT_FOR)
    except signing.BadSignature:
        return None
    return kept if default_storage.exists(kept["name"]) else None


def load(token: str) -> UploadedFile | None:
    """The kept photo as a fresh upload, or None if the token is bad, old or spent."""
    kept = _read(token) if token else None
    if kept is None:
        return None
    with default_storage.open(kept["name"], "rb") as stored:
        return SimpleUploadedFile(kept["original"], stored.read(), kept["type"])


def describe(token: str) -> dict | None:
    """The kept photo's address and original file name, for the form's preview."""
    kept = _read(token) if token else None
    if kept is None:
        return None
    return {"url": default_storage.url(kept["name"]), "original": kept["original"]}


def discard(token: str) -> None:
    kept = _read(token) if token else None
    if kept is not None:
        default_storage.delete(kept["name"])


def sweep() -> None:
    """Delete kept photos nobody came back for."""
    try:
        _, names = default_storage.listdir(FOLDER)
    except FileNotFoundError:
        return
    cutoff = timezone.now() - KEPT_FOR
    for name in names:
        path = f"{FOLDER}/{name}"
        if default_storage.get_modified_time(path) < cutoff:
            default_storage.delete(path)
