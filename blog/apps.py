from django.apps import AppConfig
from taggit.apps import TaggitAppConfig


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = "Newsroom"
    # The app's own config; TagsConfig below is for taggit.
    default = True

    def ready(self):
        from django.db.models.signals import post_migrate

        from .search import install_sqlite_index

        post_migrate.connect(install_sqlite_index, sender=self)


class TagsConfig(TaggitAppConfig):
    """django-taggit under the name editors see on the admin home."""

    verbose_name = "Tags"
