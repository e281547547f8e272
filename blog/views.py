from django.shortcuts import get_object_or_404, render
from django.utils.cache import add_never_cache_headers
from django.views.generic import ListView
from taggit.models import Tag

from .cache import depends_on
from .models import Author, Blog, Post


def card_versions(posts):
    """What post cards show besides the posts themselves: their authors' names."""
    return {f"author:{byline.author_id}" for post in posts for byline in post.bylines.all()}


class PostListView(ListView):
    """The latest published posts across all blogs."""

    paginate_by = 20
    template_name = "blog/post_list.html"

    def get_queryset(self):
        return Post.objects.published().for_listing()

    def page_versions(self):
        return {"list:home"}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        depends_on(self.request, *self.page_versions(), *card_versions(context["object_list"]))
        return context


class BlogDetailView(PostListView):
    template_name = "blog/blog_detail.html"

    def get_queryset(self):
        self.blog = get_object_or_404(Blog, slug=self.kwargs["slug"])
        return super().get_queryset().filter(blog=self.blog)

    def page_versions(self):
        return {f"blog:{self.blog.pk}", f"list:blog:{self.blog.pk}"}

    def get_context_data(self, **kwargs):
        return super().get_context_data(blog=self.blog, **kwargs)


class TagDetailView(PostListView):
    template_name = "blog/tag_detail.html"

    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return super().get_queryset().filter(tags=self.tag)

    def page_versions(self):
        return {f"tag:{self.tag.pk}", f"list:tag:{self.tag.pk}"}

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


class AuthorDetailView(PostListView):
    template_name = "blog/author_detail.html"

    def get_queryset(self):
        self.author = get_object_or_404(Author, slug=self.kwargs["slug"])
        return super().get_queryset().filter(bylines__author=self.author)

    def page_versions(self):
        return {f"author:{self.author.pk}", f"list:author:{self.author.pk}"}

    def get_context_data(self, **kwargs):
        return super().get_context_data(author=self.author, **kwargs)


def post_detail(request, blog_slug, slug):
    """A post; staff who may edit posts also see drafts and scheduled posts, as a preview."""
    post = get_object_or_404(
        Post.objects.visible_to(request.user).for_listing(), blog__slug=blog_slug, slug=slug
    )
    latest_posts = (
        Post.objects.published()
        .filter(blog=post.blog)
        .exclude(pk=post.pk)
        .select_related("blog")
        .latest_first()[:5]
    )
    depends_on(
        request,
        f"post:{post.pk}",
        f"blog:{post.blog_id}",
        f"latest:{post.blog_id}",
        *card_versions([post]),
        *(f"tag:{tag.pk}" for tag in post.tags.all()),
    )
    is_preview = not post.is_published
    response = render(
        request,
        "blog/post_detail.html",
        {"post": post, "blog": post.blog, "latest_posts": latest_posts, "is_preview": is_preview},
    )
    if is_preview:
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex, nofollow"
    return response
