"""RSS 2.0 and Atom feeds of the latest published posts: site-wide, per blog, tag and author."""

import logging
import mimetypes
import re
from copy import copy

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.files.storage import default_storage
from django.http.request import split_domain_port
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from taggit.models import Tag

from .images import large_rendition, rendition_name
from .markup import smarten
from .models import Author, Blog, Post
from .storage import STORAGE_ERRORS, is_missing
from .views import follow_moves, get_by_slug

FEED_LENGTH = 30

logger = logging.getLogger(__name__)


class NewsRssFeed(Rss201rev2Feed):
    """RSS 2.0 with the full body in content:encoded and every author as dc:creator."""

    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
            "xmlns:dc": "http://purl.org/dc/elements/1.1/",
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name, _ in item["authors"]:
            handler.addQuickElement("dc:creator", name)
        handler.addQuickElement("content:encoded", item["content"])


class NewsAtomFeed(Atom1Feed):
    """Atom with the full body as content and every author with their page."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name, url in item["authors"]:
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.addQuickElement("uri", url)
            handler.endElement("author")
        handler.addQuickElement("content", item["content"], {"type": "html"})


FEED_TYPES = {"rss": NewsRssFeed, "atom": NewsAtomFeed}


class PostFeed(Feed):
    """The latest published posts of the whole site; subclasses narrow them down."""

    # Set on this request's copy when storage fails to answer (stored_size).
    storage_down = False

    @method_decorator(follow_moves)
    def __call__(self, request, *args, feed_format, **kwargs):
        # Django shares one Feed instance between requests; work on a copy that knows this
        # request's format and host, so items can carry absolute URLs.
        feed = copy(self)
        feed.feed_type = FEED_TYPES[feed_format]
        feed.request = request
        return Feed.__call__(feed, request, *args, **kwargs)

    def title(self, obj):
        return settings.NEWSROOM_SITE_NAME

    def link(self, obj):
        return reverse("blog:post_list")

    def description(self, obj):
        return f"The latest news from {settings.NEWSROOM_SITE_NAME}."

    def subtitle(self, obj):
        return self.description(obj)

    def author_name(self, obj):
        return settings.NEWSROOM_SITE_NAME

    def items(self, obj):
        return self.posts(obj).for_listing()[:FEED_LENGTH]

    def posts(self, obj):
        return Post.objects.published()

    def item_title(self, post):
        return smarten(post.headline)

    def item_description(self, post):
        return smarten(post.standfirst)

    def item_pubdate(self, post):
        return post.published_at

    def item_updateddate(self, post):
        return post.modified_at

    def item_guid(self, post):
        """A tag: URI (RFC 4151) that survives a change of headline, slug or blog."""
        host, _ = split_domain_port(self.request.get_host())
        return f"tag:{host},{post.created_at:%Y-%m-%d}:post-{post.pk}"

    item_guid_is_permalink = False

    def item_categories(self, post):
        return [tag.name for tag in post.tags.all()]

    def item_enclosures(self, post):
        """The 1200 px JPEG rendition social sites and search engines get, or the original
        upload while there is no rendition in storage. Its size is noted on the post when
        the renditions are made (lead_image_rendition_bytes); storage is asked only for posts
        from before that, and not again in this feed once it fails to answer (length 0:
        unknown), so a feed never waits on a storage outage."""
        if not post.lead_image:
            return []
        if post.lead_image_width:
            url, width, _ = large_rendition(
                post.lead_image, post.lead_image_width, post.lead_image_height
            )
            length = post.lead_image_rendition_bytes or self.stored_size(
                rendition_name(post.lead_image.name, width, "jpg")
            )
            if length is not None:
                return [Enclosure(self.request.build_absolute_uri(url), str(length), "image/jpeg")]
        mime_type = mimetypes.guess_type(post.lead_image.name)[0] or "image/jpeg"
        url = self.request.build_absolute_uri(post.lead_image.url)
        return [Enclosure(url, str(self.stored_size(post.lead_image.name) or 0), mime_type)]

    def stored_size(self, name):
        """The file's size in storage; None when it is missing or storage does not answer."""
        if self.storage_down:
            return None
        try:
            return default_storage.size(name)
        except STORAGE_ERRORS as error:
            if not is_missing(error):
                logger.warning("Storage did not answer for the size of %s in a feed", name)
                self.storage_down = True
            return None

    def item_extra_kwargs(self, post):
        return {
            # body_html is Markdown rendered and sanitized by nh3 in Post.save(); its photos'
            # addresses are made absolute, as a feed is read away from the site.
            "content": absolute_addresses(post.body_html, self.request),
            "authors": [
                (author.name, self.request.build_absolute_uri(author.get_absolute_url()))
                for author in post.byline_authors
            ],
        }


# An image's address attributes (text cannot hold them: nh3 escapes its quotes).
IMAGE_ADDRESSES = re.compile(r'\b(src|srcset)="([^"]*)"')


def absolute_addresses(html, request):
    """html with the root-relative addresses of its images (src, each srcset entry; media on
    this site) made absolute."""

    def absolute(entry):
        address, _, descriptor = entry.partition(" ")
        if address.startswith("/") and not address.startswith("//"):
            address = request.build_absolute_uri(address)
        return f"{address} {descriptor}" if descriptor else address

    def attribute(match):
        entries = [match[2]] if match[1] == "src" else match[2].split(", ")
        return f'{match[1]}="' + ", ".join(absolute(entry) for entry in entries) + '"'

    return IMAGE_ADDRESSES.sub(attribute, html) if "src" in html else html


class BlogFeed(PostFeed):
    def get_object(self, request, slug):
        return get_by_slug(Blog, slug)

    def title(self, blog):
        return f"{blog.name} – {settings.NEWSROOM_SITE_NAME}"

    def link(self, blog):
        return blog.get_absolute_url()

    def description(self, blog):
        return blog.tagline or f"The latest posts from {blog.name}."

    def posts(self, blog):
        return super().posts(blog).filter(blog=blog)


class TagFeed(PostFeed):
    def get_object(self, request, slug):
        return get_by_slug(Tag, slug)

    def title(self, tag):
        return f"{tag.name} – {settings.NEWSROOM_SITE_NAME}"

    def link(self, tag):
        return reverse("blog:tag_detail", kwargs={"slug": tag.slug})

    def description(self, tag):
        return f"The latest posts about {tag.name}."

    def posts(self, tag):
        return super().posts(tag).filter(tags=tag)


class AuthorFeed(PostFeed):
    def get_object(self, request, slug):
        return get_by_slug(Author, slug)

    def title(self, author):
        return f"{author.name} – {settings.NEWSROOM_SITE_NAME}"

    def link(self, author):
        return author.get_absolute_url()

    def description(self, author):
        return f"The latest posts by {author.name}."

    def posts(self, author):
        return super().posts(author).filter(bylines__author=author)
