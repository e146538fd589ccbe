"""A WordPress post's content as WordPress shows it, ready for our sanitiser.

WordPress stores posts as typed: paragraphs are blank lines (``autop`` adds the
``<p>`` its ``wpautop`` would), the block editor's ``<!-- wp:… -->`` comments
sit between blocks, and shortcodes (``[caption]``, ``[gallery]``, a plugin's
``[contact-form-7]``) stand in for markup. ``prepare`` turns all of that into
plain HTML; images are matched to library images by the importer, then the
story's save runs the admin's sanitiser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape, unescape

from django.utils.html import strip_tags

BLOCKS = (
    r"(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|"
    r"form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|"
    r"article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)"
)
BLOCK_COMMENT = re.compile(r"<!--\s*/?wp:.*?-->", re.DOTALL)
TAG = re.compile(r"<[^>]*>")
PRE = re.compile(r"<pre\b.*?</pre>", re.IGNORECASE | re.DOTALL)
ESCAPED_SHORTCODE = re.compile(r"\[(\[[^\[\]]+\])\]")
CAPTION = re.compile(
    r"\[(?:wp_)?caption\b([^\]]*)\](.*?)\[/(?:wp_)?caption\]", re.IGNORECASE | re.DOTALL
)
GALLERY = re.compile(r"\[gallery\b([^\]]*)\]", re.IGNORECASE)
EMBED = re.compile(r"\[embed\b[^\]]*\](.*?)\[/embed\]", re.IGNORECASE | re.DOTALL)
ENCLOSING = re.compile(r"\[([a-zA-Z][\w-]*)(\s[^\]]*)?\](.*?)\[/\1\]", re.DOTALL)
SELF_CLOSING = re.compile(r"\[([a-zA-Z][\w-]*)(\s[^\]]*)?/?\]")
# Shortcodes of WordPress itself and of the page builders schools' sites use,
# recognised even with no attributes or closing tag; any other bracketed word
# ("[sic]") is text.
KNOWN_SHORTCODES = {
    "audio",
    "video",
    "playlist",
    "embed",
    "gallery",
    "caption",
    "wp_caption",
    "contact-form",
    "contact-form-7",
    "gravityform",
    "ninja_form",
}
ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>\]]+))""")
IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
LINKED_IMG = re.compile(r"<a\b[^>]*>\s*(<img\b[^>]*>)\s*</a>", re.IGNORECASE)
LONE_IMAGE_PARAGRAPH = re.compile(r"<p>\s*(<img\b[^>]*>)\s*</p>", re.IGNORECASE)
PARAGRAPH = re.compile(r"<p\b[^>]*>(.*?)</p>", re.IGNORECASE | re.DOTALL)
# Shortcodes that stand for a block (a figure, a gallery, a player) are not
# wrapped in a paragraph when alone on their line (WordPress's shortcode_unautop).
STANDALONE_SHORTCODE = re.compile(
    r"<p>\s*(\[((?:wp_)?caption|gallery|embed)\b[^\]]*\](?:(?:(?!</?p>).)*?\[/\2\])?)\s*</p>",
    re.DOTALL | re.IGNORECASE,
)
LONE_URL = re.compile(r"<p>\s*(https?://[^\s<>\"']+)\s*</p>")
EMPTY_PARAGRAPH = re.compile(r"<p>(?:\s|<br\s*/?>)*</p>\s*")
# WordPress's classes mean nothing here, except an image's attachment id (wp-image-N).
CLASS = re.compile(r"""\sclass=(["'])(?![^"']*\bwp-image-\d)[^"']*\1""")
SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*(?=\s|$)")


@dataclass
class Prepared:
    html: str
    # Shortcodes whose markup was dropped (their content, if any, kept).
    shortcodes: list[str] = field(default_factory=list)


def attributes(tag: str) -> dict[str, str]:
    """A tag's or shortcode's attributes, with either kind of quotes or none."""
    return {
        name.lower(): unescape(double or single or bare)
        for name, double, single, bare in ATTRIBUTE.findall(tag)
    }


def strip_block_comments(text: str) -> str:
    return BLOCK_COMMENT.sub("", text)


def autop(text: str) -> str:
    """Paragraphs from blank lines and line breaks from single newlines, as
    WordPress's ``wpautop`` makes them (``<pre>`` left alone)."""
    if not text.strip():
        return ""
    kept = []

    def keep(match: re.Match) -> str:
        kept.append(match.group(0))
        return f"<pre wp-kept-{len(kept) - 1}></pre>"

    text = PRE.sub(keep, text.replace("\r\n", "\n").replace("\r", "\n")) + "\n"
    # Newlines inside tags are not line breaks.
    text = TAG.sub(lambda m: m.group(0).replace("\n", " "), text)
    text = re.sub(r"<br\s*/?>\s*<br\s*/?>", "\n\n", text)
    text = re.sub(rf"(<{BLOCKS}[\s/>])", r"\n\n\1", text)
    text = re.sub(rf"(</{BLOCKS}>)", r"\1\n\n", text)
    text = re.sub(r"\n\n+", "\n\n", text)
    chunks = [c for c in re.split(r"\n\s*\n", text) if c.strip()]
    text = "".join(f"<p>{chunk.strip(chr(10))}</p>\n" for chunk in chunks)
    text = re.sub(r"<p>\s*</p>", "", text)
    text = re.sub(r"<p>([^<]+)</(div|address|form)>", r"<p>\1</p></\2>", text)
    text = re.sub(rf"<p>\s*(</?{BLOCKS}[^>]*>)\s*</p>", r"\1", text)
    text = re.sub(r"<p>(<li.+?)</p>", r"\1", text)
    text = re.sub(r"<p><blockquote([^>]*)>", r"<blockquote\1><p>", text, flags=re.IGNORECASE)
    text = text.replace("</blockquote></p>", "</p></blockquote>")
    text = re.sub(rf"<p>\s*(</?{BLOCKS}[^>]*>)", r"\1", text)
    text = re.sub(rf"(</?{BLOCKS}[^>]*>)\s*</p>", r"\1", text)
    text = re.sub(r"(?<!<br />)\s*\n", "<br />\n", text)
    text = re.sub(rf"(</?{BLOCKS}[^>]*>)\s*<br />", r"\1", text)
    text = re.sub(r"<br />(\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)", r"\1", text)
    text = re.sub(r"\n</p>$", "</p>", text)
    return re.sub(r"<pre wp-kept-(\d+)></pre>", lambda m: kept[int(m.group(1))], text)


def _caption(match: re.Match) -> str:
    options, inner = attributes(match.group(1)), match.group(2)
    image = IMG.search(inner)
    if image is None:
        return inner
    text = (LINKED_IMG.sub("", inner, count=1) if LINKED_IMG.search(inner) else inner).replace(
        image.group(0), "", 1
    )
    caption = text.strip() or options.get("caption", "")
    figcaption = f"<figcaption>{caption.strip()}</figcaption>" if caption.strip() else ""
    return f"<figure>{image.group(0)}{figcaption}</figure>"


def _gallery(match: re.Match, gallery_images) -> str:
    ids = [int(i) for i in re.findall(r"\d+", attributes(match.group(1)).get("ids", ""))]
    return "".join(
        f'<figure><img class="wp-image-{pk}" alt=""></figure>' for pk in (ids or gallery_images())
    )


def _embed(match: re.Match) -> str:
    url = match.group(1).strip()
    return f'<p><a href="{escape(url)}">{escape(url)}</a></p>' if url.startswith("http") else ""


def expand_shortcodes(text: str, gallery_images=list) -> Prepared:
    """Shortcodes turned into the markup they stand for, or into their content;
    the rest dropped and named. ``gallery_images()`` lists the attachment ids a
    ``[gallery]`` without ``ids`` shows (the post's own)."""
    dropped: list[str] = []
    escaped: list[str] = []

    def keep_escaped(match: re.Match) -> str:
        escaped.append(match.group(1))
        return f"\x00{len(escaped) - 1}\x00"

    text = ESCAPED_SHORTCODE.sub(keep_escaped, text)
    text = CAPTION.sub(_caption, text)
    text = GALLERY.sub(lambda m: _gallery(m, gallery_images), text)
    text = EMBED.sub(_embed, text)

    def enclosing(match: re.Match) -> str:
        dropped.append(match.group(1).lower())
        return match.group(3)

    while True:  # nested page-builder rows and columns, outermost last
        text, count = ENCLOSING.subn(enclosing, text)
        if not count:
            break

    def self_closing(match: re.Match) -> str:
        name = match.group(1).lower()
        if match.group(2) or name in KNOWN_SHORTCODES or "_" in name or "-" in name:
            dropped.append(name)
            return ""
        return match.group(0)

    text = SELF_CLOSING.sub(self_closing, text)
    text = re.sub(r"\x00(\d+)\x00", lambda m: escaped[int(m.group(1))], text)
    return Prepared(text, sorted(set(dropped)))


def headings_in_range(html: str) -> str:
    """The body has headings of levels 2 and 3: h1 becomes h2, h4–h6 become h3."""
    html = re.sub(r"<(/?)h1\b", r"<\1h2", html, flags=re.IGNORECASE)
    return re.sub(r"<(/?)h[4-6]\b", r"<\1h3", html, flags=re.IGNORECASE)


def figures_for_lone_images(html: str) -> str:
    """An image alone in its paragraph (or in a link to itself) is a figure."""
    html = LINKED_IMG.sub(r"\1", html)
    return LONE_IMAGE_PARAGRAPH.sub(r"<figure>\1</figure>", html)


def unautop_shortcodes(html: str) -> str:
    """A block's shortcode alone on its line is not a paragraph."""
    return STANDALONE_SHORTCODE.sub(r"\1", html)


def prepare(content: str, gallery_images=list) -> Prepared:
    """Content as WordPress shows it, in WordPress's order: block comments out,
    paragraphs (``wpautop``), then shortcodes, then lone images as figures."""
    html = unautop_shortcodes(autop(strip_block_comments(content)))
    prepared = expand_shortcodes(html, gallery_images)
    html = figures_for_lone_images(prepared.html)
    # A web address alone on its line: WordPress embeds it; here it is a link
    # (a video's becomes its player, articles.videos).
    html = LONE_URL.sub(r'<p><a href="\1">\1</a></p>', html)
    html = EMPTY_PARAGRAPH.sub("", CLASS.sub("", html))
    prepared.html = headings_in_range(html)
    return prepared


def plain_text(html: str) -> str:
    return " ".join(unescape(strip_tags(html)).split())


def cut_at_sentence(text: str, limit: int) -> str:
    """``text`` up to the last sentence that ends within ``limit`` characters,
    or to the last whole word, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    ends = [m.end() for m in SENTENCE_END.finditer(text, 0, limit)]
    if ends:
        return text[: ends[-1]]
    cut = text[: limit - 1]
    if text[limit - 1] != " ":  # the cut fell inside a word
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(",;:-–— ") + "…"


def first_paragraph(html: str) -> str:
    """The text of the first paragraph with any words in it."""
    for match in PARAGRAPH.finditer(html):
        if text := plain_text(match.group(1)):
            return text
    return plain_text(html)
