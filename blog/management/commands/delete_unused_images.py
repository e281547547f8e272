from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError

from blog.images import delete_images, unused_images
from blog.storage import STORAGE_ERRORS


class Command(BaseCommand):
    help = (
        "Delete the stored images, with their renditions, that no row refers to (lead images, "
        "library photos, author photos, live updates' photos): those a storage outage kept "
        "from going with their row, or left by a version of Newsroom that kept them."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--hours",
            type=float,
            default=24,
            help="Only files unchanged for this long (default 24): younger ones may be "
            "uploads whose post is being saved.",
        )
        parser.add_argument("--dry-run", action="store_true", help="List them; delete nothing.")

    def handle(self, *args, hours, dry_run, **options):
        try:
            names = unused_images(timedelta(hours=hours))
        except STORAGE_ERRORS as error:
            raise CommandError(f"Storage did not answer: {error}") from error
        for name in names:
            self.stdout.write(name)
        if dry_run:
            self.stdout.write(f"{len(names)} unused image(s); none deleted (--dry-run).")
            return
        deleted = delete_images(names)
        self.stdout.write(f"Deleted {len(deleted)} unused image(s) and their renditions.")
        if len(deleted) < len(names):
            raise CommandError(f"Storage did not delete {len(names) - len(deleted)} of them.")
