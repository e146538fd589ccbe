"""YouTube and Vimeo links in a body, shown as click-to-play placeholders.

A top-level paragraph whose only content is a link to a YouTube or Vimeo video
(or the bare address as text) is rendered as a placeholder drawn by our own CSS:
nothing is fetched from the video host until the reader presses play. Without
JavaScript the placeholder is a plain link to the video; with it
(static/js/video-embeds.js) the link becomes a button that swaps in the player,
from youtube-nocookie.com or player.vimeo.com with Vimeo's "do not track".

This runs when a body is rendered, not when it is saved: the stored body stays
what the editor wrote and nh3 allowed, and emails and feeds keep a plain link.
It reads HTML that nh3 has already sanitised, so its shape is predictable; it
never copies markup from the body, only escaped text and an address built from
a strictly validated video id.
"""

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")
VIMEO_ID = re.compile(r"[0-9]{1,12}")
# A YouTube start time: "90", "90s" or "1h2m3s".
YOUTUBE_START = re.compile(r"(?:([0-9]{1,2})h)?(?:([0-9]{1,4})m)?(?:([0-9]{1,6})s?)?")

YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com"}
YOUTUBE_NOCOOKIE_HOSTS = {"youtube-nocookie.com", "www.youtube-nocookie.com"}
VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com"}

# Elements with no end tag: they do not open a level of nesting.
VOID_ELEMENTS = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


@dataclass(frozen=True)
class Video:
    provider: str  # "YouTube" or "Vimeo": shown to the reader
    embed_url: str  # the player's address, built only from a validated id


def find_video(url: str) -> Video | None:
    """The video ``url`` links to, or None when it is not a YouTube or Vimeo video
    address of a known form with a well-formed id."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    # The netloc as a whole: no user name, no port.
    host = parts.netloc.lower()
    if parts.scheme not in ("http", "https"):
        return None
    segments = [segment for segment in parts.path.split("/") if segment]
    query = parse_qs(parts.query)
    if host in YOUTUBE_HOSTS:
        if segments == ["watch"]:
            return _youtube(_single(query, "v"), query)
        if len(segments) == 2 and segments[0] in ("shorts", "embed"):
            return _youtube(segments[1], query)
    elif host == "youtu.be" and len(segments) == 1:
        return _youtube(segments[0], query)
    elif host in YOUTUBE_NOCOOKIE_HOSTS and len(segments) == 2 and segments[0] == "embed":
        return _youtube(segments[1], query)
    elif host in VIMEO_HOSTS and len(segments) == 1:
        return _vimeo(segments[0])
    elif host == "player.vimeo.com" and len(segments) == 2 and segments[0] == "video":
        return _vimeo(segments[1])
    return None


def _single(query: dict[str, list[str]], name: str) -> str:
    values = query.get(name, [])
    return values[0] if len(values) == 1 else ""


def _youtube(video_id: str, query: dict[str, list[str]]) -> Video | None:
    if not YOUTUBE_ID.fullmatch(video_id):
        return None
    url = f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1"
    start = _seconds(_single(query, "t") or _single(query, "start"))
    if start:
        url += f"&start={start}"
    return Video("YouTube", url)


def _seconds(value: str) -> int:
    """A YouTube start time in seconds; 0 for none or anything unexpected."""
    match = YOUTUBE_START.fullmatch(value) if value else None
    if not match:
        return 0
    hours, minutes, seconds = (int(part or 0) for part in match.groups())
    return hours * 3600 + minutes * 60 + seconds


def _vimeo(video_id: str) -> Video | None:
    if not VIMEO_ID.fullmatch(video_id):
        return None
    return Video("Vimeo", f"https://player.vimeo.com/video/{video_id}?autoplay=1&dnt=1")


@dataclass
class _Paragraph:
    start: int
    plain: bool = True  # holds at most one link, and no other element
    href: str | None = None
    link_text: str = ""
    other_text: str = ""
    in_link: bool = False


class _ParagraphFinder(HTMLParser):
    """Find the top-level paragraphs of ``html`` and what each one holds."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.html = html
        self.line_starts = [0] + [match.end() for match in re.finditer("\n", html)]
        self.depth = 0
        self.paragraph: _Paragraph | None = None
        self.found: list[tuple[int, int, _Paragraph]] = []
        self.feed(html)
        self.close()

    def position(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        paragraph = self.paragraph
        if self.depth == 0 and tag == "p":
            self.paragraph = _Paragraph(start=self.position())
        elif paragraph is not None and not paragraph.in_link:
            if self.depth == 1 and tag == "a" and paragraph.href is None:
                paragraph.href = dict(attrs).get("href") or ""
                paragraph.in_link = True
            else:
                paragraph.plain = False
        if tag not in VOID_ELEMENTS:
            self.depth += 1

    def handle_startendtag(self, tag, attrs):
        if self.paragraph is not None and not self.paragraph.in_link:
            self.paragraph.plain = False

    def handle_endtag(self, tag):
        if tag in VOID_ELEMENTS:
            return
        self.depth = max(self.depth - 1, 0)
        paragraph = self.paragraph
        if paragraph is None:
            return
        if tag == "a" and self.depth == 1:
            paragraph.in_link = False
        elif tag == "p" and self.depth == 0:
            end = self.html.find(">", self.position()) + 1
            self.found.append((paragraph.start, end, paragraph))
            self.paragraph = None

    def handle_data(self, data):
        if self.paragraph is None:
            return
        if self.paragraph.in_link:
            self.paragraph.link_text += data
        else:
            self.paragraph.other_text += data


def embed_videos(html: str) -> SafeString:
    """``html`` (a sanitised body) with each paragraph that is only a video link
    replaced by a click-to-play placeholder. Trusts ``html`` as ``|safe`` does."""
    html = str(html or "")
    lowered = html.lower()
    if "youtu" not in lowered and "vimeo" not in lowered:
        return mark_safe(html)  # the body is sanitised on every save
    pieces = []
    position = 0
    for start, end, paragraph in _ParagraphFinder(html).found:
        placeholder = _placeholder(paragraph)
        if placeholder:
            pieces += [html[position:start], placeholder]
            position = end
    pieces.append(html[position:])
    return mark_safe("".join(pieces))  # sanitised input; the placeholders are escaped


def _looks_like_address(text: str) -> bool:
    """Whether link text is the address itself (pasted), not words to show."""
    return "://" in text or text.lower().startswith(
        ("www.", "m.youtube", "youtu", "vimeo", "player.")
    )


def _placeholder(paragraph: _Paragraph) -> str | None:
    if not paragraph.plain or paragraph.in_link:
        return None
    if paragraph.href is not None:
        if paragraph.other_text.strip():
            return None
        url, label = paragraph.href.strip(), " ".join(paragraph.link_text.split())
    else:
        url, label = paragraph.other_text.strip(), ""
        if not url or any(character.isspace() for character in url):
            return None
    video = find_video(url)
    if video is None:
        return None
    if not label or label == url or _looks_like_address(label):
        label = f"{video.provider} video"
        title = label
    else:
        title = f"{video.provider} video: {label}"
    return format_html(
        '<figure class="video-embed" data-video-embed data-embed-url="{embed_url}"'
        ' data-embed-title="{title}">'
        '<div class="video-embed__box">'
        '<a class="video-embed__start" href="{url}">'
        '<span class="video-embed__play" aria-hidden="true"></span>'
        '<span class="video-embed__label">'
        '<span class="visually-hidden video-embed__action">Watch on {provider}: </span>'
        "{label}</span></a></div>"
        '<figcaption class="video-embed__note">'
        "Plays from {provider}, which may set cookies.</figcaption>"
        "</figure>",
        embed_url=video.embed_url,
        title=title,
        url=url,
        provider=video.provider,
        label=label,
    )
