"""Library images: check uploads, clean them, and make their renditions once.

What happens to a photo, in order:

1. ``validate_image`` refuses, with a message, anything that is not a JPEG,
   PNG or WebP, is over ``HERO_IMAGE_MAX_BYTES``, has more pixels than
   ``HERO_IMAGE_MAX_PIXELS`` (a decompression bomb), has a side longer than
   every rendition format can take (``MAX_SIDE``), or is truncated. It runs in
   form validation, so a refused upload leaves no file and no row.
2. ``clean_master`` turns the upload into the stored master: turned upright by
   its EXIF orientation, flattened onto white if transparent, at most
   ``MASTER_MAX_WIDTH`` wide, and saved as a fresh JPEG with nothing but the
   pixels: no EXIF, XMP, IPTC, colour profile or comment (no GPS position, no
   camera serial, no text an editing program left). The upload itself is never
   stored.
3. ``library.tasks.build_renditions`` (a job, queued when the image's
   transaction commits) writes every rendition in ``RENDITIONS`` as WebP and
   JPEG, cropped around the editor's focal point, and records their names,
   sizes and dimensions on the image. Pages read that record: no image work and
   no storage look-ups on the request path. If it fails, what it wrote is
   deleted and the image says why.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageOps, UnidentifiedImageError

ACCEPTED_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP", "MPO": "JPEG"}
MASTER_MAX_WIDTH = 2400
ORIENTATION_TAG = 0x0112
MASTER_QUALITY = 90
QUALITY = {"webp": 80, "jpeg": 82}
# WebP's limit on either side; JPEG's is 65,535. A longer image would be
# accepted and then fail in every WebP rendition.
MAX_SIDE = 16_383


@dataclass(frozen=True)
class Rendition:
    """A named set of widths, cropped to ``ratio`` (width / height) or kept as
    uploaded; with ``narrowest``, a taller image is cropped to that ratio."""

    name: str
    widths: tuple[int, ...]
    ratio: float | None
    formats: tuple[str, ...] = ("webp", "jpeg")
    narrowest: float | None = None

    def crop_ratio(self, width: int, height: int) -> float | None:
        """The ratio to crop an image of this size to, or None to keep it whole."""
        if self.ratio:
            return self.ratio
        if self.narrowest and width / height < self.narrowest:
            return self.narrowest
        return None


RENDITIONS = (
    Rendition("card", (400, 800), 16 / 9),
    # A portrait photo is cropped to 4:5 around its focal point, so it does not
    # fill a phone's screen before the story starts; the master stays whole.
    Rendition("hero", (640, 1024, 1600), None, narrowest=4 / 5),
    Rendition("social", (1200,), 1200 / 630, formats=("jpeg",)),
)


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def validate_image(upload) -> None:
    """Refuse uploads that are not a usable, reasonably sized JPEG, PNG or WebP."""
    if getattr(upload, "_committed", False):
        return  # already stored: it was checked (and cleaned) when it arrived
    max_bytes = settings.HERO_IMAGE_MAX_BYTES
    if upload.size > max_bytes:
        raise ValidationError(
            f"This file is {megabytes(upload.size)}; images can be at most "
            f"{megabytes(max_bytes)}. Export a smaller copy and upload that."
        )
    position = upload.tell() if hasattr(upload, "tell") else 0
    try:
        upload.seek(0)
        with warnings.catch_warnings(), Image.open(upload) as image:
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            if image.format not in ACCEPTED_FORMATS:
                raise ValidationError(
                    f"{image.format or 'This'} images are not supported: upload a JPEG, PNG "
                    "or WebP (on an iPhone, export or share the photo as JPEG)."
                )
            if max(image.width, image.height) > MAX_SIDE:
                raise ValidationError(
                    f"This image is {image.width} × {image.height} pixels: no side can be longer "
                    f"than {MAX_SIDE:,} pixels. Crop it or split it into several images."
                )
            pixels = image.width * image.height
            if pixels > settings.HERO_IMAGE_MAX_PIXELS:
                raise ValidationError(
                    f"This image is {image.width} × {image.height} pixels, more than the "
                    f"{settings.HERO_IMAGE_MAX_PIXELS / 1_000_000:.0f} megapixels we accept."
                )
            if image.format in ("JPEG", "MPO"):
                # Decode at an eighth of the size: every byte is still read (a
                # truncated file still fails) for a fraction of the memory.
                image.draft("RGB", (max(image.width // 8, 1), max(image.height // 8, 1)))
            image.load()  # reads every byte: a truncated file fails here
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ValidationError(
            f"This image has far more than the {settings.HERO_IMAGE_MAX_PIXELS / 1_000_000:.0f} "
            "megapixels we accept."
        ) from error
    except UnidentifiedImageError as error:
        raise ValidationError(
            "This file is not an image we can read: upload a JPEG, PNG or WebP."
        ) from error
    except OSError as error:
        raise ValidationError(
            "This image file is damaged or incomplete: upload it again."
        ) from error
    finally:
        upload.seek(position)


def clean_master(upload) -> tuple[ContentFile, int, int]:
    """Return the upload as an upright, metadata-free JPEG master and its size."""
    upload.seek(0)
    with Image.open(upload) as image:
        if image.format in ("JPEG", "MPO"):
            # Let the JPEG decoder scale down (by 1/2, 1/4 or 1/8) to no less
            # than the master's width: a 24-megapixel photo never fully decodes.
            sideways = image.getexif().get(ORIENTATION_TAG, 1) in (5, 6, 7, 8)
            image.draft("RGB", (1, MASTER_MAX_WIDTH) if sideways else (MASTER_MAX_WIDTH, 1))
        image = ImageOps.exif_transpose(image)
        image = _flatten(image)
        if image.width > MASTER_MAX_WIDTH:
            height = round(image.height * MASTER_MAX_WIDTH / image.width)
            image = image.resize((MASTER_MAX_WIDTH, height), Image.Resampling.LANCZOS)
        buffer = io.BytesIO()
        # Pillow writes a JPEG comment (COM) kept in ``info``; without exif=,
        # xmp= or icc_profile= and with ``info`` empty, nothing but pixels.
        image.info = {}
        image.save(buffer, "JPEG", quality=MASTER_QUALITY, optimize=True, progressive=True)
        return ContentFile(buffer.getvalue()), image.width, image.height


def _flatten(image: Image.Image) -> Image.Image:
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        image = image.convert("RGBA")
        background = Image.new("RGB", image.size, "white")
        background.paste(image, mask=image.getchannel("A"))
        return background
    return image.convert("RGB")


def crop_box(
    width: int, height: int, ratio: float, focal_x: float, focal_y: float
) -> tuple[int, int, int, int]:
    """The largest box of ``ratio`` inside the image, centred on the focal point where it fits."""
    if width / height > ratio:
        box_width, box_height = round(height * ratio), height
    else:
        box_width, box_height = width, round(width / ratio)
    left = min(max(round(focal_x * width - box_width / 2), 0), width - box_width)
    top = min(max(round(focal_y * height - box_height / 2), 0), height - box_height)
    return left, top, left + box_width, top + box_height


def _encode(image: Image.Image, fmt: str) -> bytes:
    image.info = {}  # no comment or profile carried over from the master
    buffer = io.BytesIO()
    if fmt == "webp":
        image.save(buffer, "WEBP", quality=QUALITY["webp"], method=4)
    else:
        image.save(buffer, "JPEG", quality=QUALITY["jpeg"], optimize=True, progressive=True)
    return buffer.getvalue()


def make_renditions(
    master_name: str, focal_x: float, focal_y: float, storage=None, stem: str | None = None
) -> dict:
    """Write every rendition of the master; return the record pages render from.

    If any rendition fails, the ones already written are deleted before the
    error goes on: a failed attempt leaves no files behind.
    """
    storage = storage or default_storage
    stem = stem or master_name.rsplit(".", 1)[0]
    focus = hashlib.sha1(f"{focal_x:.3f},{focal_y:.3f}".encode()).hexdigest()[:6]
    record: dict[str, list[dict]] = {}
    written: list[str] = []
    try:
        with storage.open(master_name, "rb") as master_file, Image.open(master_file) as master:
            master.load()
            for rendition in RENDITIONS:
                record[rendition.name] = _write_rendition(
                    master,
                    rendition,
                    f"{stem}-{rendition.name}-{focus}",
                    focal_x,
                    focal_y,
                    storage,
                    written,
                )
    except BaseException:
        delete_files(written, storage)
        raise
    return record


def _write_rendition(master, rendition, prefix, focal_x, focal_y, storage, written) -> list[dict]:
    source = master
    if ratio := rendition.crop_ratio(master.width, master.height):
        source = master.crop(crop_box(master.width, master.height, ratio, focal_x, focal_y))
    entries = []
    for width in rendition.widths:
        width = min(width, source.width)
        height = max(round(source.height * width / source.width), 1)
        if entries and entries[-1]["width"] == width:
            continue  # the master is smaller than this width: no upscaling
        resized = source.resize((width, height), Image.Resampling.LANCZOS)
        entry = {"width": width, "height": height}
        for fmt in rendition.formats:
            name = f"{prefix}-{width}.{'jpg' if fmt == 'jpeg' else fmt}"
            if storage.exists(name):
                storage.delete(name)
            entry[fmt] = storage.save(name, ContentFile(_encode(resized, fmt)))
            written.append(entry[fmt])
        entries.append(entry)
    return entries


def rendition_names(record: dict | None) -> list[str]:
    """Every file a rendition record points to."""
    names = []
    for entries in (record or {}).values():
        for entry in entries:
            names += [entry[fmt] for fmt in ("webp", "jpeg") if fmt in entry]
    return names


def delete_files(names, storage=None) -> None:
    storage = storage or default_storage
    for name in names:
        if name:
            storage.delete(name)
