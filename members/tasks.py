"""Background work of the members app: importing a checked GIAS file."""

from django.core.files.storage import storages
from django.tasks import task
from django.utils import timezone

from jobs.retries import with_retries
from members.importers import InvalidFile, decode_lines, import_schools
from members.models import SchoolImport


@task
@with_retries()
def apply_school_import(import_id: int) -> dict:
    """Import a file staff checked and confirmed in the admin; then delete the file.

    The importer matches by URN, so a retried job changes nothing twice.
    """
    school_import = SchoolImport.objects.filter(
        pk=import_id, status=SchoolImport.Status.QUEUED
    ).first()
    if school_import is None:
        return {}
    storage = storages["protected"]
    try:
        with storage.open(school_import.file, "rb") as stream:
            report = import_schools(
                lines=decode_lines(stream, encoding=school_import.encoding),
                region=school_import.region or None,
            )
    except InvalidFile as error:
        school_import.status, school_import.result = (
            SchoolImport.Status.FAILED,
            {"error": str(error)},
        )
    else:
        school_import.status, school_import.result = SchoolImport.Status.DONE, report.as_dict()
    school_import.finished_at = timezone.now()
    school_import.save()
    storage.delete(school_import.file)
    return {"status": school_import.status}
