"""Seed the benchmark database with a realistic site, fast (bulk inserts).

BENCH_POSTS posts (default 2,000) in 6 blogs, 50 tags, 20 authors, 50 lead images; one
post in fifty a draft, one in a hundred scheduled a month ahead, one breaking. Run by
bench/run.py with the benchmark's DATABASE_URL and DJANGO_MEDIA_ROOT.
"""

import random
from datetime import timedelta
from io import BytesIO

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image, ImageDraw
from taggit.models import Tag

from blog.images import make_renditions
from blog.markup import render_markdown
from blog.models import Author, Blog, Byline, Post, TaggedPost

BLOGS = ["City Desk", "Politics", "Business", "Sport", "Culture", "Science"]
WORDS = [
    *(
        [
            "council",
            "budget",
            "river",
            "bridge",
            "school",
            "hospital",
            "market",
            "station",
            "harbour",
            "election",
        ]
    ),
    *(
        [
            "vote",
            "mayor",
            "storm",
            "festival",
            "library",
            "museum",
            "team",
            "season",
            "league",
            "match",
            "result",
        ]
    ),
    *(
        [
            "research",
            "study",
            "energy",
            "transport",
            "housing",
            "rent",
            "wages",
            "jobs",
            "climate",
            "court",
            "ruling",
        ]
    ),
]
BATCH = 5000
ORM_POSTS = 2000


def sentence(rng, words=14):
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def body(rng):
    paragraphs = [" ".join(sentence(rng) for _ in range(5)) for _ in range(7)]
    paragraphs.insert(3, "> " + sentence(rng, 20))
    paragraphs.insert(5, "**" + sentence(rng, 6) + "** " + sentence(rng))
    return "\n\n".join(paragraphs)


def lead_image(seed):
    rng = random.Random(seed)
    image = Image.new("RGB", (1600, 900), tuple(rng.randint(40, 200) for _ in range(3)))
    draw = ImageDraw.Draw(image)
    for _ in range(12):
        x, y = rng.randint(0, 1500), rng.randint(0, 800)
        draw.ellipse([x, y, x + 200, y + 200], fill=tuple(rng.randint(0, 255) for _ in range(3)))
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=80)
    name = default_storage.save(
        f"lead-images/bench/photo-{seed}.jpg", ContentFile(buffer.getvalue())
    )
    return name


def seed(posts_wanted, tags_wanted=50, authors_wanted=20, images_wanted=50):
    """Make up to ORM_POSTS posts one by one in Python; copy them in SQL for the rest."""
    seed_site(min(posts_wanted, ORM_POSTS), tags_wanted, authors_wanted, images_wanted)
    if posts_wanted > ORM_POSTS:
        copy_posts(posts_wanted - ORM_POSTS)


def seed_site(posts_wanted, tags_wanted, authors_wanted, images_wanted):
    rng = random.Random(2024)
    now = timezone.now()
    with transaction.atomic():
        blogs = Blog.objects.bulk_create(
            Blog(name=name, slug=slugify(name), tagline=sentence(rng, 6), about=sentence(rng, 30))
            for name in BLOGS
        )
        authors = Author.objects.bulk_create(
            Author(name=f"Reporter {n}", slug=f"reporter-{n}", bio=sentence(rng, 20))
            for n in range(1, authors_wanted + 1)
        )
        tags = Tag.objects.bulk_create(
            Tag(name=f"Topic {n}", slug=f"topic-{n}") for n in range(1, tags_wanted + 1)
        )
    images = [lead_image(n) for n in range(images_wanted)]
    field = Post._meta.get_field("lead_image")
    for name in images:
        make_renditions(field.attr_class(None, field, name))
    bodies = [body(rng) for _ in range(20)]
    html = [render_markdown(text) for text in bodies]
    for start in range(0, posts_wanted, BATCH):
        batch = []
        for number in range(start, min(start + BATCH, posts_wanted)):
            published_at = now - timedelta(minutes=37 * number + rng.randint(0, 30))
            status = Post.Status.DRAFT if number % 50 == 49 else Post.Status.PUBLISHED
            if number % 100 == 50:
                published_at = now + timedelta(days=30, minutes=number)
            variant = number % len(bodies)
            batch.append(
                Post(
                    blog=blogs[number % len(blogs)],
                    headline=sentence(rng, 9)[:-1],
                    slug=f"post-{number}",
                    standfirst=sentence(rng, 25),
                    body=bodies[variant],
                    body_html=html[variant],
                    lead_image=images[number % len(images)],
                    lead_image_width=1600,
                    lead_image_height=900,
                    lead_image_alt="A made-up photograph",
                    lead_image_caption=sentence(rng, 8),
                    lead_image_credit="Bench / Newsroom",
                    status=status,
                    published_at=published_at,
                    is_breaking=number == 3,
                )
            )
        with transaction.atomic():
            created = Post.objects.bulk_create(batch)
            Byline.objects.bulk_create(
                Byline(post=post, author=author, position=position)
                for post in created
                for position, author in enumerate(rng.sample(authors, rng.choice([1, 1, 2])))
            )
            TaggedPost.objects.bulk_create(
                TaggedPost(content_object=post, tag=tag)
                for post in created
                for tag in rng.sample(tags, 3)
            )


COPIED_COLUMNS = [
    field.column
    for field in Post._meta.concrete_fields
    if field.column
    not in {
        "id",
        "slug",
        "published_at",
        "updated_at",
        "created_at",
        "is_breaking",
        "breaking_until",
    }
]


def copy_posts(count):
    """COUNT more posts, copies of the first ORM_POSTS with their bylines and tags, each set of
    copies published before the one it copies (so the newest pages show the same posts at any
    size). Slugs are "post-N-K" for the Kth copy of "post-N". The search index is dropped
    while copying and made again after, as one would for a bulk import."""
    columns = ", ".join(COPIED_COLUMNS)
    with connection.cursor() as cursor:
        cursor.execute("SELECT max(published_at) - min(published_at) FROM blog_post")
        (span,) = cursor.fetchone()
        span += timedelta(hours=1)
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'post_search_idx'")
        search_index = cursor.fetchone()
        if search_index:
            cursor.execute("DROP INDEX post_search_idx")
        cursor.execute(
            f"""
            INSERT INTO blog_post ({columns}, slug, published_at, updated_at, created_at,
                                   is_breaking, breaking_until)
            SELECT {columns}, slug || '-' || copy, published_at - copy * %(span)s,
                   updated_at - copy * %(span)s, created_at - copy * %(span)s, false, NULL
            FROM blog_post CROSS JOIN generate_series(1, %(rounds)s) AS copy
            ORDER BY copy, id
            LIMIT %(count)s
            """,
            {"span": span, "rounds": count // ORM_POSTS + 1, "count": count},
        )
        original = "original.slug = regexp_replace(copy.slug, '-[0-9]+$', '')"
        cursor.execute(
            f"""
            INSERT INTO blog_byline (post_id, author_id, position)
            SELECT copy.id, byline.author_id, byline.position
            FROM blog_post copy
            JOIN blog_post original ON original.blog_id = copy.blog_id AND {original}
            JOIN blog_byline byline ON byline.post_id = original.id
            WHERE copy.slug ~ '^post-[0-9]+-[0-9]+$'
            """
        )
        cursor.execute(
            f"""
            INSERT INTO blog_taggedpost (content_object_id, tag_id)
            SELECT copy.id, tagged.tag_id
            FROM blog_post copy
            JOIN blog_post original ON original.blog_id = copy.blog_id AND {original}
            JOIN blog_taggedpost tagged ON tagged.content_object_id = original.id
            WHERE copy.slug ~ '^post-[0-9]+-[0-9]+$'
            """
        )
        if search_index:
            cursor.execute("SET maintenance_work_mem = '1GB'")
            cursor.execute(search_index[0])
