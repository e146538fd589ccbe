"""``manage.py import_schools``: loading the GIAS establishment register.

The sample (tests/members/data/gias_sample.csv) is cp1252, as GIAS publishes
it. Line 1 is the header; line 6 has a mistyped URN ("1O8358"); lines 2-6 are
North East, lines 7-9 Yorkshire and the Humber; line 5 is a closed school.
"""

import datetime
import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from members.models import School

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).parent / "data" / "gias_sample.csv"
GOOD_URNS = {"108496", "111370", "137321", "108357", "107544", "131901", "150021"}
NORTH_EAST_URNS = {"108496", "111370", "137321", "108357"}


def run_import(path: Path, *args: str) -> tuple[str, str]:
    """Run the command on ``path``; return what it printed to stdout and stderr."""
    stdout, stderr = io.StringIO(), io.StringIO()
    call_command("import_schools", str(path), *args, stdout=stdout, stderr=stderr)
    return stdout.getvalue(), stderr.getvalue()


def sample_text() -> str:
    return SAMPLE.read_bytes().decode("cp1252")


@pytest.fixture
def write_csv(tmp_path):
    """Write text to a CSV file in the given encoding (cp1252 unless told), and return its path."""

    def write(text: str, encoding: str = "cp1252", name: str = "schools.csv") -> Path:
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        return path

    return write


def imported_urns() -> set[str]:
    return set(School.objects.values_list("urn", flat=True))


def test_sample_file_is_really_cp1252():
    raw = SAMPLE.read_bytes()

    assert b"St Bede\x92s" in raw  # the curly apostrophe, one byte in cp1252
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")


def test_imports_the_good_rows_with_their_fields_mapped():
    run_import(SAMPLE)

    assert imported_urns() == GOOD_URNS
    school = School.objects.get(urn="108496")
    assert school.name == "St Bede’s Catholic Primary School"
    assert school.slug == "st-bedes-catholic-primary-school"
    assert school.local_authority == "Newcastle upon Tyne"
    assert school.phase == "Primary"
    assert school.type == "Voluntary aided school"
    assert school.region == "North East"
    assert school.establishment_status == "Open"
    assert school.postcode == "NE4 8QA"


def test_accented_name_is_decoded_and_slugified_to_ascii():
    run_import(SAMPLE)

    school = School.objects.get(urn="111370")
    assert school.name == "St Thérèse of Lisieux Catholic Primary School"
    assert school.slug == "st-therese-of-lisieux-catholic-primary-school"


def test_website_without_a_scheme_gets_https():
    run_import(SAMPLE)

    assert School.objects.get(urn="108496").website == "https://www.st-bedes-example.sch.uk"


def test_website_with_a_scheme_is_kept_as_given():
    run_import(SAMPLE)

    assert School.objects.get(urn="111370").website == "http://www.st-therese-example.sch.uk"


def test_not_applicable_phase_is_stored_blank():
    run_import(SAMPLE)

    assert School.objects.get(urn="131901").phase == ""


def test_closed_school_is_stored_as_closed():
    run_import(SAMPLE)

    school = School.objects.get(urn="108357")
    assert school.establishment_status == "Closed"
    assert school.is_closed
    assert not School.objects.get(urn="108496").is_closed


def test_proposed_school_keeps_its_register_status():
    run_import(SAMPLE)

    assert School.objects.get(urn="150021").establishment_status == "Proposed to open"


def test_malformed_row_is_reported_with_its_line_number_and_good_rows_still_import():
    stdout, stderr = run_import(SAMPLE)

    assert "line 6: URN '1O8358' is not a number" in stderr
    assert imported_urns() == GOOD_URNS
    assert "1 skipped (bad rows)" in stdout


def test_prints_the_final_counts():
    stdout, _ = run_import(SAMPLE)

    assert stdout.strip() == (
        "Schools: 7 created, 0 updated, 0 unchanged, 1 skipped (bad rows), 0 outside region."
    )


def test_small_file_shows_no_progress():
    _, stderr = run_import(SAMPLE)

    assert stderr.splitlines() == ["line 6: URN '1O8358' is not a number"]


def test_long_file_shows_progress_every_thousand_rows(write_csv):
    rows = [f"{100000 + n},School number {n}" for n in range(2_500)]
    path = write_csv("\r\n".join(["URN,EstablishmentName", *rows]) + "\r\n")

    _, stderr = run_import(path)

    assert stderr.splitlines() == ["1,000 rows read…", "2,000 rows read…"]
    assert School.objects.count() == 2_500


def test_second_run_of_the_same_file_changes_nothing():
    run_import(SAMPLE)

    stdout, _ = run_import(SAMPLE)

    assert "0 created, 0 updated, 7 unchanged, 1 skipped (bad rows)" in stdout
    assert School.objects.count() == 7


def test_changed_row_updates_the_school_but_not_its_membership(write_csv):
    run_import(SAMPLE)
    School.objects.filter(urn="107544").update(
        member_since=datetime.date(2024, 9, 1),
        membership_expires=datetime.date(2026, 8, 31),
        email_domain="todmorden-high.example",
    )
    changed = write_csv(
        sample_text().replace(
            "Todmorden High School,01,Community school",
            "Todmorden High School,28,Academy converter",
        )
    )

    stdout, _ = run_import(changed)

    assert "0 created, 1 updated, 6 unchanged" in stdout
    school = School.objects.get(urn="107544")
    assert school.type == "Academy converter"
    assert school.member_since == datetime.date(2024, 9, 1)
    assert school.membership_expires == datetime.date(2026, 8, 31)
    assert school.email_domain == "todmorden-high.example"


def test_renamed_school_keeps_its_slug(write_csv):
    run_import(SAMPLE)
    renamed = write_csv(sample_text().replace("Consett Academy", "Consett Community Academy"))

    run_import(renamed)

    school = School.objects.get(urn="137321")
    assert school.name == "Consett Community Academy"
    assert school.slug == "consett-academy"


def test_new_school_whose_slug_is_taken_gets_its_urn_appended():
    School.objects.create(name="Consett Academy", slug="consett-academy")

    run_import(SAMPLE)

    assert School.objects.get(urn="137321").slug == "consett-academy-137321"


def test_import_never_deletes_a_school_missing_from_the_file(member_school):
    run_import(SAMPLE)

    assert School.objects.filter(pk=member_school.pk).exists()


def test_region_option_imports_only_that_region():
    stdout, stderr = run_import(SAMPLE, "--region", "north east")

    assert imported_urns() == NORTH_EAST_URNS
    assert "3 outside region" in stdout
    assert "line 6: URN '1O8358' is not a number" in stderr


def test_region_that_matches_no_row_is_pointed_out():
    stdout, stderr = run_import(SAMPLE, "--region", "Nrth East")

    assert School.objects.count() == 0
    assert "No row is in region 'Nrth East'" in stderr
    assert "8 outside region" in stdout


def test_dry_run_saves_nothing_but_reports_what_it_would_do():
    stdout, stderr = run_import(SAMPLE, "--dry-run")

    assert School.objects.count() == 0
    assert stdout.strip() == (
        "Dry run, nothing saved: 7 to create, 0 to update, 0 unchanged, "
        "1 skipped (bad rows), 0 outside region."
    )
    assert "line 6: URN '1O8358' is not a number" in stderr


def test_atomic_import_with_a_bad_row_imports_nothing():
    stderr = io.StringIO()

    with pytest.raises(CommandError, match="Imported nothing: 1 bad row, and --atomic"):
        call_command("import_schools", str(SAMPLE), "--atomic", stderr=stderr)

    assert School.objects.count() == 0
    assert "line 6: URN '1O8358' is not a number" in stderr.getvalue()


def test_atomic_import_of_a_clean_file_imports_everything(write_csv):
    clean = write_csv(
        "".join(line for line in sample_text().splitlines(keepends=True) if "1O8358" not in line)
    )

    stdout, _ = run_import(clean, "--atomic")

    assert imported_urns() == GOOD_URNS
    assert "7 created" in stdout


def test_row_with_too_few_fields_is_reported(write_csv):
    lines = sample_text().splitlines(keepends=True)
    lines[2] = "111370,808,Stockton-on-Tees\r\n"
    path = write_csv("".join(lines))

    _, stderr = run_import(path)

    assert "line 3: has 3 fields, expected 39" in stderr
    assert "111370" not in imported_urns()
    assert "108496" in imported_urns()


def test_row_missing_its_name_is_reported(write_csv):
    path = write_csv(sample_text().replace("Consett Academy", ""))

    _, stderr = run_import(path)

    assert "line 4: missing EstablishmentName" in stderr
    assert "137321" not in imported_urns()


def test_value_the_model_rejects_is_reported_by_column(write_csv):
    path = write_csv(sample_text().replace("NE4 8QA", "NE4 8QA OLD SITE"))

    _, stderr = run_import(path)

    assert "line 2: Postcode: Ensure this value has at most 10 characters (it has 16)." in stderr
    assert "108496" not in imported_urns()


def test_repeated_urn_is_reported_against_its_first_line(write_csv):
    lines = sample_text().splitlines(keepends=True)
    path = write_csv("".join([*lines, lines[1]]))

    _, stderr = run_import(path)

    assert "line 10: URN 108496 appears again (first on line 2)" in stderr


def test_line_numbers_count_physical_lines_of_quoted_multiline_fields(write_csv):
    lines = sample_text().splitlines(keepends=True)
    lines[1] = lines[1].replace("Benwell Lane", '"Benwell Lane\r\nBenwell"')
    path = write_csv("".join(lines))

    _, stderr = run_import(path)

    assert "line 7: URN '1O8358' is not a number" in stderr


def test_invalid_website_is_left_out_with_a_warning(write_csv):
    path = write_csv(sample_text().replace("www.st-bedes-example.sch.uk", "st bedes website"))

    _, stderr = run_import(path)

    assert "line 2: SchoolWebsite 'st bedes website' is not a valid URL; left out" in stderr
    assert School.objects.get(urn="108496").website == ""


def test_invalid_website_does_not_erase_the_one_already_stored(write_csv):
    run_import(SAMPLE)
    path = write_csv(sample_text().replace("www.st-bedes-example.sch.uk", "st bedes website"))

    stdout, _ = run_import(path)

    assert School.objects.get(urn="108496").website == "https://www.st-bedes-example.sch.uk"
    assert "7 unchanged" in stdout


def test_file_without_the_urn_column_fails_naming_it(write_csv):
    path = write_csv(sample_text().replace("URN,", "Reference,", 1))

    with pytest.raises(CommandError, match="missing required column: URN"):
        run_import(path)

    assert School.objects.count() == 0


def test_file_without_urn_and_name_columns_names_both(write_csv):
    path = write_csv("Name,Postcode\r\nCalder Vale Primary,HX7 5AA\r\n")

    with pytest.raises(CommandError, match="missing required columns: URN, EstablishmentName"):
        run_import(path)


def test_region_option_needs_the_region_column(write_csv):
    path = write_csv("URN,EstablishmentName\r\n100001,Calder Vale Primary\r\n")

    with pytest.raises(CommandError, match=r"missing required column: GOR \(name\)"):
        run_import(path, "--region", "North East")


def test_bytes_invalid_in_the_encoding_fail_clearly(tmp_path):
    path = tmp_path / "broken.csv"
    path.write_bytes(b"URN,EstablishmentName\r\n100001,Calder Vale Primary\r\n100002,Caf\x81\r\n")

    with pytest.raises(CommandError, match=r"line 3 is not valid cp1252 text \(byte 0x81"):
        run_import(path)

    assert School.objects.count() == 0


def test_utf8_file_read_as_cp1252_fails_instead_of_garbling_names(write_csv):
    path = write_csv(sample_text(), encoding="utf-8")

    with pytest.raises(CommandError, match="line 2 looks like UTF-8, not cp1252"):
        run_import(path)

    assert School.objects.count() == 0


def test_utf8_file_imports_with_the_utf8_encoding_option(write_csv):
    path = write_csv(sample_text(), encoding="utf-8")

    run_import(path, "--encoding", "utf-8-sig")

    assert School.objects.get(urn="108496").name == "St Bede’s Catholic Primary School"


def test_utf8_file_with_a_byte_order_mark_imports_without_the_option(write_csv):
    path = write_csv(sample_text(), encoding="utf-8-sig")

    run_import(path)

    assert School.objects.get(urn="108496").name == "St Bede’s Catholic Primary School"


def test_unknown_encoding_fails_clearly():
    with pytest.raises(CommandError, match="Unknown encoding 'klingon'"):
        run_import(SAMPLE, "--encoding", "klingon")


def test_nonexistent_file_fails_clearly(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        run_import(tmp_path / "edubasealldata.csv")


def test_empty_file_fails_clearly(write_csv):
    with pytest.raises(CommandError, match="the file is empty"):
        run_import(write_csv(""))
