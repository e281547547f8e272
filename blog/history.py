"""Post history: a post as text, now or at a revision (django-reversion), and what changed
between two of them. Used by the compare page and by the edit-conflict message."""

from django.contrib.contenttypes.models import ContentType
from django.utils import formats, timezone
from reversion.models import Version
from taggit.models import Tag

from .models import Author, Blog, Byline, Correction, Post, TaggedPost

FIELDS = [
    "headline",
    "slug",
    "blog",
    "standfirst",
    "body",
    "status",
    "published_at",
    "unpublish_at",
    "is_breaking",
    "breaking_until",
    "lead_image",
    "lead_image_caption",
    "lead_image_credit",
    "lead_image_alt",
    "lead_image_is_decorative",
    "lead_image_focus_x",
    "lead_image_focus_y",
]


def _text(post, name, blog_names):
    field = Post._meta.get_field(name)
    value = getattr(post, field.attname)
    if name == "blog":
        return blog_names.get(value, "—")
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if hasattr(value, "tzinfo"):
        return formats.date_format(timezone.localtime(value), "j M Y, H:i")
    return str(getattr(value, "name", value))


def _snapshot(post, author_ids, tag_ids, corrections):
    """{label: text}, in the order of FIELDS, then byline, tags and corrections."""
    blog_names = dict(Blog.objects.filter(pk=post.blog_id).values_list("pk", "name"))
    author_names = dict(Author.objects.filter(pk__in=author_ids).values_list("pk", "name"))
    tag_names = sorted(Tag.objects.filter(pk__in=tag_ids).values_list("name", flat=True))
    snapshot = {
        str(Post._meta.get_field(name).verbose_name): _text(post, name, blog_names)
        for name in FIELDS
    }
    snapshot["byline"] = ", ".join(author_names.get(pk, "?") for pk in author_ids) or "—"
    snapshot["tags"] = ", ".join(tag_names) or "—"
    snapshot["corrections and updates"] = (
        "\n".join(
            f"{formats.date_format(timezone.localtime(c.created_at), 'j M Y, H:i')} "
            f"{c.get_kind_display()}: {c.text}"
            for c in sorted(corrections, key=lambda c: c.created_at, reverse=True)
        )
        or "—"
    )
    return snapshot


def post_snapshot(post):
    """The post as it is in the database now."""
    return _snapshot(
        post,
        list(post.bylines.order_by("position", "pk").values_list("author_id", flat=True)),
        list(post.tagged_items.values_list("tag_id", flat=True)),
        list(post.corrections.all()),
    )


def version_snapshot(version):
    """The post as it was saved in a reversion Version, with the byline, tags and
    corrections saved in the same revision."""
    concrete = {field.attname for field in Post._meta.concrete_fields}
    post = Post(**{k: v for k, v in version.field_dict.items() if k in concrete})
    related = version.revision.version_set.filter(
        content_type__in=ContentType.objects.get_for_models(Byline, TaggedPost, Correction).values()
    )
    bylines, tag_ids, corrections = [], [], []
    for other in related:
        data = other.field_dict
        model = other._model
        if model is Byline and data["post_id"] == post.pk:
            bylines.append((data["position"], data["id"], data["author_id"]))
        elif model is TaggedPost and data["content_object_id"] == post.pk:
            tag_ids.append(data["tag_id"])
        elif model is Correction and data["post_id"] == post.pk:
            corrections.append(Correction(**data))
    return _snapshot(post, [author for *_, author in sorted(bylines)], tag_ids, corrections)


def differences(before, after):
    """[(label, before text, after text), …] for the labels whose text differs."""
    return [
        (label, before[label], after[label]) for label in after if before[label] != after[label]
    ]


def versions_of(post):
    """The post's reversion Versions, newest first, with who saved them."""
    return Version.objects.get_for_object(post).select_related("revision__user")


def version_numbered(post, number, limit=100):
    """The newest Version saved when the post's edit counter was number, or None."""
    for version in versions_of(post)[:limit]:
        if version.field_dict.get("version") == number:
            return version
    return None
