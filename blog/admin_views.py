"""The post admin's pages besides its list, form, history and delete (PostAdmin.get_urls):
comparing two revisions, preview links, and what the post form asks for as it is typed in
(tag suggestions, the Markdown preview, a kept upload's thumbnail). Each takes the
PostAdmin, for its permissions and its site's context."""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import FileResponse, Http404, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import formats, timezone
from taggit.models import Tag

from . import images
from .body_photos import render_body
from .history import differences, version_snapshot, versions_of
from .models import PreviewLink
from .operations import can_publish


def tag_suggestions(post_admin, request):
    """{"tags": [names]}: existing tags whose names contain ?q=, most used first, which
    post.js offers while the tags field is typed in."""
    if not post_admin.has_view_or_change_permission(request):
        raise PermissionDenied
    term = request.GET.get("q", "").strip()
    tags = (
        Tag.objects.filter(name__icontains=term)
        .annotate(uses=Count("blog_taggedpost_items"))
        .order_by("-uses", "name")
        .values_list("name", flat=True)
    )
    return JsonResponse({"tags": list(tags[:10]) if term else []})


def markdown_preview(post_admin, request):
    """{"html": …}: the body as readers will see it, sanitized as Post.save() does, for
    the preview beside the body (post.js)."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not post_admin.has_view_or_change_permission(request):
        raise PermissionDenied
    return JsonResponse({"html": render_body(request.POST.get("body", ""))})


def kept_upload(post_admin, request, token):
    """The photo a post form sent back with errors keeps (blog.images.keep_upload), for
    its thumbnail: kept photos are private, as they may be embargoed."""
    if not post_admin.has_change_permission(request):
        raise PermissionDenied
    kept = images.kept_upload(token)
    if kept is None:
        raise Http404("No such photo.")
    response = FileResponse(kept.open(), content_type=kept.content_type)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _post_or_404(post_admin, request, object_id):
    post = post_admin.get_object(request, unquote(object_id))
    if post is None or not post_admin.has_view_or_change_permission(request, post):
        raise Http404("No such post.")
    return post


def compare(post_admin, request, object_id):
    """Two revisions of a post side by side, field by field (?older=…&newer=… are
    Version ids; the newest two by default)."""
    post = _post_or_404(post_admin, request, object_id)
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
            **post_admin.admin_site.each_context(request),
            "opts": post_admin.opts,
            "original": post,
            "title": f"Compare revisions of “{post}”",
            "older": older,
            "newer": newer,
            "rows": rows,
            "changed_count": len(changed),
            "can_restore": can_publish(request.user),
        },
    )


def preview_links(post_admin, request, object_id):
    """Make and revoke links that show the post to people without a login."""
    post = _post_or_404(post_admin, request, object_id)
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
                post_admin.message_user(request, "The preview link was revoked.", messages.SUCCESS)
            else:
                post_admin.message_user(
                    request,
                    "This preview link does not exist or was revoked already.",
                    messages.ERROR,
                )
        else:
            link = PreviewLink.objects.create(post=post, created_by=request.user)
            post_admin.message_user(
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
            **post_admin.admin_site.each_context(request),
            "opts": post_admin.opts,
            "original": post,
            "title": f"Preview links for “{post}”",
            "links": [
                (link, request.build_absolute_uri(link.get_absolute_url())) for link in links
            ],
        },
    )


# (route, view, URL name after "admin:blog_post_"), for PostAdmin.get_urls().
PAGES = [
    ("<path:object_id>/history/compare/", compare, "compare"),
    ("<path:object_id>/preview-links/", preview_links, "preview_links"),
    ("tags/", tag_suggestions, "tag_suggestions"),
    ("markdown-preview/", markdown_preview, "markdown_preview"),
    ("kept-upload/<str:token>/", kept_upload, "kept_upload"),
]
