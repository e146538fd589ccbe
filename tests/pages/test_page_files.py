"""A page's images and documents are fetched by whoever may read the page, and nobody else."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from library.models import Document, Image
from pages.models import Page, Status, Visibility
from tests.conftest import read_to_end

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%%EOF\n"
VIEWERS = ["anonymous", "non_member", "expired_member", "member", "staff_user"]


@pytest.fixture
def paper(db):
    document = Document(title="Heads' planning calendar")
    document.store(SimpleUploadedFile("calendar.pdf", PDF))
    document.save()
    return document


def body_with(paper, photo) -> str:
    return (
        f'<p>See <a href="{paper.url}">the calendar</a>.</p>'
        f'<figure><img src="{photo.url}" alt="Heads at the briefing" data-file="{photo.pk}">'
        "<figcaption>The autumn briefing</figcaption></figure>"
    )


def fetch_all(client, paper, photo) -> set[int]:
    paper, photo = Document.objects.get(pk=paper.pk), Image.objects.get(pk=photo.pk)
    found = set()
    for url in [paper.url, *(photo.file_url(name) for name in photo.file_names())]:
        response = client.get(url)
        read_to_end(response)
        found.add(response.status_code)
    return found


@pytest.mark.parametrize("name", VIEWERS)
def test_a_member_only_page_s_files_are_for_members_and_staff(
    name, viewer, page_factory, paper, image_factory
):
    photo = image_factory()
    page_factory(visibility=Visibility.MEMBERS, body=body_with(paper, photo))
    client = Client()
    if user := viewer(name):
        client.force_login(user)

    expected = {200} if name in ("member", "staff_user") else {404}
    assert fetch_all(client, paper, photo) == expected


def test_a_draft_page_s_files_are_for_staff_only(page_factory, paper, image_factory, member):
    photo = image_factory()
    page_factory(status=Status.DRAFT, body=body_with(paper, photo))
    client = Client()
    client.force_login(member)

    assert fetch_all(client, paper, photo) == {404}


def test_a_public_page_s_files_are_public_files(page_factory, paper, image_factory):
    photo = image_factory()
    page_factory(body=body_with(paper, photo))

    assert Document.objects.get(pk=paper.pk).stored_publicly
    assert Image.objects.get(pk=photo.pk).stored_publicly


def test_making_a_page_members_only_protects_its_files(page_factory, paper, image_factory):
    photo = image_factory()
    page = page_factory(body=body_with(paper, photo))

    page.visibility = Visibility.MEMBERS
    page.save()

    assert not Document.objects.get(pk=paper.pk).stored_publicly
    assert fetch_all(Client(), paper, photo) == {404}


def test_the_page_shows_its_figure_as_a_responsive_picture(
    client, page_factory, paper, image_factory
):
    photo = image_factory(size=(1600, 900))
    page = page_factory(body=body_with(paper, photo))

    html = client.get(page.get_absolute_url()).content.decode()

    assert "<picture>" in html and " 1600w" in html
    assert 'alt="Heads at the briefing"' in html


def test_a_page_is_listed_where_its_files_are_used(page_factory, paper, image_factory):
    from library import access

    page = page_factory(body=body_with(paper, image_factory()))

    assert [use.label for use in access.uses_of(paper)] == [f"Page: {page.title}"]


def test_deleting_a_page_frees_its_files(page_factory, paper, image_factory):
    photo = image_factory()
    page = page_factory(body=body_with(paper, photo))

    Page.objects.filter(pk=page.pk).delete()
    Document.objects.filter(pk=paper.pk).delete()
    Image.objects.filter(pk=photo.pk).delete()

    assert not Document.objects.exists() and not Image.objects.exists()
