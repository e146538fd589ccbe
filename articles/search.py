"""Full-text search over stories, with one interface on PostgreSQL and on SQLite.

PostgreSQL: a stored, weighted ``tsvector`` (title A; standfirst and tags B;
body C) with a GIN index, queried with ``websearch_to_tsquery`` and ranked by
``ts_rank``. The vector is rebuilt whenever the story or its tags change
(``update_search_vector``): a generated column cannot read the tag table.

SQLite: the same web-search syntax (words, "quoted phrases", -excluded,
``or``) parsed here into case-insensitive matches, ranked title > standfirst
and tags > body. Both rank ties by recency.

Both rank the newest ``CANDIDATES`` matches only, found first in one query:
a common word matches most of a large archive, and ranking or counting all
of that grows with the archive (bench/search.py measures it). The page says
so when a search reaches the limit.

Snippets are made in Python for the page of results on both databases: the
body is HTML, and highlighting plain text we have escaped ourselves keeps
markup from results out of the page.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Case, Exists, F, IntegerField, OuterRef, Q, Value, When
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

from articles.models import Story, TaggedStory
from members.text import clean_text

MAX_QUERY_LENGTH = 200
CANDIDATES = 200
SEARCH_CONFIG = "english"
SNIPPET_WORDS = 40

_TOKEN = re.compile(r'(-?)"([^"]*)"|(\S+)')
_HEADING_END = re.compile(r"(?<![.!?:])</h[1-6]>", re.IGNORECASE)


class QueryTooLong(ValueError):
    pass


def clean_query(raw: str) -> str:
    """Clean a search query; refuse an essay."""
    query = clean_text(raw)
    if len(query) > MAX_QUERY_LENGTH:
        raise QueryTooLong(f"Search for {MAX_QUERY_LENGTH} characters or fewer.")
    return query


@dataclass
class ParsedQuery:
    """Web-search syntax: alternatives (``or``) of required words and phrases; exclusions."""

    alternatives: list[list[str]] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)

    @property
    def positive_terms(self) -> list[str]:
        return [term for group in self.alternatives for term in group]


def parse(query: str) -> ParsedQuery:
    parsed = ParsedQuery(alternatives=[[]])
    for match in _TOKEN.finditer(query):
        negated, phrase, word = match.groups()
        if word is not None and word.lower() == "or":
            parsed.alternatives.append([])
            continue
        if word is not None and word.startswith("-") and len(word) > 1:
            negated, word = "-", word[1:]
        term = (phrase if phrase is not None else word).strip().strip(".,;:!?()[]{}'")
        if not term:
            continue
        (parsed.excluded if negated else parsed.alternatives[-1]).append(term)
    parsed.alternatives = [group for group in parsed.alternatives if group]
    return parsed


def search_vector(tags: str) -> SearchVector:
    return (
        SearchVector("title", weight="A", config=SEARCH_CONFIG)
        + SearchVector("standfirst", weight="B", config=SEARCH_CONFIG)
        + SearchVector(Value(tags), weight="B", config=SEARCH_CONFIG)
        + SearchVector("body", weight="C", config=SEARCH_CONFIG)
    )


def update_search_vector(story) -> None:
    """Store the story's weighted vector, tags included (PostgreSQL only)."""
    if connection.vendor != "postgresql":
        return
    tags = " ".join(sorted(story.tags.names()))
    Story.objects.filter(pk=story.pk).update(search_vector=search_vector(tags))


def search(queryset, query: str):
    """Filter and rank ``queryset`` by ``query``; best and newest first."""
    if connection.vendor == "postgresql":
        ts_query = SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG)
        # Candidates are the newest CANDIDATES stories with all the words (a
        # phrase's words in any order), fetched once: the GIN index or the
        # newest-first live index answers that without reading positions.
        # Ranking, counting and phrase checks then touch those few hundred
        # rows, not the tens of thousands a common word matches in a large
        # archive. The price: a query matching more than CANDIDATES stories
        # is ranked among its newest CANDIDATES.
        words = SearchQuery(query.replace('"', " "), search_type="websearch", config=SEARCH_CONFIG)
        newest = list(
            queryset.filter(search_vector=words)
            .order_by("-published_at", "-id")
            .values_list("pk", flat=True)[:CANDIDATES]
        )
        return (
            queryset.filter(pk__in=newest, search_vector=ts_query)
            .annotate(rank=SearchRank(F("search_vector"), ts_query))
            .order_by("-rank", "-published_at", "-id")
        )
    return _search_portable(queryset, parse(query))


def _matches(term: str) -> Q:
    tagged = TaggedStory.objects.filter(content_object=OuterRef("pk"), tag__name__icontains=term)
    return (
        Q(title__icontains=term)
        | Q(standfirst__icontains=term)
        | Q(body__icontains=term)
        | Q(Exists(tagged))
    )


def _search_portable(queryset, parsed: ParsedQuery):
    if not parsed.alternatives:
        return queryset.none()
    wanted = Q()
    for group in parsed.alternatives:
        both = Q()
        for term in group:
            both &= _matches(term)
        wanted |= both
    for term in parsed.excluded:
        wanted &= ~_matches(term)
    newest = list(
        queryset.filter(wanted)
        .order_by("-published_at", "-id")
        .values_list("pk", flat=True)[:CANDIDATES]
    )
    rank = Value(0, output_field=IntegerField())
    for term in parsed.positive_terms:
        rank = (
            rank
            + Case(When(title__icontains=term, then=4), default=0)
            + Case(When(standfirst__icontains=term, then=2), default=0)
            + Case(When(body__icontains=term, then=1), default=0)
        )
    return (
        queryset.filter(pk__in=newest).annotate(rank=rank).order_by("-rank", "-published_at", "-id")
    )


def snippet(text_html: str, query: str, words: int = SNIPPET_WORDS) -> SafeString:
    """A window of the text around the first match, escaped, with matches in <mark>."""
    # A heading ends a sentence: keep it from running into the next paragraph.
    text_html = _HEADING_END.sub(". ", text_html)
    text = " ".join(html.unescape(strip_tags(text_html)).split())
    terms = sorted({t for t in parse(query).positive_terms if len(t) > 1}, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE) if terms else None
    tokens = text.split(" ")
    start = 0
    if pattern and (first := pattern.search(text)):
        start = max(0, len(text[: first.start()].split(" ")) - 1 - words // 4)
    window = " ".join(tokens[start : start + words])
    pieces, last = [], 0
    for match in pattern.finditer(window) if pattern else ():
        pieces += [escape(window[last : match.start()]), f"<mark>{escape(match.group())}</mark>"]
        last = match.end()
    pieces.append(escape(window[last:]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if start + words < len(tokens) else ""
    # Safe: every piece of text above went through escape().
    return mark_safe(prefix + "".join(pieces) + suffix)
