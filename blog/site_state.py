"""What every page shows besides its own content, read at most once a request, and when a
page may next change with nothing saved."""

from dataclasses import dataclass

from django.db.models import Min, Q

from frontpage.models import Pin
from pagecache.fragments import settle
from pagecache.kept import once_a_generation

from . import publication
from .models import Blog, Post

# A post page shows five other posts of its blog, so it needs the newest six.
LATEST_SHOWN = 6


@dataclass(frozen=True)
class SiteState:
    breaking_post: Post | None  # the banner's post (PostQuerySet.breaking), or None
    blogs: list  # every blog: name, slug and tagline


def site_state(request=None):
    """The banner's post and the blogs of the navigation, read once a request and, by each
    worker, once a generation (pagecache.kept): what drops a page drops the state with it."""
    return once_a_generation(request, "site_state", read_site_state)


def read_site_state():
    """The state, its instances settled (pagecache.fragments.settle()): kept as they are for
    a generation, the fragments kept by them digest them once."""
    breaking_post = (
        Post.objects.published()
        .breaking()
        .select_related("blog")
        .only("headline", "slug", "blog__slug")
        .latest_first()
        .first()
    )
    blogs = list(Blog.objects.only("name", "slug", "tagline"))
    settle(*blogs, *([breaking_post] if breaking_post else []))
    return SiteState(breaking_post=breaking_post, blogs=blogs)


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


def newest_posts(blog, request=None):
    """A blog's newest published posts, as many as a post page's Latest Posts may need (its
    own post left out), read once a generation (pagecache.kept)."""
    return once_a_generation(request, f"newest_posts:{blog.pk}", lambda: read_newest_posts(blog))


def read_newest_posts(blog):
    posts = list(
        Post.objects.published()
        .filter(blog=blog)
        .select_related("blog")
        .only("headline", "slug", "published_at", "blog__slug")
        .latest_first()[:LATEST_SHOWN]
    )
    settle(*posts)  # as read_site_state() does
    return posts
