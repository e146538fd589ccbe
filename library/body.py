"""Library images and documents inside a rich-text body (a story's, a page's).

The body editor (django-prose-editor's Figure, with the library as its image
picker) stores a figure as
``<figure><img src="…" alt="…" data-file="ID"><figcaption>…</figcaption></figure>``.

* ``clean`` runs after the sanitiser on every save: an ``<img>`` stays only if
  it names a library image (by ``data-file`` or by its library address), and
  is rewritten to that canonical form; any other image (an outside URL, a
  made-up id) is removed, and a figure left with no image goes too.
* ``references`` lists the library images and documents a body uses, so that
  ``BodyReference`` rows can say where each is used: who may fetch it follows,
  and in-use items can't be deleted.
* ``render`` (the ``library_figures`` filter) turns each figure's ``<img>`` into
  a ``<picture>`` with ``srcset``, ``sizes``, ``width`` and ``height`` from the
  image's stored renditions, at the address its files have now, and adds the
  image's credit to the figure's caption.
* ``caption`` is the one markup for a caption and its credit, used by body
  figures, hero images and galleries alike.
"""

from __future__ import annotations

import re
from html import unescape

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
ATTRIBUTE = re.compile(r'([a-zA-Z-]+)="([^"]*)"')
LIBRARY_IMAGE_URL = re.compile(
    r"/(?:files|media)/images/[A-Za-z0-9_-]{2}/(?P<token>[A-Za-z0-9_-]{22})[-.]"
)
DOCUMENT_URL = re.compile(
    r'href="[^"]*/files/documents/[A-Za-z0-9_-]{2}/(?P<token>[A-Za-z0-9_-]{22})\.[a-z]+"'
)
EMPTY_FIGURE = re.compile(
    r"<figure\b[^>]*>\s*(?:<figcaption\b[^>]*>.*?</figcaption>)?\s*</figure>",
    re.IGNORECASE | re.DOTALL,
)
# A figure as the body editor stores it, or a lone image: ``render`` rewrites both.
FIGURE_OR_IMG = re.compile(
    r"(?P<open><figure\b[^>]*>)\s*(?P<img><img\b[^>]*>)\s*"
    r"(?:<figcaption\b[^>]*>(?P<caption>.*?)</figcaption>)?\s*</figure>"
    r"|<img\b[^>]*>",
    re.IGNORECASE | re.DOTALL,
)
SIZES = "(min-width: 48rem) 46rem, 100vw"


def _attributes(tag: str) -> dict[str, str]:
    return {name.lower(): unescape(value) for name, value in ATTRIBUTE.findall(tag)}


def _image_for(attributes: dict[str, str], images_by_id: dict, images_by_token: dict):
    file_id = attributes.get("data-file", "")
    if file_id.isdigit() and int(file_id) in images_by_id:
        return images_by_id[int(file_id)]
    if match := LIBRARY_IMAGE_URL.search(attributes.get("src", "")):
        return images_by_token.get(match.group("token"))
    return None


def _lookup(html: str):
    from library.models import Image

    tags = [_attributes(tag) for tag in IMG.findall(html)]
    ids = {int(a["data-file"]) for a in tags if a.get("data-file", "").isdigit()}
    tokens = {m.group("token") for a in tags if (m := LIBRARY_IMAGE_URL.search(a.get("src", "")))}
    if not ids and not tokens:
        return {}, {}
    found = list(Image.objects.filter(pk__in=ids) | Image.objects.filter(token__in=tokens))
    return {i.pk: i for i in found}, {i.token: i for i in found}


def clean(html: str) -> str:
    """Keep only library images in ``html`` (already sanitised), in canonical form;
    a figure left with no image goes."""
    if "<img" not in html:
        return EMPTY_FIGURE.sub("", html) if "<figure" in html else html
    by_id, by_token = _lookup(html)

    def canonical(match: re.Match) -> str:
        attributes = _attributes(match.group(0))
        image = _image_for(attributes, by_id, by_token)
        if image is None:
            return ""
        alt = attributes.get("alt", "").strip() or image.alt_text
        return format_html('<img src="{}" alt="{}" data-file="{}">', image.url, alt, image.pk)

    return EMPTY_FIGURE.sub("", IMG.sub(canonical, html))


def references(html: str) -> tuple[set[int], set[int]]:
    """The ids of the library images and documents ``html`` uses."""
    from library.models import Document

    image_ids = {
        int(a["data-file"])
        for a in map(_attributes, IMG.findall(html or ""))
        if a.get("data-file", "").isdigit()
    }
    tokens = {m.group("token") for m in DOCUMENT_URL.finditer(html or "")}
    document_ids = (
        set(Document.objects.filter(token__in=tokens).values_list("pk", flat=True))
        if tokens
        else set()
    )
    return image_ids, document_ids


def caption(text: str, credit: str) -> SafeString:
    """The inside of a ``<figcaption>``: the caption, then the credit on its own,
    labelled "Photo:" (empty when there is neither). ``text`` is escaped unless
    already safe (a sanitised body's caption)."""
    parts = []
    if text and text.strip():
        parts.append(format_html('<span class="caption">{}</span>', text))
    if credit:
        parts.append(
            format_html(
                '<span class="credit"><span class="credit__label">Photo:</span> {}</span>',
                credit,
            )
        )
    return mark_safe(" ".join(parts))  # noqa: S308 (each part built by format_html)


def render(html: str) -> SafeString:
    """``html`` with each library image as a responsive ``<picture>`` and each
    figure's caption followed by the image's credit (one query)."""
    if "data-file=" not in html:
        return mark_safe(html)  # noqa: S308 (sanitised on save)
    by_id, _ = _lookup(html)

    def image_for(tag: str):
        file_id = _attributes(tag).get("data-file", "")
        return by_id.get(int(file_id)) if file_id.isdigit() else None

    def picture(tag: str, image) -> str:
        if image is None:
            return ""  # deleted since: nothing rather than a broken image
        alt = _attributes(tag).get("alt", "")
        shown = image.picture("hero")
        if shown is None:  # renditions still being made
            return format_html(
                '<img src="{}" alt="{}" width="{}" height="{}" loading="lazy" decoding="async">',
                image.url,
                alt,
                image.width or "",
                image.height or "",
            )
        return format_html(
            '<picture><source type="image/webp" srcset="{}" sizes="{}">'
            '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}" '
            'loading="lazy" decoding="async"></picture>',
            shown["webp_srcset"],
            SIZES,
            shown["src"],
            shown["jpeg_srcset"],
            SIZES,
            shown["width"],
            shown["height"],
            alt,
        )

    def rewrite(match: re.Match) -> str:
        if match.group("open") is None:  # an image outside a figure
            return picture(match.group(0), image_for(match.group(0)))
        image = image_for(match.group("img"))
        text = mark_safe(match.group("caption") or "")  # noqa: S308 (sanitised on save)
        inside = caption(text, image.credit if image else "")
        return format_html(
            "{}{}{}</figure>",
            mark_safe(match.group("open")),  # noqa: S308 (sanitised on save)
            picture(match.group("img"), image),
            format_html("<figcaption>{}</figcaption>", inside) if inside else "",
        )

    return mark_safe(FIGURE_OR_IMG.sub(rewrite, html))  # noqa: S308 (escaped above; the rest sanitised)


def record(owner, html: str) -> tuple[set[int], set[int]]:
    """Note which library items ``owner``'s body uses; return the ids of every
    image and document whose uses changed (those it used before, and now)."""
    from django.contrib.contenttypes.models import ContentType

    from library.models import BodyReference

    content_type = ContentType.objects.get_for_model(owner)
    rows = BodyReference.objects.filter(content_type=content_type, object_id=owner.pk)
    before_images = set(rows.exclude(image=None).values_list("image_id", flat=True))
    before_documents = set(rows.exclude(document=None).values_list("document_id", flat=True))
    image_ids, document_ids = references(html)
    from library.models import Image

    image_ids &= set(Image.objects.filter(pk__in=image_ids).values_list("pk", flat=True))
    if (image_ids, document_ids) != (before_images, before_documents):
        rows.delete()
        BodyReference.objects.bulk_create(
            [
                *(
                    BodyReference(content_type=content_type, object_id=owner.pk, image_id=pk)
                    for pk in sorted(image_ids)
                ),
                *(
                    BodyReference(content_type=content_type, object_id=owner.pk, document_id=pk)
                    for pk in sorted(document_ids)
                ),
            ]
        )
    return before_images | image_ids, before_documents | document_ids


def forget(owner_model, owner_id: int) -> tuple[set[int], set[int]]:
    """``owner`` is gone: its body uses nothing; return what it used."""
    from django.contrib.contenttypes.models import ContentType

    from library.models import BodyReference

    content_type = ContentType.objects.get_for_model(owner_model)
    rows = BodyReference.objects.filter(content_type=content_type, object_id=owner_id)
    used = (
        set(rows.exclude(image=None).values_list("image_id", flat=True)),
        set(rows.exclude(document=None).values_list("document_id", flat=True)),
    )
    rows.delete()
    return used
