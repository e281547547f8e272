"""RSS and Atom feeds of a live post's updates, newest first."""

from django.shortcuts import get_object_or_404
from django.utils.html import strip_tags

from blog.feeds import FEED_LENGTH, PostFeed
from blog.markup import smarten
from blog.models import Post

from .structured_data import truncate


class UpdateFeed(PostFeed):
    def get_object(self, request, post_id):
        posts = Post.objects.published().filter(coverage__isnull=False).select_related("blog")
        return get_object_or_404(posts, pk=post_id)

    def title(self, post):
        return f"{smarten(post.headline)}: live updates"

    def link(self, post):
        return post.get_absolute_url()

    def description(self, post):
        return smarten(post.standfirst) or self.title(post)

    def items(self, post):
        return post.live_updates.for_page()[:FEED_LENGTH]

    def item_title(self, update):
        if update.title:
            return smarten(update.title)
        return truncate(strip_tags(update.body_html).strip(), 110)

    def item_description(self, update):
        return truncate(strip_tags(update.body_html).strip(), 300)

    def item_link(self, update):
        return update.get_absolute_url()

    def item_pubdate(self, update):
        return update.published_at

    def item_updateddate(self, update):
        return max(update.published_at, update.updated_at)

    def item_guid(self, update):
        return super().item_guid(update).replace(":post-", ":live-update-")

    def item_categories(self, update):
        return ["Key event"] if update.is_key_event else []

    def item_enclosures(self, update):
        return []

    def item_extra_kwargs(self, update):
        return {
            # body_html is Markdown rendered and sanitized by nh3 in Update.save().
            "content": update.body_html,
            "authors": [
                (author.name, self.request.build_absolute_uri(author.get_absolute_url()))
                for author in update.authors.all()
            ],
        }
