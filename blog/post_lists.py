"""What the reader lists read besides their cards (blog.cards): the ids of a page of their
published posts, newest first, and the blog, tag or author a list is of, found by its slug;
in queries compiled once (blog.rows). Building these queries with the ORM cost more on every
request than the database took to answer them."""

from django.db import router
from django.utils import timezone
from taggit.models import Tag

from .models import Author, Blog, Post
from .rows import CompiledObjects, CompiledWindow


class PublishedIds:
    """The ids of one list's published posts, newest first, as of the moment they are read:
    what blog.pagination.WindowPaginator pages (window()) for the home, blog, tag and author
    pages."""

    def __init__(self, query, *values):
        self.query = query  # one of the CompiledWindow below
        self.values = values

    def window(self, start, stop):
        using = router.db_for_read(Post)
        rows = self.query.window([timezone.now(), *self.values], start, stop, using)
        return [pk for (pk,) in rows]


def published_ids(now):
    return Post.objects.published(now=now).latest_first().values_list("pk")


EVERY_BLOG = CompiledWindow(lambda values: published_ids(values[0]))
IN_BLOG = CompiledWindow(lambda values: published_ids(values[0]).filter(blog=values[1]))
WITH_TAG = CompiledWindow(lambda values: published_ids(values[0]).filter(tags=values[1]))
BY_AUTHOR = CompiledWindow(
    lambda values: published_ids(values[0]).filter(bylines__author=values[1])
)

BY_SLUG = {
    model: CompiledObjects(lambda values, model=model: model.objects.filter(slug=values[0]))
    for model in (Blog, Tag, Author)
}


def with_slug(model, slug):
    """The Blog, Tag or Author with this slug, or None."""
    found = BY_SLUG[model]([slug], router.db_for_read(model))
    return found[0] if found else None
