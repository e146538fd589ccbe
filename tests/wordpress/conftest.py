import io
from pathlib import Path

import pytest
from django.core.management import call_command
from PIL import Image

EXPORTS = Path(__file__).parent / "exports"
NETWORK_NEWS = EXPORTS / "network-news.xml"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture
def uploads(tmp_path) -> Path:
    """A copy of wp-content/uploads holding the files network-news.xml refers to."""
    folder = tmp_path / "uploads"
    (folder / "2019" / "03").mkdir(parents=True)
    (folder / "2026" / "11").mkdir(parents=True)
    Image.new("RGB", (900, 600), (40, 120, 60)).save(folder / "2019/03/fell-race-start.jpg")
    Image.new("RGB", (800, 533), (160, 40, 40)).save(folder / "2019/03/fell-race.jpg")
    (folder / "2026/11/safeguarding-policy.pdf").write_bytes(PDF)
    return folder


@pytest.fixture
def write_export(tmp_path):
    """Write a WXR file from its text; return its path."""

    def write(text: str, name: str = "export.xml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


def run_import(path: Path, *args: str) -> tuple[str, str]:
    """Run ``import_wordpress`` on ``path``; return what it printed to stdout and stderr."""
    stdout, stderr = io.StringIO(), io.StringIO()
    call_command("import_wordpress", str(path), *args, stdout=stdout, stderr=stderr)
    return stdout.getvalue(), stderr.getvalue()


def wxr(*items: str, version: str = "1.2", channel_extra: str = "") -> str:
    """A minimal WordPress export holding ``items`` (each an ``<item>…</item>``)."""
    return f"""<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0"
    xmlns:excerpt="http://wordpress.org/export/{version}/excerpt/"
    xmlns:content="http://purl.org/rss/1.0/modules/content/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:wp="http://wordpress.org/export/{version}/">
<channel>
    <title>A school network</title>
    <wp:wxr_version>{version}</wp:wxr_version>
    {channel_extra}
    {"".join(items)}
</channel>
</rss>
"""


def post(
    post_id: int,
    title: str,
    content: str = "Some text.",
    *,
    status: str = "publish",
    slug: str | None = None,
    link: str | None = None,
    date_gmt: str = "2024-05-01 09:00:00",
    post_type: str = "post",
    extra: str = "",
) -> str:
    slug = f"post-{post_id}" if slug is None else slug
    link = link or f"https://school.example/{slug}/"
    return f"""
    <item>
        <title><![CDATA[{title}]]></title>
        <link>{link}</link>
        <dc:creator><![CDATA[admin]]></dc:creator>
        <content:encoded><![CDATA[{content}]]></content:encoded>
        <excerpt:encoded><![CDATA[]]></excerpt:encoded>
        <wp:post_id>{post_id}</wp:post_id>
        <wp:post_date><![CDATA[{date_gmt}]]></wp:post_date>
        <wp:post_date_gmt><![CDATA[{date_gmt}]]></wp:post_date_gmt>
        <wp:post_name><![CDATA[{slug}]]></wp:post_name>
        <wp:status><![CDATA[{status}]]></wp:status>
        <wp:post_type><![CDATA[{post_type}]]></wp:post_type>
        <category domain="category" nicename="news"><![CDATA[News]]></category>
        {extra}
    </item>"""
