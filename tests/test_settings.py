"""Production settings: refuse to start without secrets; pass Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "k8Zq2v" * 10,  # 60 varied characters, as check --deploy wants
    "DJANGO_ALLOWED_HOSTS": "news.example.org",
}


def run(*args, **env):
    base = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=base | env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run("check", **(PRODUCTION | {"DJANGO_SECRET_KEY": ""}))

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run("check", **(PRODUCTION | {"DJANGO_ALLOWED_HOSTS": ""}))

    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS is not set" in result.stderr


def test_production_settings_pass_the_deployment_checks():
    result = run("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_the_content_policies_allow_the_configured_media_host():
    result = run(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.SECURE_CSP['img-src'])",
        **(PRODUCTION | {"DJANGO_ASSET_HOSTS": "https://media.example.org"}),
    )

    assert "https://media.example.org" in result.stdout, result.stderr
