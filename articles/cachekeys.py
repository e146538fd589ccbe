"""The surrogate keys (Varnish xkey) under which pages showing the news are cached.

A page carries the key of every story it shows, of the tag or section it
lists, and ``NEWS`` if it lists the latest news (front page, /news/, feeds,
sitemap, search). A change purges the keys of what it touches
(``articles.changes``).
"""

NEWS = "news"
TAG_PREFIX = "tag-"


def story_key(story_id: int) -> str:
    return f"story-{story_id}"


def tag_key(tag_id: int) -> str:
    return f"{TAG_PREFIX}{tag_id}"


def section_key(section_id: int) -> str:
    return f"section-{section_id}"
