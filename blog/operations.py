"""Editorial acts: publish, schedule, unpublish, flag and clear breaking news, change a post's
address, set its byline, rename a blog, author or tag, delete posts.

Shaped like Wagtail's wagtail/actions/: one function per act, which the admin (its actions,
save and delete), management commands, load_demo and the tests all call, so an act does the
same whoever asks. What an act implies beyond its own fields is held one level lower, by the
models' save() and delete() and PostQuerySet.delete(), so a plain ORM call keeps it too:

- a post readers have seen (blog.publication) keeps its old address answering with a 301
  when its slug or blog changes, and with 410 Gone once it is deleted (PostRedirect);
- a blog, author or tag keeps its old slug as a 301 (OldSlug), and posts are found by the
  current names of their authors and tags (Post.search_names, refreshed when a byline or tag
  is added or removed and when an author or tag is renamed or a tag deleted);
- a lead image or author photo that is replaced, cleared or deleted with its row is deleted,
  with its renditions, once the transaction commits, unless another row uses it.

Not covered, because none of our code runs: QuerySet.update(), bulk_create() and
bulk_update() (call these functions or save() instead), raw SQL, and django-reversion's
restores, which write rows raw (the admin's revision and recover views hand the replaced
state to Post.let_go_of() themselves).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from .models import READER_TEXT_FIELDS, Byline, Post
from .storage import STORAGE_ERRORS

# Fields only editors may set: they decide when, and how loudly, a post reaches readers.
PUBLISHING_FIELDS = ["published_at", "unpublish_at", "is_breaking", "breaking_until"]
AUTHOR_STATUSES = [Post.Status.DRAFT, Post.Status.SUBMITTED]


def publish(post, at=None):
    """Put the post live now, or at `at` (a time past back-dates it). A post already live is
    left as it is, keeping its publication time: returns False. Raises ValidationError and
    saves nothing when the post may not go out as it is (Post.clean())."""
    if post.is_published:
        return False
    at = at or timezone.now()
    return _save(post, Post.clean, status=Post.Status.PUBLISHED, published_at=at)


def schedule(post, at):
    """Publish the post at `at`, a time to come; it is embargoed everywhere until then."""
    check_schedule_time(at)
    return _save(post, Post.clean, status=Post.Status.PUBLISHED, published_at=at)


def check_schedule_time(at):
    """Refuse (ValidationError on published_at) a schedule with no time or a time gone by."""
    if at is None:
        raise ValidationError(
            {"published_at": "Choose the publication time to schedule the post for."}
        )
    if at <= timezone.now():
        raise ValidationError(
            {"published_at": "A post is scheduled for a time to come; publish it now instead."}
        )


def unpublish(post):
    """Take the post down, back to draft. Its address answers 404, not 410: it may return."""
    return _save(post, status=Post.Status.DRAFT)


def flag_breaking(post, until=None):
    """Show the post in the breaking-news banner while it is live, until `until` if given."""
    fields = (
        {"is_breaking": True} if until is None else {"is_breaking": True, "breaking_until": until}
    )
    return _save(post, **fields)


def clear_breaking(post):
    return _save(post, is_breaking=False, breaking_until=None)


def change_slug(post, slug, blog=None):
    """Give the post a new address (slug, and blog if given); if readers have seen the post,
    every old address redirects to the new one."""
    fields = {"slug": slug} if blog is None else {"slug": slug, "blog": blog}
    return _save(post, _check_address, **fields)


def set_byline(post, authors):
    """Make authors, in order, the post's byline; the post is found by their names."""
    post.bylines.exclude(author__in=authors).delete()
    for position, author in enumerate(authors):
        Byline.objects.update_or_create(post=post, author=author, defaults={"position": position})


def rename(obj, name=None, slug=None):
    """Rename a blog, author or tag, or change its slug: its old addresses redirect to the new
    ones, and the posts of an author or tag are found by the new name."""
    fields = {field: value for field, value in [("name", name), ("slug", slug)] if value}
    for field, value in fields.items():
        setattr(obj, field, value)
    obj.save(update_fields=list(fields))


def delete_posts(posts):
    """Delete posts (a queryset): those readers have seen answer 410 Gone at every address
    they had, and their photos go once the delete commits."""
    return posts.delete()


def apply(act, posts, **options):
    """Do act (publish, unpublish, flag_breaking…) to each of posts (a queryset), their rows
    locked until all are done. Returns (done, refused): how many posts act changed, and
    “headline: reason” for each one a ValidationError stopped."""
    done, refused = 0, []
    with transaction.atomic():
        for post in Post.objects.select_for_update().filter(pk__in=posts.values("pk")):
            try:
                done += bool(act(post, **options))
            except ValidationError as error:
                refused.append(f"{post}: {' '.join(error.messages)}")
    return done, refused


# Who may act.


def can_publish(user):
    """Editors publish, schedule and flag breaking news; authors write and submit for review."""
    return user.has_perm("blog.publish_post")


def may_edit(user, post):
    """Editors change and delete any post; authors their own, until an editor publishes it."""
    return can_publish(user) or (
        post.status in AUTHOR_STATUSES and Post.objects.bylined_to(user).filter(pk=post.pk).exists()
    )


def check_may_save(user, post):
    """Refuse (PermissionDenied) an author's save that would publish the post or change when,
    or how loudly, it reaches readers: the form does not offer it, a hand-made request may."""
    if can_publish(user):
        return
    saved = Post.objects.get(pk=post.pk) if post.pk else Post()
    changed = [
        field for field in PUBLISHING_FIELDS if getattr(post, field) != getattr(saved, field)
    ]
    if post.status not in AUTHOR_STATUSES or changed:
        raise PermissionDenied("Only editors publish, schedule or flag breaking news.")


class Restore:
    """A post restored from its history. django-reversion writes the revision's row raw, unseen
    by Post.save(), before the form shows it; this keeps what the post was until then, so the
    form checks edit conflicts against today's version and the save lets go of today's address
    and photo (saved()). A revision's photo deleted from storage since (with the post, or when
    it was replaced) cannot come back: the post comes back without it."""

    def __init__(self, pk=None):
        saved = Post.objects.filter(pk=pk).values_list("version", flat=True) if pk else []
        self.version = next(iter(saved), None)
        self.before = Post(pk=pk).saved_copy() if pk else None

    def prepare(self, post):
        """Ready the restored post for its save; returns what drop_gone_image() says."""
        if self.version is not None:
            post.version = self.version
        if self.before is not None and any(
            self.before[field] != getattr(post, field) for field in READER_TEXT_FIELDS
        ):
            # Readers' text changed (back): the restored row's own time is not when.
            post.text_changed_at = timezone.now()
        return self.drop_gone_image(post)

    @staticmethod
    def drop_gone_image(post):
        """Clear the post's lead image (not saved) if storage no longer has it, and say so;
        None when it is there, or when storage does not answer."""
        image = post.lead_image
        try:
            if not image or default_storage.exists(image.name):
                return None
        except STORAGE_ERRORS:
            return None
        post.lead_image = ""
        return (
            f"The lead image of this revision ({image.name}) was deleted from storage with "
            "the post or when it was replaced, so the post is restored without it. Upload the "
            "photo again if you still have it."
        )

    def saved(self, post):
        if self.before is not None:
            post.let_go_of(self.before)


def _check_address(post):
    """Post.clean() and the one-slug-per-blog constraint."""
    post.clean()
    others = {field.name for field in Post._meta.fields} - {"blog", "slug"}
    post.validate_constraints(exclude=others)


def _save(post, check=None, **fields):
    """Set fields on the post and save only them (all of a new post). check(post) runs first;
    if it raises ValidationError, the post is left as it was and nothing is saved."""
    before = {field: getattr(post, field) for field in fields}
    for field, value in fields.items():
        setattr(post, field, value)
    if check:
        try:
            check(post)
        except ValidationError:
            for field, value in before.items():
                setattr(post, field, value)
            raise
    post.save(update_fields=list(fields) if post.pk else None)
    return True
