"""Photos chosen in an image form that failed validation, kept for the next try.

A browser never re-sends a file, so without this a person who forgot the alt
text would lose their photo. The form carries a signed token naming the kept
file, in the protected storage (the raw upload still has its metadata); the
form previews it as a small data: image. An unused one is swept after a day.
"""

import base64
import datetime
import io
import os
import secrets

from django.core import signing
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.utils import timezone
from PIL import Image

SALT = "library.pending-upload"
FOLDER = "pending"
KEPT_FOR = datetime.timedelta(days=1)


def storage():
    return storages["protected"]


def keep(upload: UploadedFile) -> str:
    """Store ``upload`` under a random name; return the token that finds it again."""
    sweep()
    extension = os.path.splitext(upload.name)[1].lower()[:10]
    upload.seek(0)
    name = storage().save(f"{FOLDER}/{secrets.token_urlsafe(18)}{extension}", upload)
    return signing.dumps(
        {"name": name, "original": upload.name, "type": upload.content_type}, salt=SALT
    )


def _read(token: str) -> dict | None:
    try:
        kept = signing.loads(token, salt=SALT, max_age=KEPT_FOR)
    except signing.BadSignature:
        return None
    return kept if storage().exists(kept["name"]) else None


def load(token: str) -> UploadedFile | None:
    """The kept photo as a fresh upload, or None if the token is bad, old or spent."""
    kept = _read(token) if token else None
    if kept is None:
        return None
    with storage().open(kept["name"], "rb") as stored:
        return SimpleUploadedFile(kept["original"], stored.read(), kept["type"])


def describe(token: str) -> dict | None:
    """The kept photo's address and original file name, for the form's preview."""
    kept = _read(token) if token else None
    if kept is None:
        return None
    return {"url": _thumbnail(kept["name"]), "original": kept["original"]}


def _thumbnail(name: str) -> str:
    """A small JPEG of the kept photo as a data: address (pixels only, no metadata)."""
    try:
        with storage().open(name, "rb") as stored, Image.open(stored) as image:
            image.draft("RGB", (600, 600))
            image = image.convert("RGB")
            image.thumbnail((600, 600))
            buffer = io.BytesIO()
            image.save(buffer, "JPEG", quality=80)
    except OSError:
        return ""
    return "data:image/jpeg;base64," + base64.b64encode(buffer.getvalue()).decode()


def discard(token: str) -> None:
    kept = _read(token) if token else None
    if kept is not None:
        storage().delete(kept["name"])


def sweep() -> None:
    """Delete kept photos nobody came back for."""
    try:
        _, names = storage().listdir(FOLDER)
    except FileNotFoundError:
        return
    cutoff = timezone.now() - KEPT_FOR
    for name in names:
        path = f"{FOLDER}/{name}"
        if storage().get_modified_time(path) < cutoff:
            storage().delete(path)
