"""Live coverage of a developing story: a post marked live (Coverage) and its timestamped
updates (Update), shown on the post's page newest first."""

import posixpath
import secrets

import reversion
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Max, Q
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone

from blog.addresses import cached_reverse
from blog.markup import render_markdown
from blog.models import Author, Post, StoredImageField, let_go_of_images, saved_values

UPDATES_PER_PAGE = 20
LIVE_PHOTOS_FOLDER = "live-photos"


def live_photo_path(update, filename):
    """live-photos/<year>/<month>/<name>-<random>.<ext>: never an earlier picture's name, as
    renditions are served as immutable (see blog.models.lead_image_path)."""
    stem, extension = posixpath.splitext(posixpath.basename(filename))
    directory = f"{LIVE_PHOTOS_FOLDER}/{timezone.now():%Y/%m}"
    return f"{directory}/{stem[:80]}-{secrets.token_hex(4)}{extension.lower()}"


class CoverageQuerySet(models.QuerySet):
    def running(self):
        """Coverage that has not ended: its post shows the “Live” badge."""
        return self.filter(ended_at__isnull=True)


@reversion.register()
class Coverage(models.Model):
    post = models.OneToOneField(Post, on_delete=models.CASCADE, related_name="coverage")
    started_at = models.DateTimeField(
        default=timezone.now, help_text="When live coverage began; readers see it in the page."
    )
    ended_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Set when the story stops developing: the “Live” badges go and the page "
        "says “Coverage ended”. Leave empty while the desk is still covering it.",
    )

    objects = CoverageQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "coverage"
        ordering = ["-started_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_at__isnull=True) | Q(ended_at__gte=models.F("started_at")),
                name="coverage_ends_after_it_starts",
                violation_error_message="Coverage ends after it starts.",
            )
        ]

    def __str__(self):
        return f"Live: {self.post}"

    def get_absolute_url(self):
        return self.post.get_absolute_url()

    def clean(self):
        # An end in the future would need pages to expire then (blog.site_state); no write
        # would announce it.
        if self.ended_at and self.ended_at > timezone.now():
            raise ValidationError({"ended_at": "Coverage cannot end in the future."})

    @property
    def is_running(self):
        # Keep in step with CoverageQuerySet.running().
        return self.ended_at is None


class UpdateQuerySet(models.QuerySet):
    def newest_first(self):
        return self.order_by("-published_at", "-pk")

    def for_page(self):
        """What a reader's page shows of each update, with its authors, newest first."""
        return self.prefetch_related("authors").newest_first()

    def newer_than(self, update_id):
        """Updates added after the one with this id (the cursor of live.js's polls)."""
        return self.filter(pk__gt=update_id)

    def editions(self, cursor):
        """In one query: the newest update's id (0 without any), and edition() of these
        updates up to the one with id cursor (a poll's) and of all of them."""
        up_to = Q(pk__lte=cursor)
        found = self.aggregate(
            newest=Max("pk"),
            count=Count("pk"),
            last=Max("updated_at"),
            count_to=Count("pk", filter=up_to),
            last_to=Max("updated_at", filter=up_to),
        )
        return {
            "newest": found["newest"] or 0,
            "up_to_cursor": edition(found["count_to"], found["last_to"]),
            "all": edition(found["count"], found["last"]),
        }


def edition(count, last_change):
    """Which state of the updates a reader's page shows: it changes when one is corrected,
    pinned, marked or deleted (live.js then offers a reload; new ones come as they are)."""
    return f"{count}.{last_change.timestamp():.6f}" if last_change else "0"


@reversion.register()
class Update(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="live_updates")
    published_at = models.DateTimeField(
        "time",
        default=timezone.now,
        help_text="When readers see it happened; leave as it is for “now”. Never in the future.",
    )
    authors = models.ManyToManyField(Author, related_name="live_updates", blank=True)
    title = models.CharField(
        max_length=200, blank=True, help_text="Optional: a few words, shown in bold."
    )
    body = models.TextField(
        help_text="Markdown: blank line between paragraphs, **bold**, *italic*, "
        "[link](https://…). Scripts and styles are removed."
    )
    body_html = models.TextField(editable=False, default="")
    photo = StoredImageField(
        upload_to=live_photo_path,
        blank=True,
        width_field="photo_width",
        height_field="photo_height",
    )
    photo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_caption = models.CharField(max_length=300, blank=True)
    photo_credit = models.CharField(
        max_length=150, blank=True, help_text="Photographer and agency, e.g. “Jane Doe / Reuters”."
    )
    photo_alt = models.CharField(
        "photo alt text",
        max_length=300,
        blank=True,
        help_text="What the photo shows, for readers who cannot see it.",
    )
    is_key_event = models.BooleanField(
        "key event", default=False, help_text="Listed in “Key events” at the top of the page."
    )
    is_pinned = models.BooleanField(
        "pinned",
        default=False,
        help_text="Shown first, above the newest updates. Pinning one unpins the other.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = UpdateQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["post"],
                condition=Q(is_pinned=True),
                name="live_update_one_pinned_per_post",
                violation_error_message="Another update of this post is pinned already.",
            ),
            models.CheckConstraint(
                condition=Q(photo="") | ~Q(photo_alt=""),
                name="live_update_photo_has_alt_text",
                violation_error_message="Describe the photo in its alt text.",
            ),
        ]
        indexes = [
            models.Index(fields=["post", "-published_at", "-id"], name="live_update_post_time_idx")
        ]

    def __str__(self):
        return self.title or self.body[:60]

    def save(self, *args, **kwargs):
        """Besides the row: a photo replaced or cleared is deleted once the save commits."""
        self.body_html = render_markdown(self.body)
        if kwargs.get("update_fields") is not None and "body" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "body_html"}
        before = saved_values(self, ["photo"], {"photo"}, kwargs.get("update_fields"))
        super().save(*args, **kwargs)
        if before and before["photo"] != self.photo.name:
            let_go_of_images([before["photo"]])

    def get_absolute_url(self):
        """The update's permalink: it redirects to the page of the post that shows it."""
        return cached_reverse("live:update", self.pk)

    def clean(self):
        errors = {}
        if self.published_at and self.published_at > timezone.now():
            errors["published_at"] = "An update cannot be from the future."
        if self.photo:
            if not self.photo_alt.strip():
                errors["photo_alt"] = "Describe the photo for readers who cannot see it."
            if not self.photo_caption.strip():
                errors["photo_caption"] = "Add a caption to the photo."
            if not self.photo_credit.strip():
                errors["photo_credit"] = "Credit the photographer."
        if errors:
            raise ValidationError(errors)

    @property
    def anchor(self):
        return f"update-{self.pk}"

    @property
    def byline_authors(self):
        """The update's authors by name: those it was made with (live.pages), or else its
        authors, prefetched by for_page() when it was used."""
        if "loaded_authors" in self.__dict__:
            return self.loaded_authors
        return list(self.authors.all())


@receiver(post_delete, sender=Update)
def update_deleted(sender, instance, **kwargs):
    """An update's photo goes once its delete commits, however it is deleted: one, a queryset,
    or with its post (a cascade sends this signal for each update)."""
    let_go_of_images([instance.photo.name])
