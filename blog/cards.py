"""Post cards for list pages, each rendered once per process for each state of what it shows.

A card's HTML depends only on its post (every save moves the post's version on), its blog's
address and name, and its authors' names: together, its card key. A list page reads the keys
of its posts in one query that makes no model objects, takes the cards already rendered under
those keys from this process's memory, and loads and renders only the others. A kept card
is never out of date: a change to anything it shows changes its key, and cards no longer
shown are forgotten when the store is full.
"""

import hashlib
from dataclasses import dataclass

from django.template.loader import render_to_string

from .models import Post

# Card key -> HTML. A plain dict: a list page reads 20 cards, which a cache backend
# (pickling each) made cost half a millisecond.
RENDERED = {}
RENDERED_LIMIT = 5000
# What card_keys() reads; each request adds only its ids to it.
CARD_KEY_ROWS = Post.objects.order_by("pk", "bylines__position", "bylines__pk").values_list(
    "pk",
    "version",
    "updated_at",
    "blog__slug",
    "blog__name",
    "bylines__author_id",
    "bylines__author__name",
)


def card_key(pk, version, updated_at, blog_slug, blog_name, author_names):
    shown = [pk, version, updated_at, blog_slug, blog_name, *author_names]
    digest = hashlib.sha256(":".join(map(str, shown)).encode()).hexdigest()
    return f"card:{digest}"


def key_of(post):
    """card_key() of a post loaded with for_cards()."""
    names = [author.name for author in post.byline_authors]
    return card_key(post.pk, post.version, post.updated_at, post.blog.slug, post.blog.name, names)


@dataclass
class Card:
    pk: int
    key: str
    author_ids: list
    html: str = ""

    def __str__(self):
        return self.html


def post_cards(post_ids):
    """The cards of these posts, in this order (posts deleted meanwhile are left out)."""
    cards = card_keys(post_ids)
    missing = {card.pk: card for card in cards if card.key not in RENDERED}
    if missing:
        if len(RENDERED) + len(missing) > RENDERED_LIMIT:
            RENDERED.clear()
        for post in Post.objects.filter(pk__in=missing).for_cards():
            card = missing[post.pk]
            card.html = render_to_string("blog/includes/post_card.html", {"post": post})
            # Kept under the key of the post as loaded, should it have changed meanwhile.
            RENDERED[key_of(post)] = card.html
    for card in cards:
        card.html = card.html or RENDERED.get(card.key, "")
    return [card for card in cards if card.html]


def card_keys(post_ids):
    """A Card, without its HTML, for each of these posts; the ids come from a list of
    published posts read just before."""
    rows = CARD_KEY_ROWS.filter(pk__in=post_ids)
    fields, authors = {}, {}
    for pk, version, updated_at, blog_slug, blog_name, author_id, author_name in rows:
        fields[pk] = (version, updated_at, blog_slug, blog_name)
        if author_id is not None:
            authors.setdefault(pk, []).append((author_id, author_name))
    cards = []
    for pk in post_ids:
        if pk in fields:
            names = [name for _, name in authors.get(pk, ())]
            key = card_key(pk, *fields[pk], names)
            cards.append(Card(pk, key, [author_id for author_id, _ in authors.get(pk, ())]))
    return cards
