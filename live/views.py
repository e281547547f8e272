from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control

from blog.models import Post

from .models import Update
from .pages import page_number_of, updates_of


def updates_since(request, post_id, after):
    """For live.js: the updates of a live post added after the update `after` (0: any), as
    the HTML the page shows them in, newest first, with their number, the new cursor, whether
    coverage is still running, and the edition of the updates up to the cursor given and up
    to the new one (live.models.edition(): a reader whose page shows another was corrected).
    The cursor is in the path, so the page cache keeps one answer a cursor (readers who
    opened the page together share it) and revalidates by ETag. A cursor past the newest
    update (the newest was deleted) is answered but not kept."""
    posts = Post.objects.visible_to(request.user).select_related("blog", "coverage")
    post = get_object_or_404(posts, pk=post_id, coverage__isnull=False)
    updates = updates_of(post, after)
    editions = post.live_updates.editions(after)
    newest = editions["newest"]
    html = render_to_string(
        "live/updates_since.html",
        {"updates": updates, "post": post, "origin": request.build_absolute_uri("/")},
    )
    response = JsonResponse(
        {
            "count": len(updates),
            "cursor": max(after, newest),
            "running": post.coverage.is_running,
            "edition": editions["up_to_cursor"],
            "next_edition": editions["all"],
            "html": html,
        }
    )
    if after > newest:
        patch_cache_control(response, private=True)
    return response


def update_permalink(request, pk):
    """An update's lasting address: the page of its post that shows it, at its anchor,
    however many updates have pushed it to an older page since."""
    update = get_object_or_404(Update.objects.select_related("post__blog"), pk=pk)
    if not Post.objects.visible_to(request.user).filter(pk=update.post_id).exists():
        raise Http404("No such update.")
    number = page_number_of(update)
    query = f"?page={number}" if number > 1 else ""
    return redirect(f"{update.post.get_absolute_url()}{query}#{update.anchor}")
