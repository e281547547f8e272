"""When a post is public, written once.

A post is in one of five states at a given moment: draft, submitted for review, scheduled,
live or taken down. state_q() says it as a Q, and PostQuerySet.published() and in_state(),
the admin's publication filter and the addresses a deleted or renamed post keeps all come
from it. Python cannot run a Q on a post without a query, so state_of() says the same for
one post beside it; tests/test_editorial_operations.py checks the two agree on a grid of
statuses and times.

rows_readers_never_see() is the page cache's coarser rule, for its database triggers.
"""

from django.db.models import Q

# Post.Status values (blog.models imports this module, so it cannot import them).
DRAFT, SUBMITTED, PUBLISHED = "draft", "submitted", "published"
SCHEDULED, LIVE, TAKEN_DOWN = "scheduled", "live", "taken_down"
STATES = (DRAFT, SUBMITTED, SCHEDULED, LIVE, TAKEN_DOWN)


def state_q(state, now):
    """Posts in this state at the moment now."""
    released = Q(status=PUBLISHED, published_at__lte=now)
    if state == SCHEDULED:
        return Q(status=PUBLISHED, published_at__gt=now)
    if state == LIVE:
        return released & (Q(unpublish_at__isnull=True) | Q(unpublish_at__gt=now))
    if state == TAKEN_DOWN:
        return released & Q(unpublish_at__lte=now)
    return Q(status=state)


def gone_out_q(now):
    """Posts readers have seen: live, or taken down since. Their addresses keep answering
    when they move (a redirect) or are deleted (410 Gone)."""
    return state_q(LIVE, now) | state_q(TAKEN_DOWN, now)


def state_of(status, published_at, unpublish_at, now):
    """state_q() for one post, in Python; None for a published post with no publication time
    (the database refuses one; Post.save() gives it the time of the save)."""
    if status != PUBLISHED:
        return status
    if published_at is None:
        return None
    if published_at > now:
        return SCHEDULED
    if unpublish_at is not None and unpublish_at <= now:
        return TAKEN_DOWN
    return LIVE


def rows_readers_never_see():
    """{table: SQL true of a row ({row}.column) that no reader sees}: posts that are not
    published (drafts, submitted for review) and the bylines, tags and corrections of such
    posts (pagecache.writes installs triggers from this). Coarser than state_q() on purpose:
    a scheduled or taken-down post counts as seen, as its times decide when cached pages
    expire."""
    from .models import Byline, Correction, Post, TaggedPost

    posts = Post._meta.db_table
    not_published = f"status <> '{PUBLISHED}'"
    drafts = f"(SELECT id FROM {posts} WHERE {not_published})"
    unseen = {posts: "({row}." + not_published + ")"}
    for model, field in ((Byline, "post"), (Correction, "post"), (TaggedPost, "content_object")):
        unseen[model._meta.db_table] = (
            "({row}." + model._meta.get_field(field).column + " IN " + drafts + ")"
        )
    unseen.update(live_rows_readers_never_see(drafts))
    return unseen


def live_rows_readers_never_see(drafts):
    """The live coverage of posts that are not published (live/): coverage, updates and
    the updates' authors."""
    from live.models import Coverage, Update

    updates = Update._meta.db_table
    draft_updates = f"(SELECT id FROM {updates} WHERE post_id IN {drafts})"
    return {
        Coverage._meta.db_table: "({row}.post_id IN " + drafts + ")",
        updates: "({row}.post_id IN " + drafts + ")",
        Update.authors.through._meta.db_table: "({row}.update_id IN " + draft_updates + ")",
    }
