"""A story's versions: kept by django-reversion at every admin save, compared
field by field, and restored as a new version.

A version holds the story's own fields and, in the same revision, its tags
and its editor's picks (reversion follows both relations).
"""

import difflib
import re
from dataclasses import dataclass

import reversion
from django.db import transaction
from django.utils.html import escape, format_html, strip_tags
from django.utils.safestring import SafeString, mark_safe
from reversion.models import Version
from taggit.models import Tag

from articles import changes
from articles.models import (
    Download,
    GalleryPhoto,
    RelatedPick,
    Section,
    Status,
    Story,
    TaggedStory,
    Visibility,
)
from articles.publishing import uk_time
from library.models import Image


def register() -> None:
    """Tell reversion what a story's version holds (called once, from the app's ready())."""
    if reversion.is_registered(Story):
        return
    reversion.register(
        Story,
        # Derived from the rest, or rebuilt after every save.
        exclude=["search_vector", "updated_at"],
        follow=["tagged_items", "picks", "gallery", "downloads"],
    )
    reversion.register(TaggedStory, fields=["tag", "content_object"])
    reversion.register(RelatedPick, fields=["story", "pick", "order"])
    reversion.register(GalleryPhoto, fields=["story", "image", "order"])
    reversion.register(Download, fields=["story", "document", "order"])


def versions_of(story: Story):
    """The story's versions, newest first, with who saved each."""
    return (
        Version.objects.get_for_object(story)
        .select_related("revision", "revision__user")
        .order_by("-revision__date_created", "-pk")
    )


@dataclass
class Snapshot:
    """A version as staff read it: each compared field's label and text."""

    version: Version
    fields: dict[str, str]


# The fields a comparison shows, in the form's order, with their labels.
COMPARED = {
    "title": "Title",
    "standfirst": "Standfirst",
    "body": "Body",
    "hero": "Hero image",
    "section": "Section",
    "tags": "Tags",
    "byline": "Byline",
    "picks": "Editor's picks",
    "slug": "Address",
    "status": "Status",
    "published_at": "Publication time",
    "visibility": "Who sees it",
    "featured": "Featured",
    "never_suggest": "Never suggested automatically",
}

# Fields shown as text diffs word by word; the rest are compared whole.
TEXT_FIELDS = {"title", "standfirst", "body"}

# Words, runs of punctuation and runs of space: "chair," differs from "chair" by a comma.
WORDS = re.compile(r"\w+|[^\w\s]+|\s+")

BLOCK_END = re.compile(r"</(p|h2|h3|li|blockquote)>|<br\s*/?>", re.IGNORECASE)


def body_text(html: str) -> str:
    """The body's words, a paragraph (or heading, list item) per line."""
    text = strip_tags(BLOCK_END.sub("\n", html or ""))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def snapshot(version: Version) -> Snapshot:
    """Read one version, its tags and picks included, into words."""
    data = version.field_dict
    story_id = int(version.object_id)
    tag_ids = _tag_ids(version, story_id)
    picks = _picks(version, story_id)
    pick_titles = dict(
        Story.objects.filter(pk__in=[p for _, p in picks]).values_list("pk", "title")
    )
    section = Section.objects.filter(pk=data.get("section_id")).first()
    hero = Image.objects.filter(pk=data.get("hero_id")).first() if data.get("hero_id") else None
    published_at = data.get("published_at")
    yes_no = {True: "Yes", False: "No"}
    fields = {
        "title": data.get("title", ""),
        "standfirst": data.get("standfirst", ""),
        "body": body_text(data.get("body", "")),
        "hero": (
            f"{hero.title} (#{hero.pk})"
            if hero
            else "(a deleted image)"
            if data.get("hero_id")
            else "None"
        ),
        "section": section.name if section else "(a deleted section)",
        "tags": ", ".join(
            sorted(Tag.objects.filter(pk__in=tag_ids).values_list("name", flat=True))
        ),
        "byline": data.get("byline", ""),
        "picks": "; ".join(pick_titles.get(pk, "(a deleted story)") for _, pk in picks),
        "slug": data.get("slug", ""),
        "status": Status(data["status"]).label if data.get("status") in Status else "",
        "published_at": uk_time(published_at, year=True) if published_at else "Not set",
        "visibility": Visibility(data["visibility"]).label
        if data.get("visibility") in Visibility
        else "",
        "featured": yes_no[bool(data.get("featured"))],
        "never_suggest": yes_no[bool(data.get("never_suggest"))],
    }
    return Snapshot(version=version, fields=fields)


@dataclass
class Change:
    label: str
    before: SafeString
    after: SafeString


def word_diff(before: str, after: str) -> tuple[SafeString, SafeString]:
    """Both texts escaped, with removed words in <del> and added words in <ins>."""
    old, new = WORDS.findall(before), WORDS.findall(after)
    left, right = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        removed, added = escape("".join(old[i1:i2])), escape("".join(new[j1:j2]))
        if op == "equal":
            left.append(removed)
            right.append(added)
            continue
        if removed:
            left.append(f"<del>{removed}</del>")
        if added:
            right.append(f"<ins>{added}</ins>")
    return mark_safe("".join(left)), mark_safe("".join(right))  # noqa: S308 (escaped above)


def compare(older: Snapshot, newer: Snapshot) -> tuple[list[Change], list[str]]:
    """The fields that differ between two versions, and the labels of those that don't."""
    return compare_fields(older, newer, compared=COMPARED, text_fields=TEXT_FIELDS)


def compare_fields(
    older: Snapshot, newer: Snapshot, *, compared: dict[str, str], text_fields: set[str]
) -> tuple[list[Change], list[str]]:
    """The fields of ``compared`` (name: label) that differ, word by word for
    ``text_fields``, and the labels of those that don't. Pages' versions use it too."""
    changes, same = [], []
    for name, label in compared.items():
        before, after = older.fields[name], newer.fields[name]
        if before == after:
            same.append(label)
        elif name in text_fields:
            changes.append(Change(label, *word_diff(before, after)))
        else:
            changes.append(
                Change(
                    label,
                    format_html("<del>{}</del>", before or "(empty)"),
                    format_html("<ins>{}</ins>", after or "(empty)"),
                )
            )
    return changes, same


# What restoring brings back. The address, the state, the times and who sees
# the story stay as they are: restoring an old version never unpublishes a
# story or shows it to readers it was hidden from.
RESTORED = [
    "title",
    "standfirst",
    "body",
    "byline",
]


@transaction.atomic
def restore(*, story: Story, version: Version, user) -> list[str]:
    """Bring back ``version``'s text, image, filing, tags, picks, gallery and
    downloads as a new version.

    Returns notes on what could not come back (an image, pick or document since deleted).
    """
    story = Story.objects.select_for_update(of=("self",)).get(pk=story.pk)
    data = version.field_dict
    notes = []
    for name in RESTORED:
        setattr(story, name, data[name])
    if Section.objects.filter(pk=data["section_id"]).exists():
        story.section_id = data["section_id"]
    else:
        notes.append("Its section has since been deleted: the current section was kept.")
    hero_id = data.get("hero_id")
    if hero_id and not Image.objects.filter(pk=hero_id).exists():
        notes.append(
            "Its hero image has since been deleted from the library: the current image was kept."
        )
    elif "hero_id" in data:  # versions from before the library keep the current image
        story.hero_id = hero_id
    story.edited_by = user
    when = uk_time(version.revision.date_created, year=True)
    with reversion.create_revision():
        story.save()
        _restore_tags(story, version)
        notes += _restore_picks(story, version)
        notes += _restore_ordered(story, version, GalleryPhoto, "image", "gallery photos")
        notes += _restore_ordered(story, version, Download, "document", "downloads")
        reversion.add_to_revision(story)
        reversion.set_user(user)
        reversion.set_comment(f"Restored the version of {when}.")
    return notes


def _tag_ids(version: Version, story_id: int) -> list[int]:
    """The tags saved in the same revision as this version of the story."""
    return [
        v.field_dict["tag_id"]
        for v in version.revision.version_set.get_for_model(TaggedStory)
        if v.field_dict["content_object_id"] == story_id
    ]


def _picks(version: Version, story_id: int) -> list[tuple[int, int]]:
    """(order, story id) of the editor's picks saved with this version."""
    return sorted(
        (v.field_dict["order"], v.field_dict["pick_id"])
        for v in version.revision.version_set.get_for_model(RelatedPick)
        if v.field_dict["story_id"] == story_id
    )


def _restore_tags(story: Story, version: Version) -> None:
    story.tags.set(list(Tag.objects.filter(pk__in=_tag_ids(version, story.pk))))


def _restore_picks(story: Story, version: Version) -> list[str]:
    wanted = _picks(version, story.pk)
    existing = set(
        Story.objects.filter(pk__in=[pk for _, pk in wanted]).values_list("pk", flat=True)
    )
    story.picks.all().delete()
    RelatedPick.objects.bulk_create(
        RelatedPick(story=story, pick_id=pk, order=order) for order, pk in wanted if pk in existing
    )
    missing = len(wanted) - len(existing)
    return [f"{missing} of its picks have since been deleted."] if missing else []


def _restore_ordered(story: Story, version: Version, model, field: str, what: str) -> list[str]:
    """Bring back the version's rows of ``model`` (gallery photos, downloads) in their
    order, leaving out library items deleted since; who may fetch each is worked out
    again for those it had and those it has now."""
    wanted = sorted(
        (v.field_dict["order"], v.field_dict[f"{field}_id"])
        for v in version.revision.version_set.get_for_model(model)
        if v.field_dict["story_id"] == story.pk
    )
    target = model._meta.get_field(field).related_model
    existing = set(
        target.objects.filter(pk__in=[pk for _, pk in wanted]).values_list("pk", flat=True)
    )
    rows = model.objects.filter(story=story)
    before = set(rows.values_list(f"{field}_id", flat=True))
    rows.delete()
    model.objects.bulk_create(
        model(story=story, order=order, **{f"{field}_id": pk})
        for order, pk in wanted
        if pk in existing
    )
    touched = before | existing
    if field == "image":
        changes.files_changed(image_ids=touched)
    else:
        changes.files_changed(document_ids=touched)
    missing = len(wanted) - len(existing)
    return [f"{missing} of its {what} have since been deleted from the library."] if missing else []
