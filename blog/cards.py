"""Post cards, as list pages show them: read as plain rows and kept by those rows.

A page of cards is two queries of plain values, with no model instance and no prefetch: each
post's card columns (CARD_FIELDS) with its blog's, then the bylines' authors in byline order.
Each card is kept (pagecache.fragments) under exactly those rows, and its Post, with blog and
authors, is built from them alone, only when the card is rendered. So a change to anything a
card shows, made by any path, gives it another key, as a digest of the instances would, at a
fraction of the cost: model instances and prefetches were half the time of a list page
(README, Rendering speed).
"""

from django.db import router

from pagecache.fragments import fragments

from .models import Author, Blog, Byline, Post
from .rows import CompiledRows

# The columns of a post that a card (blog/includes/post_card.html, post_lead.html) reads.
CARD_FIELDS = (
    "headline",
    "slug",
    "standfirst",
    "published_at",
    "blog",
    "lead_image",
    "lead_image_width",
    "lead_image_height",
    "lead_image_alt",
    "lead_image_is_decorative",
    "lead_image_focus_x",
    "lead_image_focus_y",
)


def columns(model, names):
    """The columns of model's fields named in names, in the model's field order, which is the
    order Model.from_db() takes values in."""
    return tuple(
        field.attname for field in model._meta.concrete_fields if field.name in {"id", *names}
    )


POST_COLUMNS = columns(Post, CARD_FIELDS)
BLOG_COLUMNS = columns(Blog, ("name", "slug"))
AUTHOR_COLUMNS = columns(Author, ("name", "slug"))


class Card:
    """One post's card: the rows read for it, and the Post they make (built once, on demand)."""

    __slots__ = ("pk", "rows", "db", "_post")

    def __init__(self, row, byline_rows, db):
        self.pk = row[0]
        self.rows = (row, tuple(byline_rows))
        self.db = db
        self._post = None

    @property
    def post(self):
        """The Post, its blog and its byline authors, made from the rows and nothing else."""
        if self._post is None:
            row, byline_rows = self.rows
            post = Post.from_db(self.db, POST_COLUMNS, row[: len(POST_COLUMNS)])
            blog = Blog.from_db(self.db, BLOG_COLUMNS, row[len(POST_COLUMNS) :])
            Post._meta.get_field("blog").set_cached_value(post, blog)  # as select_related does
            post.loaded_authors = [
                Author.from_db(self.db, AUTHOR_COLUMNS, author) for author in byline_rows
            ]
            self._post = post
        return self._post

    def render(self, template_name, **context):
        """template_name rendered with this card's post, kept by its rows (and context)."""
        return fragments.render_rows(template_name, self.rows, lambda: {"post": self.post}, context)


def cards(post_ids, using=None):
    """The cards of the posts with these ids, newest first: two queries, whatever the number
    of posts, each compiled once (blog.rows)."""
    using = using or router.db_for_read(Post)
    rows = card_rows(post_ids, using)
    bylines = {row[0]: [] for row in rows}
    for post_id, *author in byline_rows(list(bylines), using):
        bylines[post_id].append(tuple(author))
    return [Card(row, bylines[row[0]], using) for row in rows]


card_rows = CompiledRows(
    lambda ids: (
        Post.objects.filter(pk__in=ids)
        .latest_first()
        .values_list(*POST_COLUMNS, *(f"blog__{column}" for column in BLOG_COLUMNS))
    )
)
byline_rows = CompiledRows(
    lambda post_ids: (
        Byline.objects.filter(post__in=post_ids)
        .order_by("position", "pk")
        .values_list("post_id", *(f"author__{column}" for column in AUTHOR_COLUMNS))
    )
)
