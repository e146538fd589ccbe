"""Bad exports get a clear message; a post that fails leaves nothing behind,
and the rest are imported (or nothing, with --atomic)."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db.transaction import on_commit as REAL_ON_COMMIT

from articles.models import Redirect, Story
from library.models import Image
from tests.wordpress.conftest import NETWORK_NEWS, post, run_import, wxr
from wordpress.models import ImportedItem

pytestmark = pytest.mark.django_db

BAD_DATE = post(2, "Trip to York BAD-POST-6e1f", date_gmt="2024-13-45 99:00:00")


def featured(post_id: int, attachment_id: int) -> str:
    return f"""<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key>
        <wp:meta_value>{attachment_id}</wp:meta_value></wp:postmeta>"""


def attachment(attachment_id: int, file: str, alt: str = "Pupils outside York Minster") -> str:
    return f"""
    <item>
        <title>photo</title>
        <wp:post_id>{attachment_id}</wp:post_id>
        <wp:status>inherit</wp:status>
        <wp:post_type>attachment</wp:post_type>
        <wp:attachment_url>https://school.example/wp-content/uploads/{file}</wp:attachment_url>
        <wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key>
            <wp:meta_value>{file}</wp:meta_value></wp:postmeta>
        <wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key>
            <wp:meta_value>{alt}</wp:meta_value></wp:postmeta>
    </item>"""


def nothing_imported() -> bool:
    return not (
        Story.objects.exists()
        or Redirect.objects.exists()
        or Image.objects.exists()
        or ImportedItem.objects.exists()
    )


def test_a_truncated_export_is_refused_with_where_it_ends(tmp_path, uploads):
    text = NETWORK_NEWS.read_text(encoding="utf-8")
    export = tmp_path / "cut.xml"
    export.write_text(text[: len(text) * 2 // 3], encoding="utf-8")

    with pytest.raises(CommandError, match=r"not well-formed XML at line \d+, column \d+"):
        run_import(export, "--uploads", str(uploads))
    assert nothing_imported()


def test_a_malformed_export_is_refused_and_nothing_is_imported(write_export):
    text = wxr(post(1, "Good post"), "<item><title>Broken</item>")

    with pytest.raises(CommandError, match="mismatched tag.*Nothing was imported"):
        run_import(write_export(text))
    assert nothing_imported()


def test_an_unknown_wxr_version_is_refused_by_name(write_export):
    with pytest.raises(CommandError, match=r"WXR version 2\.0; this importer reads versions 1\.0"):
        run_import(write_export(wxr(post(1, "A post"), version="2.0")))
    assert nothing_imported()


def test_a_file_that_is_not_a_wordpress_export_is_refused(write_export):
    feed = "<rss version='2.0'><channel><title>A feed</title><item><title>x</title></item>"
    with pytest.raises(CommandError, match="not a WordPress export"):
        run_import(write_export(feed + "</channel></rss>"))


def test_entity_expansion_is_refused_before_anything_is_read(write_export):
    bomb = (
        '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>\n'
    )
    text = bomb + wxr(post(1, "&c;")).split("\n", 1)[1]

    with pytest.raises(CommandError, match="declares a document type"):
        run_import(write_export(text))
    assert nothing_imported()


def test_a_missing_export_file_is_named(tmp_path):
    with pytest.raises(CommandError, match="missing.xml is not a file"):
        run_import(tmp_path / "missing.xml")


@pytest.mark.django_db(transaction=True)
def test_a_post_that_fails_is_named_and_leaves_nothing_behind(
    write_export, uploads, media_root, settings, monkeypatch
):
    # Committed for real, so that what a rolled-back post queued never runs.
    monkeypatch.setattr("django.db.transaction.on_commit", REAL_ON_COMMIT)
    export = write_export(
        wxr(
            post(1, "Sports day"),
            post(
                2,
                "Trip to York BAD-POST-6e1f",
                date_gmt="2024-13-45 99:00:00",
                extra=featured(2, 50),
            ),
            post(3, "Concert"),
            attachment(50, "2019/03/fell-race.jpg"),
        )
    )

    with pytest.raises(CommandError, match="1 failed") as failure:
        run_import(export, "--uploads", str(uploads))

    assert sorted(Story.objects.values_list("title", flat=True)) == ["Concert", "Sports day"]
    assert not ImportedItem.objects.filter(wordpress_id__in=[2, 50]).exists()
    assert not Redirect.objects.filter(old_path="/?p=2").exists()
    assert not Image.objects.exists()
    stored = [*media_root.rglob("*.jpg"), *settings.PROTECTED_ROOT.rglob("*.jpg")]
    assert not stored  # its photo's files went too
    assert "failed (listed above); the rest were imported" in str(failure.value)


def test_a_failed_post_is_reported_with_its_id_title_and_reason(write_export):
    export = write_export(wxr(post(1, "Sports day"), BAD_DATE))
    stdout, stderr = io.StringIO(), io.StringIO()

    with pytest.raises(CommandError):
        call_command("import_wordpress", str(export), stdout=stdout, stderr=stderr)

    assert (
        "Failed: post 2 “Trip to York BAD-POST-6e1f”: its date “2024-13-45 99:00:00” is not a "
        "date and time"
    ) in stderr.getvalue()
    assert "Posts → stories: 1 created, 0 updated, 0 unchanged, 0 skipped, 1 failed" in (
        stdout.getvalue()
    )


def test_atomic_imports_nothing_when_a_post_fails(write_export):
    export = write_export(wxr(post(1, "Sports day"), BAD_DATE, post(3, "Concert")))

    with pytest.raises(CommandError, match="--atomic was given: nothing was imported"):
        run_import(export, "--atomic")

    assert nothing_imported()


def test_atomic_imports_everything_when_nothing_fails(write_export):
    run_import(write_export(wxr(post(1, "Sports day"), post(3, "Concert"))), "--atomic")

    assert Story.objects.count() == 2


def test_an_unknown_status_fails_that_post_only(write_export):
    export = write_export(wxr(post(1, "Sports day"), post(2, "Odd", status="published-ish")))

    with pytest.raises(CommandError, match="1 failed"):
        run_import(export)

    assert Story.objects.get().title == "Sports day"


@pytest.mark.parametrize("version", ["1.0", "1.1", "1.2"])
def test_every_wxr_version_wordpress_3_to_6_writes_is_read(write_export, version):
    counts, _ = run_import(write_export(wxr(post(1, "Sports day"), version=version)))

    assert f"WXR {version}" in counts
    assert Story.objects.get().title == "Sports day"


def test_a_missing_uploads_folder_is_named(write_export, tmp_path):
    with pytest.raises(CommandError, match="is not a folder"):
        run_import(write_export(wxr(post(1, "A"))), "--uploads", str(tmp_path / "nowhere"))


def test_a_featured_image_missing_from_the_uploads_is_reported(write_export, uploads):
    export = write_export(
        wxr(post(1, "Sports day", extra=featured(1, 50)), attachment(50, "2020/01/gone.jpg"))
    )

    _, notes = run_import(export, "--uploads", str(uploads))

    assert "2020/01/gone.jpg is not in the uploads folder" in notes
    assert Story.objects.get().hero is None


def test_an_uploads_path_cannot_reach_outside_the_folder(write_export, uploads):
    export = write_export(
        wxr(post(1, "Sports day", extra=featured(1, 50)), attachment(50, "../../etc/passwd"))
    )

    _, notes = run_import(export, "--uploads", str(uploads))

    assert "../../etc/passwd is not in the uploads folder" in notes


def test_a_file_that_is_no_image_is_reported_and_the_post_imported(write_export, uploads):
    (uploads / "2019/03/notes.jpg").write_text("not an image")
    export = write_export(
        wxr(post(1, "Sports day", extra=featured(1, 50)), attachment(50, "2019/03/notes.jpg"))
    )

    _, notes = run_import(export, "--uploads", str(uploads))

    assert "2019/03/notes.jpg left out" in notes
    assert Story.objects.get().hero is None


def test_a_featured_image_without_alt_text_is_kept_and_listed_for_describing(write_export, uploads):
    export = write_export(
        wxr(
            post(1, "Sports day", extra=featured(1, 50)),
            attachment(50, "2019/03/fell-race.jpg", alt=""),
        )
    )

    _, notes = run_import(export, "--uploads", str(uploads))

    hero = Story.objects.get().hero
    assert list(hero.tags.names()) == ["needs alt text"]
    assert "has no alt text" in notes
