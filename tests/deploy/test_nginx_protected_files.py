"""deploy/nginx/protected-files.conf with real nginx in front of the app: the app
authorises, nginx sends the bytes, and nobody reaches the files directly.

Skipped where nginx is missing, unless REQUIRE_NGINX=1 (CI installs it).
"""

import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from articles.models import Visibility
from library.models import Image

pytestmark = pytest.mark.django_db(transaction=True)

SNIPPET = Path(__file__).resolve().parents[2] / "deploy" / "nginx" / "protected-files.conf"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def nginx(live_server, settings, tmp_path):
    binary = shutil.which("nginx") or (
        "/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None
    )
    if binary is None:
        if os.environ.get("REQUIRE_NGINX") == "1":
            pytest.fail("nginx not found (apt-get install nginx)")
        pytest.skip("nginx not found")
    settings.PROTECTED_FILES = "nginx"
    port = free_port()
    snippet = SNIPPET.read_text().replace("/srv/newsroom/protected/", f"{settings.PROTECTED_ROOT}/")
    (tmp_path / "protected-files.conf").write_text(snippet)
    # Started as root (CI), nginx's workers would read as "nobody", which can't
    # enter pytest's private temporary folders.
    user = "user root;" if os.geteuid() == 0 else ""
    (tmp_path / "nginx.conf").write_text(
        f"""
daemon off;
{user}
worker_processes 1;
pid {tmp_path}/nginx.pid;
error_log {tmp_path}/error.log;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {tmp_path}/body;
    proxy_temp_path {tmp_path}/proxy;
    fastcgi_temp_path {tmp_path}/fastcgi;
    uwsgi_temp_path {tmp_path}/uwsgi;
    scgi_temp_path {tmp_path}/scgi;
    server {{
        listen 127.0.0.1:{port};
        location / {{ proxy_pass {live_server.url}; proxy_set_header Host $host; }}
        include {tmp_path}/protected-files.conf;
    }}
}}
"""
    )
    process = subprocess.Popen([binary, "-c", str(tmp_path / "nginx.conf"), "-p", str(tmp_path)])
    for _ in range(50):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            break
        except OSError:
            time.sleep(0.1)
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=10)


def fetch(url: str, cookie: str = "") -> tuple[int, bytes, dict]:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read(), dict(error.headers)


def session_cookie(user) -> str:
    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def test_nginx_sends_a_member_s_file_once_the_app_says_yes(
    nginx, member, image_factory, story_factory
):
    photo = image_factory()
    story_factory(hero=photo, visibility=Visibility.MEMBERS)
    photo = Image.objects.get(pk=photo.pk)
    stored = (Path(settings.PROTECTED_ROOT) / photo.file).read_bytes()

    status, body, headers = fetch(nginx + photo.url, session_cookie(member))

    assert status == 200
    assert body == stored
    assert "X-Accel-Redirect" not in headers
    assert "private" in headers["Cache-Control"]


def test_through_nginx_a_reader_who_may_not_gets_404(nginx, image_factory, story_factory):
    photo = image_factory()
    story_factory(hero=photo, visibility=Visibility.MEMBERS)
    photo = Image.objects.get(pk=photo.pk)

    assert fetch(nginx + photo.url)[0] == 404


def test_the_internal_location_can_t_be_asked_for_directly(
    nginx, member, image_factory, story_factory
):
    photo = image_factory()
    story_factory(hero=photo, visibility=Visibility.MEMBERS)
    photo = Image.objects.get(pk=photo.pk)

    assert fetch(f"{nginx}/_protected/{photo.file}", session_cookie(member))[0] == 404
