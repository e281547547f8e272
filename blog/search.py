"""Search over published posts: PostgreSQL full-text search, or a plain fallback elsewhere.

On PostgreSQL the vector below is indexed by the GIN index of migration 0004; the query must
build the very same expression for the index to be used (tests/test_search.py checks it).
"""

import html
import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, Q, TextField, Value
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

    Both read the websearch syntax ("a phrase", -excluded, or). PostgreSQL stems words and
    ranks; other databases match words from their start (flood: floods, flooding; rain never
    finds training) and do not rank.
    """
    posts = Post.objects.published().for_listing()
    if connection.vendor == "postgresql":
        return _postgres_search(posts, text)
    return _fallback_search(posts, text)


def add_snippets(posts, text):
    """Give each post of a page of results its `snippet` and `marked_headline`: safe HTML,
    with <mark> around the matches as the only markup."""
    pattern = _words_pattern(text)
    for post in posts:
        post.marked_headline = highlight(
            getattr(post, "raw_headline", None) or _mark(pattern, post.headline)
        )
        raw_snippet = getattr(post, "raw_snippet", None)
        post.snippet = highlight(
            plain_text(raw_snippet) if raw_snippet else _excerpt(pattern, post)
        )


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
    def pattern(self):
        """A regular expression (Python's, which SQLite runs) for the words in order, each a
        whole word or the start of one."""
        return r"\W+".join(_word_pattern(word) for word in self.words)


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


def _fallback_search(posts, text):
    found = Q()
    for terms in parse_query(text):
        alternative = Q()
        for term in terms:
            matches = (
                Q(headline__iregex=term.pattern)
                | Q(standfirst__iregex=term.pattern)
                | Q(body__iregex=term.pattern)
                | Q(search_names__iregex=term.pattern)
            )
            alternative &= ~matches if term.is_excluded else matches
        found |= alternative
    return posts.filter(found) if found else posts.none()


def _word_pattern(word):
    # \b and \w follow Unicode: "tude" is not the start of a word in "étude".
    return rf"\b{re.escape(word)}\w*"


def _words_pattern(text):
    """A regular expression for the whole words the query looks for (-excluded ones left out);
    None without words."""
    words = {
        word
        for terms in parse_query(text)
        for term in terms
        if not term.is_excluded
        for word in term.words
    }
    if not words:
        return None
    ordered = sorted(words, key=lambda word: (-len(word), word))
    return re.compile("|".join(map(_word_pattern, ordered)), re.IGNORECASE)


def _mark(pattern, text):
    if pattern is None:
        return text
    return pattern.sub(lambda match: f"{MARK_START}{match.group(0)}{MARK_END}", text)


def _excerpt(pattern, post):
    """The standfirst if the words are in it, else a stretch of the body's text around the
    first."""
    body = plain_text(post.body_html)
    found = pattern.search(body) if pattern else None
    if (pattern and pattern.search(post.standfirst)) or not found:
        return _mark(pattern, post.standfirst or _cut(body, 0))
    return _mark(pattern, _cut(body, max(found.start() - SNIPPET_LENGTH // 3, 0)))


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
