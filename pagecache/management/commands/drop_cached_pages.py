from django.core.management.base import BaseCommand

from pagecache.generation import bump


class Command(BaseCommand):
    help = (
        "Drop every cached page. Newsroom does this itself after each write it makes; run it "
        "after changing the database from outside Newsroom (psql, another program)."
    )

    def handle(self, *args, **options):
        bump()
        self.stdout.write("Cached pages dropped.")
