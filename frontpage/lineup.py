"""What the home page's first page shows, in order: the rule for the lead and the top stories,
written once for the home page and the desk."""

from typing import NamedTuple

from blog.cards import Card, cards
from blog.models import Post
from pagecache.kept import once_a_generation

from .models import Pin


class Lineup(NamedTuple):
    lead: Card | None
    top_stories: list  # pinned, in the desk's order (blog.cards.Card)
    latest: list  # the rest of the page, newest first


def lineup(page_ids, breaking_post, request=None):
    """The first page of the home page, from the ids of its newest posts: the pinned lead, or
    else the newest post that is not already in the breaking-news banner; the pinned top
    stories in order; then the newest posts not shown above. Only pins still holding, of
    posts readers may see, count, so a slot whose pin ran out (or whose post was taken down)
    goes back to the newest posts. Each post is a card (blog.cards), read in two queries;
    the pins are read once a generation (pagecache.kept)."""
    pins = once_a_generation(request, "pins", read_pins)
    pinned_ids = [post_id for post_id, _ in pins]
    posts = cards([*page_ids, *pinned_ids])
    by_id = {post.pk: post for post in posts}
    lead_id = next((pk for pk, slot in pins if slot == Pin.Slot.LEAD and pk in by_id), None)
    top_ids = [pk for pk, slot in pins if slot == Pin.Slot.TOP and pk in by_id and pk != lead_id]
    lead, top_stories = by_id.get(lead_id), [by_id[pk] for pk in top_ids]
    shown = {lead_id, *top_ids}
    page_ids = set(page_ids)
    latest = [post for post in posts if post.pk in page_ids and post.pk not in shown]
    if lead is None:
        breaking_id = breaking_post and breaking_post.pk
        lead = next((post for post in latest if post.pk != breaking_id), None)
        latest = [post for post in latest if post is not lead]
    return Lineup(lead, top_stories, latest)


def read_pins():
    """(post id, slot) of the pins holding, of posts readers may see, in order."""
    pins = Pin.objects.holding().filter(post__in=Post.objects.published()).in_order()
    return list(pins.values_list("post_id", "slot"))
