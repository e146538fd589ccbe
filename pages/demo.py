"""The demo's pages, loaded by ``manage.py load_demo`` (through ``load_demo_pages``).

Each page is a file in ``demo/pages/`` (``settings.DEMO_DIR``), named ``NN-slug.html``:
its fields as TOML front matter between two ``+++`` lines, then its body
(the format is described in ``articles/demo_data.py``).
"""

import reversion
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.html import format_html

from articles import demo_documents
from articles.demo_data import DemoDataError, fields, numbered_files, read_front_matter
from library.models import Document
from pages.models import Page, Status, Visibility

PAGE_FIELDS = {
    "title": str,
    "summary": str,
    "visibility": (str, Visibility.PUBLIC),
    "in_navigation": (bool, False),
    "in_footer": (bool, False),
    "order": (int, 0),
}


def demo_pages() -> list[dict]:
    """Each demo page's fields and body, read and checked (``DemoDataError`` if not)."""
    pages = []
    for path, slug in numbered_files(settings.DEMO_DIR / "pages"):
        front, body = read_front_matter(path)
        data = fields(path, front, PAGE_FIELDS)
        if data["visibility"] not in Visibility.values:
            raise DemoDataError(path, f"unknown visibility {data['visibility']!r}")
        pages.append({**data, "slug": slug, "body": body})
    return pages


@transaction.atomic
def load(*, edited_by=None) -> list[Page]:
    """Publish each demo page whose address is free; leave any existing page as it is."""
    made = []
    pages = demo_pages()  # all of them read before any is saved
    # Each page's history starts with the version loaded here.
    with reversion.create_revision():
        reversion.set_comment("Loaded with the demo content")
        for data in pages:
            if Page.objects.filter(slug=data["slug"]).exists():
                continue
            page = Page(**data, status=Status.PUBLISHED, edited_by=edited_by)
            if data["slug"] == BRIEFING_PACK:
                page.body += briefing_pack_download(edited_by)
            page.full_clean()
            page.save()
            made.append(page)
    return made


BRIEFING_PACK = "heads-briefing-pack"


def briefing_pack_download(uploaded_by) -> str:
    """The members' page's document: a PDF in the library, linked from the page's body
    (so it is protected as the page is: members only)."""
    calendar = Document(
        title="Heads' planning calendar, spring term",
        description="Key dates for headteachers of member schools.",
        uploaded_by=uploaded_by,
    )
    calendar.store(
        ContentFile(
            demo_documents.pdf("Heads' planning calendar: spring term", CALENDAR),
            name="heads-planning-calendar.pdf",
        )
    )
    calendar.save()
    return format_html(
        '<h2>Download</h2><p><a href="{}">{}</a> (PDF, {}).</p>',
        calendar.url,
        calendar.title,
        calendar.size_label,
    )


CALENDAR = [
    "6 January: spring term begins; budget planning returns open.",
    "22 January: heads' briefing, network office, 9.30am.",
    "12 February: SEND top-up claims close.",
    "5 March: heads' briefing, Greystone Bridge Academy, 9.30am.",
    "28 March: spring term ends; three-year budget forecasts due.",
]
