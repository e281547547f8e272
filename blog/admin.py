from functools import partial

from csp.decorators import csp_update
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import IS_POPUP_VAR
from django.contrib.admin.templatetags.admin_urls import add_preserved_filters
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AdminSplitDateTime
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied
from django.core.files.storage import default_storage
from django.db import models
from django.db.models import Count, Exists, OuterRef, Prefetch
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.decorators import method_decorator
from django.utils.html import format_html, format_html_join
from reversion import set_comment
from reversion.admin import VersionAdmin
from taggit.models import Tag

from . import admin_views, operations, publication
from .forms import (
    DRAFT,
    PUBLISH,
    SUBMIT,
    AuthorAdminForm,
    BylineForm,
    PhotoForm,
    PostAdminForm,
    SafeImageField,
    pressed,
)
from .history import versions_of
from .images import rendition_name
from .models import (
    Author,
    Blog,
    Byline,
    Correction,
    OldSlug,
    Photo,
    Post,
    PostRedirect,
)
from .operations import AUTHOR_STATUSES, PUBLISHING_FIELDS, can_publish, check_may_save, may_edit

SAFE_IMAGES = {models.ImageField: {"form_class": SafeImageField}}


def label_date_and_time(db_field, formfield):
    """Name the date and time boxes of a date-time field for screen readers: the admin's
    own “Date:” and “Time:” are not labels."""
    if formfield and isinstance(formfield.widget, AdminSplitDateTime):
        date, time = formfield.widget.widgets
        date.attrs["aria-label"] = f"{db_field.verbose_name}, date"
        time.attrs["aria-label"] = f"{db_field.verbose_name}, time"
    return formfield


def discard_unsaved_uploads(model_admin, request, context):
    """A form sent back (its own errors or an inline's) deletes the uploads it stored for the
    save that did not happen. When a storage outage is the only error, it is said where
    messages are shown, without the admin's "Please correct the error below"."""
    form = context["adminform"].form
    if not form.is_bound:
        return
    form.discard_stored_uploads()
    formsets = [inline.formset for inline in context["inline_admin_formsets"]]
    outage = form.has_error(NON_FIELD_ERRORS, "storage_unavailable")
    if outage and all(formset.is_valid() for formset in formsets):
        model_admin.message_user(request, form.non_field_errors()[0], messages.ERROR)
        context["errors"] = []


# Renames, photo clean-up, redirects and 410s happen in the models' save() and delete()
# (blog.operations lists them), so the admin classes below only show and call.


@admin.register(Blog)
class BlogAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "tagline"]
    search_fields = ["name", "tagline"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "user"]
    list_select_related = ["user"]
    search_fields = ["name", "bio"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["user"]
    form = AuthorAdminForm
    formfield_overrides = SAFE_IMAGES

    def render_change_form(self, request, context, *args, **kwargs):
        discard_unsaved_uploads(self, request, context)
        return super().render_change_form(request, context, *args, **kwargs)


@admin.register(Photo)
class PhotoAdmin(admin.ModelAdmin):
    """The photo library: photos for post bodies, placed by their code. Authors add photos;
    editors also change and delete them (blog/roles.py), as that changes every page showing
    one."""

    form = PhotoForm
    list_display = ["photo_thumbnail", "code", "caption", "credit", "created_at"]
    list_display_links = ["photo_thumbnail", "code"]
    search_fields = ["caption", "credit", "alt"]
    readonly_fields = ["preview", "how_to_use", "shown_in"]
    fields = ["image", "preview", "caption", "credit", "alt", "how_to_use", "shown_in"]

    @staticmethod
    def thumbnail_url(photo):
        return default_storage.url(rendition_name(photo.image.name, min(400, photo.width), "jpg"))

    @admin.display(description="photo")
    def photo_thumbnail(self, photo, width=80):
        if not photo.width:
            return ""
        url = self.thumbnail_url(photo)
        return format_html('<img src="{}" alt="" width="{}" loading="lazy">', url, width)

    @admin.display(description="saved photo")
    def preview(self, photo):
        saved = Photo.objects.filter(pk=photo.pk).first() if photo.pk else None
        # A form sent back with a new picture shows the saved one (the new one is kept).
        return self.photo_thumbnail(saved, width=320) if saved else "Not saved yet."

    @admin.display(description="code")
    def code(self, photo):
        return format_html("<code>{}</code>", photo.code)

    @admin.display(description="in a post")
    def how_to_use(self, photo):
        if not photo.pk:
            return "Save the photo to get its code."
        return format_html(
            "Put <code>{}</code> on a line of its own in a post’s body: the photo shows there "
            "with its caption and credit.",
            photo.code,
        )

    @admin.display(description="shown in")
    def shown_in(self, photo):
        """The live posts that show the photo, and how many others hold its code: their
        headlines may be embargoed, and authors see only their own posts."""
        holding = (
            Post.objects.filter(body__contains=photo.code) if photo.pk else Post.objects.none()
        )
        live = list(holding.published().select_related("blog"))
        others = holding.count() - len(live)
        if not live and not others:
            return "No post yet."
        links = format_html_join(
            ", ", '<a href="{}">{}</a>', ((post.get_absolute_url(), post) for post in live)
        )
        if not others:
            return links
        unpublished = f"{others} post{'s' if others > 1 else ''} not published yet"
        return format_html("{}{}{}", links, ", and " if live else "", unpublished)

    def render_change_form(self, request, context, *args, **kwargs):
        discard_unsaved_uploads(self, request, context)
        if context["adminform"].form.is_bound:
            context["adminform"].form.keep_new_upload("image")
        return super().render_change_form(request, context, *args, **kwargs)

    def response_add(self, request, obj, post_url_continue=None):
        """Stay on the photo, whose page shows the code to put in a body."""
        if IS_POPUP_VAR in request.POST or "_addanother" in request.POST:
            return super().response_add(request, obj, post_url_continue)
        self.message_user(
            request,
            f"The photo is in the library. Its code is {obj.code}: put it on a line of its "
            "own in a post’s body.",
            messages.SUCCESS,
        )
        return redirect("admin:blog_photo_change", obj.pk)


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
    form = BylineForm
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
            (publication.SUBMITTED, "Submitted for review"),
            (publication.DRAFT, "Draft"),
            (publication.SCHEDULED, "Scheduled"),
            (publication.LIVE, "Live"),
            (publication.TAKEN_DOWN, "Taken down"),
        ]

    def queryset(self, request, queryset):
        if self.value() in publication.STATES:
            return queryset.in_state(self.value())
        return queryset


# The post list's columns and actions. An action does its operation (blog.operations) to each
# selected post, saving only the fields it changes (a revision and a new version for each).


@admin.display(description="state", ordering="status")
def state(post):
    if post.is_breaking_now:
        return format_html('{} <span class="breaking-flag">Breaking</span>', post.publication_state)
    return post.publication_state


@admin.display(description="publication time", ordering="published_at")
def publication_time(post):
    if not post.published_at:
        return None
    return formats.date_format(timezone.localtime(post.published_at), "j M Y, H:i")


@admin.display(description="byline")
def byline_names(post):
    return post.byline


def rendition_url(post, width):
    width = min(width, post.lead_image_width or width)
    return default_storage.url(rendition_name(post.lead_image.name, width, "jpg"))


@admin.display(description="image")
def thumbnail(post):
    if not post.lead_image:
        return ""
    return format_html('<img src="{}" alt="" width="80" loading="lazy">', rendition_url(post, 400))


@admin.display(description="saved image")
def lead_image_preview(post):
    saved = post
    if post.lead_image and not post.lead_image._committed:
        # A form sent back with a new photo in it: the saved one is in the database.
        saved = Post.objects.filter(pk=post.pk).only("lead_image", "lead_image_width").first()
    if not (saved and saved.lead_image):
        return "No lead image."
    # post.js sets the focal point where the editor clicks on it.
    url = rendition_url(saved, 800)
    return format_html('<img src="{}" alt="" width="320" data-focus-picker>', url)


@admin.display(description="breaking news")
def breaking_news(post):
    """The breaking-news flag as words, for authors, who may not change it."""
    return "Yes" if post.is_breaking else "No"


def post_action(name, act, description, comment, done):
    @admin.action(description=description, permissions=["publish"])
    def action(post_admin, request, queryset):
        count, refused = operations.apply(act, queryset)
        set_comment(comment)
        post_admin.message_user(request, done.format(count), messages.SUCCESS)
        for reason in refused:
            post_admin.message_user(request, f"Not changed: {reason}", messages.ERROR)

    action.__name__ = name
    return action


publish_now = post_action(
    "publish_now",
    operations.publish,
    "Publish now",
    "Published now from the post list.",
    "Published {} post(s).",
)
unpublish = post_action(
    "unpublish",
    operations.unpublish,
    "Unpublish (back to draft)",
    "Unpublished from the post list.",
    "Unpublished {} post(s).",
)
flag_breaking = post_action(
    "flag_breaking",
    operations.flag_breaking,
    "Flag as breaking news",
    "Flagged as breaking news.",
    "Flagged {} post(s) as breaking news.",
)
clear_breaking = post_action(
    "clear_breaking",
    operations.clear_breaking,
    "Clear breaking news flag",
    "Cleared the breaking news flag.",
    "Cleared breaking news on {} post(s).",
)


def newest_photos(count=12):
    """The photo library's newest photos as the post form lists them under the body
    (admin/blog/post/photo_library.html): (code, caption, thumbnail address)."""
    return [
        (photo.code, photo.caption, PhotoAdmin.thumbnail_url(photo))
        for photo in Photo.objects.exclude(width=None)[:count]
    ]


def what_readers_see(post, act):
    """What a save from the publish control (act: blog.forms.pressed()) did for readers, as
    the message the editor gets after it."""
    when = post.published_at and formats.date_format(
        timezone.localtime(post.published_at), "j M Y, H:i T"
    )
    said = {
        publication.DRAFT: "Saved as a draft: readers do not see it.",
        publication.SUBMITTED: "Submitted for review: an editor will publish it."
        if act == SUBMIT
        else "Saved; it is still submitted for review, and readers do not see it yet.",
        publication.SCHEDULED: f"Scheduled: readers see this post from {when}; until then "
        "it is embargoed everywhere.",
        publication.TAKEN_DOWN: "Saved; the post is taken down, so readers do not see it.",
    }
    if post.is_published:
        said[publication.LIVE] = format_html(
            '{} <a href="{}">See it on the site</a>.',
            "Published: readers see it now."
            if act == PUBLISH
            else "Updated: readers see the changes now.",
            post.get_absolute_url(),
        )
    return said.get(post.state, "Saved.")


class RevisionsRestoredByEditors(VersionAdmin):
    """The post's history (django-reversion): editors compare and restore revisions, and a
    restore is a new revision that goes through operations.Restore (its photo, its address)."""

    def revision_view(self, request, object_id, version_id, extra_context=None):
        if not can_publish(request.user):
            raise PermissionDenied
        request.restore = operations.Restore(unquote(object_id))
        response = super().revision_view(request, object_id, version_id, extra_context)
        if request.method == "POST" and response.status_code == 302:
            request.restore.saved(Post.objects.get(pk=unquote(object_id)))
        return response

    def recover_view(self, request, version_id, extra_context=None):
        if not can_publish(request.user):
            raise PermissionDenied
        request.restore = operations.Restore()
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


@admin.register(Post)
class PostAdmin(RevisionsRestoredByEditors):
    form = PostAdminForm
    formfield_overrides = {
        **SAFE_IMAGES,
        models.CharField: {"widget": forms.TextInput(attrs={"size": 80})},
    }
    # Few, narrow columns so headlines get the room (admin/blog/post.css).
    list_display = ["headline", thumbnail, state, publication_time, byline_names, "blog"]
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
    actions = [publish_now, unpublish, flag_breaking, clear_breaking]
    readonly_fields = ["updated_at", lead_image_preview]
    change_list_template = "admin/blog/post/change_list.html"
    object_history_template = "admin/blog/post/object_history.html"
    history_latest_first = True
    # What every post needs comes first; the rarely changed (the address, take-down and
    # banner end times) wait in a closed "More options". admin/blog/post/change_form.html puts
    # the last three side by side on wide screens.
    fieldsets = [
        (None, {"fields": ["blog", "headline", "standfirst"]}),
        (None, {"fields": ["body", "tags"]}),
        (
            "Lead image",
            {
                "fields": [
                    "lead_image",
                    lead_image_preview,
                    ("lead_image_caption", "lead_image_credit"),
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
                "fields": ["status", "published_at", "is_breaking", "opened_version"],
            },
        ),
        (
            "More options",
            {
                "fields": ["slug", "unpublish_at", "breaking_until", "updated_at"],
                "classes": ["collapse"],
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
            # Breaking news as the banner has it (PostQuerySet.breaking), not every post still
            # flagged.
            .annotate(is_breaking_now=Exists(Post.objects.breaking().filter(pk=OuterRef("pk"))))
        )
        if can_publish(request.user):
            return posts
        return posts.filter(pk__in=Post.objects.bylined_to(request.user).values("pk"))

    # A photo chosen shows before it is uploaded: the browser reads it as a blob: address.
    @method_decorator(csp_update({"img-src": ["blob:"]}))
    def changeform_view(self, *args, **kwargs):
        return super().changeform_view(*args, **kwargs)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """An author who opens a post not theirs is told so, not that it does not exist."""
        if not can_publish(request.user) and self.get_object(request, unquote(object_id)) is None:
            pk = unquote(object_id)
            if pk.isascii() and pk.isdigit() and Post.objects.filter(pk=pk).exists():
                self.message_user(request, "You can edit only your own posts.", messages.ERROR)
                return redirect("admin:blog_post_changelist")
        return super().change_view(request, object_id, form_url, extra_context)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or may_edit(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or may_edit(request.user, obj))

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
        fieldsets = [
            (title, {**options, "description": description} if title == "Publishing" else options)
            for title, options in super().get_fieldsets(request, obj)
        ]
        if can_publish(request.user):
            return fieldsets
        # Authors read the flag as words, not the admin's red ✖ for a read-only False.
        return [
            (
                title,
                {
                    **options,
                    "fields": [
                        breaking_news if field == "is_breaking" else field
                        for field in options["fields"]
                    ],
                },
            )
            for title, options in fieldsets
        ]

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        if can_publish(request.user):
            return readonly
        return [*readonly, *PUBLISHING_FIELDS, breaking_news]

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
        restore = getattr(request, "restore", None)
        form.current_version = restore.version if restore else None
        return form

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        discard_unsaved_uploads(self, request, context)
        form = context["adminform"].form
        restore = getattr(request, "restore", None)
        if form.is_bound:
            form.keep_lead_image()
        elif restore and (gone := restore.drop_gone_image(obj)):
            self.message_user(request, gone, messages.WARNING)
            # Shown as it will be saved: no photo, rather than a link to a file that is gone.
            form.initial["lead_image"] = None
        # One publish control (admin/blog/post/submit_line.html) instead of the admin's Save
        # buttons; a new post starts from the list.
        editable = add or self.has_change_permission(request, obj)
        context["post_buttons"] = form.submit_buttons(can_publish(request.user)) if editable else []
        context.update(show_save=False, show_save_and_continue=False)
        context.update(show_save_and_add_another=False, library_photos=newest_photos())
        return super().render_change_form(request, context, add, change, form_url, obj)

    # Saving and deleting.

    def save_model(self, request, obj, form, change):
        check_may_save(request.user, obj)
        restore = getattr(request, "restore", None)
        if restore and (gone := restore.prepare(obj)):
            self.message_user(request, gone, messages.WARNING)
        super().save_model(request, obj, form, change)

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

    def response_add(self, request, obj, post_url_continue=None):
        return self.said_what_happened(request, obj) or super().response_add(
            request, obj, post_url_continue
        )

    def response_change(self, request, obj):
        return self.said_what_happened(request, obj) or super().response_change(request, obj)

    def said_what_happened(self, request, obj):
        """After a save from the publish control, say what it did for readers, in place of
        the admin's “was added successfully”. Save draft and Update stay on the page, as
        writing goes on; Publish now, Schedule and Submit for review end the work on the post
        for now, so they go back to the list. None for a popup: the admin answers it."""
        if IS_POPUP_VAR in request.POST:
            return None
        act = pressed(request.POST)
        self.message_user(request, what_readers_see(obj, act), messages.SUCCESS)
        stay = act in (None, DRAFT) and "_continue" in request.POST
        url = reverse(
            "admin:blog_post_change" if stay else "admin:blog_post_changelist",
            args=[obj.pk] if stay else None,
        )
        filters = {"preserved_filters": self.get_preserved_filters(request), "opts": self.opts}
        return redirect(add_preserved_filters(filters, url))

    def get_urls(self):
        pages = [
            path(route, self.admin_site.admin_view(partial(view, self)), name=f"blog_post_{name}")
            for route, view, name in admin_views.PAGES
        ]
        return [*pages, *super().get_urls()]


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
