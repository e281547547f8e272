"""Small builders for test data: make_post(**overrides) and friends."""

from datetime import timedelta
from io import BytesIO
from itertools import count

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from blog.models import Author, Blog, Byline, Post

_numbers = count(1)


def make_blog(**overrides):
    number = next(_numbers)
    fields = {
        "name": f"Blog {number}",
        "slug": f"blog-{number}",
        "tagline": "News as it happens",
        "about": f"About blog {number}.",
    }
    return Blog.objects.create(**{**fields, **overrides})


def make_author(**overrides):
    number = next(_numbers)
    fields = {"name": f"Author {number}", "slug": f"author-{number}", "bio": "Reports things."}
    return Author.objects.create(**{**fields, **overrides})


def make_post(blog=None, authors=(), tags=(), **overrides):
    """A published post from an hour ago, unless overrides say otherwise."""
    number = next(_numbers)
    fields = {
        "blog": blog or make_blog(),
        "headline": f"Headline {number}",
        "slug": f"post-{number}",
        "standfirst": f"Standfirst {number}.",
        "body": f"Body of post {number}.",
        "status": Post.Status.PUBLISHED,
        "published_at": timezone.now() - timedelta(hours=1),
    }
    post = Post.objects.create(**{**fields, **overrides})
    if post.published_at and post.published_at < post.updated_at:
        # As if it had been written at its publication time, not back-dated now.
        post.updated_at = post.published_at
        Post.objects.filter(pk=post.pk).update(updated_at=post.updated_at)
    for position, author in enumerate(authors):
        Byline.objects.create(post=post, author=author, position=position)
    if tags:
        post.tags.add(*tags)
    if authors or tags:
        post.update_search_names()
    return post


def image_upload(name="photo.jpg", size=(640, 360), image_format="JPEG"):
    buffer = BytesIO()
    Image.new("RGB", size, (30, 90, 160)).save(buffer, image_format)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")
