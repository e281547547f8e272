from django.core.files.images import get_image_dimensions
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand

from blog.images import make_renditions
from blog.models import Post
from blog.storage import STORAGE_ERRORS


class Command(BaseCommand):
    help = (
        "Make the WebP and JPEG renditions (and crops) of every post's lead image again, and "
        "note the sizes pages and feeds use without asking storage."
    )

    def handle(self, *args, **options):
        posts = Post.objects.exclude(lead_image="").only(
            "pk",
            "lead_image",
            "lead_image_width",
            "lead_image_height",
            "lead_image_focus_x",
            "lead_image_focus_y",
        )
        rebuilt = failed = 0
        for post in posts.iterator():
            try:
                size = make_renditions(post.lead_image, focus=post.lead_image_focus)
                with default_storage.open(post.lead_image.name, "rb") as original:
                    width, height = get_image_dimensions(original)
            except (*STORAGE_ERRORS, ValueError) as error:
                failed += 1
                self.stderr.write(f"Post {post.pk}: {post.lead_image.name}: {error}")
            else:
                Post.objects.filter(pk=post.pk).update(
                    lead_image_rendition_bytes=size,
                    lead_image_width=width,
                    lead_image_height=height,
                )
                rebuilt += 1
        self.stdout.write(f"Rebuilt renditions for {rebuilt} image(s); {failed} failed.")
