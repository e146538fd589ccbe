"""The demo's pages, loaded by ``manage.py load_demo`` (through ``load_demo_pages``).

Each page's text is an HTML file in ``pages/demo_pages/``, named by its slug.
"""

from pathlib import Path

import reversion
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.html import format_html

from articles import demo_documents
from library.models import Document
from pages.models import Page, Status, Visibility

TEXTS = Path(__file__).resolve().parent / "demo_pages"

DEMO_PAGES = [
    {
        "title": "About the network",
        "slug": "about",
        "summary": "41 state-funded schools in Pennine Vale, Kirkdale and Holme Moor, sharing "
        "training, specialist support and a belief that the children of our valleys deserve "
        "the same chances as children anywhere.",
        "in_navigation": True,
        "in_footer": True,
        "order": 10,
    },
    {
        "title": "Membership",
        "slug": "membership",
        "summary": "Which schools can join, what membership gives a school, what it costs and "
        "how to join.",
        "in_navigation": True,
        "in_footer": True,
        "order": 20,
    },
    {
        "title": "Contact us",
        "slug": "contact",
        "summary": "How to reach the network office, and who to ask about training, SEND, "
        "governance, membership and the news.",
        "in_navigation": True,
        "in_footer": True,
        "order": 30,
    },
    {
        "title": "Privacy notice",
        "slug": "privacy",
        "summary": "What personal information this website collects, why, how long we keep it "
        "and your rights.",
        "in_footer": True,
        "order": 40,
    },
    {
        "title": "Heads' briefing pack",
        "slug": "heads-briefing-pack",
        "summary": "Dates, budget planning assumptions and support for headteachers of member "
        "schools, for the term ahead.",
        "visibility": Visibility.MEMBERS,
        "in_footer": True,
        "order": 50,
    },
]


@transaction.atomic
def load(*, edited_by=None) -> list[Page]:
    """Publish each demo page whose address is free; leave any existing page as it is."""
    made = []
    # Each page's history starts with the version loaded here.
    with reversion.create_revision():
        reversion.set_comment("Loaded with the demo content")
        for data in DEMO_PAGES:
            if Page.objects.filter(slug=data["slug"]).exists():
                continue
            page = Page(
                **data,
                body=(TEXTS / f"{data['slug']}.html").read_text(encoding="utf-8"),
                status=Status.PUBLISHED,
                edited_by=edited_by,
            )
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
