from django import forms
from django.contrib import admin, messages
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.html import format_html
from taggit.admin import TagAdmin as TaggitTagAdmin
from taggit.models import Tag

from .cache import bump
from .images import make_renditions, rendition_name
from .models import Author, Blog, Byline, Post
from .versions import bump_posts, changing_posts, object_pages, post_states


class RebuildsPagesMixin:
    """After a save or delete, the cached pages showing the object are rebuilt (blog/cache.py)."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        bump(*object_pages(obj, form.changed_data if change else None))

    def delete_model(self, request, obj):
        names = object_pages(obj)
        super().delete_model(request, obj)
        bump(*names)

    def delete_queryset(self, request, queryset):
        names = set().union(*(object_pages(obj) for obj in queryset))
        super().delete_queryset(request, queryset)
        bump(*names)


@admin.register(Blog)
class BlogAdmin(RebuildsPagesMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "tagline"]
    search_fields = ["name", "tagline"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Author)
class AuthorAdmin(RebuildsPagesMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "user"]
    list_select_related = ["user"]
    search_fields = ["name", "bio"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["user"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "name" in form.changed_data:
            Post.objects.filter(authors=obj).update_search_names()


class BylineInline(admin.TabularInline):
    model = Byline
    autocomplete_fields = ["author"]
    extra = 0
    min_num = 1
    verbose_name = "author"
    verbose_name_plural = "byline (in order)"


class TagFilter(admin.SimpleListFilter):
    """Filter by tag, listing the 50 most used so the sidebar stays short and fast."""

    title = "tag"
    parameter_name = "tag"

    def lookups(self, request, model_admin):
        from django.db.models import Count
        from taggit.models import Tag

        tags = Tag.objects.annotate(uses=Count("blog_taggedpost_items")).order_by("-uses", "name")
        return [(tag.slug, tag.name) for tag in tags[:50]]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(tags__slug=self.value())
        return queryset


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    list_display = [
        "headline",
        "thumbnail",
        "blog",
        "status",
        "is_live",
        "is_breaking",
        "published_at",
        "byline_names",
    ]
    list_display_links = ["headline"]
    list_filter = ["blog", "status", "is_breaking", "authors", TagFilter]
    list_select_related = ["blog"]
    search_fields = ["headline", "standfirst", "slug", "authors__name"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["blog"]
    inlines = [BylineInline]
    actions = ["publish_now", "unpublish", "flag_breaking", "clear_breaking"]
    readonly_fields = ["updated_at", "lead_image_preview"]
    formfield_overrides = {models.CharField: {"widget": forms.TextInput(attrs={"size": 80})}}
    fieldsets = [
        (None, {"fields": ["blog", "headline", "slug", "standfirst", "body", "tags"]}),
        (
            "Lead image",
            {
                "fields": [
                    "lead_image",
                    "lead_image_preview",
                    "lead_image_caption",
                    "lead_image_credit",
                    "lead_image_alt",
                    "lead_image_is_decorative",
                ]
            },
        ),
        (
            "Publishing",
            {"fields": ["status", "published_at", "updated_at", "is_breaking", "breaking_until"]},
        ),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related(Prefetch("bylines", queryset=Byline.objects.select_related("author")))
        )

    @admin.display(description="live", boolean=True)
    def is_live(self, post):
        return post.is_published

    @admin.display(description="byline")
    def byline_names(self, post):
        return post.byline

    @admin.display(description="image")
    def thumbnail(self, post):
        if not post.lead_image:
            return ""
        url = self._rendition_url(post, 400)
        return format_html('<img src="{}" alt="" width="80" loading="lazy">', url)

    @admin.display(description="current image")
    def lead_image_preview(self, post):
        if not post.lead_image:
            return "No lead image."
        return format_html('<img src="{}" alt="" width="320">', self._rendition_url(post, 400))

    @staticmethod
    def _rendition_url(post, width):
        from django.core.files.storage import default_storage

        width = min(width, post.lead_image_width or width)
        return default_storage.url(rendition_name(post.lead_image.name, width, "jpg"))

    def save_model(self, request, obj, form, change):
        # Where the post appeared before, so save_related can rebuild those pages too.
        form.post_states_before = post_states([obj.pk]) if change else {}
        super().save_model(request, obj, form, change)
        if "lead_image" in form.changed_data and obj.lead_image:
            make_renditions(obj.lead_image)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        form.instance.update_search_names()
        bump_posts(form.post_states_before, [form.instance.pk])

    def delete_model(self, request, obj):
        with changing_posts([obj.pk]):
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        with changing_posts(queryset.values_list("pk", flat=True)):
            super().delete_queryset(request, queryset)

    @admin.action(description="Publish now", permissions=["change"])
    def publish_now(self, request, queryset):
        not_live = queryset.exclude(pk__in=Post.objects.published().values("pk"))
        with changing_posts(not_live.values_list("pk", flat=True)):
            count = not_live.update(status=Post.Status.PUBLISHED, published_at=timezone.now())
        self.message_user(request, f"Published {count} post(s).", messages.SUCCESS)

    @admin.action(description="Unpublish (back to draft)", permissions=["change"])
    def unpublish(self, request, queryset):
        with changing_posts(queryset.values_list("pk", flat=True)):
            count = queryset.update(status=Post.Status.DRAFT)
        self.message_user(request, f"Unpublished {count} post(s).", messages.SUCCESS)

    @admin.action(description="Flag as breaking news", permissions=["change"])
    def flag_breaking(self, request, queryset):
        with changing_posts(queryset.values_list("pk", flat=True)):
            count = queryset.update(is_breaking=True)
        self.message_user(request, f"Flagged {count} post(s) as breaking news.", messages.SUCCESS)

    @admin.action(description="Clear breaking news flag", permissions=["change"])
    def clear_breaking(self, request, queryset):
        with changing_posts(queryset.values_list("pk", flat=True)):
            count = queryset.update(is_breaking=False, breaking_until=None)
        self.message_user(request, f"Cleared breaking news on {count} post(s).", messages.SUCCESS)


admin.site.unregister(Tag)


@admin.register(Tag)
class TagAdmin(RebuildsPagesMixin, TaggitTagAdmin):
    """Taggit's tag admin; renaming or deleting a tag rebuilds the pages that show it."""
