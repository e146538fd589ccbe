"""The job queue: work leaves the request, failures are retried with back-off,
staff see what failed for good and retry it, and a dead worker's job runs again."""

import datetime
import os

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from jobs.models import Job
from jobs.tasks import deliver_email
from jobs.worker import worker_id
from library.models import Image
from tests.jobs.tasks import always_fails
from tests.library.test_images import add_image, photo, upload

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def queue(settings):
    """Jobs wait in the database for the worker, as under `make run` and `make serve`."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker():
    call_command("run_worker", batch=True, verbosity=0)


def make_due():
    """Bring every waiting job's time forward to now."""
    DBTaskResult.objects.filter(status="READY").update(
        run_after=timezone.now() - datetime.timedelta(seconds=1)
    )


def test_a_photo_is_saved_before_its_renditions_are_made(client, editor):
    client.force_login(editor)

    response = add_image(client, upload(photo((2400, 1600))))

    assert response.status_code == 302
    image = Image.objects.get()
    assert image.renditions == {}
    assert DBTaskResult.objects.filter(task_path="library.tasks.build_renditions").exists()
    run_worker()
    image.refresh_from_db()
    assert sorted(image.renditions) == ["card", "hero", "social"]


def test_a_failed_job_is_tried_again_later_each_wait_longer():
    always_fails.enqueue(label="7b7b")

    run_worker()
    first_retry = DBTaskResult.objects.get(status="READY")
    make_due()
    run_worker()
    second_retry = DBTaskResult.objects.get(status="READY")

    first_wait = first_retry.run_after - first_retry.enqueued_at
    second_wait = second_retry.run_after - second_retry.enqueued_at
    assert first_wait == pytest.approx(
        datetime.timedelta(minutes=1), abs=datetime.timedelta(seconds=5)
    )
    assert second_wait == pytest.approx(
        datetime.timedelta(minutes=4), abs=datetime.timedelta(seconds=5)
    )
    assert second_retry.args_kwargs["kwargs"]["retry_attempt"] == 3


def test_after_the_last_attempt_the_job_is_failed_for_good_with_its_error():
    always_fails.enqueue(label="7c7c")
    for _ in range(3):
        make_due()
        run_worker()

    failed = Job.objects.failed_for_good().get()

    assert failed.exception_class_path == "builtins.RuntimeError"
    assert failed.error == "RuntimeError: BROKEN-7c7c"
    assert Job.objects.filter(status="FAILED").count() == 3
    assert not DBTaskResult.objects.filter(status="READY").exists()


def fail_for_good(label: str) -> Job:
    always_fails.enqueue(label=label)
    for _ in range(3):
        make_due()
        run_worker()
    return Job.objects.failed_for_good().get()


def test_the_dashboard_shows_failed_jobs_to_staff(client, editor):
    fail_for_good("7d7d")
    client.force_login(editor)

    html = client.get(reverse("admin:index")).content.decode()

    assert 'id="failed-jobs"' in html
    assert "RuntimeError: BROKEN-7d7d" in html


def test_the_dashboard_has_no_failed_jobs_panel_when_none_failed(client, editor):
    client.force_login(editor)

    assert 'id="failed-jobs"' not in client.get(reverse("admin:index")).content.decode()


def test_staff_retry_a_failed_job_from_the_admin(client, editor):
    failed = fail_for_good("7e7e")
    client.force_login(editor)

    client.post(
        reverse("admin:jobs_job_changelist"),
        {"action": "retry", "_selected_action": [str(failed.pk)]},
    )

    assert not Job.objects.filter(pk=failed.pk).exists()
    again = DBTaskResult.objects.get(status="READY")
    assert again.args_kwargs["kwargs"] == {"label": "7e7e"}


def test_mail_failing_never_fails_the_request_and_is_retried(client, member_school, settings):
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": 9, "timeout": 2},  # nothing listens
        }
    }

    response = client.post(
        reverse("members:request-access"),
        {
            "first_name": "Robin",
            "last_name": "Head",
            "email": "robin@calder-vale.example",
            "school": member_school.pk,
            "job_title": "Head teacher",
        },
    )
    run_worker()

    assert response.status_code == 302
    attempt = DBTaskResult.objects.get(task_path="jobs.tasks.deliver_email", status="FAILED")
    assert "ConnectionRefusedError" in attempt.traceback
    assert DBTaskResult.objects.filter(task_path="jobs.tasks.deliver_email", status="READY")


def test_a_job_left_running_by_a_dead_worker_runs_again(settings):
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    result = deliver_email.enqueue(subject="Hello", body="RECLAIMED-5f5f", to=["a@example.org"])
    host = worker_id().rpartition(":")[0]
    DBTaskResult.objects.filter(id=result.id).update(
        status="RUNNING", started_at=timezone.now(), worker_ids=[f"{host}:{2**22 + 12345}"]
    )

    run_worker()

    assert DBTaskResult.objects.get(id=result.id).status == "SUCCESSFUL"
    assert [m.body for m in mail.outbox] == ["RECLAIMED-5f5f"]


def test_a_job_a_live_worker_is_running_is_left_alone():
    result = deliver_email.enqueue(subject="Hello", body="Busy", to=["a@example.org"])
    DBTaskResult.objects.filter(id=result.id).update(
        status="RUNNING",
        started_at=timezone.now(),
        worker_ids=[f"{worker_id().rpartition(':')[0]}:{os.getpid()}"],
    )

    run_worker()

    assert DBTaskResult.objects.get(id=result.id).status == "RUNNING"
