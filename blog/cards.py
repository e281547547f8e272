"""Post cards for list pages, each rendered once per process for each state of what it shows.

A card's HTML depends only on its post (every save moves the post's version on), its blog's
address and name, and its authors' names: together, its card key. A list page reads the keys
of its posts in one query that makes no model objects, takes the cards already rendered under
those keys from this process's memory (blog/rendered.py), and loads and renders only the
others. A kept card is never out of date: a change to anything it shows changes its key.
"""

from dataclasses import dataclass

from django.template.loader import render_to_string

from . import rendered
from .models import Post

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
    return rendered.content_key("card", pk, version, updated_at, blog_slug, blog_name, author_names)


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


def post_cards(post_ids):
    """The cards of these posts, in this order (posts deleted meanwhile are left out)."""
    cards = card_keys(post_ids)
    for card in cards:
        card.html = rendered.get(card.key) or ""
    missing = {card.pk: card for card in cards if not card.html}
    if missing:
        for post in Post.objects.filter(pk__in=missing).for_cards():
            html = render_to_string("blog/includes/post_card.html", {"post": post})
            # Kept under the key of the post as loaded, should it have changed meanwhile.
            missing[post.pk].html = rendered.keep(key_of(post), html)
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
