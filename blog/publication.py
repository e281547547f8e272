"""What the page cache may leave alone: rows no reader sees, now or later, without another
write (pagecache.writes installs triggers from this)."""

from .models import Byline, Correction, Post, TaggedPost


def rows_readers_never_see():
    """{table: SQL true of a row ({row}.column) that no reader sees}: posts that are not
    published (drafts, submitted for review) and the bylines, tags and corrections of such
    posts. Coarser than PostQuerySet.published() on purpose: a scheduled or taken-down post
    counts as seen, as its times decide when cached pages expire."""
    posts = Post._meta.db_table
    not_published = f"status <> '{Post.Status.PUBLISHED}'"
    drafts = f"(SELECT id FROM {posts} WHERE {not_published})"
    unseen = {posts: "({row}." + not_published + ")"}
    for model, field in ((Byline, "post"), (Correction, "post"), (TaggedPost, "content_object")):
        unseen[model._meta.db_table] = (
            "({row}." + model._meta.get_field(field).column + " IN " + drafts + ")"
        )
    return unseen
