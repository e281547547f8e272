from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers
from django.views.generic import ListView
from taggit.models import Tag

from .models import Author, Blog, Post, PostRedirect, PreviewLink


class PostListView(ListView):
    """The latest published posts across all blogs."""

    paginate_by = 20
    template_name = "blog/post_list.html"

    def get_queryset(self):
        return Post.objects.published().for_listing()


class BlogDetailView(PostListView):
    template_name = "blog/blog_detail.html"

    def get_queryset(self):
        self.blog = get_object_or_404(Blog, slug=self.kwargs["slug"])
        return super().get_queryset().filter(blog=self.blog)

    def get_context_data(self, **kwargs):
        return super().get_context_data(blog=self.blog, **kwargs)


class TagDetailView(PostListView):
    template_name = "blog/tag_detail.html"

    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return super().get_queryset().filter(tags=self.tag)

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


class AuthorDetailView(PostListView):
    template_name = "blog/author_detail.html"

    def get_queryset(self):
        self.author = get_object_or_404(Author, slug=self.kwargs["slug"])
        return super().get_queryset().filter(bylines__author=self.author)

    def get_context_data(self, **kwargs):
        return super().get_context_data(author=self.author, **kwargs)


def post_detail(request, blog_slug, slug):
    """A post; editors, and authors for their own posts, also see drafts and scheduled posts,
    as a preview. An old address of a published post redirects to it, or answers 410 Gone
    once the post is deleted."""
    post = (
        Post.objects.visible_to(request.user)
        .for_listing()
        .prefetch_related("corrections")
        .filter(blog__slug=blog_slug, slug=slug)
        .first()
    )
    if post is None:
        return moved_or_gone(request, blog_slug, slug)
    return render_post(request, post, is_preview=not post.is_published)


def moved_or_gone(request, blog_slug, slug):
    old_address = (
        PostRedirect.objects.filter(blog_slug=blog_slug, slug=slug)
        .select_related("post__blog")
        .first()
    )
    if old_address is None:
        raise Http404("No such post.")
    if old_address.post is None:
        return render(request, "blog/gone.html", status=410)
    if not old_address.post.is_published:
        raise Http404("No such post.")
    return redirect(old_address.post, permanent=True)


def post_preview(request, token):
    """A post shown through a preview link to anyone who has the link, until the link
    expires or is revoked."""
    link = PreviewLink.objects.filter(token=token).first()
    if link is None or not link.is_active:
        response = render(
            request,
            "blog/preview_gone.html",
            {"link": link, "noindex": True},
            status=404 if link is None else 410,
        )
        return never_cache_noindex(response)
    post = get_object_or_404(
        Post.objects.for_listing().prefetch_related("corrections"), pk=link.post_id
    )
    return render_post(request, post, is_preview=True, preview_link=link)


def render_post(request, post, is_preview, preview_link=None):
    latest_posts = (
        Post.objects.published()
        .filter(blog=post.blog)
        .exclude(pk=post.pk)
        .select_related("blog")
        .latest_first()[:5]
    )
    response = render(
        request,
        "blog/post_detail.html",
        {
            "post": post,
            "blog": post.blog,
            "latest_posts": latest_posts,
            "is_preview": is_preview,
            "noindex": is_preview,
            "preview_link": preview_link,
        },
    )
    if is_preview:
        never_cache_noindex(response)
    return response


def never_cache_noindex(response):
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
