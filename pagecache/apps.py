from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "pagecache"
    verbose_name = "Page cache"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.core.signals import request_finished
        from django.db.models.signals import post_migrate

        from . import writes

        post_migrate.connect(writes.install_triggers, sender=self)
        request_finished.connect(writes.note_writes_at_request_end)
