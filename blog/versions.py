"""Which page versions a change bumps (see blog/cache.py). Called by the admin after it saves."""

from contextlib import contextmanager
from dataclasses import dataclass

from .cache import bump
from .models import Byline, Post, TaggedPost
from .site_state import LATEST_SHOWN  # a change to any of a blog's newest posts changes it


@dataclass(frozen=True)
class PostState:
    """Where a post appears, as far as cached pages are concerned."""

    blog_id: int
    is_public: bool  # published, or scheduled to be
    is_breaking: bool
    is_latest: bool
    author_ids: frozenset
    tag_ids: frozenset

    def pages(self, pk):
        if not self.is_public:
            return set()
        names = {f"post:{pk}", "list:home", f"list:blog:{self.blog_id}"}
        names.update(f"list:author:{author_id}" for author_id in self.author_ids)
        names.update(f"list:tag:{tag_id}" for tag_id in self.tag_ids)
        if self.is_latest:
            names.add(f"latest:{self.blog_id}")
        if self.is_breaking:
            names.add("breaking")
        return names


def post_states(pks):
    """{pk: PostState} for these posts as they are in the database now."""
    rows = Post.objects.filter(pk__in=pks).values_list("pk", "blog_id", "status", "is_breaking")
    authors, tags = {}, {}
    for post_id, author_id in Byline.objects.filter(post_id__in=pks).values_list(
        "post_id", "author_id"
    ):
        authors.setdefault(post_id, set()).add(author_id)
    for post_id, tag_id in TaggedPost.objects.filter(content_object_id__in=pks).values_list(
        "content_object_id", "tag_id"
    ):
        tags.setdefault(post_id, set()).add(tag_id)
    latest = set()
    for blog_id in {row[1] for row in rows}:
        newest = Post.objects.published().filter(blog_id=blog_id).latest_first()
        latest.update(newest.values_list("pk", flat=True)[:LATEST_SHOWN])
    return {
        pk: PostState(
            blog_id=blog_id,
            is_public=status == Post.Status.PUBLISHED,
            is_breaking=is_breaking,
            is_latest=pk in latest,
            author_ids=frozenset(authors.get(pk, ())),
            tag_ids=frozenset(tags.get(pk, ())),
        )
        for pk, blog_id, status, is_breaking in rows
    }


def bump_posts(before, pks):
    """Bump every page a post appeared on before the change (``before``, from post_states)
    or appears on now."""
    after = post_states(pks)
    names = set()
    for pk in pks:
        for states in (before, after):
            if pk in states:
                names |= states[pk].pages(pk)
    bump(*names)


@contextmanager
def changing_posts(pks):
    """Bump the pages of these posts after the block changes them (updates, deletes)."""
    pks = list(pks)
    before = post_states(pks)
    yield
    bump_posts(before, pks)


def object_pages(obj, changed_fields=None):
    """A blog, author or tag's own version. Every page shows the blogs' names in its
    navigation and the home, tag and author pages their taglines, so any blog change but
    one to "about" alone rebuilds every page."""
    names = {f"{obj._meta.model_name}:{obj.pk}"}
    if obj._meta.model_name == "blog" and (
        changed_fields is None or set(changed_fields) - {"about"}
    ):
        names.add("blogs")
    return names
