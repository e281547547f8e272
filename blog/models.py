import posixpath
import re
import secrets
from datetime import timedelta

import reversion
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models, transaction
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q
from django.db.models.functions import TruncMonth
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.text import get_text_list
from taggit.managers import TaggableManager
from taggit.models import Tag, TaggedItemBase

from . import publication
from .body_photos import photo_code, render_body

# What readers read of a post: a save that changes one moves its “Updated” time
# (Post.text_changed_at), as does a correction added.
READER_TEXT_FIELDS = ["headline", "standfirst", "body", "lead_image"]
# Post slugs that would hide a page of the blog at the same address.
RESERVED_POST_SLUGS = {"archive"}
# A sign-off line as writers type it: “— Ann Smith”, “-- Ann Smith and Bob Jones”.
SIGN_OFF = re.compile(r"(?:\u2014|\u2013|-{2,3})\s*(?P<names>.+)")
SIGN_OFF_NAME_SEPARATORS = re.compile(r"\s*(?:,|&|\band\b)\s*")


LEAD_IMAGES_FOLDER = "lead-images"
PHOTOS_FOLDER = "photos"


def lead_image_path(post, filename):
    """lead-images/<year>/<month>/<name>-<random>.<ext>: never the name of an earlier picture,
    not even one deleted since. Renditions are served as immutable, so browsers and CDNs would
    go on showing the old picture at a reused address."""
    stem, extension = posixpath.splitext(posixpath.basename(filename))
    directory = f"{LEAD_IMAGES_FOLDER}/{timezone.now():%Y/%m}"
    return f"{directory}/{stem[:80]}-{secrets.token_hex(4)}{extension.lower()}"


def photo_path(photo, filename):
    """photos/<year>/<month>/<name>-<random>.<ext>, never an earlier picture's name (see
    lead_image_path())."""
    stem, extension = posixpath.splitext(posixpath.basename(filename))
    directory = f"{PHOTOS_FOLDER}/{timezone.now():%Y/%m}"
    return f"{directory}/{stem[:80]}-{secrets.token_hex(4)}{extension.lower()}"


def saved_values(obj, fields, watched, update_fields=None):
    """{field: value} of obj's row as stored, for a save() that acts on what it replaces;
    None for a new row, or for a save of update_fields none of which is watched."""
    if obj.pk is None:
        return None
    if update_fields is not None and not set(watched) & set(update_fields):
        return None
    return type(obj)._default_manager.filter(pk=obj.pk).values(*fields).first()


def let_go_of_images(names):
    """Delete these stored photos and their renditions once the transaction commits, unless
    a row still uses them (blog.images.delete_images_on_commit; it imports this module)."""
    from .images import delete_images_on_commit

    delete_images_on_commit(names)


def keep_old_slug(obj, before):
    """A Blog, Author or Tag whose slug changed keeps its old addresses (OldSlug)."""
    if before and before["slug"] != obj.slug:
        OldSlug.remember(before["slug"], obj)


class StoredImageField(models.ImageField):
    """An ImageField that measures a file only when it is new (an upload, not yet stored); the
    size is saved with the row and a stored file is never opened to measure it again. Django
    measures a stored image when a row is loaded without a size, and again each time a form
    sets the field (model validation does): requests to the bucket on every page and every
    save, and an error page while the bucket is down or when the file is gone (a restored
    revision). Clearing the field still clears the size."""

    def update_dimension_fields(self, instance, force=False, *args, **kwargs):
        value = instance.__dict__.get(self.attname)
        if value and (isinstance(value, str) or getattr(value, "_committed", False)):
            return
        super().update_dimension_fields(instance, force, *args, **kwargs)


class Blog(models.Model):
    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100, unique=True)
    tagline = models.CharField(max_length=200, blank=True)
    about = models.TextField(
        blank=True, help_text="Shown to readers as “About This Blog” on every page of the blog."
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        before = saved_values(self, ["slug"], {"slug"}, kwargs.get("update_fields"))
        super().save(*args, **kwargs)
        keep_old_slug(self, before)

    def get_absolute_url(self):
        return reverse("blog:blog_detail", kwargs={"slug": self.slug})


class AuthorQuerySet(models.QuerySet):
    def delete(self):
        """Delete the authors and, once that commits, their photos."""
        photos = list(self.exclude(photo="").values_list("photo", flat=True))
        deleted = super().delete()
        let_go_of_images(photos)
        return deleted


class Author(models.Model):
    name = models.CharField(max_length=100, help_text="As it appears in bylines.")
    slug = models.SlugField(max_length=100, unique=True)
    bio = models.TextField(blank=True, help_text="A sentence or two, shown on the author page.")
    photo = models.ImageField(upload_to="authors/", blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="author_profile",
        help_text="Leave empty for writers without a login, such as agency or guest writers.",
    )

    objects = AuthorQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        """A new slug keeps the old addresses answering (OldSlug), a new name is copied into
        the search text of the author's posts, and a photo replaced is deleted once the save
        commits."""
        fields = ["name", "slug", "photo"]
        before = saved_values(self, fields, fields, kwargs.get("update_fields"))
        super().save(*args, **kwargs)
        if before is None:
            return
        keep_old_slug(self, before)
        if before["name"] != self.name:
            Post.objects.filter(authors=self).update_search_names()
        if before["photo"] != self.photo.name:
            let_go_of_images([before["photo"]])

    def get_absolute_url(self):
        return reverse("blog:author_detail", kwargs={"slug": self.slug})

    def delete(self, *args, **kwargs):
        deleted = super().delete(*args, **kwargs)
        let_go_of_images([self.photo.name])
        return deleted


def sees_only_published(user):
    """Whether PostQuerySet.visible_to(user) is published() without asking for permissions:
    a reader, i.e. anyone but active staff."""
    return not (user.is_active and user.is_staff)


class PostQuerySet(models.QuerySet):
    def published(self, now=None):
        """Posts a reader may see: live, i.e. published, with a publication time that has
        passed and an “unpublish at” time, if any, still to come (blog.publication)."""
        return self.in_state(publication.LIVE, now)

    def in_state(self, state, now=None):
        """Posts in one of blog.publication.STATES now (or at the moment `now`): draft,
        submitted, scheduled, live or taken down."""
        return self.filter(publication.state_q(state, now or timezone.now()))

    def delete(self):
        """Delete the posts. Those readers have seen answer 410 Gone at their address
        (PostRedirect; their older addresses already lead there), and their lead images are
        deleted once the transaction commits, unless another row uses them."""
        with transaction.atomic(using=self.db):
            self.remember_gone()
            images = list(self.exclude(lead_image="").values_list("lead_image", flat=True))
            deleted = super().delete()
        let_go_of_images(images)
        return deleted

    def remember_gone(self):
        """Keep the addresses of those of these posts that readers have seen answering 410
        Gone (PostRedirect), before the posts are deleted."""
        gone = self.filter(publication.gone_out_q(timezone.now()))
        for blog_slug, slug in gone.values_list("blog__slug", "slug"):
            PostRedirect.remember(blog_slug, slug, None)

    def bylined_to(self, user):
        """Posts with the user's author profile in the byline."""
        return self.filter(pk__in=Byline.objects.filter(author__user=user).values("post_id"))

    def visible_to(self, user):
        """Every post for editors; published posts and their own for authors (to preview
        them); published posts for everyone else."""
        if sees_only_published(user):
            return self.published()
        if user.has_perm("blog.publish_post"):
            return self.all()
        if user.has_perm("blog.change_post"):
            return self.published() | self.bylined_to(user)
        return self.published()

    def breaking(self):
        """Posts that are breaking news now: flagged, with a “breaking until” time that has
        not passed, and not overtaken by a newer live post flagged breaking. The banner shows
        the one live post among them. When the newest flagged post's time passes the banner
        is empty: an older post still flagged stays overtaken, and shows again only once the
        newer post's flag is cleared, so nothing shows that the desk did not mean.

        The one place this rule lives: the banner, the home page and the admin's post list
        all ask it."""
        now = timezone.now()
        newer_flagged = (
            Post.objects.published()
            .filter(is_breaking=True)
            .filter(
                Q(published_at__gt=OuterRef("published_at"))
                | Q(published_at=OuterRef("published_at"), pk__gt=OuterRef("pk"))
            )
        )
        return (
            self.filter(is_breaking=True)
            .filter(Q(breaking_until__isnull=True) | Q(breaking_until__gt=now))
            .exclude(Exists(newer_flagged))
        )

    def latest_first(self):
        return self.order_by("-published_at", "-pk")

    def for_listing(self):
        """What a post card shows: blog, bylines in order and tags, in a fixed number of queries."""
        return (
            self.select_related("blog")
            .prefetch_related(
                Prefetch("bylines", queryset=Byline.objects.select_related("author")),
                "tags",
            )
            .latest_first()
        )

    def month_counts(self):
        """[{"month": first day of the month, "count": posts}, …], newest month first.

        Months follow the site's time zone, as the dates on the pages do.
        """
        return (
            self.annotate(month=TruncMonth("published_at"))
            .values("month")
            .annotate(count=Count("pk"))
            .order_by("-month")
        )

    def update_search_names(self):
        """Refresh search_names of these posts, e.g. after an author is renamed."""
        posts = self.prefetch_related(
            Prefetch("bylines", queryset=Byline.objects.select_related("author")), "tags"
        )
        for post in posts:
            post.update_search_names()


@reversion.register(follow=["bylines", "tagged_items", "corrections"])
class Post(models.Model):
    class Status(models.TextChoices):
        DRAFT = publication.DRAFT, "Draft"
        SUBMITTED = publication.SUBMITTED, "Submitted for review"
        PUBLISHED = publication.PUBLISHED, "Published"

    blog = models.ForeignKey(Blog, on_delete=models.PROTECT, related_name="posts")
    headline = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=200, help_text="The last part of the post's address; unique within its blog."
    )
    standfirst = models.TextField(
        max_length=600,
        blank=True,
        help_text="One paragraph that sums the story up; shown under the headline and on cards.",
    )
    body = models.TextField(
        help_text="Markdown: blank line between paragraphs, > for a block quote, "
        "**bold**, *italic*, [link](https://…). Scripts and styles are removed."
    )
    body_html = models.TextField(editable=False, default="")
    lead_image = StoredImageField(
        upload_to=lead_image_path,
        blank=True,
        width_field="lead_image_width",
        height_field="lead_image_height",
    )
    lead_image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    lead_image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    lead_image_rendition_bytes = models.PositiveIntegerField(
        null=True,
        blank=True,
        editable=False,
        help_text="Size of the JPEG rendition feeds enclose, noted when the renditions are "
        "made, so a feed never waits on storage for it.",
    )
    lead_image_caption = models.CharField(max_length=300, blank=True)
    lead_image_credit = models.CharField(
        max_length=150, blank=True, help_text="Photographer and agency, e.g. “Jane Doe / Reuters”."
    )
    lead_image_alt = models.CharField(
        "lead image alt text",
        max_length=300,
        blank=True,
        help_text="What the photo shows, for readers who cannot see it. "
        "Required with a lead image unless the image is decorative.",
    )
    lead_image_is_decorative = models.BooleanField(
        "lead image is decorative",
        default=False,
        help_text="Tick only if the photo adds nothing a screen reader user would miss.",
    )
    lead_image_focus_x = models.PositiveSmallIntegerField(
        "focal point across (%)",
        default=50,
        validators=[MaxValueValidator(100)],
        help_text="Where the subject is, from the left edge (0) to the right edge (100). "
        "Cropped versions of the photo keep this point in the frame.",
    )
    lead_image_focus_y = models.PositiveSmallIntegerField(
        "focal point down (%)",
        default=50,
        validators=[MaxValueValidator(100)],
        help_text="Where the subject is, from the top (0) to the bottom (100).",
    )
    tags = TaggableManager(through="TaggedPost", blank=True)
    authors = models.ManyToManyField(Author, through="Byline", related_name="posts")
    status = models.CharField(
        max_length=10,
        choices=Status,
        default=Status.DRAFT,
        help_text="Authors submit a post for review; only editors publish it.",
    )
    published_at = models.DateTimeField(
        "publication time",
        null=True,
        blank=True,
        help_text="Leave empty to publish now. A future time schedules the post: "
        "it goes live at that moment and is embargoed everywhere until then.",
    )
    unpublish_at = models.DateTimeField(
        "unpublish at",
        null=True,
        blank=True,
        help_text="Optional. The post is taken down by itself at this time.",
    )
    search_names = models.TextField(
        blank=True,
        default="",
        editable=False,
        help_text="Author and tag names, copied here so full-text search can index them.",
    )
    updated_at = models.DateTimeField("last updated", auto_now=True)
    text_changed_at = models.DateTimeField(
        "text last changed",
        default=timezone.now,
        editable=False,
        help_text="When what readers read last changed: the headline, standfirst, body or "
        "lead image, or a correction added. The post's “Updated” time; other saves (the "
        "breaking flag, tags, times) leave it alone.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    is_breaking = models.BooleanField(
        "breaking news",
        default=False,
        help_text="Show this post in the Breaking News banner on every page while it is live.",
    )
    breaking_until = models.DateTimeField(
        null=True,
        blank=True,
        help_text="The banner disappears by itself at this time. Leave empty to keep it "
        "until the flag is cleared.",
    )
    version = models.PositiveIntegerField(
        default=0, editable=False, help_text="Goes up by one on every save (edit conflicts)."
    )

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        permissions = [("publish_post", "Can publish, schedule and flag breaking news")]
        constraints = [
            models.UniqueConstraint(
                fields=["blog", "slug"],
                name="post_slug_unique_per_blog",
                violation_error_message="This blog already has a post with this slug.",
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="post_published_has_publication_time",
                violation_error_message="A published post needs a publication time.",
            ),
            models.CheckConstraint(
                condition=Q(unpublish_at__isnull=True)
                | Q(published_at__isnull=True)
                | Q(unpublish_at__gt=F("published_at")),
                name="post_unpublished_after_publication",
                violation_error_message="“Unpublish at” must come after the publication time.",
            ),
            models.CheckConstraint(
                condition=Q(lead_image_focus_x__lte=100) & Q(lead_image_focus_y__lte=100),
                name="post_focal_point_in_image",
                violation_error_message="The focal point is a percentage from 0 to 100.",
            ),
            models.CheckConstraint(
                condition=Q(lead_image="")
                | ~Q(lead_image_alt="")
                | Q(lead_image_is_decorative=True),
                name="post_lead_image_has_alt_text",
                violation_error_message="Describe the lead image in its alt text, "
                "or mark it decorative.",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="post_status_published_idx"),
            # The public lists, newest first, site-wide and a blog's: each holds every column
            # the lists filter and sort on, so a page finds its rows from the index alone
            # (blog/pagination.py).
            models.Index(
                fields=["-published_at", "-id", "unpublish_at"],
                condition=Q(status="published"),
                name="post_published_list_idx",
            ),
            models.Index(
                fields=["blog", "-published_at", "-id", "unpublish_at"],
                condition=Q(status="published"),
                name="post_blog_published_list_idx",
            ),
            models.Index(
                fields=["-published_at"],
                condition=Q(is_breaking=True),
                name="post_breaking_idx",
            ),
            models.Index(
                fields=["unpublish_at"],
                condition=Q(unpublish_at__isnull=False),
                name="post_unpublish_at_idx",
            ),
        ]

    def __str__(self):
        return self.headline

    def save(self, *args, **kwargs):
        """Besides the row: a post readers have seen keeps its old address answering when its
        slug or blog changes (PostRedirect), and a lead image replaced or cleared is deleted
        once the save commits (let_go_of())."""
        self.set_publication_time()
        self.body_html = self.rendered_body()
        self.version += 1
        if kwargs.get("update_fields") is None and not (self._state.adding or self.pk is None):
            # search_names follows the stored bylines and tags (update_search_names()), which
            # may have changed since this copy was loaded: a save never writes it back.
            deferred = {*self.get_deferred_fields(), "search_names"}
            kwargs["update_fields"] = {
                field.attname
                for field in self._meta.concrete_fields
                if not field.primary_key and field.attname not in deferred
            }
        if kwargs.get("update_fields") is not None:
            derived = {"version", "body_html"} if "body" in kwargs["update_fields"] else {"version"}
            kwargs["update_fields"] = {*kwargs["update_fields"], *derived}
        before = self.saved_copy(kwargs.get("update_fields"))
        saving = kwargs.get("update_fields") or READER_TEXT_FIELDS
        if before is not None and any(
            before[field] != getattr(self, field) for field in READER_TEXT_FIELDS if field in saving
        ):
            self.text_changed_at = timezone.now()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "text_changed_at"}
        super().save(*args, **kwargs)
        if before is not None:
            self.let_go_of(before)

    def get_absolute_url(self):
        return reverse("blog:post_detail", kwargs={"blog_slug": self.blog.slug, "slug": self.slug})

    def delete(self, *args, **kwargs):
        """As PostQuerySet.delete(): 410 Gone at the address readers knew, and the lead image
        deleted once the delete commits."""
        with transaction.atomic():
            Post.objects.filter(pk=self.pk).remember_gone()
            deleted = super().delete(*args, **kwargs)
        let_go_of_images([self.lead_image.name])
        return deleted

    def clean(self):
        self.set_publication_time()
        errors = {}
        if self.slug in RESERVED_POST_SLUGS:
            errors["slug"] = f"“{self.slug}” is the address of a blog page; choose another slug."
        if self.lead_image and not self.lead_image_is_decorative and not self.lead_image_alt:
            errors["lead_image_alt"] = (
                "Describe the lead image for readers who cannot see it, "
                "or tick “lead image is decorative”."
            )
        if self.lead_image and self.status == self.Status.PUBLISHED:
            if not self.lead_image_caption.strip():
                errors["lead_image_caption"] = "Add a caption before publishing the lead image."
            if not self.lead_image_credit.strip():
                errors["lead_image_credit"] = "Credit the photographer before publishing."
        if self.unpublish_at and self.published_at and self.unpublish_at <= self.published_at:
            errors["unpublish_at"] = "“Unpublish at” must come after the publication time."
        if errors:
            raise ValidationError(errors)

    def saved_copy(self, update_fields=None):
        """What the stored row holds that a save may leave behind (address, publication times,
        lead image, the text readers read), for let_go_of() and text_changed_at; None for a
        new post or a save of fields that cannot change the address, the image or the text."""
        fields = ["slug", "blog_id", "blog__slug", "status", "published_at", "unpublish_at"]
        watched = {"slug", "blog", "blog_id", *READER_TEXT_FIELDS}
        return saved_values(self, [*fields, *READER_TEXT_FIELDS], watched, update_fields)

    def let_go_of(self, before):
        """After a save over before (saved_copy()): a post readers had seen redirects from the
        address it had (PostRedirect), and a lead image replaced or cleared is deleted once
        the transaction commits, unless another row uses it."""
        was_seen = publication.state_of(
            before["status"], before["published_at"], before["unpublish_at"], timezone.now()
        ) in {publication.LIVE, publication.TAKEN_DOWN}
        moved = before["slug"] != self.slug or before["blog_id"] != self.blog_id
        if was_seen and moved:
            PostRedirect.remember(before["blog__slug"], before["slug"], self)
        if before["lead_image"] != self.lead_image.name:
            let_go_of_images([before["lead_image"]])

    def set_publication_time(self):
        """A post published without a publication time is published now."""
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()

    def refresh_search_names(self):
        """update_search_names() from the bylines and tags stored now, not from those fetched
        with the post earlier (Byline and TaggedPost call this when they change)."""
        cache = getattr(self, "_prefetched_objects_cache", {})
        cache.pop("bylines", None)
        cache.pop("tags", None)
        self.update_search_names()

    def update_search_names(self):
        """Copy the byline and tag names into search_names.

        A Byline or TaggedPost saved or deleted calls this (refresh_search_names()), and so
        does an Author or Tag renamed. It writes one column and leaves updated_at alone.
        """
        names = [author.name for author in self.byline_authors]
        names += sorted(tag.name for tag in self.tags.all())
        self.search_names = " ".join(names)
        Post.objects.filter(pk=self.pk).update(search_names=self.search_names)

    @property
    def state(self):
        """One of blog.publication.STATES now, as PostQuerySet.in_state() has it."""
        return publication.state_of(
            self.status, self.published_at, self.unpublish_at, timezone.now()
        )

    @property
    def is_published(self):
        """Whether readers see the post now, as PostQuerySet.published() has it."""
        return self.state == publication.LIVE

    @property
    def is_scheduled(self):
        return self.state == publication.SCHEDULED

    @property
    def is_taken_down(self):
        """Published, but its “unpublish at” time has passed."""
        return self.state == publication.TAKEN_DOWN

    @property
    def has_gone_out(self):
        """Whether readers have seen the post: live, or taken down since."""
        return self.state in {publication.LIVE, publication.TAKEN_DOWN}

    @property
    def publication_state(self):
        """Where the post stands for readers: draft, submitted, scheduled, live or taken down."""
        labels = {
            publication.SCHEDULED: "Scheduled",
            publication.TAKEN_DOWN: "Taken down",
            publication.LIVE: "Live",
        }
        return labels.get(self.state) or self.get_status_display()

    @property
    def byline_authors(self):
        """Authors in byline order: those the post was made or loaded with (blog.cards,
        blog.post_page), or else the prefetch from for_listing() when there is one."""
        if "loaded_authors" in self.__dict__:
            return self.loaded_authors
        return [byline.author for byline in self.bylines.all()]

    @property
    def tag_list(self):
        """The post's tags: those loaded with it (blog.post_page), or else its tags."""
        if "loaded_tags" in self.__dict__:
            return self.loaded_tags
        return list(self.tags.all())

    @property
    def correction_list(self):
        """Corrections, newest first: those loaded with the post (blog.post_page), or else
        its corrections."""
        if "loaded_corrections" in self.__dict__:
            return self.loaded_corrections
        return list(self.corrections.all())

    @property
    def byline(self):
        """“Ann”, “Ann and Bob”, “Ann, Bob and Cy”."""
        return get_text_list([author.name for author in self.byline_authors], "and")

    @property
    def lead_image_focus(self):
        """The focal point as (across, down) percentages; crops and their names follow it."""
        return (self.lead_image_focus_x, self.lead_image_focus_y)

    def rendered_body(self):
        """The body as readers see it: Markdown, sanitized, with its embeds and the photos
        whose codes stand on lines of their own (blog.body_photos)."""
        return render_body(self.body)

    @property
    def body_ends_with_sign_off(self):
        """True when the body's last line is a sign-off typed by the writer: a line starting
        with a dash (“— Callum Reid, Kestrel Bay”, “-- Ann Smith”), whatever the name, so the
        page does not add the byline's after it. A dashed line under a block quote is the
        quote's source (“— Winston Churchill”), not a sign-off, unless it names the byline."""
        lines = [line.strip() for line in self.body.strip().splitlines() if line.strip()]
        match = SIGN_OFF.fullmatch(lines[-1]) if lines else None
        if not match or not any(character.isalpha() for character in match["names"]):
            return False
        names = SIGN_OFF_NAME_SEPARATORS.split(match["names"].rstrip(". "))
        if {name.casefold() for name in names} <= {
            author.name.casefold() for author in self.byline_authors
        }:
            return True
        return not (len(lines) > 1 and lines[-2].startswith(">"))

    @property
    def modified_at(self):
        """When readers' text last changed, or the publication time if later: the post's
        dateModified for feeds and structured data."""
        if not self.published_at:
            return self.text_changed_at
        return max(self.published_at, self.text_changed_at)

    @property
    def was_updated(self):
        """True when readers' text changed noticeably after the post went out."""
        if not (self.published_at and self.text_changed_at):
            return False
        return (self.text_changed_at - self.published_at).total_seconds() > 60


class SearchedNamesQuerySet(models.QuerySet):
    """Bylines or tags of posts (the model's post_field): deleting them, as post.tags.remove()
    and clear() do, refreshes the search text of their posts."""

    def delete(self):
        posts = set(self.values_list(self.model.post_field, flat=True))
        deleted = super().delete()
        Post.objects.filter(pk__in=posts).update_search_names()
        return deleted


@reversion.register()
class Byline(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="bylines")
    author = models.ForeignKey(Author, on_delete=models.PROTECT, related_name="bylines")
    position = models.PositiveSmallIntegerField(default=0)

    objects = SearchedNamesQuerySet.as_manager()
    post_field = "post"

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["post", "author"],
                name="byline_author_once_per_post",
                violation_error_message="This author is already in the byline.",
            )
        ]

    def __str__(self):
        return f"{self.author} on {self.post}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.post.refresh_search_names()

    def delete(self, *args, **kwargs):
        deleted = super().delete(*args, **kwargs)
        self.post.refresh_search_names()
        return deleted


@reversion.register()
class TaggedPost(TaggedItemBase):
    content_object = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="tagged_items")

    objects = SearchedNamesQuerySet.as_manager()
    post_field = "content_object"

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="tagged_post_once")
        ]

    def save(self, *args, **kwargs):
        # post.tags.add() comes here, with the post it was called on.
        super().save(*args, **kwargs)
        self.content_object.refresh_search_names()

    def delete(self, *args, **kwargs):
        deleted = super().delete(*args, **kwargs)
        self.content_object.refresh_search_names()
        return deleted


# Tag is taggit's model, so signals are the only hooks it has: a renamed tag keeps its old
# addresses and its posts' search text follows its name, as for an Author.
@receiver(pre_save, sender=Tag, dispatch_uid="blog.tag_before_save")
def tag_before_save(sender, instance, raw=False, update_fields=None, **kwargs):
    fields = ["name", "slug"]
    instance.saved_before = None if raw else saved_values(instance, fields, fields, update_fields)


@receiver(post_save, sender=Tag, dispatch_uid="blog.tag_saved")
def tag_saved(sender, instance, **kwargs):
    before = getattr(instance, "saved_before", None)
    keep_old_slug(instance, before)
    if before and before["name"] != instance.name:
        Post.objects.filter(tags=instance).update_search_names()


@receiver(pre_delete, sender=Tag, dispatch_uid="blog.tag_before_delete")
def tag_before_delete(sender, instance, **kwargs):
    instance.tagged_posts = list(Post.objects.filter(tags=instance).values_list("pk", flat=True))


@receiver(post_delete, sender=Tag, dispatch_uid="blog.tag_deleted")
def tag_deleted(sender, instance, **kwargs):
    Post.objects.filter(pk__in=getattr(instance, "tagged_posts", [])).update_search_names()


@reversion.register()
class Correction(models.Model):
    class Kind(models.TextChoices):
        CORRECTION = "correction", "Correction"
        UPDATE = "update", "Update"

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="corrections")
    kind = models.CharField(max_length=10, choices=Kind, default=Kind.CORRECTION)
    text = models.TextField(
        help_text="Shown to readers at the end of the post, newest first, e.g. "
        "“An earlier version of this story gave the wrong date for the vote.”"
    )
    created_at = models.DateTimeField("time", default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()} to “{self.post}”"

    def save(self, *args, **kwargs):
        """A correction or update added moves the post's “Updated” time (text_changed_at)."""
        adding = self._state.adding
        super().save(*args, **kwargs)
        if adding:
            Post.objects.filter(pk=self.post_id).update(text_changed_at=timezone.now())


class PhotoQuerySet(models.QuerySet):
    def delete(self):
        """Delete the photos (as Photo.delete() does one): the bodies that showed them are
        rendered again without them, and their files go once the delete commits."""
        photos = list(self.values_list("pk", "image"))
        deleted = super().delete()
        let_go_of_images([image for _, image in photos])
        for pk, _ in photos:
            render_bodies_holding(photo_code(pk))
        return deleted


class Photo(models.Model):
    """A photo for post bodies, from the library (Admin › Photos): a post shows it where its
    code (blog.body_photos.photo_code(), “[photo 12]”) stands on a line of its own. Checked,
    cleaned and given renditions as lead images are (blog.forms.PhotoForm)."""

    image = StoredImageField(upload_to=photo_path, width_field="width", height_field="height")
    width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    caption = models.CharField(max_length=300)
    credit = models.CharField(
        max_length=150, help_text="Photographer and agency, e.g. “Jane Doe / Reuters”."
    )
    alt = models.CharField(
        "alt text",
        max_length=300,
        help_text="What the photo shows, for readers who cannot see it.",
    )
    created_at = models.DateTimeField("uploaded", auto_now_add=True)

    objects = PhotoQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(alt=""),
                name="photo_has_alt_text",
                violation_error_message="Describe the photo in its alt text.",
            )
        ]

    def __str__(self):
        return f"{self.code}: {self.caption}"

    def save(self, *args, **kwargs):
        """Besides the row: the bodies that show the photo are rendered again, so pages show
        its new caption, credit or picture; a picture replaced is deleted once the save
        commits."""
        before = saved_values(self, ["image"], {"image"}, kwargs.get("update_fields"))
        super().save(*args, **kwargs)
        if before and before["image"] != self.image.name:
            let_go_of_images([before["image"]])
        render_bodies_holding(self.code)

    def delete(self, *args, **kwargs):
        """Delete the photo and, once that commits, its files; the bodies that showed it are
        rendered again without it (their code shows nothing)."""
        name, code = self.image.name, self.code
        deleted = super().delete(*args, **kwargs)
        let_go_of_images([name])
        render_bodies_holding(code)
        return deleted

    @property
    def code(self):
        return photo_code(self.pk)


def render_bodies_holding(code):
    """Render again the bodies of the posts that hold a photo's code (the write bumps the
    page cache like any other)."""
    for post in Post.objects.filter(body__contains=code).only("pk", "body"):
        Post.objects.filter(pk=post.pk).update(body_html=post.rendered_body())


class PostRedirect(models.Model):
    """An old address of a published post. It redirects to the post, or, once the post is
    deleted (post is empty), answers 410 Gone."""

    blog_slug = models.SlugField(max_length=100)
    slug = models.SlugField(max_length=200)
    post = models.ForeignKey(
        Post, on_delete=models.SET_NULL, null=True, blank=True, related_name="redirects"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["blog_slug", "slug"], name="post_redirect_once")
        ]

    def __str__(self):
        return f"/blogs/{self.blog_slug}/{self.slug}/"

    @classmethod
    def remember(cls, blog_slug, slug, post):
        """Keep an address answering: a redirect to post, or 410 Gone when post is None."""
        cls.objects.update_or_create(blog_slug=blog_slug, slug=slug, defaults={"post": post})


class OldSlug(models.Model):
    """A slug a blog, author or tag had before it was changed. Its old addresses redirect to
    the object's current ones, unless another object of its kind has taken the slug since."""

    class Kind(models.TextChoices):
        BLOG = "blog", "Blog"
        AUTHOR = "author", "Author"
        TAG = "tag", "Tag"

    kind = models.CharField(max_length=10, choices=Kind)
    slug = models.SlugField(max_length=100)
    # The object, not its new slug, so a slug changed again still leads to it.
    object_id = models.PositiveBigIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "slug"], name="old_slug_once")]

    def __str__(self):
        return f"{self.get_kind_display()} “{self.slug}”"

    @classmethod
    def remember(cls, slug, obj):
        """Keep slug, which obj (a Blog, Author or Tag) had until now, leading to obj."""
        kind = cls.Kind(obj._meta.model_name)
        cls.objects.update_or_create(kind=kind, slug=slug, defaults={"object_id": obj.pk})

    @classmethod
    def moved(cls, model, slug):
        """The Blog, Author or Tag (model) that had this slug before, or None: when none had
        it, when it is deleted, or when another one has the slug now (the live one wins)."""
        kind = cls.Kind(model._meta.model_name)
        ids = cls.objects.filter(kind=kind, slug=slug).values("object_id")
        return (
            model.objects.filter(pk__in=ids)
            .exclude(Exists(model.objects.filter(slug=slug)))
            .first()
        )


def new_preview_token():
    return secrets.token_urlsafe(32)


def preview_link_expiry():
    return timezone.now() + timedelta(hours=settings.NEWSROOM_PREVIEW_LINK_HOURS)


class PreviewLinkQuerySet(models.QuerySet):
    def active(self):
        """Links that still open their post: not revoked and not expired."""
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


class PreviewLink(models.Model):
    """A secret address that shows a post, as readers will see it, to anyone who has it."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="preview_links")
    token = models.CharField(max_length=64, unique=True, default=new_preview_token, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(default=preview_link_expiry)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = PreviewLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"Preview of “{self.post}”"

    def get_absolute_url(self):
        return reverse("blog:post_preview", kwargs={"token": self.token})

    @property
    def is_active(self):
        # Keep in step with PreviewLinkQuerySet.active().
        return self.revoked_at is None and self.expires_at > timezone.now()
