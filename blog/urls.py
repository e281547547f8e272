from django.urls import path

from . import views
from .cache import cache_page_for_readers as cached

app_name = "blog"

urlpatterns = [
    path("", cached(views.PostListView.as_view()), name="post_list"),
    path("blogs/<slug:slug>/", cached(views.BlogDetailView.as_view()), name="blog_detail"),
    path("blogs/<slug:blog_slug>/<slug:slug>/", cached(views.post_detail), name="post_detail"),
    path("tags/<slug:slug>/", cached(views.TagDetailView.as_view()), name="tag_detail"),
    path("authors/<slug:slug>/", cached(views.AuthorDetailView.as_view()), name="author_detail"),
]
