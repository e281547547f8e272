"""schema.org LiveBlogPosting of a live post (as blog.structured_data does for posts)."""

from django.utils.html import strip_tags

from blog.images import large_rendition
from blog.markup import smarten
from blog.structured_data import iso, news_article
from pagecache.fragments import fragments

from .pages import update_from_rows


def live_blog_posting(live, request):
    """The post's NewsArticle data as a LiveBlogPosting: when coverage started and ended, and
    every update as a BlogPosting with its own address (the update's permalink)."""
    coverage, post = live.coverage, live.coverage.post
    data = {**news_article(post, request), "@type": "LiveBlogPosting"}
    data["coverageStartTime"] = iso(coverage.started_at)
    if coverage.ended_at:
        data["coverageEndTime"] = iso(coverage.ended_at)
    if live.rows and post.published_at:
        last = live.last_updated_at
        data["dateModified"] = iso(max(post.published_at, post.updated_at, last))
    origin = request.build_absolute_uri("/")
    data["liveBlogUpdate"] = fragments.keep(
        "live.structured_data.blog_postings",
        lambda: [blog_posting_kept(rows, live.using, origin, request) for rows in live.rows],
        {},
        {"origin": origin},
        (live.rows_key,),
    )
    return data


def blog_posting_kept(rows, using, origin, request):
    """blog_posting() of an update, kept by the rows it is made from."""
    return fragments.keep(
        "live.structured_data.blog_posting",
        lambda: blog_posting(update_from_rows(rows, using), request),
        {},
        {"origin": origin},
        rows,
    )


def blog_posting(update, request):
    """An update as a BlogPosting; kept by the rows it is made from (pagecache.fragments,
    live.pages.updates_of()), so it reads nothing of the request but its scheme and
    host."""
    text = strip_tags(update.body_html).strip()
    data = {
        "@type": "BlogPosting",
        "headline": smarten(update.title) if update.title else truncate(text, 110),
        "url": request.build_absolute_uri(update.get_absolute_url()),
        "datePublished": iso(update.published_at),
        "dateModified": iso(max(update.published_at, update.updated_at)),
        "articleBody": text,
        "author": [
            {
                "@type": "Person",
                "name": author.name,
                "url": request.build_absolute_uri(author.get_absolute_url()),
            }
            for author in update.byline_authors
        ],
    }
    if update.photo and update.photo_width:
        url, width, height = large_rendition(update.photo, update.photo_width, update.photo_height)
        data["image"] = {
            "@type": "ImageObject",
            "url": request.build_absolute_uri(url),
            "width": width,
            "height": height,
        }
    return data


def truncate(text, length):
    return text if len(text) <= length else text[: length - 1].rsplit(" ", 1)[0] + "…"
