"""The admin's content security policy: no inline script but the editor's, by nonce."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_admin_runs_no_inline_script_without_this_requests_nonce(client, editor):
    client.force_login(editor)

    response = client.get(reverse("admin:articles_story_add"))

    policy = response["Content-Security-Policy"]
    script_src = next(d for d in policy.split(";") if d.strip().startswith("script-src"))
    assert "'unsafe-inline'" not in script_src
    nonce = re.search(r"'nonce-([^']+)'", script_src).group(1)
    importmap = re.search(r'<script type="importmap"[^>]*>', response.content.decode()).group(0)
    assert f'nonce="{nonce}"' in importmap


def test_each_admin_page_gets_a_fresh_nonce(client, editor):
    client.force_login(editor)

    first = client.get(reverse("admin:articles_story_add"))["Content-Security-Policy"]
    second = client.get(reverse("admin:articles_story_add"))["Content-Security-Policy"]

    assert first != second
