from django import template

from ..images import renditions
from ..models import Blog, Post

register = template.Library()


@register.inclusion_tag("blog/includes/breaking_news.html")
def breaking_news():
    """The site-wide banner: the newest live post flagged breaking, or nothing."""
    post = Post.objects.published().breaking().select_related("blog").latest_first().first()
    return {"breaking_post": post}


@register.inclusion_tag("blog/includes/blog_nav.html", takes_context=True)
def blog_nav(context):
    """The header navigation: one link a blog, the current one marked."""
    current_blog = context.get("blog")
    return {"blogs": Blog.objects.only("name", "slug"), "current_blog": current_blog}


@register.inclusion_tag("blog/includes/picture.html")
def lead_picture(post, sizes, loading="lazy", css_class="", crop=None):
    """A post's lead image as <picture> with WebP and JPEG renditions, width and height set
    so the page does not shift while it loads; crop names one of images.CROPS, cut around
    the focal point."""
    if not post.lead_image or not post.lead_image_width:
        return {}
    sources = renditions(post.lead_image, post.lead_image_width, post.lead_image_height, crop)
    fallback_url, fallback_width, fallback_height = sources[-1][2][-1]
    return {
        "sources": [
            (mime, ", ".join(f"{url} {w}w" for url, w, _ in candidates))
            for _, mime, candidates in sources
        ],
        "fallback_url": fallback_url,
        "width": fallback_width,
        "height": fallback_height,
        "alt": "" if post.lead_image_is_decorative else post.lead_image_alt,
        "sizes": sizes,
        "loading": loading,
        "css_class": css_class,
    }


@register.inclusion_tag("blog/includes/blogs_box.html")
def blogs_box():
    """Every blog with its tagline, for the sidebar of site-wide pages."""
    return {"blogs": Blog.objects.only("name", "slug", "tagline")}


@register.filter
def machine_datetime(value):
    """An aware datetime as an HTML/ISO 8601 string without microseconds, for datetime=""."""
    if not value:
        return ""
    return value.replace(microsecond=0).isoformat()
