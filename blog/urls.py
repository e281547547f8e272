from django.urls import path

from . import views

app_name = "blog"

urlpatterns = [
    path("", views.PostListView.as_view(), name="post_list"),
    path("blogs/<slug:slug>/", views.BlogDetailView.as_view(), name="blog_detail"),
    path("blogs/<slug:blog_slug>/<slug:slug>/", views.post_detail, name="post_detail"),
    path("tags/<slug:slug>/", views.TagDetailView.as_view(), name="tag_detail"),
    path("authors/<slug:slug>/", views.AuthorDetailView.as_view(), name="author_detail"),
    path("preview/<slug:token>/", views.post_preview, name="post_preview"),
]
