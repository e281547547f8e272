from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from blog.images import picture_html
from blog.templatetags.blog_tags import json_ld_script
from pagecache.fragments import fragments

from ..pages import live_post_ids, update_from_rows
from ..structured_data import live_blog_posting

register = template.Library()


@register.simple_tag(takes_context=True)
def live_badge(context, post, is_live=None):
    """“Live” beside a post whose coverage is running (cards, the banner, the post page).
    One query a request at most, whatever the number of cards (live.pages.live_post_ids);
    none where is_live says it (a card kept by pagecache.fragments is rendered without the
    request)."""
    if is_live is None:
        is_live = post.pk in live_post_ids(getattr(context, "request", None))
    if is_live:
        return mark_safe('<span class="live-badge">Live</span> ')
    return ""


@register.simple_tag
def live_updates(updates, post, origin):
    """Updates of post (live/update.html), each made from its rows
    (live.pages.update_rows_of()) and kept by them (pagecache.fragments), and the whole run
    of them kept by all their rows: rendered once by each worker while the updates and their
    authors stay as they are. origin is the site's address (share links are absolute)."""
    share_urls = tuple(absolute(origin, update.get_absolute_url()) for update in updates)

    def each_update():
        return "".join(
            render_update(update, share_url, post.headline)
            for update, share_url in zip(updates, share_urls, strict=True)
        )

    html = fragments.keep(
        "live_updates",
        each_update,
        {},
        {"share_urls": share_urls, "post_headline": post.headline},
        tuple(update.rows for update in updates),
    )
    return mark_safe(html)


@register.simple_tag
def live_update(update, post, origin):
    """One update of post, kept as each of live_updates() is (the pinned update)."""
    return render_update(update, absolute(origin, update.get_absolute_url()), post.headline)


def render_update(update, share_url, post_headline):
    return fragments.render_rows(
        "live/update.html",
        update.rows,
        lambda: {"update": update_from_rows(update.rows, update._state.db)},
        {"share_url": share_url, "post_headline": post_headline},
    )


def absolute(origin, path):
    """request.build_absolute_uri(path) for a path from reverse(), given
    origin = request.build_absolute_uri("/")."""
    return origin[:-1] + path


@register.simple_tag(takes_context=True)
def live_coverage(context, live):
    """A live post's updates under its summary (live/coverage.html): status, key events, the
    pinned update, this page of updates and the links to older and newer ones. live is a
    live.pages.LivePage. The whole of it is kept (pagecache.fragments) by the rows of all
    the updates, the coverage, the page number and the post's headline and address: a
    reader's page costs no Update instance while those stay as they are."""
    coverage, post = live.coverage, live.coverage.post
    origin = context["request"].build_absolute_uri("/")
    html = fragments.keep(
        "live/coverage.html",
        lambda: render_to_string("live/coverage.html", coverage_context(live, post, origin)),
        {},
        {
            "origin": origin,
            "number": live.number,
            "coverage": (coverage.pk, coverage.started_at, coverage.ended_at),
            "post": (post.pk, post.headline, post.get_absolute_url()),
        },
        (live.rows_key,),
    )
    return mark_safe(html)


def coverage_context(live, post, origin):
    page_obj = live.page_obj
    return {
        "live": live,
        "post": post,
        "origin": origin,
        "page_obj": page_obj,
        "shown_ids": live.shown_ids,
        # Readers of the first page get new updates as they come (static/js/live.js).
        "polls": page_obj.number == 1 and live.coverage.is_running,
    }


@register.simple_tag(takes_context=True)
def live_json_ld(context, live):
    """The post as a schema.org LiveBlogPosting with every update, as a JSON-LD script (in
    the <head> of the post page, which blog_tags.post_head keeps whole)."""
    return json_ld_script(live_blog_posting(live, context["request"]))


@register.simple_tag
def update_picture(update, sizes):
    """An update's photo as <picture> (blog.images.picture_html())."""
    if not update.photo or not update.photo_width:
        return ""
    return mark_safe(
        picture_html(update.photo, update.photo_width, update.photo_height, update.photo_alt, sizes)
    )
