"""Search over published posts: PostgreSQL's full-text search, or SQLite's (FTS5).

On PostgreSQL the vector below is indexed by the GIN index of migration 0004; the query must
build the very same expression for the index to be used (tests/test_search.py checks it).
On SQLite an FTS5 table with the Porter stemmer indexes the same four columns, kept in step
with the posts table by triggers (install_sqlite_index()).
"""

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connection, connections
from django.db.models import F, FloatField, TextField, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Concat, Replace
from django.utils.html import escape
from django.utils.safestring import mark_safe

from .markup import smarten
from .models import Post

# Text search configuration: English stemming, fixed because the index is built with it.
SEARCH_CONFIG = "english"
MAX_QUERY_LENGTH = 200
SNIPPET_LENGTH = 240
# Markers the database puts around matches; escaped text cannot contain them.
MARK_START, MARK_END = "\ue000", "\ue001"
MAX_TERMS = 10
# A term of the websearch syntax: -optional, then a "quoted phrase" (closing quote optional)
# or a word.
TERM = re.compile(r'(-?)(?:"([^"]*)"?|([^\s"]+))')


def clean_query(text):
    """What we search for: control characters removed, spaces squeezed, length capped."""
    text = re.sub(r"[\x00-\x1f\x7f\ue000\ue001]", " ", text)
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def search_vector():
    """Headline, standfirst, body, then author and tag names, weighted in that order."""
    return (
        SearchVector("headline", weight="A", config=SEARCH_CONFIG)
        + SearchVector("standfirst", weight="B", config=SEARCH_CONFIG)
        + SearchVector("body", weight="C", config=SEARCH_CONFIG)
        + SearchVector("search_names", weight="D", config=SEARCH_CONFIG)
    )


def search_posts(text):
    """Published posts matching the query, best first, each with a `snippet` to show.

    Both read the websearch syntax ("a phrase", -excluded, or), stem English words (storms
    finds Storm, flooding finds floods; rain never finds training) and rank headline matches
    above standfirst, body, then author and tag names.
    """
    posts = Post.objects.published().for_listing()
    if connection.vendor == "postgresql":
        return _postgres_search(posts, text)
    return _sqlite_search(posts, text)


def add_snippets(posts, text):
    """Give each post of a page of results its `snippet` and `marked_headline`: safe HTML,
    with <mark> around the matches as the only markup."""
    words = Words.of(text)
    for post in posts:
        post.marked_headline = highlight(
            getattr(post, "raw_headline", None) or _mark(words, post.headline)
        )
        raw_snippet = getattr(post, "raw_snippet", None)
        post.snippet = highlight(plain_text(raw_snippet) if raw_snippet else _excerpt(words, post))


def highlight(snippet):
    """Give a snippet typographer's quotes and dashes, escape it, then turn the match markers
    into <mark> elements."""
    marked = escape(smarten(snippet)).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    return mark_safe(marked)  # noqa: S308 - everything but our own <mark> tags was escaped


def plain_text(fragment):
    """What a reader sees of an HTML fragment: tags and Markdown gone, entities decoded, spaces
    squeezed. Match markers survive, since they are neither tags nor entities."""
    return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", fragment)).split())


def _escaped(field):
    """A plain-text column as HTML, so it can sit beside body_html in one document."""
    escaped = F(field)
    for character, entity in [("&", "&amp;"), ("<", "&lt;"), (">", "&gt;")]:
        escaped = Replace(escaped, Value(character), Value(entity), output_field=TextField())
    return escaped


def _postgres_search(posts, text):
    query = SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)
    vector = search_vector()
    return (
        posts.annotate(document=vector)
        .filter(document=query)
        .annotate(
            rank=SearchRank(vector, query),
            raw_headline=SearchHeadline(
                "headline",
                query,
                config=SEARCH_CONFIG,
                start_sel=MARK_START,
                stop_sel=MARK_END,
                highlight_all=True,
            ),
            # From the rendered body, not the Markdown, so no `>` or `**` reaches readers;
            # PostgreSQL's parser keeps tags and entities whole, and plain_text() drops them.
            raw_snippet=SearchHeadline(
                Concat(
                    _escaped("standfirst"), Value("<br> "), "body_html", output_field=TextField()
                ),
                query,
                config=SEARCH_CONFIG,
                start_sel=MARK_START,
                stop_sel=MARK_END,
                max_words=35,
                min_words=15,
                max_fragments=2,
                fragment_delimiter=" … ",
            ),
        )
        .order_by("-rank", "-published_at", "-pk")
    )


@dataclass(frozen=True)
class Term:
    words: tuple  # one word, or the words of a phrase in order
    is_excluded: bool

    @property
    def fts5(self):
        """The term in FTS5's query syntax: its words as one quoted phrase."""
        return '"' + " ".join(self.words) + '"'


def parse_query(text):
    """The query as PostgreSQL's websearch syntax reads it: alternatives (split by "or", in
    any case), each a list of Terms that must all match. Alternatives with nothing but
    excluded terms are left out."""
    alternatives = [[]]
    for minus, phrase, word in TERM.findall(text):
        if not minus and word.lower() == "or":
            if alternatives[-1]:
                alternatives.append([])
            continue
        words = tuple(re.findall(r"\w+", phrase or word))
        if words and sum(map(len, alternatives)) < MAX_TERMS:
            alternatives[-1].append(Term(words, is_excluded=bool(minus)))
    return [terms for terms in alternatives if any(not term.is_excluded for term in terms)]


# SQLite: an FTS5 table over the posts table's text (external content: it stores only the
# index), stemmed by the Porter stemmer after folding case and accents.
SQLITE_INDEX = "blog_post_search"
SQLITE_COLUMNS = ("headline", "standfirst", "body", "search_names")
# bm25 weights of the columns above, as PostgreSQL's ranks A, B, C and D.
SQLITE_WEIGHTS = (8.0, 4.0, 2.0, 1.0)


def sqlite_query(text):
    """The websearch query in FTS5's syntax: (a AND "b c") NOT d OR (e); "" when empty."""
    alternatives = []
    for terms in parse_query(text):
        wanted = " AND ".join(term.fts5 for term in terms if not term.is_excluded)
        unwanted = "".join(f" NOT {term.fts5}" for term in terms if term.is_excluded)
        alternatives.append(f"({wanted}{unwanted})")
    return " OR ".join(alternatives)


def _sqlite_search(posts, text):
    query = sqlite_query(text)
    if not query:
        return posts.none()
    table = Post._meta.db_table
    found = RawSQL(f"SELECT rowid FROM {SQLITE_INDEX} WHERE {SQLITE_INDEX} MATCH %s", (query,))
    weights = ", ".join(map(str, SQLITE_WEIGHTS))
    # bm25() is negative: the better the match, the lower.
    rank = RawSQL(
        f"SELECT bm25({SQLITE_INDEX}, {weights}) FROM {SQLITE_INDEX}"
        f" WHERE {SQLITE_INDEX} MATCH %s AND rowid = {table}.id",
        (query,),
        output_field=FloatField(),
    )
    return posts.filter(pk__in=found).annotate(rank=rank).order_by("rank", "-published_at", "-pk")


def install_sqlite_index(using, **kwargs):
    """post_migrate receiver: on SQLite, create the search index and the triggers that keep
    it in step with the posts table if they are missing (SQLite's ALTER TABLE in migrations
    remakes the table and drops its triggers), then rebuild it from the posts table."""
    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    table, index = Post._meta.db_table, SQLITE_INDEX
    columns = ", ".join(SQLITE_COLUMNS)
    new = ", ".join(f"new.{column}" for column in SQLITE_COLUMNS)
    old = ", ".join(f"old.{column}" for column in SQLITE_COLUMNS)
    add = f"INSERT INTO {index}(rowid, {columns}) VALUES (new.id, {new});"
    remove = f"INSERT INTO {index}({index}, rowid, {columns}) VALUES ('delete', old.id, {old});"
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {index} USING fts5({columns},"
            f" content='{table}', content_rowid='id',"
            " tokenize='porter unicode61 remove_diacritics 2')"
        )
        for name, event, action in [
            ("added", "INSERT", add),
            ("removed", "DELETE", remove),
            ("changed", "UPDATE", remove + " " + add),
        ]:
            cursor.execute(
                f"CREATE TRIGGER IF NOT EXISTS {index}_{name} AFTER {event} ON {table}"
                f" BEGIN {action} END"
            )
        cursor.execute(f"INSERT INTO {index}({index}) VALUES ('rebuild')")


# Highlighting: a word is marked when its stem is the stem of a word searched for, as the
# databases match them (PostgreSQL's English stemmer and SQLite's Porter stemmer agree on
# the common cases).
STEMMER = snowballstemmer.stemmer("porter")


@lru_cache(maxsize=2**16)
def stem(word):
    """The word's stem, without case or accents: Storms and storm both give storm."""
    folded = unicodedata.normalize("NFKD", word.lower())
    return STEMMER.stemWord("".join(c for c in folded if not unicodedata.combining(c)))


WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Words:
    """The words a query looks for (-excluded ones left out), found in a text by stem."""

    stems: frozenset

    @classmethod
    def of(cls, text):
        """The query's Words, or None without words."""
        stems = frozenset(
            stem(word)
            for terms in parse_query(text)
            for term in terms
            if not term.is_excluded
            for word in term.words
        )
        return cls(stems) if stems else None

    def finditer(self, text):
        return (match for match in WORD.finditer(text) if stem(match.group(0)) in self.stems)

    def search(self, text):
        return next(self.finditer(text), None)


def _mark(words, text):
    if words is None:
        return text
    marked, last = [], 0
    for match in words.finditer(text):
        marked += [text[last : match.start()], MARK_START, match.group(0), MARK_END]
        last = match.end()
    return "".join(marked) + text[last:]


def _excerpt(words, post):
    """The standfirst if the words are in it, else a stretch of the body's text around the
    first."""
    body = plain_text(post.body_html)
    found = words.search(body) if words else None
    if (words and words.search(post.standfirst)) or not found:
        return _mark(words, post.standfirst or _cut(body, 0))
    return _mark(words, _cut(body, max(found.start() - SNIPPET_LENGTH // 3, 0)))


def _cut(text, start):
    """About SNIPPET_LENGTH characters of the text from the word at start, cut between words,
    with an ellipsis where text is left out."""
    start = text.rfind(" ", 0, start) + 1 if start else 0
    end = start + SNIPPET_LENGTH
    if end >= len(text):
        return ("…" if start else "") + text[start:]
    space = text.rfind(" ", start, end + 1)
    if space > start:
        end = space
    return ("…" if start else "") + text[start:end].rstrip(" ,;:–—-") + "…"
