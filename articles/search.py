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

"Did you mean": a search finding ``FEW_RESULTS`` stories or fewer may offer
the query respelt with the archive's own words: those of the titles,
standfirsts and tags of the stories the reader may see (``visible_to``), so a
member-only story's words are never offered to anyone else, and a draft's to
no one. PostgreSQL finds the words near each typed one through ``pg_trgm``'s
indexes on title and standfirst (migration 0016), one query whatever the size
of the archive; its strict word similarity (at least 0.5, pg_trgm's default)
catches slips in long words, "safegaurding", rather than in short ones,
"scool". SQLite reads every such word once per audience and keeps the list
in Django's cache for ``WORDS_KEEP_SECONDS``. On both, difflib picks the
closest word, and a suggestion is shown only when it finds more stories the
reader may see than the query did (one more query): so a word kept from a
story since hidden is checked again before anyone is offered it, and a word
new to the archive is offered within minutes at worst.
"""

from __future__ import annotations

import difflib
import functools
import html
import logging
import operator
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.core.cache import cache
from django.db import connection
from django.db.models import Case, Exists, F, IntegerField, OuterRef, Q, Value, When
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe
from taggit.models import Tag

from articles.models import Story, TaggedStory
from members.membership import audience
from members.text import clean_text

log = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
CANDIDATES = 200
SEARCH_CONFIG = "english"
SNIPPET_WORDS = 40

# "Did you mean": a search finding this many stories or fewer may suggest a respelling.
FEW_RESULTS = 2
# Shorter typed words are left alone: too many words lie near them.
MIN_RESPELT = 4
# The most words of one query looked up (each is a lookup on PostgreSQL).
MAX_RESPELT = 5
# How alike (difflib's ratio) an archive word must be to replace a typed one.
CLOSE_ENOUGH = 0.8
# PostgreSQL: the stories (and tags) whose words are read, per typed word.
NEAR_STORIES = 20
# SQLite: how long an audience's list of words is kept.
WORDS_KEEP_SECONDS = 300

_TOKEN = re.compile(r'(-?)"([^"]*)"|(\S+)')
_WORD = re.compile(r"[^\W\d_]+")
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


def _wanted(parsed: ParsedQuery) -> Q:
    wanted = Q()
    for group in parsed.alternatives:
        both = Q()
        for term in group:
            both &= _matches(term)
        wanted |= both
    for term in parsed.excluded:
        wanted &= ~_matches(term)
    return wanted


def _search_portable(queryset, parsed: ParsedQuery):
    if not parsed.alternatives:
        return queryset.none()
    newest = list(
        queryset.filter(_wanted(parsed))
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


def finds_more_than(queryset, query: str, count: int) -> bool:
    """Whether ``query`` finds more than ``count`` stories of ``queryset``: one query."""
    if connection.vendor == "postgresql":
        ts_query = SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG)
        found = queryset.filter(search_vector=ts_query)
    else:
        parsed = parse(query)
        if not parsed.alternatives:
            return False
        found = queryset.filter(_wanted(parsed))
    return found.order_by().values("pk")[: count + 1].count() > count


@dataclass(frozen=True)
class Suggestion:
    """A respelt query, in pieces of text, each marked whether it was respelt."""

    pieces: tuple[tuple[str, bool], ...]

    def __str__(self) -> str:
        return self.query

    @property
    def query(self) -> str:
        return "".join(text for text, _ in self.pieces)

    @property
    def html(self) -> SafeString:
        """The query, escaped, its respelt words in <em>."""
        # Safe: every piece of text goes through escape().
        return mark_safe(
            "".join(
                f"<em>{escape(text)}</em>" if respelt else escape(text)
                for text, respelt in self.pieces
            )
        )


def suggest(query: str, user, *, found: Sequence[Story]) -> Suggestion | None:
    """``query`` respelt with words of stories ``user`` may see, or None.

    ``found`` holds every story the query found (``FEW_RESULTS`` or fewer):
    words they contain are spelt right. A respelling is offered only when it
    finds more stories ``user`` may see. At most two queries.
    """
    typed = _typed_words(query)
    in_results = _words(
        text
        for story in found
        for text in (story.title, story.standfirst, html.unescape(strip_tags(story.body or "")))
    )
    unsure = {word.lower() for _, _, word in typed if len(word) >= MIN_RESPELT}
    unsure = set(sorted(unsure - in_results.keys())[:MAX_RESPELT])
    if not unsure:
        return None
    stories = Story.objects.visible_to(user)
    if connection.vendor == "postgresql":
        vocabulary = _words_near(stories, unsure)
    else:
        vocabulary = _kept_words(stories, audience(user))
    pieces, last = [], 0
    for start, end, word in typed:
        if word.lower() in unsure and (better := _respell(word, vocabulary)):
            pieces += [(query[last:start], False), (better, True)]
            last = end
    if not pieces:
        return None
    pieces.append((query[last:], False))
    suggestion = Suggestion(tuple(piece for piece in pieces if piece[0]))
    if not finds_more_than(stories, suggestion.query, len(found)):
        return None
    return suggestion


def _typed_words(query: str) -> list[tuple[int, int, str]]:
    """Where the words of ``query`` a respelling may change lie: not ``or``, nor
    words left out (-sport): respelling those would find fewer stories, not more."""
    spans = []
    for token in _TOKEN.finditer(query):
        negated, _, word = token.groups()
        if negated or (word is not None and (word.startswith("-") or word.lower() == "or")):
            continue
        spans += [
            (token.start() + match.start(), token.start() + match.end(), match.group())
            for match in _WORD.finditer(token.group())
        ]
    return spans


def _words(texts: Iterable[str]) -> Counter:
    """How many of ``texts`` hold each word (lower case, three letters or more)."""
    counts: Counter = Counter()
    for text in texts:
        counts.update({word for word in _WORD.findall(text.lower()) if len(word) > 2})
    return counts


def _respell(word: str, vocabulary: Counter) -> str | None:
    """The closest word of ``vocabulary`` to ``word``, cased as typed; None if
    ``word`` is in it or nothing is close."""
    lower = word.lower()
    if lower in vocabulary:
        return None
    close = difflib.get_close_matches(lower, vocabulary.keys(), n=3, cutoff=CLOSE_ENOUGH)
    if not close:
        return None
    # Equally close: the word more stories use.
    best = max(
        close, key=lambda w: (difflib.SequenceMatcher(None, lower, w).ratio(), vocabulary[w])
    )
    if word.isupper():
        return best.upper()
    return best.capitalize() if word[0].isupper() else best


def _visible_tags(stories):
    """Tags of ``stories``, their names beside a blank, to go with (title, standfirst)."""
    tagged = TaggedStory.objects.filter(tag=OuterRef("pk"), content_object__in=stories)
    tags = Tag.objects.filter(Exists(tagged)).annotate(blank=Value("")).order_by()
    return tags.values_list("name", "blank")


def _words_near(stories, words: set[str]) -> Counter:
    """Words of ``stories`` and their tags near any of ``words`` (PostgreSQL): one query.

    ``pg_trgm``'s strict word similarity finds, through the trigram indexes,
    up to ``NEAR_STORIES`` stories with a word near each typed one (and the
    tags near any); their words are then counted.
    """
    near = [
        stories.filter(
            Q(title__trigram_strict_word_similar=word)
            | Q(standfirst__trigram_strict_word_similar=word)
        )
        .order_by()
        .values_list("title", "standfirst")
        for word in sorted(words)
    ]
    any_word = functools.reduce(
        operator.or_, (Q(name__trigram_strict_word_similar=word) for word in words)
    )
    near.append(_visible_tags(stories).filter(any_word))
    # Each lookup is a materialised CTE, planned as if read to the end: the
    # trigram indexes then answer it. Planned under the LIMIT, PostgreSQL
    # expects a scan of the table to meet a few matches at once, and works
    # out the similarity (costly, and costed as cheap) for every story it
    # reads: seconds for 100,000 stories, against milliseconds.
    ctes, reads, params = [], [], []
    for n, queryset in enumerate(near):
        sql, sql_params = queryset.query.sql_with_params()
        ctes.append(f"near_{n} AS MATERIALIZED ({sql})")
        reads.append(f"(SELECT * FROM near_{n} LIMIT {NEAR_STORIES})")
        params += sql_params
    with connection.cursor() as cursor:
        cursor.execute(f"WITH {', '.join(ctes)} {' UNION ALL '.join(reads)}", params)
        return _words(" ".join(row) for row in cursor.fetchall())


def _kept_words(stories, viewers: str) -> Counter:
    """Every word of the titles, standfirsts and tags of ``stories`` (SQLite), kept
    per audience for ``WORDS_KEEP_SECONDS``; one query when not kept. A failing
    cache never fails the search."""
    key = f"search:words:{viewers}"
    words = None
    try:
        words = cache.get(key)
    except Exception:
        log.warning("Search words read from the database: the cache failed.", exc_info=True)
    if words is None:
        texts = stories.order_by().values_list("title", "standfirst")
        rows = texts.union(_visible_tags(stories), all=True).order_by()
        words = _words(" ".join(row) for row in rows)
        try:
            cache.set(key, words, WORDS_KEEP_SECONDS)
        except Exception:
            log.warning("Search words not kept: the cache failed.", exc_info=True)
    return words
