"""YouTube and Vimeo links in a body: click-to-play placeholders, nothing else."""

import html
import re

import pytest
from django.template import Context, Template

YOUTUBE = "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"
VIMEO = "https://player.vimeo.com/video/76979871?autoplay=1&dnt=1"


def render(body: str) -> str:
    return Template("{% load video_embeds %}{{ body|embed_videos }}").render(
        Context({"body": body})
    )


def embed_urls(output: str) -> list[str]:
    return [html.unescape(url) for url in re.findall(r'data-embed-url="([^"]*)"', output)]


@pytest.mark.parametrize(
    ("url", "embed_url"),
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", YOUTUBE),
        ("https://youtube.com/watch?v=dQw4w9WgXcQ&amp;feature=share", YOUTUBE),
        ("https://m.youtube.com/watch?v=dQw4w9WgXcQ", YOUTUBE),
        ("http://youtu.be/dQw4w9WgXcQ", YOUTUBE),
        ("https://youtu.be/dQw4w9WgXcQ?si=abc123", YOUTUBE),
        ("https://www.youtube.com/shorts/dQw4w9WgXcQ", YOUTUBE),
        ("https://www.youtube.com/embed/dQw4w9WgXcQ", YOUTUBE),
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;t=1m30s", YOUTUBE + "&start=90"),
        ("https://youtu.be/dQw4w9WgXcQ?t=42", YOUTUBE + "&start=42"),
        ("https://vimeo.com/76979871", VIMEO),
        ("https://www.vimeo.com/76979871", VIMEO),
        ("https://player.vimeo.com/video/76979871", VIMEO),
    ],
)
def test_a_paragraph_that_is_only_a_video_link_becomes_a_placeholder(url, embed_url):
    output = render(f'<p>Before.</p><p><a href="{url}">Sports day highlights</a></p><p>After.</p>')

    assert embed_urls(output) == [embed_url]
    assert output.startswith('<p>Before.</p><figure class="video-embed"')
    assert output.endswith("</figure><p>After.</p>")
    # Without JavaScript it is a plain link to the video, with the link's words.
    assert f'<a class="video-embed__start" href="{url}">' in output
    assert "Sports day highlights</span></a>" in output
    assert "which may set cookies" in output
    assert "<iframe" not in output and "<script" not in output and "<img" not in output


def test_a_bare_address_alone_in_its_paragraph_becomes_a_placeholder_with_a_default_label():
    output = render("<p>https://youtu.be/dQw4w9WgXcQ</p><p>https://vimeo.com/76979871 </p>")

    assert embed_urls(output) == [YOUTUBE, VIMEO]
    assert "YouTube video</span></a>" in output
    assert "Vimeo video</span></a>" in output
    assert 'data-embed-title="YouTube video"' in output


def test_link_text_that_is_the_address_itself_gives_way_to_a_default_label():
    url = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"

    output = render(f'<p><a href="{url}">{url}</a></p>')

    assert "YouTube video</span></a>" in output
    assert embed_urls(output) == [YOUTUBE]


def test_the_play_label_and_frame_title_name_the_video():
    output = render('<p><a href="https://vimeo.com/1">Choir <strong>live</strong></a></p>')

    assert "Choir live</span></a>" in output
    assert 'data-embed-title="Vimeo video: Choir live"' in output
    assert "Plays from Vimeo, which may set cookies." in output


@pytest.mark.parametrize(
    "body",
    [
        # In running text, or sharing its paragraph.
        '<p>Watch <a href="https://youtu.be/dQw4w9WgXcQ">the film</a> before the trip.</p>',
        '<p><a href="https://youtu.be/dQw4w9WgXcQ">the film</a><br>and more</p>',
        '<p><a href="https://youtu.be/dQw4w9WgXcQ">one</a> <a href="https://youtu.be/dQw4w9WgXcQ">two</a></p>',
        '<p><strong><a href="https://youtu.be/dQw4w9WgXcQ">bold</a></strong></p>',
        "<p>See https://youtu.be/dQw4w9WgXcQ</p>",
        # Not a top-level paragraph.
        '<ul><li><p><a href="https://youtu.be/dQw4w9WgXcQ">in a list</a></p></li></ul>',
        '<blockquote><p><a href="https://youtu.be/dQw4w9WgXcQ">quoted</a></p></blockquote>',
        # Ids that are not well formed.
        '<p><a href="https://youtu.be/dQw4w9WgXc">ten characters</a></p>',
        '<p><a href="https://youtu.be/dQw4w9WgXcQQ">twelve characters</a></p>',
        '<p><a href="https://www.youtube.com/watch?v=dQw4w9WgX%22Q">quote</a></p>',
        '<p><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;v=aaaaaaaaaaa">two</a></p>',
        '<p><a href="https://www.youtube.com/watch?list=PL123">a playlist</a></p>',
        '<p><a href="https://www.youtube.com/@pennineschools">a channel</a></p>',
        '<p><a href="https://vimeo.com/76979871/abcdef">unlisted</a></p>',
        '<p><a href="https://vimeo.com/channels/staffpicks">a channel</a></p>',
        '<p><a href="https://vimeo.com/١٢٣">other digits</a></p>',
        # Other hosts, look-alikes, user names and ports.
        '<p><a href="https://example.org/watch?v=dQw4w9WgXcQ">elsewhere</a></p>',
        '<p><a href="https://youtube.com.example.org/watch?v=dQw4w9WgXcQ">look-alike</a></p>',
        '<p><a href="https://notyoutube.com/watch?v=dQw4w9WgXcQ">look-alike</a></p>',
        '<p><a href="https://www.youtube.com@example.org/watch?v=dQw4w9WgXcQ">user</a></p>',
        '<p><a href="https://www.youtube.com:8443/watch?v=dQw4w9WgXcQ">port</a></p>',
        '<p><a href="mailto:https://youtu.be/dQw4w9WgXcQ">mail</a></p>',
    ],
)
def test_anything_else_stays_as_it_was(body):
    assert render(body) == body


def test_html_in_the_link_text_and_address_is_escaped():
    url = "https://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;x=%22%3E%3Cscript%3E"

    output = render(
        f'<p><a href="{url}">&lt;script&gt;alert("x")&lt;/script&gt; &amp; more</a></p>'
    )

    assert "<script" not in output
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more</span></a>" in output
    assert f'href="{url}"' in output
    assert 'data-embed-title="YouTube video: &lt;script&gt;alert(&quot;x&quot;)' in output


def test_a_body_without_videos_is_left_alone():
    body = '<h2>Heading</h2><p>Text &amp; <a href="https://example.org/">a link</a>.</p>'

    assert render(body) == body


def test_the_story_page_shows_the_placeholder_and_loads_its_script(client, story_factory):
    story = story_factory(body='<p><a href="https://youtu.be/dQw4w9WgXcQ">VIDEO-5c1e</a></p>')

    page = client.get(story.get_absolute_url()).content.decode()

    assert embed_urls(page) == [YOUTUBE]
    assert re.search(r'<script src="[^"]*js/video-embeds\.js" defer></script>', page)
    assert "youtube.com/vi" not in page and "ytimg" not in page  # no thumbnail


def test_a_story_without_videos_loads_no_script(client, story_factory):
    story = story_factory(body="<p>NO-VIDEO-8d2b</p>")

    page = client.get(story.get_absolute_url()).content.decode()

    assert "NO-VIDEO-8d2b" in page
    assert "<script src" not in page


def frame_src(policy: str) -> list[str]:
    directive = next(d.split() for d in policy.split(";") if d.split()[:1] == ["frame-src"])
    return directive[1:]


def test_the_story_page_may_frame_the_two_video_players_and_nothing_else(client, story_factory):
    story = story_factory()

    response = client.get(story.get_absolute_url())

    assert sorted(frame_src(response["Content-Security-Policy"])) == [
        "https://player.vimeo.com",
        "https://www.youtube-nocookie.com",
    ]


def test_the_admin_policy_keeps_its_own_frames_and_the_players(client, editor):
    client.force_login(editor)

    response = client.get("/admin/")

    policy = response["Content-Security-Policy"]
    assert sorted(frame_src(policy)) == [
        "'self'",
        "https://player.vimeo.com",
        "https://www.youtube-nocookie.com",
    ]
    assert "'nonce-" in policy
