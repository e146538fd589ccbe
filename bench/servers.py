"""Helpers for the benchmark and fault scripts: databases, gunicorn, Varnish, nginx,
the purge worker, and HTTP clients. Everything listens and is requested on 127.0.0.1."""

from __future__ import annotations

import atexit
import http.cookiejar
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
VARNISH_RUN = ROOT / "deploy" / "varnish" / "run"
NGINX = "/usr/sbin/nginx"
PG_SERVER = "postgres://postgres@127.0.0.1:5432"
REDIS = "redis://127.0.0.1:6379"
SECRET = secrets.token_urlsafe(50)


_SCRATCH: list[Path] = []


def scratch(prefix: str) -> Path:
    """A fresh folder (mode 755: varnishd and nginx's workers read it after
    dropping privileges) inside this run's temporary folder, which is removed
    when the script exits."""
    if not _SCRATCH:
        _SCRATCH.append(Path(tempfile.mkdtemp(prefix="newsroom-bench-")))
        _SCRATCH[0].chmod(0o755)
        atexit.register(shutil.rmtree, _SCRATCH[0], ignore_errors=True)
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=_SCRATCH[0]))
    folder.chmod(0o755)
    return folder


def production_env(database_url: str, redis_db: int | None = None, **extra: str) -> dict:
    """The environment `make serve` gives gunicorn, for one database (and Redis db).

    No HTTP cache is purged unless ``HTTP_CACHE_URLS`` is passed in ``extra``;
    nothing inherited from the caller's environment chooses a cache.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    for name in ("REDIS_URL", "CACHE_URL", "HTTP_CACHE_URLS", "HTTP_CACHE_SECONDS"):
        env.pop(name, None)
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=SECRET,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_HTTPS="0",
        DJANGO_SERVE_MEDIA="1",
        DJANGO_LOG_LEVEL="WARNING",
        DJANGO_EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        DATABASE_URL=database_url,
    )
    if redis_db is not None:
        env["REDIS_URL"] = f"{REDIS}/{redis_db}"
    env.update(extra)
    return env


def create_pg_database(name: str, fresh: bool = False) -> str:
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if exists and fresh:
            connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            exists = None
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')
    return f"{PG_SERVER}/{name}"


def manage(env: dict, *args: str) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return result.stdout


def wait_for_port(port: int, process: subprocess.Popen, what: str, seconds: float = 30) -> None:
    """Return once something accepts connections on 127.0.0.1:``port``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with status {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    stop(process)
    raise RuntimeError(f"{what} did not listen on port {port} within {seconds:.0f} s")


def start_gunicorn(
    env: dict, port: int, workers: int = 2, app: str = "newsroom.wsgi"
) -> subprocess.Popen:
    process = subprocess.Popen(
        [GUNICORN, app, "-w", str(workers), "-b", f"127.0.0.1:{port}", "--log-level", "warning"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=2)
            return process
        except (urllib.error.URLError, ConnectionError, OSError):
            time.sleep(0.2)
    stop(process)
    raise RuntimeError(f"gunicorn on port {port} did not start")


def start_varnish(port: int, backend_port: int) -> subprocess.Popen:
    """Varnish on ``port`` in front of gunicorn on ``backend_port``, as `make serve` runs it
    (deploy/varnish/run), in a fresh working directory: an empty cache."""
    workdir = scratch("varnish-")
    env = dict(
        os.environ,
        VARNISH_LISTEN=f"127.0.0.1:{port}",
        BACKEND_HOST="127.0.0.1",
        BACKEND_PORT=str(backend_port),
        VARNISH_DIR=str(workdir),
    )
    with (workdir / "run.log").open("a") as log:
        process = subprocess.Popen(
            [str(VARNISH_RUN)],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    process.workdir = workdir
    try:
        wait_for_port(port, process, "Varnish")
    except RuntimeError as error:  # the folder goes when the script exits: show the log now
        raise RuntimeError(f"{error}:\n{(workdir / 'run.log').read_text()[-2000:]}") from None
    return process


def varnish_counters(process: subprocess.Popen, *names: str) -> dict[str, int]:
    """Counters of a Varnish started by ``start_varnish`` (e.g. MAIN.cache_hit)."""
    # deploy/varnish/run names the instance VARNISH_DIR/n.
    instance = process.workdir / "n" if (process.workdir / "n").is_dir() else process.workdir
    result = subprocess.run(
        ["varnishstat", "-n", str(instance), "-1", *(f"-f{name}" for name in names)],
        capture_output=True,
        text=True,
    )
    found = dict(re.findall(r"^(\S+)\s+(\d+)", result.stdout, re.M))
    return {name: int(found.get(name, 0)) for name in names}


def start_nginx(body_file: Path, port: int, workers: str = "1") -> subprocess.Popen:
    """nginx (logs off) serving ``body_file``: the reference for what serving
    fixed bytes costs on this machine. ``workers``: a number or "auto"."""
    workdir = scratch("nginx-")
    config = workdir / "nginx.conf"
    config.write_text(
        f"""worker_processes {workers};
daemon off;
pid {workdir}/nginx.pid;
error_log {workdir}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    client_body_temp_path {workdir}/body;
    proxy_temp_path {workdir}/proxy;
    fastcgi_temp_path {workdir}/fastcgi;
    uwsgi_temp_path {workdir}/uwsgi;
    scgi_temp_path {workdir}/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {body_file.parent};
        default_type "text/html; charset=utf-8";
        location / {{ try_files /{body_file.name} =404; }}
    }}
}}
"""
    )
    process = subprocess.Popen(
        [NGINX, "-c", str(config), "-p", str(workdir)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    wait_for_port(port, process, f"nginx ({workdir / 'error.log'})")
    return process


def start_purge_worker(env: dict) -> subprocess.Popen:
    """`manage.py deliver_purges`: retries purges the web process could not deliver."""
    return subprocess.Popen(
        [PYTHON, "manage.py", "deliver_purges"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def stop(process: subprocess.Popen) -> None:
    """Stop a process started here, and its children (its own process group)."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def fetch(url: str, timeout: float = 5.0, headers: dict | None = None) -> tuple[int, str, dict]:
    """Status, body and headers; a refused or failed request is status 0."""
    try:
        request = urllib.request.Request(url, headers=headers or {})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read().decode(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace"), dict(error.headers)
    except (urllib.error.URLError, ConnectionError, OSError, TimeoutError):
        return 0, "", {}


class _FormReader(HTMLParser):
    """The fields a browser would submit from the form with id ``form_id``, as it
    stands on the page (inputs, checked boxes, selected options, textareas), and
    each select's options. Skips buttons, files and inline formsets' templates."""

    def __init__(self, form_id: str):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.fields: dict[str, str] = {}
        self.options: dict[str, list[str]] = {}
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = a.get("id") == self.form_id
        if not self.inside:
            return
        name = a.get("name") or ""
        if "__prefix__" in name:
            return
        if tag == "input" and name:
            kind = a.get("type", "text")
            if kind in ("submit", "button", "image", "file", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            self.fields[name] = a.get("value") or ("on" if kind == "checkbox" else "")
        elif tag == "select" and name:
            self._select = name
            self.options[name] = []
        elif tag == "option" and self._select:
            value = a.get("value") or ""
            self.options[self._select].append(value)
            if "selected" in a or self._select not in self.fields:
                self.fields[self._select] = value
        elif tag == "textarea" and name:
            self._textarea = name
            self.fields[name] = ""

    def handle_data(self, data):
        if self._textarea:
            self.fields[self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "form":
            self.inside = False


@dataclass
class Form:
    fields: dict[str, str]
    options: dict[str, list[str]] = field(default_factory=dict)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """A cookie-keeping client that can log in and post Django forms."""

    def __init__(self, base: str):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        cookies = urllib.request.HTTPCookieProcessor(self.jar)
        self.opener = urllib.request.build_opener(cookies)
        self.no_redirect = urllib.request.build_opener(cookies, _NoRedirect)

    def get(self, path: str) -> str:
        with self.opener.open(self.base + path, timeout=10) as response:
            return response.read().decode()

    def post_form(self, path: str, data: dict) -> tuple[int, str]:
        page = self.get(path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": token, **data}, doseq=True).encode()
        request = urllib.request.Request(
            self.base + path, data=body, headers={"Referer": self.base + path}
        )
        with self.opener.open(request, timeout=30) as response:
            return response.status, response.geturl()

    def admin_login(self, email: str, password: str) -> None:
        self.post_form(
            "/admin/login/", {"username": email, "password": password, "next": "/admin/"}
        )
        if not self.cookie("sessionid"):
            raise RuntimeError(f"could not log in to the admin as {email}")

    def read_form(self, path: str, form_id: str) -> Form:
        """The form ``form_id`` on ``path`` as a browser would submit it unchanged."""
        reader = _FormReader(form_id)
        reader.feed(self.get(path))
        if "csrfmiddlewaretoken" not in reader.fields:
            raise RuntimeError(f"no form #{form_id} on {path}")
        return Form(reader.fields, reader.options)

    def submit(self, path: str, fields: dict) -> tuple[int, str]:
        """POST ``fields`` to ``path`` without following the redirect: (status,
        Location). Django's admin answers 302 on success, 200 with errors."""
        body = urllib.parse.urlencode(fields).encode()
        request = urllib.request.Request(
            self.base + path, data=body, headers={"Referer": self.base + path}
        )
        try:
            with self.no_redirect.open(request, timeout=30) as response:
                response.read()
                return response.status, ""
        except urllib.error.HTTPError as answer:
            answer.read()
            return answer.code, answer.headers.get("Location", "")

    def cookie(self, name: str) -> str | None:
        return next((c.value for c in self.jar if c.name == name), None)
