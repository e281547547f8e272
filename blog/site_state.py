"""What every page shows besides its own content, read at most once a request, and when a
page may next change with nothing saved."""

import time
from dataclasses import dataclass

from django.db.models import Min, Q
from django.utils import timezone

from frontpage.models import Pin
from pagecache.pages import GENERATION

from . import publication
from .models import Blog, Post

# A post page shows five other posts of its blog, so it needs the newest six.
LATEST_SHOWN = 6


@dataclass(frozen=True)
class SiteState:
    breaking_post: Post | None  # the banner's post (PostQuerySet.breaking), or None
    blogs: list  # every blog: name, slug and tagline


# This worker's site state for the page cache's current generation: {token: (until, state)}.
remembered = {}


def site_state(request=None):
    """The banner's post and the blogs of the navigation, read once for the request and, for a
    page the page cache may keep, once for the generation that page is stored under (until
    the next scheduled change): what drops the page drops the state with it."""
    state = getattr(request, "site_state", None)
    if state is None:
        token = request.environ.get(GENERATION) if request is not None else None
        until, state = remembered.get(token, (0, None)) if token else (0, None)
        if state is None or time.time() >= until:
            started_at = timezone.now()
            state = read_site_state()
            if token:
                remembered.clear()  # only the current generation is worth keeping
                remembered[token] = (next_change_at(started_at), state)
        if request is not None:
            request.site_state = state
    return state


def read_site_state():
    return SiteState(
        breaking_post=(
            Post.objects.published()
            .breaking()
            .select_related("blog")
            .only("headline", "slug", "blog__slug")
            .latest_first()
            .first()
        ),
        blogs=list(Blog.objects.only("name", "slug", "tagline")),
    )


def next_change_at(after):
    """When a page rendered from the database as it was at `after` may next change with
    nothing saved: the next scheduled post going live or being taken down, breaking flag
    running out or front-page pin running out, as a Unix time (infinity if nothing is
    scheduled). Two queries: the posts', and the pins' (a table of a few rows)."""
    going_live = publication.state_q(publication.SCHEDULED, after)
    breaking_ends = Q(is_breaking=True, breaking_until__gt=after)
    # Not a state: published posts, live or scheduled, with a take-down time to come.
    taken_down = Q(status=publication.PUBLISHED, unpublish_at__gt=after)
    # Each branch of the OR has an index (post_status_published_idx, post_breaking_idx,
    # post_unpublish_at_idx), so this stays cheap however many posts there are.
    moments = Post.objects.filter(going_live | breaking_ends | taken_down).aggregate(
        going_live=Min("published_at", filter=going_live),
        breaking_ends=Min("breaking_until", filter=breaking_ends),
        taken_down=Min("unpublish_at", filter=taken_down),
    )
    moments |= Pin.objects.filter(pinned_until__gt=after).aggregate(pin_ends=Min("pinned_until"))
    upcoming = [moment.timestamp() for moment in moments.values() if moment]
    return min(upcoming, default=float("inf"))


def newest_posts(blog):
    """A blog's newest published posts, as many as a post page's Latest Posts may need (its
    own post left out)."""
    return list(
        Post.objects.published()
        .filter(blog=blog)
        .select_related("blog")
        .only("headline", "slug", "published_at", "blog__slug")
        .latest_first()[:LATEST_SHOWN]
    )
