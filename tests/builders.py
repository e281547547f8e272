"""Small builders for test data: make_post(**overrides) and friends."""

from datetime import timedelta
from io import BytesIO
from itertools import count

from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from blog import operations
from blog.models import Author, Blog, Post

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
    """A published post from an hour ago, unless overrides say otherwise. Any state may be
    built (scheduled, taken down, a photo without a caption), so the row is written as given
    rather than through operations.publish(), which would refuse some; its byline and tags
    are set as the admin sets them, and the search text follows by itself."""
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
        post.updated_at = post.text_changed_at = post.published_at
        Post.objects.filter(pk=post.pk).update(
            updated_at=post.updated_at, text_changed_at=post.text_changed_at
        )
    if authors:
        operations.set_byline(post, list(authors))
    if tags:
        post.tags.add(*tags)
    return post


def image_upload(name="photo.jpg", size=(640, 360), image_format="JPEG"):
    buffer = BytesIO()
    Image.new("RGB", size, (30, 90, 160)).save(buffer, image_format)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def make_user(username, role=None, **author_fields):
    """A staff user in a role group ("Editors", "Authors"); with author_fields, also their
    author profile (user.author_profile)."""
    user = User.objects.create_user(username, is_staff=True)
    if role:
        user.groups.add(Group.objects.get(name=role))
    if author_fields:
        make_author(user=user, **author_fields)
    return user


def _split(value):
    if value is None:
        return "", ""
    local = timezone.localtime(value)
    return local.strftime("%Y-%m-%d"), local.strftime("%H:%M:%S")


def change_form(post, **overrides):
    """The admin change form of a post as a browser sends it back unchanged, opened now."""
    post.refresh_from_db()
    data = {
        "blog": post.blog_id,
        "headline": post.headline,
        "slug": post.slug,
        "standfirst": post.standfirst,
        "body": post.body,
        "tags": ", ".join(sorted(post.tags.names())),
        "lead_image_caption": post.lead_image_caption,
        "lead_image_credit": post.lead_image_credit,
        "lead_image_alt": post.lead_image_alt,
        "lead_image_focus_x": post.lead_image_focus_x,
        "lead_image_focus_y": post.lead_image_focus_y,
        "status": post.status,
        "opened_version": post.version,
    }
    for name in ["published_at", "unpublish_at", "breaking_until"]:
        data[f"{name}_0"], data[f"{name}_1"] = _split(getattr(post, name))
    for name in ["is_breaking", "lead_image_is_decorative"]:
        if getattr(post, name):
            data[name] = "on"
    for prefix, rows, fields in [
        ("bylines", post.bylines.all(), ["author", "position"]),
        ("corrections", post.corrections.all(), ["kind", "text", "created_at"]),
    ]:
        rows = list(rows)
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": len(rows),
                f"{prefix}-INITIAL_FORMS": len(rows),
                f"{prefix}-MIN_NUM_FORMS": 0,
                f"{prefix}-MAX_NUM_FORMS": 1000,
            }
        )
        for index, row in enumerate(rows):
            data[f"{prefix}-{index}-id"] = row.pk
            data[f"{prefix}-{index}-post"] = post.pk
            for field in fields:
                value = getattr(row, f"{field}_id", getattr(row, field))
                if field == "created_at":
                    data[f"{prefix}-{index}-{field}_0"], data[f"{prefix}-{index}-{field}_1"] = (
                        _split(value)
                    )
                else:
                    data[f"{prefix}-{index}-{field}"] = value
    return {**data, **overrides}
