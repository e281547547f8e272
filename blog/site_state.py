"""What every page shows besides its own content, read once for all of a worker's pages.

Every page has the breaking-news banner and the blogs in its navigation, and a page for the
page cache needs to know when it may next change with nothing saved. Read from the database
they cost three queries a page; with Redis, each worker keeps them (blog/near_cache.py memo)
until a version they depend on is bumped ("breaking", "blogs", or "list:home", which every
change to a published or scheduled post bumps) or the next scheduled change comes, so they
are never out of date. Without Redis they are read once a request.
"""

from dataclasses import dataclass, field

from django.db.models import Min, Q
from django.template.loader import render_to_string
from django.utils import timezone

from .models import Blog, Post
from .near_cache import near_cache

WATCHED_VERSIONS = ("v:breaking", "v:blogs", "v:list:home")
# A post page shows five other posts of its blog, so it needs the newest six.
LATEST_SHOWN = 6


@dataclass(frozen=True)
class SiteState:
    breaking_post: Post | None  # the newest live post flagged breaking, for the banner
    blogs: list  # every blog: name, slug and tagline
    next_change_at: float | None  # see next_change_at()
    fragments: dict = field(default_factory=dict, compare=False)  # see render()

    def render(self, template_name, variant=None, **context):
        """A template showing only this state, rendered once for each variant (e.g. the
        navigation once for each blog it marks as current)."""
        key = (template_name, variant)
        html = self.fragments.get(key)
        if html is None:
            html = self.fragments[key] = render_to_string(template_name, context)
        return html


def site_state(request=None):
    """The site's state, read at most once a request (and kept for later requests, see the
    module docstring)."""
    state = getattr(request, "site_state", None)
    if state is None:
        state = near_cache.memo("site", WATCHED_VERSIONS, read_site_state)
        if request is not None:
            request.site_state = state
    return state


def read_site_state():
    state = SiteState(
        breaking_post=(
            Post.objects.published()
            .breaking()
            .select_related("blog")
            .only("headline", "slug", "blog__slug")
            .latest_first()
            .first()
        ),
        blogs=list(Blog.objects.only("name", "slug", "tagline")),
        next_change_at=next_change_at(),
    )
    return state, state.next_change_at or float("inf")


def next_change_at():
    """When a page may next change with nothing saved: the next scheduled post going live or
    being taken down, or breaking flag running out, as a Unix time; None if nothing is
    scheduled. One query."""
    now = timezone.now()
    going_live = Q(status=Post.Status.PUBLISHED, published_at__gt=now)
    breaking_ends = Q(is_breaking=True, breaking_until__gt=now)
    taken_down = Q(status=Post.Status.PUBLISHED, unpublish_at__gt=now)
    # Each branch of the OR has an index (post_status_published_idx, post_breaking_idx,
    # post_unpublish_at_idx), so this stays cheap however many posts there are.
    moments = Post.objects.filter(going_live | breaking_ends | taken_down).aggregate(
        going_live=Min("published_at", filter=going_live),
        breaking_ends=Min("breaking_until", filter=breaking_ends),
        taken_down=Min("unpublish_at", filter=taken_down),
    )
    upcoming = [moment.timestamp() for moment in moments.values() if moment]
    return min(upcoming) if upcoming else None


def kept_until_next_change(request, name, watches, read):
    """near_cache.memo() for a value read() makes from the database that also changes at the
    next scheduled change (a post going live or being taken down)."""

    def read_with_time():
        return read(), site_state(request).next_change_at or float("inf")

    return near_cache.memo(name, watches, read_with_time)


def newest_posts(request, blog):
    """A blog's newest published posts, as many as a post page's Latest Posts may need (its
    own post left out), kept per worker like the site state until one of them changes
    ("latest:<blog>", see blog/versions.py), the blog changes or the next scheduled change."""

    def read():
        posts = (
            Post.objects.published()
            .filter(blog=blog)
            .select_related("blog")
            .only("headline", "slug", "published_at", "blog__slug")
            .latest_first()[:LATEST_SHOWN]
        )
        return list(posts)

    watched = (f"v:latest:{blog.pk}", f"v:blog:{blog.pk}", "v:blogs")
    return kept_until_next_change(request, f"latest:{blog.pk}", watched, read)
