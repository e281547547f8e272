from django.apps import AppConfig
from taggit.apps import TaggitAppConfig


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = "Newsroom"
    # The app's own config; TagsConfig below is for taggit.
    default = True


class TagsConfig(TaggitAppConfig):
    """django-taggit under the name editors see on the admin home."""

    verbose_name = "Tags"
