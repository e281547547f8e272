"""schema.org data for search engines, as dicts ready for a JSON-LD <script> (see blog_tags)."""

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone

from .images import large_rendition
from .markup import smarten

LOGO = ("img/logo.png", 600, 60)


def news_article(post, request):
    """A NewsArticle with every author, the publisher and the blog it is part of."""
    url = request.build_absolute_uri
    post_url = url(post.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "@id": post_url,
        "mainEntityOfPage": post_url,
        "url": post_url,
        "headline": smarten(post.headline),
        "description": smarten(post.standfirst),
        "author": [
            {"@type": "Person", "name": author.name, "url": url(author.get_absolute_url())}
            for author in post.byline_authors
        ],
        "publisher": publisher(request),
        "isPartOf": {
            "@type": "Blog",
            "name": post.blog.name,
            "url": url(post.blog.get_absolute_url()),
        },
        "keywords": [tag.name for tag in post.tag_list],
        "inLanguage": settings.LANGUAGE_CODE,
    }
    if post.published_at:
        data["datePublished"] = iso(post.published_at)
        data["dateModified"] = iso(post.modified_at)
    if post.lead_image and post.lead_image_width:
        image_url, width, height = large_rendition(
            post.lead_image, post.lead_image_width, post.lead_image_height
        )
        data["image"] = {
            "@type": "ImageObject",
            "url": url(image_url),
            "width": width,
            "height": height,
        }
    else:
        data["image"] = site_image_url(request)
    return data


def breadcrumbs(request, *trail):
    """A BreadcrumbList from the home page through (name, path) pairs."""
    items = [(settings.NEWSROOM_SITE_NAME, reverse("blog:post_list")), *trail]
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": name,
                "item": request.build_absolute_uri(path),
            }
            for position, (name, path) in enumerate(items, start=1)
        ],
    }


def profile_page(author, request):
    person = {
        "@type": "Person",
        "name": author.name,
        "url": request.build_absolute_uri(author.get_absolute_url()),
    }
    if author.bio:
        person["description"] = author.bio
    if author.photo:
        person["image"] = request.build_absolute_uri(author.photo.url)
    return {
        "@context": "https://schema.org",
        "@type": "ProfilePage",
        "url": request.build_absolute_uri(author.get_absolute_url()),
        "mainEntity": person,
    }


def collection_page(blog, request):
    return {
        "@context": "https://schema.org",
        "@type": "CollectionPage",
        "name": blog.name,
        "description": blog.tagline,
        "url": request.build_absolute_uri(blog.get_absolute_url()),
        "isPartOf": {
            "@type": "WebSite",
            "name": settings.NEWSROOM_SITE_NAME,
            "url": request.build_absolute_uri(reverse("blog:post_list")),
        },
    }


def website(request):
    """The site, with the search box search engines may offer."""
    home = request.build_absolute_uri(reverse("blog:post_list"))
    search = request.build_absolute_uri(reverse("blog:search"))
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": settings.NEWSROOM_SITE_NAME,
        "url": home,
        "publisher": publisher(request),
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": f"{search}?q={{search_term}}"},
            "query-input": "required name=search_term",
        },
    }


def publisher(request):
    path, width, height = LOGO
    return {
        "@type": "NewsMediaOrganization",
        "name": settings.NEWSROOM_SITE_NAME,
        "url": request.build_absolute_uri(reverse("blog:post_list")),
        "logo": {
            "@type": "ImageObject",
            "url": request.build_absolute_uri(static(path)),
            "width": width,
            "height": height,
        },
    }


def site_image_url(request):
    """The absolute URL of NEWSROOM_SITE_IMAGE, which posts without a lead photo show social
    sites and search engines (Google wants an image for every NewsArticle)."""
    image = settings.NEWSROOM_SITE_IMAGE
    if not image.startswith(("https://", "http://", "/")):
        image = static(image)
    return request.build_absolute_uri(image)


def iso(moment):
    return timezone.localtime(moment).isoformat()
