"""What a post page reads: the post at its address, and besides it its byline's authors, its
tags and its corrections, as plain rows; in queries compiled once (blog.rows), as list pages
read their cards (blog.cards). The ORM's prefetches of the three cost more than the post's own
query, and building the post's query cost more than the database took to answer it."""

from django.db import router
from django.utils import timezone
from taggit.models import Tag

from .cards import AUTHOR_COLUMNS, byline_rows, columns
from .models import Author, Correction, Post, sees_only_published
from .rows import CompiledObjects, CompiledRows

TAG_COLUMNS = columns(Tag, ("name", "slug"))
CORRECTION_COLUMNS = columns(Correction, [field.name for field in Correction._meta.fields])


def load_byline_tags_and_corrections(post):
    """Give post its authors in byline order (post.byline_authors), its tags by name
    (post.tag_list) and its corrections, newest first
    (post.correction_list): three queries."""
    using = post._state.db or router.db_for_read(Post)
    post.loaded_authors = [
        Author.from_db(using, AUTHOR_COLUMNS, author)
        for _, *author in byline_rows([post.pk], using)  # the cards' query: (post id, *author)
    ]
    post.loaded_tags = [Tag.from_db(using, TAG_COLUMNS, row) for row in tag_rows([post.pk], using)]
    post.loaded_corrections = [
        Correction.from_db(using, CORRECTION_COLUMNS, row)
        for row in correction_rows([post.pk], using)
    ]
    return post


tag_rows = CompiledRows(
    lambda post_ids: (
        Post.tags.through.objects.filter(content_object__in=post_ids)
        .order_by("tag__name", "tag")
        .values_list(*(f"tag__{column}" for column in TAG_COLUMNS))
    )
)
correction_rows = CompiledRows(
    lambda post_ids: Correction.objects.filter(post__in=post_ids).values_list(*CORRECTION_COLUMNS)
)


def post_at(blog_slug, slug, user):
    """The post at this address that user may see (Post.objects.visible_to()), with its blog
    and its coverage (select_related), or None. A reader's, which is every page the page
    cache keeps, comes from a query compiled once."""
    if sees_only_published(user):
        found = published_post_at([blog_slug, slug, timezone.now()], router.db_for_read(Post))
        return found[0] if found else None
    posts = Post.objects.visible_to(user).select_related("blog", "coverage")
    return posts.filter(blog__slug=blog_slug, slug=slug).first()


published_post_at = CompiledObjects(
    lambda values: (
        Post.objects.published(now=values[2])
        .select_related("blog", "coverage")
        .filter(blog__slug=values[0], slug=values[1])
        .order_by("pk")[:1]
    )
)
