from datetime import date, timedelta
from functools import wraps
from itertools import groupby

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.decorators import method_decorator
from django.views.generic import ListView, TemplateView
from taggit.models import Tag

from frontpage.lineup import lineup
from live.pages import live_page
from pagecache.fragments import settle

from .cards import cards
from .models import Author, Blog, OldSlug, Post, PostRedirect, PreviewLink
from .pagination import QuerySetIds, WindowPaginator
from .post_lists import BY_AUTHOR, EVERY_BLOG, IN_BLOG, WITH_TAG, PublishedIds, with_slug
from .post_page import load_byline_tags_and_corrections, post_at
from .search import add_snippets, clean_query, search_posts
from .site_state import LATEST_SHOWN, newest_posts, site_state


class Moved(Http404):
    """The blog, author or tag asked for has changed its slug. A view wrapped in
    follow_moves() answers with a redirect; anywhere else this is a plain 404."""

    def __init__(self, obj):
        super().__init__(f"Moved to “{obj.slug}”.")
        self.obj = obj


def get_by_slug(model, slug):
    """The Blog, Author or Tag with this slug; raises Moved if one had the slug before it
    changed, else Http404. Old slugs are read only when the slug is not found."""
    found = with_slug(model, slug)
    if found is not None:
        return found
    moved = OldSlug.moved(model, slug)
    if moved is None:
        raise Http404(f"No {model._meta.verbose_name} has this address.")
    raise Moved(moved)


def follow_moves(view):
    """Answer Moved with a 301 to the same page (URL name, other URL arguments and query
    string) at the new slug, which the URL passes as `slug`."""

    @wraps(view)
    def view_following_moves(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except Moved as moved:
            match = request.resolver_match
            url = reverse(match.view_name, kwargs={**match.kwargs, "slug": moved.obj.slug})
            query = request.META.get("QUERY_STRING")
            return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)

    return view_following_moves


@method_decorator(follow_moves, name="dispatch")
class PostListView(ListView):
    """The latest published posts across all blogs, as cards."""

    paginate_by = 20
    paginator_class = WindowPaginator  # its pages hold post ids
    template_name = "blog/post_list.html"

    def get_queryset(self):
        return PublishedIds(EVERY_BLOG)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(self.cards_of(context["page_obj"]))
        return context

    def cards_of(self, page):
        """What the page shows of its posts: their cards (blog.cards), as "posts"."""
        return {"posts": cards(page.object_list)}


class HomeView(PostListView):
    """The front page: on its first page the desk's lineup (frontpage.lineup), the lead large
    above the cards, the top stories first among them."""

    def cards_of(self, page):
        if page.number != 1:
            return super().cards_of(page)
        # The banner reads the same per-request site state, so this costs no query.
        breaking = site_state(self.request).breaking_post
        lead, top_stories, latest = lineup(page.object_list, breaking, self.request)
        return {"lead": lead, "posts": [*top_stories, *latest]}


class BlogDetailView(PostListView):
    template_name = "blog/blog_detail.html"

    def get_queryset(self):
        self.blog = get_by_slug(Blog, self.kwargs["slug"])
        return PublishedIds(IN_BLOG, self.blog.pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(blog=self.blog, **kwargs)


class TagDetailView(PostListView):
    template_name = "blog/tag_detail.html"

    def get_queryset(self):
        self.tag = get_by_slug(Tag, self.kwargs["slug"])
        return PublishedIds(WITH_TAG, self.tag.pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


class AuthorDetailView(PostListView):
    template_name = "blog/author_detail.html"

    def get_queryset(self):
        self.author = get_by_slug(Author, self.kwargs["slug"])
        return PublishedIds(BY_AUTHOR, self.author.pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(author=self.author, **kwargs)


def post_detail(request, blog_slug, slug):
    """A post; editors, and authors for their own posts, also see drafts and scheduled posts,
    as a preview. An old address of a published post redirects to it, or answers 410 Gone
    once the post is deleted."""
    post = post_at(blog_slug, slug, request.user)
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
        return moved_with_its_blog(blog_slug, slug)
    if old_address.post is None:
        return render(request, "blog/gone.html", status=410)
    if not old_address.post.is_published:
        raise Http404("No such post.")
    return redirect(old_address.post, permanent=True)


def moved_with_its_blog(blog_slug, slug):
    """A redirect to a published post at an old slug of its blog, or 404."""
    blog = OldSlug.moved(Blog, blog_slug)
    post = None
    if blog is not None:
        post = Post.objects.published().filter(blog=blog, slug=slug).first()
    if post is None:
        raise Http404("No such post.")
    post.blog = blog
    return redirect(post, permanent=True)


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
    post = get_object_or_404(Post.objects.select_related("blog", "coverage"), pk=link.post_id)
    return render_post(request, post, is_preview=True, preview_link=link)


def render_post(request, post, is_preview, preview_link=None):
    # Loaded in full, and changed no more: the page's kept parts digest it once.
    settle(load_byline_tags_and_corrections(post), post.blog)
    latest_posts = [other for other in newest_posts(post.blog, request) if other.pk != post.pk]
    response = render(
        request,
        "blog/post_detail.html",
        {
            "post": post,
            "blog": post.blog,
            "latest_posts": latest_posts[: LATEST_SHOWN - 1],
            "is_preview": is_preview,
            "noindex": is_preview,
            "preview_link": preview_link,
            "live": live_page(post, request.GET.get("page")),
        },
    )
    if is_preview:
        never_cache_noindex(response)
    return response


def never_cache_noindex(response):
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def search(request):
    """Search results, best first; any input gives a page, and search pages are not indexed."""
    query = clean_query(request.GET.get("q", ""))
    page_obj = None
    if query:
        page_obj = Paginator(search_posts(query), PostListView.paginate_by).get_page(
            request.GET.get("page")
        )
        add_snippets(page_obj, query)
    return render(
        request,
        "blog/search.html",
        {
            "query": query,
            "page_obj": page_obj,
            "is_paginated": page_obj is not None and page_obj.paginator.num_pages > 1,
        },
    )


@follow_moves
def archive_index(request, slug=None):
    """Years and months with their numbers of posts, site-wide or for one blog."""
    blog = get_by_slug(Blog, slug) if slug else None
    posts = Post.objects.published()
    if blog:
        posts = posts.filter(blog=blog)
    years = []
    for year, months in groupby(posts.month_counts(), key=lambda row: row["month"].year):
        months = list(months)
        years.append({"year": year, "count": sum(row["count"] for row in months), "months": months})
    return render(request, "blog/archive_index.html", {"blog": blog, "years": years})


class ArchiveView(PostListView):
    """Posts of one year or one month, site-wide or of one blog."""

    template_name = "blog/archive.html"
    allow_empty = False

    def get_queryset(self):
        self.blog = get_by_slug(Blog, self.kwargs["slug"]) if "slug" in self.kwargs else None
        year, month = self.kwargs["year"], self.kwargs.get("month")
        if not 1 <= year <= 9999 or (month is not None and not 1 <= month <= 12):
            raise Http404("No such month.")
        posts = Post.objects.published().latest_first().filter(published_at__year=year)
        if month is not None:
            posts = posts.filter(published_at__month=month)
        if self.blog:
            posts = posts.filter(blog=self.blog)
        return QuerySetIds(posts)

    def get_context_data(self, **kwargs):
        year, month = self.kwargs["year"], self.kwargs.get("month")
        period = date(year, month or 1, 1)
        return super().get_context_data(
            blog=self.blog, period=period, is_month=month is not None, **kwargs
        )


def news_sitemap(request):
    """The Google News sitemap: posts published in the last 48 hours, at most 1,000."""
    posts = (
        Post.objects.published()
        .filter(published_at__gte=timezone.now() - timedelta(hours=48))
        .select_related("blog")
        .latest_first()[:1000]
    )
    language = settings.LANGUAGE_CODE.lower()
    if language not in {"zh-cn", "zh-tw"}:
        language = language.split("-")[0]
    return render(
        request,
        "blog/news_sitemap.xml",
        {"posts": posts, "language": language},
        content_type="application/xml; charset=utf-8",
    )


class RobotsView(TemplateView):
    template_name = "robots.txt"
    content_type = "text/plain; charset=utf-8"
