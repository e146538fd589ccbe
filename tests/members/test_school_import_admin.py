"""Staff import schools from the admin: upload the GIAS file, read the check's
counts and bad rows, then confirm; the same importer runs as a background job."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from members.models import School, SchoolImport

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).parent / "data" / "gias_sample.csv"
IMPORT = reverse("admin:members_school_import")


def upload(client, content: bytes = None, **fields):
    data = {"encoding": "cp1252", "region": "", **fields}
    data["file"] = SimpleUploadedFile(
        "edubasealldata20261201.csv", SAMPLE.read_bytes() if content is None else content
    )
    return client.post(IMPORT, data, follow=True)


@pytest.fixture
def manager_client(client, membership_manager):
    client.force_login(membership_manager)
    return client


def test_the_school_list_links_to_the_import(manager_client):
    page = manager_client.get(reverse("admin:members_school_changelist")).content.decode()

    assert f'href="{IMPORT}"' in page


def test_checking_a_file_shows_its_counts_and_bad_rows_and_saves_no_school(manager_client):
    page = upload(manager_client).content.decode()

    assert '<th scope="row">Schools to create</th><td>7</td>' in page
    assert "Line 6:" in page and "1O8358" in page
    assert "Import 7 schools" in page
    assert not School.objects.exists()


def test_confirming_imports_the_schools_and_deletes_the_file(manager_client, settings):
    check = upload(manager_client)
    school_import = SchoolImport.objects.get()

    page = manager_client.post(check.redirect_chain[-1][0], follow=True).content.decode()

    assert School.objects.count() == 7
    assert "Imported: 7 created, 0 updated" in page
    assert not any(settings.PROTECTED_ROOT.rglob("school-imports/*.csv"))
    assert SchoolImport.objects.get().status == SchoolImport.Status.DONE
    assert school_import.uploaded_by is not None


def test_a_region_imports_only_its_rows(manager_client):
    check = upload(manager_client, region="North East")
    manager_client.post(check.redirect_chain[-1][0])

    assert School.objects.count() == 4


def test_pressing_import_twice_imports_once(manager_client, monkeypatch):
    from members import tasks

    check = upload(manager_client)
    runs = []
    real_import = tasks.import_schools
    monkeypatch.setattr(tasks, "import_schools", lambda **kw: runs.append(1) or real_import(**kw))

    manager_client.post(check.redirect_chain[-1][0])
    manager_client.post(check.redirect_chain[-1][0])

    assert len(runs) == 1


def test_a_file_that_is_not_the_gias_register_is_refused_and_nothing_kept(manager_client, settings):
    page = upload(manager_client, b"name,email\nSomeone,someone@example.org\n").content.decode()

    assert "This file can&#x27;t be imported: missing required column" in page
    assert not SchoolImport.objects.exists()
    assert not any(settings.PROTECTED_ROOT.rglob("*.csv"))


def test_a_file_in_another_encoding_is_refused_with_the_reason(manager_client):
    utf8 = SAMPLE.read_bytes().decode("cp1252").encode("utf-8")

    page = upload(manager_client, utf8).content.decode()

    assert "looks like UTF-8" in page
    assert not SchoolImport.objects.exists()


def test_writers_cannot_import_schools(client, writer):
    client.force_login(writer)

    assert client.get(IMPORT).status_code == 403
