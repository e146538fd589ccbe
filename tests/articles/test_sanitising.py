import pytest
from django.urls import reverse

from articles.models import Story

pytestmark = pytest.mark.django_db

HOSTILE_BODY = (
    "<p>Safe paragraph SAFE-TEXT-91c2.</p>"
    "<script>alert('SCRIPT-MARKER-3b7e')</script>"
    '<p><img src="x" onerror="alert(\'ONERROR-MARKER\')"></p>'
    '<p><a href="javascript:alert(1)">bad link</a></p>'
    '<iframe src="https://evil.example/IFRAME-MARKER"></iframe>'
    '<p><a href="https://example.org/good">good link</a></p>'
)


def test_hostile_body_is_stored_without_script_handlers_javascript_links_or_iframes(
    story_factory,
):
    story = story_factory(body=HOSTILE_BODY)
    stored = Story.objects.get(pk=story.pk).body

    assert "SAFE-TEXT-91c2" in stored
    assert '<a href="https://example.org/good">good link</a>' in stored
    for marker in (
        "<script",
        "SCRIPT-MARKER-3b7e",
        "onerror",
        "javascript:",
        "<iframe",
        "IFRAME-MARKER",
    ):
        assert marker not in stored


def test_hostile_body_is_shown_without_them(client, story_factory):
    story = story_factory(body=HOSTILE_BODY)

    html = client.get(story.get_absolute_url()).content.decode()

    assert "SAFE-TEXT-91c2" in html
    for marker in (
        "SCRIPT-MARKER-3b7e",
        "onerror",
        "javascript:",
        "<iframe",
        "IFRAME-MARKER",
    ):
        assert marker not in html


def test_body_keeps_the_formatting_the_editor_offers(story_factory):
    body = (
        "<h2>Heading</h2><h3>Sub</h3><p><strong>b</strong> <em>i</em></p>"
        "<ul><li>one</li></ul><ol><li>two</li></ol><blockquote><p>quote</p></blockquote>"
    )

    assert story_factory(body=body).body == body


def test_admin_form_sanitises_the_body(admin_client, section):
    admin_client.post(
        reverse("admin:articles_story_add"),
        {
            "title": "Sanitised through the admin",
            "slug": "sanitised-through-the-admin",
            "standfirst": "Standfirst.",
            "body": HOSTILE_BODY,
            "section": section.pk,
            "_publish": "Publish now",
            "visibility": "public",
            "gallery-TOTAL_FORMS": "0",
            "gallery-INITIAL_FORMS": "0",
            "downloads-TOTAL_FORMS": "0",
            "downloads-INITIAL_FORMS": "0",
            "picks-TOTAL_FORMS": "0",
            "picks-INITIAL_FORMS": "0",
            "corrections-TOTAL_FORMS": "0",
            "corrections-INITIAL_FORMS": "0",
        },
    )

    stored = Story.objects.get(slug="sanitised-through-the-admin").body
    assert "SAFE-TEXT-91c2" in stored
    assert "<script" not in stored and "onerror" not in stored and "<iframe" not in stored
