from django.core.management.base import BaseCommand

from blog.images import make_lead_image_renditions
from blog.models import Post
from blog.storage import STORAGE_ERRORS


class Command(BaseCommand):
    help = (
        "Make the WebP and JPEG renditions (and crops) of every post's lead image again, and "
        "note the sizes pages and feeds use without asking storage."
    )

    def handle(self, *args, **options):
        posts = Post.objects.exclude(lead_image="").only(
            "pk", "lead_image", "lead_image_focus_x", "lead_image_focus_y"
        )
        rebuilt = failed = 0
        for post in posts.iterator():
            try:
                make_lead_image_renditions(post)
            except (*STORAGE_ERRORS, ValueError) as error:
                failed += 1
                self.stderr.write(f"Post {post.pk}: {post.lead_image.name}: {error}")
            else:
                Post.objects.filter(pk=post.pk).update(
                    lead_image_width=post.lead_image_width,
                    lead_image_height=post.lead_image_height,
                    lead_image_rendition_bytes=post.lead_image_rendition_bytes,
                )
                rebuilt += 1
        self.stdout.write(f"Rebuilt renditions for {rebuilt} image(s); {failed} failed.")
