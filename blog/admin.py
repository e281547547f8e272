from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AdminSplitDateTime
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.db import models, transaction
from django.db.models import Count, Prefetch
from django.http import FileResponse, Http404, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import formats, timezone
from django.utils.html import format_html
from reversion import set_comment
from reversion.admin import VersionAdmin
from taggit.admin import TagAdmin as TaggitTagAdmin
from taggit.models import Tag

from .forms import AuthorAdminForm, PostAdminForm, SafeImageField
from .history import differences, version_snapshot, versions_of
from .images import delete_images_on_commit, kept_upload, rendition_name
from .markup import render_markdown
from .models import (
    Author,
    Blog,
    Byline,
    Correction,
    OldSlug,
    Post,
    PostRedirect,
    PreviewLink,
)
from .storage import STORAGE_ERRORS

# Fields only editors may set: they decide when, and how loudly, a post reaches readers.
PUBLISHING_FIELDS = ["published_at", "unpublish_at", "is_breaking", "breaking_until"]
AUTHOR_STATUSES = [Post.Status.DRAFT, Post.Status.SUBMITTED]
SAFE_IMAGES = {models.ImageField: {"form_class": SafeImageField}}


def can_publish(user):
    return user.has_perm("blog.publish_post")


def label_date_and_time(db_field, formfield):
    """Name the date and time boxes of a date-time field for screen readers: the admin's
    own “Date:” and “Time:” are not labels."""
    if formfield and isinstance(formfield.widget, AdminSplitDateTime):
        date, time = formfield.widget.widgets
        date.attrs["aria-label"] = f"{db_field.verbose_name}, date"
        time.attrs["aria-label"] = f"{db_field.verbose_name}, time"
    return formfield


class DeletesUnusedImagesMixin:
    """Stored images a save or a delete lets go of (the row's old photo, a deleted row's
    photo) are deleted with their renditions once the transaction commits, unless another
    row refers to them (blog.images.delete_images). Uploads stored for a save that an
    inline's error stopped are deleted when the form goes back."""

    image_field = None

    def save_model(self, request, obj, form, change):
        # A restore has written the old row already (PostAdmin.revision_view).
        before = getattr(request, "image_before_restore", None)
        if before is None and change:
            model = type(obj)
            before = model.objects.filter(pk=obj.pk).values_list(self.image_field, flat=True)[0]
        super().save_model(request, obj, form, change)
        if before and before != getattr(obj, self.image_field).name:
            delete_images_on_commit([before])

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        delete_images_on_commit([getattr(obj, self.image_field).name])

    def delete_queryset(self, request, queryset):
        names = list(queryset.values_list(self.image_field, flat=True))
        super().delete_queryset(request, queryset)
        delete_images_on_commit(names)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        form = context["adminform"].form
        if form.is_bound:
            form.discard_stored_uploads()
            formsets = [inline.formset for inline in context["inline_admin_formsets"]]
            outage = form.has_error(NON_FIELD_ERRORS, "storage_unavailable")
            if outage and all(formset.is_valid() for formset in formsets):
                # Nothing on the page needs correcting: say what happened where messages are
                # shown, without the admin's "Please correct the error below."
                self.message_user(request, form.non_field_errors()[0], messages.ERROR)
                context["errors"] = []
        return super().render_change_form(request, context, add, change, form_url, obj)


class KeepsOldSlugMixin:
    """A changed slug leaves the old addresses answering, with redirects (OldSlug)."""

    def save_model(self, request, obj, form, change):
        old_slug = None
        if change:
            old_slug = type(obj).objects.filter(pk=obj.pk).values_list("slug", flat=True).first()
        super().save_model(request, obj, form, change)
        if old_slug and old_slug != obj.slug:
            OldSlug.remember(old_slug, obj)


@admin.register(Blog)
class BlogAdmin(KeepsOldSlugMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "tagline"]
    search_fields = ["name", "tagline"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Author)
class AuthorAdmin(DeletesUnusedImagesMixin, KeepsOldSlugMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "user"]
    list_select_related = ["user"]
    search_fields = ["name", "bio"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["user"]
    form = AuthorAdminForm
    formfield_overrides = SAFE_IMAGES
    image_field = "photo"

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "name" in form.changed_data:
            Post.objects.filter(authors=obj).update_search_names()


class BylineFormSet(forms.BaseInlineFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        # Each field sits in a table row, whose column heading is no label.
        for name, label in [
            ("author", "Author"),
            ("position", "Position in the byline"),
            ("DELETE", "Remove from the byline"),
        ]:
            if name in form.fields:
                widget = form.fields[name].widget
                # The admin's related-object wrapper renders the widget it wraps.
                getattr(widget, "widget", widget).attrs["aria-label"] = label


class BylineInline(admin.TabularInline):
    """The byline, in order; post.js turns the position numbers into up and down buttons."""

    model = Byline
    formset = BylineFormSet
    autocomplete_fields = ["author"]
    extra = 0
    min_num = 1
    verbose_name = "author"
    verbose_name_plural = "byline (in order)"


class CorrectionInline(admin.StackedInline):
    """Correction and update notes. Deleting one needs blog.delete_correction (editors), and
    the post's history keeps every note ever saved."""

    model = Correction
    extra = 0
    fields = ["kind", "text", "created_at"]
    verbose_name = "correction or update"
    verbose_name_plural = "corrections and updates (shown to readers at the end, newest first)"

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        return label_date_and_time(
            db_field, super().formfield_for_dbfield(db_field, request, **kwargs)
        )


class TagFilter(admin.SimpleListFilter):
    """Filter by tag, listing the 50 most used on the posts the user sees, so the sidebar
    stays short and fast and an author is not offered tags none of their posts has."""

    title = "tag"
    parameter_name = "tag"

    def lookups(self, request, model_admin):
        tags = (
            Tag.objects.filter(
                blog_taggedpost_items__content_object__in=model_admin.get_queryset(request)
            )
            .annotate(uses=Count("blog_taggedpost_items"))
            .order_by("-uses", "name")
        )
        return [(tag.slug, tag.name) for tag in tags[:50]]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(tags__slug=self.value())
        return queryset


class PublicationFilter(admin.SimpleListFilter):
    """Where posts stand for readers; “submitted for review” is the editors' queue."""

    title = "publication"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("submitted", "Submitted for review"),
            ("draft", "Draft"),
            ("scheduled", "Scheduled"),
            ("live", "Live"),
            ("taken_down", "Taken down"),
        ]

    def queryset(self, request, queryset):
        now = timezone.now()
        published = queryset.filter(status=Post.Status.PUBLISHED)
        match self.value():
            case "submitted" | "draft":
                return queryset.filter(status=self.value())
            case "scheduled":
                return published.filter(published_at__gt=now)
            case "live":
                return queryset & Post.objects.published()
            case "taken_down":
                return published.filter(unpublish_at__lte=now)
        return queryset


@admin.register(Post)
class PostAdmin(DeletesUnusedImagesMixin, VersionAdmin):
    form = PostAdminForm
    image_field = "lead_image"
    formfield_overrides = {
        **SAFE_IMAGES,
        models.CharField: {"widget": forms.TextInput(attrs={"size": 80})},
    }
    # Few, narrow columns so headlines get the room (admin/blog/post.css).
    list_display = ["headline", "thumbnail", "state", "publication_time", "byline_names", "blog"]
    list_display_links = ["headline"]
    list_filter = [PublicationFilter, "blog", "is_breaking", "authors", TagFilter]
    # Authors see their own posts: no filter by writer, nor by the breaking flag editors set.
    author_list_filter = [PublicationFilter, "blog", TagFilter]
    list_select_related = ["blog"]
    search_fields = ["headline", "standfirst", "slug", "authors__name"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["blog"]
    # The byline comes right after the first fieldset (admin/blog/post/change_form.html).
    inlines = [BylineInline, CorrectionInline]
    actions = ["publish_now", "unpublish", "flag_breaking", "clear_breaking"]
    readonly_fields = ["updated_at", "lead_image_preview"]
    change_list_template = "admin/blog/post/change_list.html"
    object_history_template = "admin/blog/post/object_history.html"
    history_latest_first = True
    fieldsets = [
        (None, {"fields": ["blog", "headline", "slug", "standfirst"]}),
        (None, {"fields": ["body", "tags"]}),
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
                    ("lead_image_focus_x", "lead_image_focus_y"),
                ],
                "description": "JPEG, PNG, WebP or GIF, up to 20 MB and 40 megapixels. "
                "Location and camera data are removed on upload. Caption, credit and alt "
                "text (or “decorative”) are needed before the post is published.",
            },
        ),
        (
            "Publishing",
            {
                "fields": [
                    "status",
                    "published_at",
                    "unpublish_at",
                    "updated_at",
                    "is_breaking",
                    "breaking_until",
                    "opened_version",
                ]
            },
        ),
    ]

    class Media:
        css = {"all": ["admin/blog/post.css"]}
        js = ["admin/blog/post.js"]

    # Who sees and changes what.

    def get_queryset(self, request):
        posts = (
            super()
            .get_queryset(request)
            .prefetch_related(Prefetch("bylines", queryset=Byline.objects.select_related("author")))
        )
        if can_publish(request.user):
            return posts
        return posts.filter(pk__in=Post.objects.bylined_to(request.user).values("pk"))

    def is_own_editable(self, request, post):
        """Authors change their own posts until an editor publishes them."""
        return (
            post.status in AUTHOR_STATUSES
            and Post.objects.bylined_to(request.user).filter(pk=post.pk).exists()
        )

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or can_publish(request.user) or self.is_own_editable(request, obj)

    def has_delete_permission(self, request, obj=None):
        if not super().has_delete_permission(request, obj):
            return False
        return obj is None or can_publish(request.user) or self.is_own_editable(request, obj)

    def has_publish_permission(self, request):
        return can_publish(request.user)

    def get_fieldsets(self, request, obj=None):
        """The Publishing section says what each role does there (the admin shows a
        fieldset's description as HTML, hence format_html)."""
        if can_publish(request.user):
            description = format_html(
                "Times are in {}, the newsroom’s time zone.", timezone.get_current_timezone_name()
            )
        else:
            description = (
                "Set the status to “Submitted for review” when the post is ready; an editor "
                "then chooses when it is published and whether it is breaking news."
            )
        return [
            (title, {**options, "description": description} if title == "Publishing" else options)
            for title, options in super().get_fieldsets(request, obj)
        ]

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        if can_publish(request.user):
            return readonly
        return [*readonly, *PUBLISHING_FIELDS]

    def get_list_filter(self, request):
        return self.list_filter if can_publish(request.user) else self.author_list_filter

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        return label_date_and_time(
            db_field, super().formfield_for_dbfield(db_field, request, **kwargs)
        )

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "status" and not can_publish(request.user):
            kwargs["choices"] = [(status.value, status.label) for status in AUTHOR_STATUSES]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        profile = getattr(request.user, "author_profile", None)
        # A new post opens with the writer's own name in the byline (for authors save_related
        # adds it anyway), so the form does not ask for something the admin already knows.
        if isinstance(inline, BylineInline) and obj.pk is None and "data" not in kwargs and profile:
            kwargs["initial"] = [{"author": profile.pk, "position": 0}]
        return kwargs

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.current_version = getattr(request, "post_version_before_restore", None)
        return form

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        form = context["adminform"].form
        if form.is_bound:
            form.keep_lead_image()
        elif getattr(request, "restoring_post", False) and not self._is_stored(obj.lead_image):
            self.message_user(request, self._gone_image_message(obj), messages.WARNING)
            # Shown as it will be saved: no photo, rather than a link to a file that is gone.
            obj.lead_image = ""
            form.initial["lead_image"] = None
        # The buttons that set the status (admin/blog/post/submit_line.html) follow the saved
        # post, not the one in the form, which may hold a status it could not save. Published
        # posts, live or scheduled, have none: Save keeps their time.
        status = (
            Post.objects.filter(pk=obj.pk).values_list("status", flat=True).first()
            if change
            else Post.Status.DRAFT
        )
        editor = can_publish(request.user)
        context.update(
            {
                "show_save_draft": status != Post.Status.PUBLISHED,
                "show_publish_now": editor and status != Post.Status.PUBLISHED,
                "show_submit_for_review": not editor and status == Post.Status.DRAFT,
                # Few buttons: a new post starts from the list.
                "show_save_and_add_another": False,
            }
        )
        return super().render_change_form(request, context, add, change, form_url, obj)

    # List columns.

    @admin.display(description="state", ordering="status")
    def state(self, post):
        if post.is_breaking:
            return format_html(
                '{} <span class="breaking-flag">Breaking</span>', post.publication_state
            )
        return post.publication_state

    @admin.display(description="publication time", ordering="published_at")
    def publication_time(self, post):
        if not post.published_at:
            return None
        return formats.date_format(timezone.localtime(post.published_at), "j M Y, H:i")

    @admin.display(description="byline")
    def byline_names(self, post):
        return post.byline

    @admin.display(description="image")
    def thumbnail(self, post):
        if not post.lead_image:
            return ""
        url = self._rendition_url(post, 400)
        return format_html('<img src="{}" alt="" width="80" loading="lazy">', url)

    @admin.display(description="saved image")
    def lead_image_preview(self, post):
        saved = post
        if post.lead_image and not post.lead_image._committed:
            # A form sent back with a new photo in it: the saved one is in the database.
            saved = Post.objects.filter(pk=post.pk).only("lead_image", "lead_image_width").first()
        if not (saved and saved.lead_image):
            return "No lead image."
        # post.js sets the focal point where the editor clicks on it.
        return format_html(
            '<img src="{}" alt="" width="320" data-focus-picker>', self._rendition_url(saved, 800)
        )

    @staticmethod
    def _gone_image_message(post):
        return (
            f"The lead image of this revision ({post.lead_image.name}) was deleted from storage "
            "with the post or when it was replaced, so the post is restored without it. Upload "
            "the photo again if you still have it."
        )

    @staticmethod
    def _is_stored(image):
        """Whether the image is empty or in storage; when storage does not answer, it is
        taken to be there."""
        try:
            return not image or default_storage.exists(image.name)
        except STORAGE_ERRORS:
            return True

    @staticmethod
    def _rendition_url(post, width):
        width = min(width, post.lead_image_width or width)
        return default_storage.url(rendition_name(post.lead_image.name, width, "jpg"))

    # Saving and deleting.

    def save_model(self, request, obj, form, change):
        original = Post.objects.select_related("blog").get(pk=obj.pk) if change else Post()
        if not can_publish(request.user):
            # The form does not offer these to authors; refuse a hand-made request too.
            changed = [f for f in PUBLISHING_FIELDS if getattr(obj, f) != getattr(original, f)]
            if obj.status not in AUTHOR_STATUSES or changed:
                raise PermissionDenied("Only editors publish, schedule or flag breaking news.")
        restored_over = getattr(request, "post_version_before_restore", None)
        if restored_over is not None:
            obj.version = restored_over
        if getattr(request, "restoring_post", False) and not self._is_stored(obj.lead_image):
            self.message_user(request, self._gone_image_message(obj), messages.WARNING)
            obj.lead_image = ""
        super().save_model(request, obj, form, change)
        if change and original.status == Post.Status.PUBLISHED:
            old_address = (original.blog.slug, original.slug)
            if original.published_at <= timezone.now() and old_address != (
                obj.blog.slug,
                obj.slug,
            ):
                PostRedirect.remember(*old_address, obj)
        if obj.is_scheduled and {"status", "published_at"} & set(form.changed_data):
            when = formats.date_format(timezone.localtime(obj.published_at), "j M Y, H:i:s T")
            self.message_user(
                request,
                f"Scheduled: readers see this post from {when}; until then it is embargoed "
                "everywhere.",
                messages.INFO,
            )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        post = form.instance
        profile = getattr(request.user, "author_profile", None)
        # An author's new post carries their name, so they can find it again.
        if (
            not change
            and not can_publish(request.user)
            and profile
            and not post.bylines.filter(author=profile).exists()
        ):
            Byline.objects.create(post=post, author=profile, position=post.bylines.count())
        post.update_search_names()

    def delete_model(self, request, obj):
        self._keep_gone([obj])
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        self._keep_gone(queryset.select_related("blog"))
        super().delete_queryset(request, queryset)

    @staticmethod
    def _keep_gone(posts):
        """Deleted posts that readers have seen answer 410 Gone at their address."""
        for post in posts:
            if post.status == Post.Status.PUBLISHED and post.published_at <= timezone.now():
                PostRedirect.remember(post.blog.slug, post.slug, None)

    # Actions: each saves the posts (a revision, a new version) and changes only its fields.

    def _act(self, request, queryset, comment, change, validate=False):
        done, refused = 0, []
        with transaction.atomic():
            for post in Post.objects.select_for_update().filter(pk__in=queryset.values("pk")):
                fields = change(post)
                try:
                    if validate:
                        post.clean()
                except ValidationError as error:
                    refused.append(f"{post}: {' '.join(error.messages)}")
                    continue
                post.save(update_fields=fields)
                done += 1
        set_comment(comment)
        return done, refused

    def _report(self, request, message, refused):
        self.message_user(request, message, messages.SUCCESS)
        for reason in refused:
            self.message_user(request, f"Not changed: {reason}", messages.ERROR)

    @admin.action(description="Publish now", permissions=["publish"])
    def publish_now(self, request, queryset):
        def publish(post):
            post.status, post.published_at = Post.Status.PUBLISHED, timezone.now()
            return ["status", "published_at"]

        # Live posts keep their publication time.
        not_live = queryset.exclude(pk__in=Post.objects.published().values("pk"))
        done, refused = self._act(
            request, not_live, "Published now from the post list.", publish, validate=True
        )
        self._report(request, f"Published {done} post(s).", refused)

    @admin.action(description="Unpublish (back to draft)", permissions=["publish"])
    def unpublish(self, request, queryset):
        def unpublish(post):
            post.status = Post.Status.DRAFT
            return ["status"]

        done, refused = self._act(request, queryset, "Unpublished from the post list.", unpublish)
        self._report(request, f"Unpublished {done} post(s).", refused)

    @admin.action(description="Flag as breaking news", permissions=["publish"])
    def flag_breaking(self, request, queryset):
        def flag(post):
            post.is_breaking = True
            return ["is_breaking"]

        done, refused = self._act(request, queryset, "Flagged as breaking news.", flag)
        self._report(request, f"Flagged {done} post(s) as breaking news.", refused)

    @admin.action(description="Clear breaking news flag", permissions=["publish"])
    def clear_breaking(self, request, queryset):
        def clear(post):
            post.is_breaking, post.breaking_until = False, None
            return ["is_breaking", "breaking_until"]

        done, refused = self._act(request, queryset, "Cleared the breaking news flag.", clear)
        self._report(request, f"Cleared breaking news on {done} post(s).", refused)

    # History: editors compare and restore revisions; a restore is a new revision.

    def revision_view(self, request, object_id, version_id, extra_context=None):
        if not can_publish(request.user):
            raise PermissionDenied
        # The restore writes the old row first; check edit conflicts against today's version.
        request.post_version_before_restore, request.image_before_restore = (
            Post.objects.filter(pk=unquote(object_id)).values_list("version", "lead_image").first()
        ) or (None, None)
        request.restoring_post = True
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not can_publish(request.user):
            raise PermissionDenied
        request.restoring_post = True
        return super().recover_view(request, version_id, extra_context)

    def recoverlist_view(self, request, extra_context=None):
        if not can_publish(request.user):
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        post = self.get_object(request, unquote(object_id))
        context = {
            "can_restore": can_publish(request.user),
            "versions": versions_of(post) if post else [],
            **(extra_context or {}),
        }
        return super().history_view(request, object_id, context)

    def get_urls(self):
        return [
            path(
                "<path:object_id>/history/compare/",
                self.admin_site.admin_view(self.compare_view),
                name="blog_post_compare",
            ),
            path(
                "<path:object_id>/preview-links/",
                self.admin_site.admin_view(self.preview_links_view),
                name="blog_post_preview_links",
            ),
            path(
                "tags/",
                self.admin_site.admin_view(self.tag_suggestions_view),
                name="blog_post_tag_suggestions",
            ),
            path(
                "markdown-preview/",
                self.admin_site.admin_view(self.markdown_preview_view),
                name="blog_post_markdown_preview",
            ),
            path(
                "kept-upload/<str:token>/",
                self.admin_site.admin_view(self.kept_upload_view),
                name="blog_post_kept_upload",
            ),
            *super().get_urls(),
        ]

    def tag_suggestions_view(self, request):
        """{"tags": [names]}: existing tags whose names contain ?q=, most used first, which
        post.js offers while the tags field is typed in."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        term = request.GET.get("q", "").strip()
        tags = (
            Tag.objects.filter(name__icontains=term)
            .annotate(uses=Count("blog_taggedpost_items"))
            .order_by("-uses", "name")
            .values_list("name", flat=True)
        )
        return JsonResponse({"tags": list(tags[:10]) if term else []})

    def markdown_preview_view(self, request):
        """{"html": …}: the body as readers will see it, sanitized as Post.save() does, for
        the preview beside the body (post.js)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        return JsonResponse({"html": render_markdown(request.POST.get("body", ""))})

    def kept_upload_view(self, request, token):
        """The photo a post form sent back with errors keeps (blog.images.keep_upload), for
        its thumbnail: kept photos are private, as they may be embargoed."""
        if not self.has_change_permission(request):
            raise PermissionDenied
        kept = kept_upload(token)
        if kept is None:
            raise Http404("No such photo.")
        response = FileResponse(kept.open(), content_type=kept.content_type)
        response["Cache-Control"] = "private, no-store"
        response["X-Content-Type-Options"] = "nosniff"
        return response

    def _post_or_404(self, request, object_id):
        post = self.get_object(request, unquote(object_id))
        if post is None or not self.has_view_or_change_permission(request, post):
            raise Http404("No such post.")
        return post

    def compare_view(self, request, object_id):
        """Two revisions of a post side by side, field by field (?older=…&newer=… are
        Version ids; the newest two by default)."""
        post = self._post_or_404(request, object_id)
        versions = versions_of(post)
        chosen = [request.GET.get("older"), request.GET.get("newer")]
        if all(chosen):
            older, newer = (get_object_or_404(versions, pk=pk) for pk in chosen)
        else:
            newest_two = list(versions[:2])
            if len(newest_two) < 2:
                raise Http404("This post has fewer than two revisions.")
            newer, older = newest_two
        if older.revision.date_created > newer.revision.date_created:
            older, newer = newer, older
        before, after = version_snapshot(older), version_snapshot(newer)
        changed = {label for label, *_ in differences(before, after)}
        rows = [(label, before[label], after[label], label in changed) for label in after]
        return TemplateResponse(
            request,
            "admin/blog/post/compare.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "original": post,
                "title": f"Compare revisions of “{post}”",
                "older": older,
                "newer": newer,
                "rows": rows,
                "changed_count": len(changed),
                "can_restore": can_publish(request.user),
            },
        )

    def preview_links_view(self, request, object_id):
        """Make and revoke links that show the post to people without a login."""
        post = self._post_or_404(request, object_id)
        if not can_publish(request.user):
            raise PermissionDenied
        if request.method == "POST":
            if "revoke" in request.POST:
                link_id = request.POST["revoke"]
                # A hand-made or stale form may send anything; only a link id can match.
                revoked = (
                    link_id.isascii()
                    and link_id.isdigit()
                    and post.preview_links.filter(pk=link_id, revoked_at__isnull=True).update(
                        revoked_at=timezone.now()
                    )
                )
                if revoked:
                    self.message_user(request, "The preview link was revoked.", messages.SUCCESS)
                else:
                    self.message_user(
                        request,
                        "This preview link does not exist or was revoked already.",
                        messages.ERROR,
                    )
            else:
                link = PreviewLink.objects.create(post=post, created_by=request.user)
                self.message_user(
                    request,
                    "Preview link made; it works until "
                    f"{formats.date_format(timezone.localtime(link.expires_at), 'j M Y, H:i T')}.",
                    messages.SUCCESS,
                )
            return redirect(request.path)
        links = post.preview_links.select_related("created_by")
        return TemplateResponse(
            request,
            "admin/blog/post/preview_links.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "original": post,
                "title": f"Preview links for “{post}”",
                "links": [
                    (link, request.build_absolute_uri(link.get_absolute_url())) for link in links
                ],
            },
        )


@admin.register(PostRedirect)
class PostRedirectAdmin(admin.ModelAdmin):
    list_display = ["__str__", "post", "created_at"]
    list_select_related = ["post"]
    search_fields = ["slug", "blog_slug", "post__headline"]
    readonly_fields = ["blog_slug", "slug", "post", "created_at"]

    def has_add_permission(self, request):
        return False


@admin.register(OldSlug)
class OldSlugAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "object_id", "created_at"]
    list_filter = ["kind"]
    search_fields = ["slug"]
    readonly_fields = ["kind", "slug", "object_id", "created_at"]

    def has_add_permission(self, request):
        return False


admin.site.unregister(Tag)


@admin.register(Tag)
class TagAdmin(KeepsOldSlugMixin, TaggitTagAdmin):
    """Taggit's tag admin; renaming or deleting a tag rebuilds the pages that show it
    and the search text of its posts."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "name" in form.changed_data:
            Post.objects.filter(tags=obj).update_search_names()

    def delete_model(self, request, obj):
        posts = list(Post.objects.filter(tags=obj).values_list("pk", flat=True))
        super().delete_model(request, obj)
        Post.objects.filter(pk__in=posts).update_search_names()

    def delete_queryset(self, request, queryset):
        posts = list(Post.objects.filter(tags__in=queryset).values_list("pk", flat=True))
        super().delete_queryset(request, queryset)
        Post.objects.filter(pk__in=posts).update_search_names()
