import functools
import json
from datetime import datetime, timedelta
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Subquery
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from taggit.models import Tag

from live.pages import live_post_ids
from pagecache.fragments import SiteAddress, fragments
from pagecache.kept import once_a_generation

from .. import structured_data
from ..addresses import cached_reverse
from ..images import large_rendition, picture_html
from ..markup import smarten
from ..models import Author, Blog, Post
from ..site_state import site_state

register = template.Library()

FEED_FORMATS = [
    ("rss", "RSS", "application/rss+xml"),
    ("atom", "Atom", "application/atom+xml"),
]
FEED_URL_NAMES = {Blog: "blog:blog_feed", Tag: "blog:tag_feed", Author: "blog:author_feed"}
OBJECT_URL_NAMES = {Blog: "blog:blog_detail", Tag: "blog:tag_detail", Author: "blog:author_detail"}


@register.simple_tag(takes_context=True)
def breaking_news(context):
    """The site-wide banner: the newest live post flagged breaking, or nothing. Kept by what
    it shows (pagecache.fragments), as are the navigation and the footer."""
    post = site_state(context.get("request")).breaking_post
    is_live = post is not None and post.pk in live_post_ids(context.get("request"))
    return fragments.render(
        "blog/includes/breaking_news.html", {"breaking_post": post}, is_live=is_live
    )


@register.simple_tag(takes_context=True)
def blog_nav(context):
    """The header navigation: one link a blog, the current one marked."""
    current_blog = context.get("blog")
    return fragments.render(
        "blog/includes/blog_nav.html",
        {"blogs": site_state(context.get("request")).blogs},
        current_blog_pk=current_blog.pk if current_blog else None,
    )


@register.simple_tag(takes_context=True)
def site_footer(context):
    """The footer: every blog, the archive, search, feeds, sitemap and the copyright line."""
    return fragments.render(
        "blog/includes/site_footer.html",
        {"blogs": site_state(context.get("request")).blogs},
        site_name=settings.NEWSROOM_SITE_NAME,
        year=timezone.localdate().year,  # a kept fragment may not read the clock itself
    )


@register.simple_tag(takes_context=True)
def post_cards(context, cards):
    """The cards (blog/includes/post_card.html) of a page's posts (blog.cards.Card), kept
    by their rows (pagecache.fragments): the whole run of cards, and each card on its own,
    rendered once by each worker while the posts, their blogs and bylines stay as they are."""
    live_ids = live_post_ids(context.get("request"))
    is_live = tuple(card.pk in live_ids for card in cards)

    def each_card():
        return "".join(
            f"\n{card.render('blog/includes/post_card.html', is_live=live)}\n"
            for card, live in zip(cards, is_live, strict=True)
        )

    html = fragments.keep(
        "post_cards", each_card, {}, {"is_live": is_live}, tuple(card.rows for card in cards)
    )
    return mark_safe(html)


@register.simple_tag(takes_context=True)
def lead_story(context, card):
    """The home page's lead story (blog/includes/post_lead.html), kept as a card is."""
    is_live = card.pk in live_post_ids(context.get("request"))
    return card.render("blog/includes/post_lead.html", is_live=is_live)


@register.simple_tag(takes_context=True)
def post_head(context, post, live):
    """What a post page's <head> says of the post (blog/includes/post_head.html): its social
    cards and its JSON-LD, a live post's with every update; kept whole (kept_post_part())."""
    return kept_post_part("blog/includes/post_head.html", context, post, live)


@register.simple_tag(takes_context=True)
def post_article(context, post, live):
    """A post page's post (blog/includes/post_article.html): headline, byline, lead photo,
    body, sign-off, a live post's updates, tags and corrections; kept whole
    (kept_post_part())."""
    return kept_post_part("blog/includes/post_article.html", context, post, live)


def kept_post_part(template_name, context, post, live):
    """A part of a post page kept (pagecache.fragments) by the post and all it loaded (its
    blog, coverage, bylines, tags and corrections), a live post's page number and every
    update's rows (live.pages.LivePage), and the address the site was asked at: the template
    gets post, blog, live and a request that knows only that address (SiteAddress)."""
    site = SiteAddress(context["request"])
    return fragments.keep(
        template_name,
        lambda: render_to_string(
            template_name, {"post": post, "blog": post.blog, "live": live, "request": site}
        ),
        {"post": post},
        {"origin": site.origin, "live_page": live.number if live else None},
        (live.rows_key,) if live else (),
    )


@register.simple_tag
def post_aside(blog, latest_posts):
    """A post page's sidebar (blog/includes/post_aside.html): About This Blog and the blog's
    Latest Posts, kept by them (pagecache.fragments)."""
    return fragments.render(
        "blog/includes/post_aside.html", {"blog": blog, "latest_posts": latest_posts}
    )


@register.simple_tag
def lead_picture(post, sizes, loading="lazy", css_class="", crop=None):
    """A post's lead image as <picture> (images.picture_html()); crop names one of
    images.CROPS, cut around the focal point."""
    if not post.lead_image or not post.lead_image_width:
        return "\n"
    alt = "" if post.lead_image_is_decorative else post.lead_image_alt
    return mark_safe(
        picture_html(
            post.lead_image,
            post.lead_image_width,
            post.lead_image_height,
            alt,
            sizes,
            loading,
            css_class,
            crop,
            post.lead_image_focus,
        )
    )


@register.simple_tag
def url_of(obj):
    """obj.get_absolute_url() of a post, blog, tag or author, remembered (cached_reverse):
    list pages link every card's post and blog, and reverse() cost a tenth of a card."""
    if isinstance(obj, Post):
        return cached_reverse("blog:post_detail", obj.blog.slug, obj.slug)
    return cached_reverse(OBJECT_URL_NAMES[type(obj)], obj.slug)


@register.simple_tag
def cached_url(viewname, *args):
    """{% url viewname *args %}, remembered (cached_reverse), for the links on every page."""
    return cached_reverse(viewname, *args)


@register.simple_tag(takes_context=True)
def blogs_box(context):
    """Every blog with its tagline, for the sidebar of site-wide pages; kept by them
    (pagecache.fragments), as the navigation is."""
    return fragments.render(
        "blog/includes/blogs_box.html", {"blogs": site_state(context.get("request")).blogs}
    )


@register.simple_tag(takes_context=True)
def canonical_url(context, *keep):
    """This page's absolute address without tracking or other stray parameters: only the
    page number past the first, and the parameters named in `keep` (e.g. "q")."""
    request = context["request"]
    params = {name: request.GET[name] for name in keep if request.GET.get(name)}
    page_obj = context.get("page_obj")
    if page_obj and page_obj.number > 1:
        params["page"] = page_obj.number
    url = request.build_absolute_uri(request.path)
    return f"{url}?{urlencode(params)}" if params else url


@register.simple_tag(takes_context=True)
def absolute_url(context, path):
    return context["request"].build_absolute_uri(path)


@register.simple_tag
def feed_links(subject=None):
    """<link rel="alternate"> to the RSS and Atom feeds of a blog, tag, author, or the site;
    their addresses remembered (cached_reverse), as every page links two or four."""
    if subject is None:
        name, url_name, args = settings.NEWSROOM_SITE_NAME, "blog:latest_feed", ()
    else:
        name, url_name, args = str(subject), FEED_URL_NAMES[type(subject)], (subject.slug,)
    return format_html_join(
        "",
        '<link rel="alternate" type="{}" title="{} ({})" href="{}">\n  ',
        (
            (mime_type, name, label, cached_reverse(url_name, *args, feed_format))
            for feed_format, label, mime_type in FEED_FORMATS
        ),
    )


@register.simple_tag(takes_context=True)
def archive_box(context, blog):
    """The blog's twelve latest months with posts, with their post counts, for its sidebar,
    counted once a generation (pagecache.kept) and kept whole by the blog and those counts
    (pagecache.fragments). Only a year of rows before the blog's newest post is counted,
    however long its history."""

    def count_months():
        posts = Post.objects.published().filter(blog=blog)
        newest = posts.latest_first().values("published_at")[:1]
        last_year = posts.filter(published_at__gt=Subquery(newest) - timedelta(days=366))
        return list(last_year.month_counts()[:12])

    months = once_a_generation(context.get("request"), f"months:{blog.pk}", count_months)
    return fragments.keep(
        "blog/includes/archive_box.html",
        lambda: render_to_string(
            "blog/includes/archive_box.html", {"blog": blog, "months": months}
        ),
        {"blog": blog},
        {},
        tuple((row["month"], row["count"]) for row in months),
    )


@register.simple_tag(takes_context=True)
def json_ld(context, kind, subject=None):
    """schema.org data as <script type="application/ld+json">: kind is one of
    news_article, post_breadcrumbs, profile_page, collection_page, website."""
    request = context["request"]
    builders = {
        "news_article": lambda: structured_data.news_article(subject, request),
        "post_breadcrumbs": lambda: structured_data.breadcrumbs(
            request,
            (subject.blog.name, subject.blog.get_absolute_url()),
            (smarten(subject.headline), subject.get_absolute_url()),
        ),
        "profile_page": lambda: structured_data.profile_page(subject, request),
        "collection_page": lambda: structured_data.collection_page(subject, request),
        "website": lambda: structured_data.website(request),
    }
    return json_ld_script(builders[kind]())


def json_ld_script(data):
    """data as a <script type="application/ld+json"> element."""
    data = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    # Escaping <, > and & keeps "</script>" or "<!--" in a headline from ending the element.
    data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(data))


@register.inclusion_tag("blog/includes/social_meta.html", takes_context=True)
def social_meta(context, post):
    """OpenGraph and Twitter card tags of a post."""
    request = context["request"]
    image = None
    if post.lead_image and post.lead_image_width:
        url, width, height = large_rendition(
            post.lead_image, post.lead_image_width, post.lead_image_height
        )
        image = {
            "url": request.build_absolute_uri(url),
            "width": width,
            "height": height,
            "alt": "" if post.lead_image_is_decorative else post.lead_image_alt,
        }
    site_image = None if image else structured_data.site_image_url(request)
    return {
        "post": post,
        "site_name": settings.NEWSROOM_SITE_NAME,
        "url": request.build_absolute_uri(post.get_absolute_url()),
        "authors": [
            request.build_absolute_uri(author.get_absolute_url()) for author in post.byline_authors
        ],
        "tags": post.tag_list,
        "image": image,
        "site_image": site_image,
    }


@register.filter
def machine_datetime(value):
    """An aware datetime as an HTML/ISO 8601 string without microseconds, for datetime=""."""
    if not value:
        return ""
    return value.replace(microsecond=0).isoformat()


@register.filter(expects_localtime=True)
def day(value, format_string):
    """value|date:format_string for a format of the day alone (no time of day): the same
    text, remembered for each day, as list pages show a date on every card."""
    if not value:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    return _formatted_day(value, format_string, get_language())


@functools.lru_cache(maxsize=1024)
def _formatted_day(day, format_string, language):
    return date_format(day, format_string)


@register.filter
def smartypants(value):
    """Plain text (a headline, a standfirst) with curly quotes, dashes and ellipses. Not
    marked safe: the template escapes the result as it would have escaped the text."""
    return smarten(str(value))
