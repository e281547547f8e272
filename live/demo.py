"""Demo live coverage for load_demo: the storm warning covered live, still running, and the
by-election count, whose coverage ended with the result. Running it again changes nothing."""

from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from blog.images import make_renditions
from blog.management.commands._demo_illustrations import CREDIT, illustration, illustration_bytes
from blog.models import Author, Post

from .models import Coverage, Update

# (post slug, minutes of coverage before now when it ended or None, updates). Each update:
# (minutes ago, author slug, title, body, flags), flags from "key", "pinned", "photo".
STORIES = [
    (
        "storm-warning-kestrel-bay-coast",
        None,
        [
            (
                170,
                "callum-reid",
                "",
                "The Met Office has issued an amber wind warning for the "
                "whole west coast from 6pm. Gusts of 70 to 80 mph are expected on exposed "
                "headlands.",
                (),
            ),
            (
                150,
                "callum-reid",
                "What we know so far",
                "- Amber wind warning from 6pm until "
                "6am tomorrow\n- Kestrel Bay sea front closed to traffic\n- Ferries to the "
                "islands cancelled for the evening\n- Schools on the coast close at 1pm",
                ("pinned",),
            ),
            (
                120,
                "niamh-doyle",
                "Ferries cancelled",
                "All evening sailings from Kestrel Bay "
                "are cancelled. The operator says passengers with tickets can travel tomorrow "
                "at no extra cost.",
                ("key",),
            ),
            (
                95,
                "callum-reid",
                "",
                "Waves are already breaking over the harbour wall, "
                "our reporter on the sea front says.",
                ("photo",),
            ),
            (
                60,
                "niamh-doyle",
                "",
                "The council has opened the leisure centre on Quay Road "
                "as a rest centre for anyone who needs to leave home tonight.",
                (),
            ),
            (
                25,
                "callum-reid",
                "Sea front road closed",
                "Police have closed the coast road "
                "between the lifeboat station and the pier. Drivers are asked to use the "
                "ring road.",
                ("key",),
            ),
            (
                8,
                "niamh-doyle",
                "",
                "Power cuts reported in parts of the old town: the "
                "network operator says about 1,200 homes are affected.",
                (),
            ),
        ],
    ),
    (
        "hollins-ford-polls-close-count-under-way",
        60,
        [
            (
                960,
                "tomas-lindqvist",
                "Polls close",
                "Polls have closed in Hollins Ford. "
                "The count starts at the town hall within the hour.",
                ("key",),
            ),
            (
                900,
                "tomas-lindqvist",
                "",
                "Ballot boxes are arriving at the town hall. "
                "Turnout looks higher than at the general election, officials say.",
                (),
            ),
            (
                420,
                "amara-okafor",
                "",
                "Party agents at the count say it is too close to "
                "call. A recount of one ward has been asked for.",
                (),
            ),
            (
                65,
                "amara-okafor",
                "Result declared",
                "Unity Party wins Hollins Ford on a "
                "swing of almost 11 points. [Full story](/blogs/politics-live/"
                "hollins-ford-by-election-result/).",
                ("key",),
            ),
        ],
    ),
]


def load_live_coverage(now=None):
    """Create the demo's live coverage on its posts, if they exist and are not live yet.
    Returns the number of posts made live."""
    now = now or timezone.now()
    started = 0
    for slug, ended_minutes_ago, updates in STORIES:
        post = Post.objects.filter(slug=slug).first()
        if post is None or Coverage.objects.filter(post=post).exists():
            continue
        with transaction.atomic():
            first = now - timedelta(minutes=updates[0][0] + 5)
            Coverage.objects.create(
                post=post,
                started_at=max(first, post.published_at),
                ended_at=now - timedelta(minutes=ended_minutes_ago) if ended_minutes_ago else None,
            )
            for minutes_ago, author, title, body, flags in updates:
                add_update(post, now - timedelta(minutes=minutes_ago), author, title, body, flags)
        started += 1
    return started


def add_update(post, published_at, author, title, body, flags):
    update = Update(
        post=post,
        published_at=max(published_at, post.published_at),
        title=title,
        body=body,
        is_key_event="key" in flags,
        is_pinned="pinned" in flags,
    )
    if "photo" in flags:
        update.photo_alt, update.photo_caption = illustration("storm")
        update.photo_credit = CREDIT
        picture = illustration_bytes("storm", f"{post.slug}-update")
        update.photo.save(f"{post.slug}-update.jpg", ContentFile(picture), save=False)
        made = make_renditions(update.photo)
        update.photo_width, update.photo_height = made.width, made.height
    update.save()
    update.authors.set(Author.objects.filter(slug=author))
