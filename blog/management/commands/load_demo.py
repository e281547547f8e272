import random
from datetime import timedelta
from io import BytesIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont

from blog import operations, roles
from blog.images import make_lead_image_renditions, make_renditions
from blog.models import Author, Blog, Photo, Post
from live.demo import load_live_coverage

from ._demo_content import AUTHORS, BLOGS, POSTS
from ._demo_illustrations import CREDIT, illustration, illustration_bytes

DEMO_ACCOUNTS = [
    # (username, password, group) — for a local demo only; never load this on a public site.
    ("admin", "newsroom-admin", None),
    ("editor", "newsroom-editor", roles.EDITORS),
    ("author", "newsroom-author", roles.AUTHORS),
]


def author_photo_bytes(name, seed):
    rng = random.Random(seed)
    image = Image.new("RGB", (400, 400), tuple(rng.randint(40, 110) for _ in range(3)))
    draw = ImageDraw.Draw(image)
    initials = "".join(part[0] for part in name.split()[:2]).upper()
    font = ImageFont.load_default(size=160)
    draw.text((200, 200), initials, fill=(255, 255, 255), font=font, anchor="mm")
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


class Command(BaseCommand):
    help = "Load demo blogs, authors, posts and accounts. Running it again changes nothing."

    def handle(self, *args, **options):
        now = timezone.now()
        with transaction.atomic():
            blogs = {
                data["slug"]: Blog.objects.update_or_create(slug=data["slug"], defaults=data)[0]
                for data in BLOGS
            }
            authors = {data["slug"]: self.load_author(data) for data in AUTHORS}
            newest = min(POSTS, key=lambda data: data["hours_ago"])
            created = 0
            for data in POSTS:
                post = self.load_post(
                    data, blogs, authors, now - timedelta(hours=data["hours_ago"])
                )
                created += post is not None
                if post and data is newest:
                    operations.flag_breaking(post)
            created += self.load_unpublished(blogs, authors, now)
            self.load_accounts(authors)
        self.stdout.write(self.style.SUCCESS(f"Demo content ready ({created} new posts)."))
        self.stdout.write("Demo logins for the admin, /admin/ (local demo only):")
        for username, password, _ in DEMO_ACCOUNTS:
            self.stdout.write(
                f"  {username.capitalize():<7} user: {username:<7} password: {password}"
            )
        load_live_coverage()  # the demo's live posts (live/demo.py)

    def load_author(self, data):
        author, created = Author.objects.update_or_create(slug=data["slug"], defaults=data)
        if created or not author.photo:
            author.photo.save(
                f"{author.slug}.jpg", ContentFile(author_photo_bytes(author.name, author.slug))
            )
        return author

    def load_post(self, data, blogs, authors, published_at):
        """Create a post unless one with its slug exists in its blog; return it when created.
        It is published at published_at (scheduled if that is to come), or a draft if None."""
        blog = blogs[data["blog"]]
        if Post.objects.filter(blog=blog, slug=data["slug"]).exists():
            return None
        alt, caption = illustration(data["illustration"])
        body = data["body"]
        if "body_photo" in data:
            body = body.replace("[photo]", self.load_photo(data["body_photo"], data["slug"]).code)
        post = Post(
            blog=blog,
            slug=data["slug"],
            headline=data["headline"],
            standfirst=data["standfirst"],
            body=body,
            lead_image_caption=caption,
            lead_image_credit=CREDIT,
            lead_image_alt=alt,
        )
        picture = illustration_bytes(data["illustration"], data["slug"])
        post.lead_image.save(f"{data['slug']}.jpg", ContentFile(picture), save=False)
        make_lead_image_renditions(post)  # and its size, so pages never measure it in storage
        if published_at is None:
            post.save()
        elif published_at > timezone.now():
            operations.schedule(post, published_at)
        else:
            operations.publish(post, at=published_at)
        if published_at and published_at < post.updated_at:
            # Back-dated demo posts read as written at their publication time, not updated now.
            Post.objects.filter(pk=post.pk).update(
                updated_at=published_at, text_changed_at=published_at
            )
        operations.set_byline(post, [authors[slug] for slug in data["authors"]])
        post.tags.set(data["tags"])
        return post

    def load_photo(self, kind, seed):
        """A photo of the library, as the admin stores one (blog.forms.PhotoForm)."""
        alt, caption = illustration(kind)
        photo = Photo(caption=caption, credit=CREDIT, alt=alt)
        photo.image.save(f"{seed}-{kind}.jpg", ContentFile(illustration_bytes(kind, seed)), False)
        made = make_renditions(photo.image)
        photo.width, photo.height = made.width, made.height
        photo.save()
        return photo

    def load_unpublished(self, blogs, authors, now):
        """One draft and one post scheduled for tomorrow, to show what readers cannot see."""
        first_blog = BLOGS[0]["slug"]
        first_author = AUTHORS[0]["slug"]
        extra = {
            "illustration": "columns",
            "tags": [],
            "authors": [first_author],
            "blog": first_blog,
        }
        draft = {
            **extra,
            "slug": "draft-notes-on-the-budget-vote",
            "headline": "Draft: notes on the budget vote",
            "standfirst": "Work in progress; readers cannot see this post.",
            "body": "Still being written. Check the figures with the desk before publishing.",
        }
        scheduled = {
            **extra,
            "slug": "scheduled-morning-briefing",
            "headline": "Scheduled: tomorrow's morning briefing",
            "standfirst": "This post is scheduled; it goes live by itself at its publication time.",
            "body": "Good morning. Here is what to watch today.",
        }
        created = self.load_post(draft, blogs, authors, None)
        created_scheduled = self.load_post(scheduled, blogs, authors, now + timedelta(days=1))
        return (created is not None) + (created_scheduled is not None)

    def load_accounts(self, authors):
        User = get_user_model()
        for username, password, group in DEMO_ACCOUNTS:
            user, created = User.objects.get_or_create(
                username=username, defaults={"email": f"{username}@example.org"}
            )
            if created:
                user.set_password(password)
            user.is_staff = True
            user.is_superuser = group is None
            user.save()
            if group:
                user.groups.add(Group.objects.get(name=group))
        # The author and the editor each write under a byline of their own, which a new
        # post of theirs starts with.
        for username, data in [("author", AUTHORS[0]), ("editor", AUTHORS[1])]:
            profile = authors[data["slug"]]
            if profile.user_id is None:
                profile.user = User.objects.get(username=username)
                profile.save(update_fields=["user"])
