"""Documents: checked by content, stored under random names, listed under stories,
and fetched only by those who may read a story using them."""

import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from articles.models import Download, Visibility
from library.models import Document
from tests.conftest import read_to_end

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def office_package(main_part: str, extra: str | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr(main_part, "<document/>")
        if extra:
            package.writestr(extra, b"\x00macro")
    return buffer.getvalue()


def old_office(stream: str) -> bytes:
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + stream.encode("utf-16-le")


def upload(content: bytes, name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def add_document(client, content: bytes, name: str, **fields):
    return client.post(
        reverse("admin:library_document_add"),
        {
            "title": "Consultation paper",
            "description": "",
            **fields,
            "upload": upload(content, name),
        },
    )


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client


@pytest.fixture
def document_factory(db):
    def make(content=PDF, name="paper.pdf", **fields):
        document = Document(**({"title": "Heads' consultation paper"} | fields))
        document.store(upload(content, name))
        document.save()
        return Document.objects.get(pk=document.pk)

    return make


@pytest.mark.parametrize(
    ("content", "name", "kind"),
    [
        (PDF, "paper.pdf", "pdf"),
        (office_package("word/document.xml"), "letter.docx", "docx"),
        (office_package("xl/workbook.xml"), "budget.xlsx", "xlsx"),
        (office_package("ppt/presentation.xml"), "briefing.pptx", "pptx"),
        (old_office("WordDocument"), "old letter.doc", "doc"),
        (old_office("Workbook"), "old budget.xls", "xls"),
        (old_office("PowerPoint Document"), "old slides.ppt", "ppt"),
    ],
)
def test_each_accepted_kind_is_recognised_by_its_content(
    staff_client, content, name, kind, settings
):
    response = add_document(staff_client, content, name)

    assert response.status_code == 302
    document = Document.objects.get()
    assert document.kind == kind
    assert document.file.endswith(f".{kind}")


def test_a_pdf_named_as_a_word_file_is_stored_as_what_it_is(staff_client):
    add_document(staff_client, PDF, "really-a-pdf.docx")

    assert Document.objects.get().kind == "pdf"


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"<html><script>alert(1)</script></html>", "agenda.pdf", "whatever its name says"),
        (b"MZ\x90\x00 an executable", "minutes.docx", "whatever its name says"),
        (office_package("word/document.xml", extra="word/vbaProject.bin"), "letter.docm", "macros"),
        (office_package("photos/one.jpg"), "photos.zip", "is not a PDF"),
        (b"PK\x03\x04 truncated", "letter.docx", "damaged or incomplete"),
        (b"", "empty.pdf", "empty"),
    ],
)
def test_other_files_are_refused_with_a_message_and_nothing_is_stored(
    staff_client, content, name, message, media_root, settings
):
    response = add_document(staff_client, content, name)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Document.objects.exists()
    assert not any(Path(settings.PROTECTED_ROOT).rglob("*.*"))


def test_a_document_over_the_size_limit_is_refused(staff_client, settings):
    settings.DOCUMENT_MAX_BYTES = 100

    response = add_document(staff_client, PDF + b"0" * 200, "big.pdf")

    assert "documents can be at most" in response.content.decode()
    assert not Document.objects.exists()


def test_the_stored_name_is_random_and_not_the_uploaded_one(document_factory):
    document = document_factory(name="heads-pay-consultation-2027.pdf")

    assert "consultation" not in document.file
    assert document.token in document.file
    assert document.original_name == "heads-pay-consultation-2027.pdf"


def test_downloads_are_listed_under_the_story_with_type_and_size(
    client, document_factory, story_factory
):
    document = document_factory(title="Heads' pay consultation", description="For governors.")
    story = story_factory()
    Download.objects.create(story=story, document=document)

    page = client.get(story.get_absolute_url()).content.decode()

    assert "Downloads" in page
    assert "Heads&#x27; pay consultation" in page
    assert "(PDF, " in page
    assert document.url in page
    assert "For governors." in page


def test_a_public_story_s_document_is_a_public_file(client, document_factory, story_factory):
    document = document_factory()
    Download.objects.create(story=story_factory(), document=document)
    document = Document.objects.get(pk=document.pk)

    response = client.get(document.url)

    assert document.stored_publicly
    assert response.status_code == 302
    assert response["Location"].startswith("/media/documents/")


@pytest.mark.parametrize("viewer", ["anonymous", "non_member", "expired_member", "member"])
def test_a_member_only_story_s_document_is_for_members_only(
    request, client, viewer, document_factory, story_factory
):
    document = document_factory()
    story = story_factory(visibility=Visibility.MEMBERS)
    Download.objects.create(story=story, document=document)
    if viewer != "anonymous":
        client.force_login(request.getfixturevalue(viewer))

    response = client.get(Document.objects.get(pk=document.pk).url)

    if viewer == "member":
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("inline")
        assert read_to_end(response) == PDF
    else:
        assert response.status_code == 404


def test_a_document_marked_members_only_is_for_members_on_a_public_story(
    client, document_factory, story_factory
):
    document = document_factory(members_only=True)
    Download.objects.create(story=story_factory(), document=document)

    assert client.get(Document.objects.get(pk=document.pk).url).status_code == 404


def test_a_word_file_downloads_under_its_title(client, member, document_factory, story_factory):
    document = document_factory(content=office_package("word/document.xml"), name="x.docx")
    Download.objects.create(story=story_factory(visibility=Visibility.MEMBERS), document=document)
    client.force_login(member)

    response = client.get(Document.objects.get(pk=document.pk).url)

    assert response["Content-Disposition"] == (
        'attachment; filename="Heads consultation paper.docx"'
    )
    read_to_end(response)


def test_a_document_linked_from_a_member_only_body_is_protected_and_in_use(
    document_factory, story_factory, staff_client
):
    document = document_factory()
    story = story_factory(
        visibility=Visibility.MEMBERS,
        body=f'<p>Read <a href="{document.url}">the consultation</a>.</p>',
    )
    document = Document.objects.get(pk=document.pk)

    assert not document.stored_publicly
    assert Client().get(document.url).status_code == 404
    change_page = staff_client.get(reverse("admin:library_document_change", args=[document.pk]))
    assert f"Story: {story.title} (body)" in change_page.content.decode()


def test_a_document_in_use_can_t_be_deleted(staff_client, document_factory, story_factory):
    document = document_factory()
    Download.objects.create(story=story_factory(), document=document)

    staff_client.post(reverse("admin:library_document_delete", args=[document.pk]), {"post": "yes"})

    assert Document.objects.filter(pk=document.pk).exists()
