from django.contrib.sitemaps import views as sitemap_views
from django.templatetags.static import static
from django.urls import path, register_converter
from django.urls.converters import IntConverter
from django.utils.functional import lazy
from django.views.decorators.http import conditional_page
from django.views.generic import RedirectView

from pagecache.pages import cache_page_for_readers as cached

from . import feeds, views
from .sitemaps import SITEMAPS


class FeedFormatConverter:
    regex = "rss|atom"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


class NumberConverter(IntConverter):
    """A number as we write it, without leading zeros: /archive/2026/012/ would otherwise be
    a second address (and cached page) of /archive/2026/12/."""

    regex = "[1-9][0-9]*"


register_converter(FeedFormatConverter, "feed_format")
register_converter(NumberConverter, "number")

app_name = "blog"

urlpatterns = [
    path("", cached(views.HomeView.as_view()), name="post_list"),
    path("search/", views.search, name="search"),
    path("archive/", cached(views.archive_index), name="archive_index"),
    path("archive/<number:year>/", cached(views.ArchiveView.as_view()), name="archive_year"),
    path(
        "archive/<number:year>/<number:month>/",
        cached(views.ArchiveView.as_view()),
        name="archive_month",
    ),
    path("blogs/<slug:slug>/", cached(views.BlogDetailView.as_view()), name="blog_detail"),
    path("blogs/<slug:slug>/archive/", cached(views.archive_index), name="blog_archive_index"),
    path(
        "blogs/<slug:slug>/archive/<number:year>/",
        cached(views.ArchiveView.as_view()),
        name="blog_archive_year",
    ),
    path(
        "blogs/<slug:slug>/archive/<number:year>/<number:month>/",
        cached(views.ArchiveView.as_view()),
        name="blog_archive_month",
    ),
    path("blogs/<slug:blog_slug>/<slug:slug>/", cached(views.post_detail), name="post_detail"),
    path("tags/<slug:slug>/", cached(views.TagDetailView.as_view()), name="tag_detail"),
    path("authors/<slug:slug>/", cached(views.AuthorDetailView.as_view()), name="author_detail"),
    # Feeds and the sitemap index are cached like pages; their hits, and the 304s of hits, are
    # answered by the front without a render.
    path("feeds/<feed_format:feed_format>/", cached(feeds.PostFeed()), name="latest_feed"),
    path(
        "blogs/<slug:slug>/feeds/<feed_format:feed_format>/",
        cached(feeds.BlogFeed()),
        name="blog_feed",
    ),
    path(
        "tags/<slug:slug>/feeds/<feed_format:feed_format>/",
        cached(feeds.TagFeed()),
        name="tag_feed",
    ),
    path(
        "authors/<slug:slug>/feeds/<feed_format:feed_format>/",
        cached(feeds.AuthorFeed()),
        name="author_feed",
    ),
    path(
        "sitemap.xml",
        cached(sitemap_views.index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "blog:sitemap"},
        name="sitemap_index",
    ),
    # Not cached: the news sitemap drops posts 48 hours after they go out, which no write
    # announces, and a section's later pages are asked for with ?p=, which a cached view
    # never sees. They answer conditional GETs (ETag, Last-Modified) with 304.
    path("sitemap-news.xml", conditional_page(views.news_sitemap), name="news_sitemap"),
    path(
        "sitemap-<section>.xml",
        conditional_page(sitemap_views.sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap",
    ),
    path("robots.txt", views.RobotsView.as_view(), name="robots"),
    # Browsers and feed readers ask for /favicon.ico whatever the page links.
    path("favicon.ico", RedirectView.as_view(url=lazy(static, str)("favicon.ico")), name="favicon"),
    path("preview/<slug:token>/", views.post_preview, name="post_preview"),
]
