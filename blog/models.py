from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Prefetch, Q
from django.db.models.functions import TruncMonth
from django.urls import reverse
from django.utils import timezone
from django.utils.text import get_text_list
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from .markup import render_markdown

# Post slugs that would hide a page of the blog at the same address.
RESERVED_POST_SLUGS = {"archive"}


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

    def get_absolute_url(self):
        return reverse("blog:blog_detail", kwargs={"slug": self.slug})


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

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("blog:author_detail", kwargs={"slug": self.slug})


class PostQuerySet(models.QuerySet):
    def published(self):
        """Posts a reader may see: published, with a publication time that has passed.

        The one place this rule lives; keep Post.is_published in step with it.
        """
        return self.filter(status=Post.Status.PUBLISHED, published_at__lte=timezone.now())

    def visible_to(self, user):
        """All posts for staff who may edit them (to preview drafts); published posts for others."""
        if user.is_active and user.is_staff and user.has_perm("blog.change_post"):
            return self.all()
        return self.published()

    def breaking(self):
        """Posts flagged as breaking news whose “breaking until” time has not passed."""
        now = timezone.now()
        return self.filter(is_breaking=True).filter(
            Q(breaking_until__isnull=True) | Q(breaking_until__gt=now)
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


class Post(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

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
    lead_image = models.ImageField(
        upload_to="lead-images/%Y/%m/",
        blank=True,
        width_field="lead_image_width",
        height_field="lead_image_height",
    )
    lead_image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    lead_image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
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
    tags = TaggableManager(through="TaggedPost", blank=True)
    authors = models.ManyToManyField(Author, through="Byline", related_name="posts")
    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT)
    published_at = models.DateTimeField(
        "publication time",
        null=True,
        blank=True,
        help_text="Leave empty to publish now. A future time schedules the post: "
        "it goes live at that moment.",
    )
    search_names = models.TextField(
        blank=True,
        default="",
        editable=False,
        help_text="Author and tag names, copied here so full-text search can index them.",
    )
    updated_at = models.DateTimeField("last updated", auto_now=True)
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

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["blog", "slug"],
                name="post_slug_unique_per_blog",
                violation_error_message="This blog already has a post with this slug.",
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(published_at__isnull=False),
                name="post_published_has_publication_time",
                violation_error_message="A published post needs a publication time.",
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
            models.Index(
                fields=["blog", "status", "-published_at"], name="post_blog_published_idx"
            ),
            models.Index(
                fields=["-published_at"],
                condition=Q(is_breaking=True),
                name="post_breaking_idx",
            ),
        ]

    def __str__(self):
        return self.headline

    def save(self, *args, **kwargs):
        self.set_publication_time()
        self.body_html = render_markdown(self.body)
        if "update_fields" in kwargs and "body" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "body_html"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("blog:post_detail", kwargs={"blog_slug": self.blog.slug, "slug": self.slug})

    def clean(self):
        self.set_publication_time()
        if self.slug in RESERVED_POST_SLUGS:
            raise ValidationError(
                {"slug": f"“{self.slug}” is the address of a blog page; choose another slug."}
            )
        if self.lead_image and not self.lead_image_is_decorative and not self.lead_image_alt:
            raise ValidationError(
                {
                    "lead_image_alt": "Describe the lead image for readers who cannot see it, "
                    "or tick “lead image is decorative”."
                }
            )

    def set_publication_time(self):
        """A post published without a publication time is published now."""
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()

    def update_search_names(self):
        """Copy the byline and tag names into search_names.

        Bylines and tags are saved after the post itself (the admin saves them with the form's
        related objects), so whoever saves them calls this afterwards. It writes one column and
        leaves updated_at alone.
        """
        names = [author.name for author in self.byline_authors]
        names += sorted(tag.name for tag in self.tags.all())
        self.search_names = " ".join(names)
        Post.objects.filter(pk=self.pk).update(search_names=self.search_names)

    @property
    def is_published(self):
        # Keep in step with PostQuerySet.published().
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def is_scheduled(self):
        return self.status == self.Status.PUBLISHED and not self.is_published

    @property
    def byline_authors(self):
        """Authors in byline order; uses the prefetch from for_listing() when there is one."""
        return [byline.author for byline in self.bylines.all()]

    @property
    def byline(self):
        """“Ann”, “Ann and Bob”, “Ann, Bob and Cy”."""
        return get_text_list([author.name for author in self.byline_authors], "and")

    @property
    def was_updated(self):
        """True when the post changed noticeably after it went out."""
        if not (self.published_at and self.updated_at):
            return False
        return (self.updated_at - self.published_at).total_seconds() > 60


class Byline(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="bylines")
    author = models.ForeignKey(Author, on_delete=models.PROTECT, related_name="bylines")
    position = models.PositiveSmallIntegerField(default=0)

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


class TaggedPost(TaggedItemBase):
    content_object = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="tagged_items")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="tagged_post_once")
        ]
