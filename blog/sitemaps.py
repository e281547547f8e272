"""sitemap.xml: an index of sections for posts, blogs, tags and authors, public pages only."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max, OuterRef, Subquery
from django.db.models.functions import Coalesce, Greatest
from django.urls import reverse
from taggit.models import Tag

from live.models import Update

from .models import Author, Blog, Post


def last_change(**filters):
    """When the newest public post matching filters (against OuterRef) went out or changed."""
    posts = (
        Post.objects.published()
        .filter(**filters)
        .annotate(changed_at=Greatest("published_at", "updated_at"))
        .order_by("-changed_at")
        .values("changed_at")[:1]
    )
    return Subquery(posts)


def last_live_update():
    """When the newest update of a live post (live/) was made or corrected, or None."""
    updates = Update.objects.filter(post=OuterRef("pk")).order_by("-updated_at")
    return Subquery(updates.values("updated_at")[:1])


class PostSitemap(Sitemap):
    limit = 50_000

    def items(self):
        return (
            Post.objects.published()
            .annotate(
                changed_at=Greatest(
                    "published_at",
                    "updated_at",
                    Coalesce(last_live_update(), "published_at"),
                )
            )
            .select_related("blog")
            .only("slug", "published_at", "updated_at", "blog__slug")
            .latest_first()
        )

    def lastmod(self, post):
        return post.changed_at

    def get_latest_lastmod(self):
        # The default walks every item; one aggregate does for the index.
        return self.items().aggregate(latest=Max("changed_at"))["latest"]


class ListingSitemap(Sitemap):
    """Pages that list posts: only those with public posts, each as fresh as its newest one."""

    limit = 50_000
    model = None
    post_filter = ""

    def items(self):
        return (
            self.model.objects.annotate(
                changed_at=last_change(**{self.post_filter: OuterRef("pk")})
            )
            .filter(changed_at__isnull=False)
            .order_by("pk")
        )

    def lastmod(self, item):
        return item.changed_at

    def get_latest_lastmod(self):
        return self.items().aggregate(latest=Max("changed_at"))["latest"]


class BlogSitemap(ListingSitemap):
    model = Blog
    post_filter = "blog"


class TagSitemap(ListingSitemap):
    model = Tag
    post_filter = "tags"

    def location(self, tag):
        return reverse("blog:tag_detail", kwargs={"slug": tag.slug})


class AuthorSitemap(ListingSitemap):
    model = Author
    post_filter = "bylines__author"


class PageSitemap(Sitemap):
    def items(self):
        return ["blog:post_list", "blog:archive_index"]

    def location(self, name):
        return reverse(name)

    def lastmod(self, name):
        return PostSitemap().get_latest_lastmod()


SITEMAPS = {
    "pages": PageSitemap,
    "posts": PostSitemap,
    "blogs": BlogSitemap,
    "tags": TagSitemap,
    "authors": AuthorSitemap,
}
