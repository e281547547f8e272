"""Live coverage in the admin: the desk (a short form over the newest updates) where editors
add updates in seconds, and the usual admin pages to correct or delete them with history.

Who: editors only (staff holding blog.publish_post, the Editors role of blog/roles.py). An
update goes out the moment it is saved, so it cannot follow the authors' rule for posts
(submit, an editor publishes) without making every update wait for an editor; a desk that
wants authors' updates reviewed has the author send the text to an editor on duty. Checking
blog.publish_post rather than permissions of this app's models keeps the role groups as
blog/roles.py syncs them.
"""

import reversion
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from reversion.admin import VersionAdmin

from .forms import UpdateForm, save_update
from .models import Coverage, Update

# Updates listed under the desk's form; older ones are on the post's pages and in the admin.
DESK_UPDATES = 30


def is_editor(user):
    return user.is_active and user.is_staff and user.has_perm("blog.publish_post")


class EditorsOnly:
    def has_module_permission(self, request):
        return is_editor(request.user)

    def has_view_permission(self, request, obj=None):
        return is_editor(request.user)

    def has_add_permission(self, request):
        return is_editor(request.user)

    def has_change_permission(self, request, obj=None):
        return is_editor(request.user)

    def has_delete_permission(self, request, obj=None):
        return is_editor(request.user)


def desk_url(coverage_id):
    return reverse("admin:live_coverage_desk", args=[coverage_id])


@admin.register(Coverage)
class CoverageAdmin(EditorsOnly, VersionAdmin):
    list_display = ["post", "started_at", "ended_at", "desk_link"]
    list_select_related = ["post"]
    list_filter = [("ended_at", admin.EmptyFieldListFilter)]
    search_fields = ["post__headline"]
    date_hierarchy = "started_at"
    autocomplete_fields = ["post"]

    @admin.display(description="desk")
    def desk_link(self, coverage):
        return format_html('<a href="{}">Open the desk</a>', desk_url(coverage.pk))

    def get_urls(self):
        return [
            path(
                "<path:object_id>/desk/",
                self.admin_site.admin_view(self.desk_view),
                name="live_coverage_desk",
            ),
            path(
                "<path:object_id>/end/",
                self.admin_site.admin_view(self.end_view),
                name="live_coverage_end",
            ),
            *super().get_urls(),
        ]

    def response_add(self, request, obj, post_url_continue=None):
        if "_continue" in request.POST or "_addanother" in request.POST:
            return super().response_add(request, obj, post_url_continue)
        return redirect(desk_url(obj.pk))

    def desk_view(self, request, object_id):
        """The live post's desk: a short form to add an update (Ctrl/Cmd+Enter publishes,
        static/live/desk.js), the newest updates below it with links to correct or delete
        them, and “End coverage”. A form with errors comes back with everything typed, its
        photo included."""
        coverages = Coverage.objects.select_related("post__blog")
        coverage = get_object_or_404(coverages, pk=unquote(object_id))
        if not self.has_change_permission(request, coverage):
            raise PermissionDenied
        post = coverage.post
        if request.method == "POST":
            form = UpdateForm(request.POST, request.FILES, instance=Update(post=post))
            if form.is_valid():
                with transaction.atomic(), reversion.create_revision():
                    update = save_update(form)
                    reversion.set_user(request.user)
                    reversion.set_comment("Added on the live desk.")
                self.message_user(request, f"Published: “{update}”.", messages.SUCCESS)
                return redirect(desk_url(coverage.pk))
            form.keep_photo()
        else:
            profile = getattr(request.user, "author_profile", None)
            form = UpdateForm(initial={"authors": [profile.pk] if profile else []})
        context = {
            **self.admin_site.each_context(request),
            "title": f"Live desk: {post}",
            "subtitle": None,
            "opts": self.opts,
            "coverage": coverage,
            "post": post,
            "form": form,
            "updates": post.live_updates.for_page()[:DESK_UPDATES],
            "update_count": post.live_updates.count(),
        }
        return TemplateResponse(request, "live/desk.html", context)

    def end_view(self, request, object_id):
        """End the coverage now (a POST from the desk)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        coverage = get_object_or_404(Coverage, pk=unquote(object_id))
        if not self.has_change_permission(request, coverage):
            raise PermissionDenied
        if coverage.is_running:
            with transaction.atomic(), reversion.create_revision():
                coverage.ended_at = timezone.now()
                coverage.save(update_fields=["ended_at"])
                reversion.set_user(request.user)
                reversion.set_comment("Coverage ended on the live desk.")
            self.message_user(request, "Coverage ended: the “Live” badges are gone.")
        return redirect(desk_url(coverage.pk))


@admin.register(Update)
class UpdateAdmin(EditorsOnly, VersionAdmin):
    """Corrections and deletions of updates (with history); the desk adds them."""

    form = UpdateForm
    fields = ["published_at", *UpdateForm.Meta.fields]
    list_display = ["__str__", "post", "published_at", "is_key_event", "is_pinned"]
    list_select_related = ["post"]
    list_filter = ["is_key_event", "is_pinned"]
    search_fields = ["title", "body", "post__headline"]
    date_hierarchy = "published_at"
    history_latest_first = True

    def has_add_permission(self, request):
        return False

    def save_model(self, request, obj, form, change):
        save_update(form)  # a replaced photo goes with the save (Update.save())

    def save_related(self, request, form, formsets, change):
        """save_update() saved the authors with the update."""

    def delete_model(self, request, obj):
        coverages = Coverage.objects.filter(post=obj.post_id)
        request.live_coverage_id = coverages.values_list("pk", flat=True).first()
        super().delete_model(request, obj)  # its photo goes with it (live.models)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        form = context["adminform"].form
        if form.is_bound:
            form.keep_photo()
        return super().render_change_form(request, context, add, change, form_url, obj)

    def response_change(self, request, obj):
        coverage = Coverage.objects.filter(post=obj.post_id).first()
        if coverage is None or "_continue" in request.POST:
            return super().response_change(request, obj)
        self.message_user(request, f"Saved: “{obj}”.", messages.SUCCESS)
        return redirect(desk_url(coverage.pk))

    def response_delete(self, request, obj_display, obj_id):
        coverage_id = getattr(request, "live_coverage_id", None)
        if coverage_id is None:
            return super().response_delete(request, obj_display, obj_id)
        self.message_user(request, f"Deleted: “{obj_display}”.", messages.SUCCESS)
        return redirect(desk_url(coverage_id))
