"""What `make run` shows a developer: the designed error pages, each log line
once, job lines only when a job fails, and emails that can be read and clicked."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import mail
from django.urls import clear_url_caches

from newsroom.console_mail import EmailBackend

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def debug_urls(settings):
    """The URLconf as `make run` loads it (DEBUG on)."""
    import importlib

    import newsroom.urls

    settings.DEBUG = True
    importlib.reload(newsroom.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(newsroom.urls)
    clear_url_caches()


@pytest.mark.django_db
def test_the_designed_404_page_is_viewable_in_development(client, debug_urls):
    response = client.get("/404/")

    assert response.status_code == 404
    assert "<h1>Page not found</h1>" in response.content.decode()


@pytest.mark.django_db
def test_the_designed_500_page_is_viewable_in_development(client, debug_urls):
    response = client.get("/500/")

    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()


@pytest.mark.django_db
def test_there_are_no_error_page_addresses_in_production(client):
    assert "Something went wrong" not in client.get("/500/").content.decode()


def run_in_development(code: str) -> str:
    """What a `manage.py shell` under `make run` prints running ``code``."""
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-v0", "-c", code],
        cwd=ROOT,
        env=os.environ | {"DJANGO_DEBUG": "1"},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout + result.stderr


def test_a_log_line_is_printed_once():
    output = run_in_development(
        "import logging; logging.getLogger('django.request').warning('LOG-ONCE-3c9a')"
    )

    assert output.count("LOG-ONCE-3c9a") == 1


def test_job_lines_are_quiet_unless_the_job_fails():
    # The worker sets its loggers to INFO itself, as `make run` starts it.
    output = run_in_development(
        "import logging;"
        "from django_tasks_db.management.commands.db_worker import Command;"
        "Command().configure_logging(1);"
        "log = logging.getLogger('django.tasks');"
        "log.info('JOB-STARTED-5d1b'); log.error('JOB-FAILED-5d1b');"
        "logging.getLogger('django_tasks_db').info('WORKER-IDLE-5d1b')"
    )

    assert "JOB-STARTED-5d1b" not in output and "WORKER-IDLE-5d1b" not in output
    assert output.count("JOB-FAILED-5d1b") == 1


def test_a_development_email_shows_its_links_whole():
    link = "http://127.0.0.1:8000/members/welcome/MQ/cyz8kx-4f3b1e0a9c7d6e5f4a3b2c1d0e9f8a7b/"
    stream = io.StringIO()
    message = mail.EmailMultiAlternatives(
        "Welcome to the network",
        f"Choose your password here: {link}\n\n= signs stay as they are.",
        "news@example.org",
        ["new.member@school.example"],
        alternatives=[(f'<a href="{link}">Choose your password</a>', "text/html")],
    )

    EmailBackend(stream=stream).send_messages([message])

    printed = stream.getvalue()
    assert link in printed
    assert "Subject: Welcome to the network" in printed
    assert "= signs stay as they are." in printed
    assert "=3D" not in printed and "=\n" not in printed
    assert "(Also in this email: text/html)" in printed
