"""Cached pages are always the pages a fresh render gives, whatever editors change.

Hypothesis applies random sequences of edits and, after each, reads every reader page through
the page cache (a hit if the page was stored before the edit and the cache thinks it still
current) and compares it, byte for byte, with a render that bypasses the cache. On SQLite the
cache is local memory; on PostgreSQL it is a real Redis, a private redis-server of the test.
"""

import contextlib
import gzip
import re
import time
from collections import Counter, OrderedDict
from datetime import timedelta
from unittest import mock

from django.conf import settings
from django.core.cache import caches
from django.db import connection, transaction
from django.test import TestCase, override_settings
from django.utils import timezone
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)
from taggit.models import Tag

from blog.models import Author, Blog, Byline, Correction, Photo, Post
from blog.site_state import next_change_at
from frontpage import desk
from frontpage.models import Pin
from live.models import Coverage, Update
from pagecache import release
from pagecache.fragments import fragments
from pagecache.pages import memory

from .builders import make_author, make_blog, make_post
from .readers import ReaderClient
from .servers import RedisServer

# Short, with characters that need escaping in HTML and JSON-LD.
TEXT = st.text(alphabet="abcdé <&>'\"", min_size=1, max_size=12).map(str.strip).filter(bool)
SLUGS = st.sampled_from(["alpha", "beta", "gamma", "delta"])
PICK = st.integers(min_value=0, max_value=99)
# Scheduled moments are this far ahead: far enough that a check rarely straddles one.
SOON = timedelta(seconds=1.5)


# Raw SQL forms that a statement-reading watch missed; the database's triggers see them all.
RAW_UPDATES = [
    "/* desk */ UPDATE blog_post SET headline = %s WHERE id = {id}",
    "WITH edit AS (SELECT {id} AS id) UPDATE blog_post SET headline = %s "
    "WHERE id IN (SELECT id FROM edit)",
    "pg:EXPLAIN ANALYZE UPDATE blog_post SET headline = %s WHERE id = {id}",
    "pg:MERGE INTO blog_post p USING (SELECT {id} AS id) s ON p.id = s.id "
    "WHEN MATCHED THEN UPDATE SET headline = %s",
]


def without_empty_feed_date(content):
    """A feed with no item says it was built at the moment it was rendered (Django's rule
    when no item has a date): the one part of a page that differs from render to render."""
    if "<item>" in content or "<entry>" in content:
        return content
    return re.sub(r"<(lastBuildDate|updated)>[^<]*</", r"<\1></", content)


def redis_pages_cache(server):
    """The "pages" cache on server, a RedisServer of the test's own (tests/servers.py)."""
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": server.url,
        "KEY_PREFIX": "consistency",
        "OPTIONS": {"IGNORE_EXCEPTIONS": False},
    }


@contextlib.contextmanager
def no_kept_fragments():
    """Render from the database alone: no card or update kept by pagecache.fragments, no
    shared data kept by pagecache.kept (on Redis, the generation is shared even with the page
    cache off); what they keep stays for the cached side's next render."""
    kept_entries, kept_bytes = fragments.entries, fragments.bytes
    fragments.entries, fragments.bytes = OrderedDict(), 0
    try:
        with mock.patch("pagecache.kept.generation_of", return_value=None):
            yield
    finally:
        fragments.entries, fragments.bytes = kept_entries, kept_bytes


class EditorsAndReaders(RuleBasedStateMachine):
    case = None  # the TestCase running the machine

    @initialize()
    def start(self):
        self.savepoint = transaction.atomic()
        self.savepoint.__enter__()
        self.reader = ReaderClient()
        self.release = mock.patch.object(release, "current", "release-1")
        self.release.start()
        self.releases = 1
        self.configuration = []
        city, sport = make_blog(name="City"), make_blog(name="Sport")
        ann, bob = make_author(name="Ann"), make_author(name="Bob")
        bridge = make_post(blog=city, headline="Bridge", authors=[ann], tags=["Roads"])
        Coverage.objects.create(post=bridge)
        Update.objects.create(post=bridge, body="Bridge closed", is_key_event=True)
        make_post(blog=city, headline="Park", authors=[bob], tags=["Parks", "Roads"])
        make_post(blog=sport, headline="Match", authors=[ann, bob], tags=["Goals"])
        self.commit()

    def teardown(self):
        for overridden in reversed(getattr(self, "configuration", [])):
            overridden.disable()
        if hasattr(self, "savepoint"):
            self.release.stop()
            transaction.set_rollback(True)
            self.savepoint.__exit__(None, None, None)

    # What editors do. Each rule commits (its bumps run) before the pages are checked.

    def commit(self):
        """Run the on-commit work of the writes made so far, as a real commit would."""
        callbacks = [callback for _, callback, _ in connection.run_on_commit]
        connection.run_on_commit.clear()
        for callback in callbacks:
            callback()

    @staticmethod
    def pick(queryset, index):
        items = list(queryset.order_by("pk"))
        return items[index % len(items)] if items else None

    @rule(index=PICK, headline=TEXT)
    def edit_headline(self, index, headline):
        post = self.pick(Post.objects.all(), index)
        if post:
            post.headline = headline
            post.save()

    @rule(index=PICK, standfirst=TEXT)
    def update_in_bulk(self, index, standfirst):
        post = self.pick(Post.objects.all(), index)
        if post:
            Post.objects.filter(pk=post.pk).update(standfirst=standfirst, headline=standfirst)

    @rule(blog_index=PICK, headline=TEXT, slug=SLUGS, author_index=PICK)
    def write_post(self, blog_index, headline, slug, author_index):
        blog = self.pick(Blog.objects.all(), blog_index)
        if blog and not Post.objects.filter(blog=blog, slug=slug).exists():
            author = self.pick(Author.objects.all(), author_index)
            make_post(blog=blog, headline=headline, slug=slug, authors=[author] if author else [])

    @rule(index=PICK, slug=SLUGS)
    def change_post_slug(self, index, slug):
        post = self.pick(Post.objects.all(), index)
        if post and not Post.objects.filter(blog=post.blog, slug=slug).exists():
            post.slug = slug
            post.save()

    @rule(index=PICK)
    def delete_post(self, index):
        post = self.pick(Post.objects.all(), index)
        if post:
            post.delete()

    @rule(index=PICK, to_draft=st.booleans())
    def change_status(self, index, to_draft):
        post = self.pick(Post.objects.all(), index)
        if post:
            post.status = Post.Status.DRAFT if to_draft else Post.Status.PUBLISHED
            post.save()

    @rule(index=PICK, going_live=st.booleans())
    def schedule(self, index, going_live):
        post = self.pick(Post.objects.all(), index)
        if post:
            moment = timezone.now() + SOON
            if going_live:
                post.status, post.published_at, post.unpublish_at = (
                    Post.Status.PUBLISHED,
                    moment,
                    None,
                )
            else:
                post.unpublish_at = moment
            post.save()
            self.wait_until(moment)

    @rule(index=PICK, until=st.booleans())
    def flag_breaking(self, index, until):
        post = self.pick(Post.objects.all(), index)
        if post:
            post.is_breaking = True
            post.breaking_until = timezone.now() + SOON if until else None
            post.save()
            if until:
                self.wait_until(post.breaking_until)

    @rule()
    def clear_breaking(self):
        for post in Post.objects.filter(is_breaking=True):
            post.is_breaking = False
            post.save()

    @rule(index=PICK, lead=st.booleans(), until=st.booleans(), unpin=st.booleans())
    def pin_a_story(self, index, lead, until, unpin):
        """The desk pins a live story as lead or top story, for a while (it steps down with
        nothing saved) or until unpinned, or unpins one."""
        if unpin:
            pin = self.pick(Pin.objects.all(), index)
            if pin:
                desk.unpin(pin)
            return
        post = self.pick(Post.objects.published(), index)
        if post:
            moment = timezone.now() + SOON if until else None
            desk.pin(post, Pin.Slot.LEAD if lead else Pin.Slot.TOP, until=moment)
            if until:
                self.wait_until(moment)

    def wait_until(self, moment):
        """Let readers fill the cache, then let the moment pass with nothing saved."""
        self.commit()
        self.check_every_page()
        time.sleep(max(0, (moment - timezone.now()).total_seconds()) + 0.05)

    @rule(post_index=PICK, author_index=PICK)
    def add_to_byline(self, post_index, author_index):
        post = self.pick(Post.objects.all(), post_index)
        author = self.pick(Author.objects.all(), author_index)
        if post and author and not post.bylines.filter(author=author).exists():
            Byline.objects.create(post=post, author=author, position=post.bylines.count())

    @rule(index=PICK)
    def drop_from_byline(self, index):
        byline = self.pick(Byline.objects.all(), index)
        if byline:
            byline.delete()

    @rule(index=PICK, name=TEXT, slug=SLUGS)
    def edit_author(self, index, name, slug):
        author = self.pick(Author.objects.all(), index)
        if author:
            author.name = name
            if not Author.objects.filter(slug=slug).exists():
                author.slug = slug
            author.save()

    @rule(index=PICK, name=st.sampled_from(["Roads", "Parks", "Rain", "Goals"]))
    def tag_post(self, index, name):
        post = self.pick(Post.objects.all(), index)
        if post:
            post.tags.add(name)

    @rule(index=PICK)
    def untag_post(self, index):
        post = self.pick(Post.objects.all(), index)
        if post and post.tags.exists():
            post.tags.remove(post.tags.first())

    @rule(index=PICK, name=TEXT, slug=SLUGS)
    def edit_tag(self, index, name, slug):
        tag = self.pick(Tag.objects.all(), index)
        if tag and not Tag.objects.filter(name=name).exclude(pk=tag.pk).exists():
            tag.name = name
            if not Tag.objects.filter(slug=slug).exists():
                tag.slug = slug
            tag.save()

    @rule(index=PICK)
    def delete_tag(self, index):
        tag = self.pick(Tag.objects.all(), index)
        if tag:
            tag.delete()

    @rule(index=PICK, about=TEXT, name=TEXT, slug=SLUGS)
    def edit_blog(self, index, about, name, slug):
        blog = self.pick(Blog.objects.all(), index)
        if blog:
            blog.about, blog.name = about, name
            if not Blog.objects.filter(slug=slug).exists():
                blog.slug = slug
            blog.save()

    @rule(index=PICK, text=TEXT)
    def add_correction(self, index, text):
        post = self.pick(Post.objects.all(), index)
        if post:
            Correction.objects.create(post=post, text=text)

    @rule(index=PICK, headline=TEXT, blog_index=PICK, slug=SLUGS)
    def save_a_draft(self, index, headline, blog_index, slug):
        """Editors save drafts all day: a new one, or an edit of one (with its tags and a
        byline), which must change no page and so drop none."""
        draft = self.pick(Post.objects.exclude(status=Post.Status.PUBLISHED), index)
        blog = self.pick(Blog.objects.all(), blog_index)
        if draft is None and not Post.objects.filter(blog=blog, slug=slug).exists():
            draft = make_post(blog=blog, slug=slug, status=Post.Status.DRAFT, published_at=None)
        if draft:
            draft.headline = headline
            draft.save()
            draft.tags.add("Roads")
            author = self.pick(Author.objects.all(), index)
            if author and not draft.bylines.filter(author=author).exists():
                Byline.objects.create(post=draft, author=author, position=9)

    @rule(index=PICK, headline=TEXT, form=st.sampled_from(RAW_UPDATES))
    def edit_in_raw_sql(self, index, headline, form):
        post = self.pick(Post.objects.all(), index)
        if post and (connection.vendor == "postgresql" or not form.startswith("pg:")):
            with connection.cursor() as cursor:
                cursor.execute(form.removeprefix("pg:").format(id=post.pk), [headline])

    # Live coverage (live/): updates of a live post, on its page, in polls and feeds.

    @rule(index=PICK)
    def start_live_coverage(self, index):
        post = self.pick(Post.objects.filter(coverage__isnull=True), index)
        if post:
            Coverage.objects.create(post=post)

    @rule(index=PICK, body=TEXT, is_key_event=st.booleans(), is_pinned=st.booleans())
    def add_live_update(self, index, body, is_key_event, is_pinned):
        post = self.pick(Post.objects.filter(coverage__isnull=False), index)
        if post:
            if is_pinned:
                post.live_updates.update(is_pinned=False)
            update = Update.objects.create(
                post=post, body=body, is_key_event=is_key_event, is_pinned=is_pinned
            )
            update.authors.set(Author.objects.all()[:1])

    @rule(index=PICK, title=TEXT)
    def edit_live_update(self, index, title):
        update = self.pick(Update.objects.all(), index)
        if update:
            update.title = title
            update.save()

    @rule(index=PICK)
    def pin_live_update(self, index):
        update = self.pick(Update.objects.all(), index)
        if update:
            Update.objects.filter(post=update.post_id).update(is_pinned=False)
            update.is_pinned = True
            update.save()

    @rule(index=PICK)
    def flag_key_event(self, index):
        update = self.pick(Update.objects.all(), index)
        if update:
            update.is_key_event = not update.is_key_event
            update.save()

    @rule(index=PICK)
    def delete_live_update(self, index):
        update = self.pick(Update.objects.all(), index)
        if update:
            update.delete()

    @rule(index=PICK)
    def end_live_coverage(self, index):
        coverage = self.pick(Coverage.objects.running(), index)
        if coverage:
            coverage.ended_at = timezone.now()
            coverage.save()

    @rule(index=PICK)
    def show_a_photo_in_a_body(self, index):
        post = self.pick(Post.objects.all(), index)
        if post:
            photo = Photo.objects.create(
                image=f"photos/2026/12/photo-{Photo.objects.count()}.jpg",
                width=400,
                height=300,
                caption="Harbour",
                credit="Jo Photo",
                alt="The harbour",
            )
            post.body = f"{post.body}\n\n{photo.code}"
            post.save()

    @rule(index=PICK, caption=TEXT)
    def change_a_photos_caption(self, index, caption):
        photo = self.pick(Photo.objects.all(), index)
        if photo:
            photo.caption = caption
            photo.save()

    @rule(index=PICK)
    def delete_a_photo(self, index):
        photo = self.pick(Photo.objects.all(), index)
        if photo:
            photo.delete()

    @rule(name=TEXT)
    def change_the_configuration(self, name):
        """A deploy that changes only settings (here the site's name, on every page)."""
        overridden = override_settings(NEWSROOM_SITE_NAME=name)
        overridden.enable()
        self.configuration.append(overridden)
        self.release.stop()
        self.release = mock.patch.object(release, "current", release.compute())
        self.release.start()

    @rule()
    def deploy_a_new_release(self):
        self.releases += 1
        self.release.stop()
        self.release = mock.patch.object(release, "current", f"release-{self.releases}")
        self.release.start()

    # What readers see.

    def paths(self):
        posts = list(Post.objects.published().select_related("blog"))
        paths = {"/", "/archive/"}
        for blog in Blog.objects.all():
            paths |= {blog.get_absolute_url(), f"{blog.get_absolute_url()}archive/"}
        for post in posts:
            paths.add(post.get_absolute_url())
            paths.add(f"/archive/{timezone.localtime(post.published_at):%Y/%-m}/")
            archive = f"{post.blog.get_absolute_url()}archive/"
            paths.add(f"{archive}{timezone.localtime(post.published_at):%Y/%-m}/")
        paths |= {f"/tags/{tag.slug}/" for tag in Tag.objects.all()}
        paths |= {author.get_absolute_url() for author in Author.objects.all()}
        paths.add("/?utm_source=newsletter")
        paths |= {"/feeds/rss/", "/feeds/atom/", "/sitemap.xml"}
        paths |= {f"{blog.get_absolute_url()}feeds/rss/" for blog in Blog.objects.all()}
        for post in posts:
            if Coverage.objects.filter(post=post).exists():
                paths |= {f"/live/{post.pk}/updates/after/0/", f"/live/{post.pk}/feeds/atom/"}
        return sorted(paths)

    def check_every_page(self):
        for path in self.paths():
            for _ in range(3):
                started = timezone.now()
                # As browsers ask: the page may be stored from, or served as, a gzip body.
                cached = self.reader.get(path, headers={"Accept-Encoding": "gzip"})
                with override_settings(NEWSROOM_PAGE_CACHE_SECONDS=0), no_kept_fragments():
                    fresh = self.reader.get(path)
                # A scheduled moment between the two reads changes the page itself: read again.
                if next_change_at(started) > time.time():
                    break
            self.case.assertEqual(cached.status_code, fresh.status_code, path)
            self.answered[cached.get("X-Page-Cache")] += 1
            if cached.get("Content-Encoding") == "gzip":
                cached.content = gzip.decompress(cached.content)
            self.case.assertEqual(
                without_empty_feed_date(cached.content.decode()),
                without_empty_feed_date(fresh.content.decode()),
                f"{path} ({cached.get('X-Page-Cache')})",
            )

    @rule()
    def read_again(self):
        """A reader step with no edit: pages come from the cache."""

    @invariant()
    def every_cached_page_is_a_fresh_render(self):
        self.commit()
        self.check_every_page()


@override_settings(NEWSROOM_PAGE_CACHE_SECONDS=3600)
class CachedPagesMatchFreshRendersTests(TestCase):
    def test_random_edits_never_leave_a_cached_page_different_from_a_fresh_render(self):
        overrides = {}
        if connection.vendor == "postgresql":
            server = self.enterContext(RedisServer())
            overrides["CACHES"] = {**settings.CACHES, "pages": redis_pages_cache(server)}
        with override_settings(**overrides):
            caches["pages"].clear()
            memory.clear()
            EditorsAndReaders.case = self
            EditorsAndReaders.answered = answered = Counter()
            run_state_machine_as_test(
                EditorsAndReaders,
                settings=hypothesis_settings(
                    max_examples=6,
                    stateful_step_count=12,
                    deadline=None,
                    database=None,
                    suppress_health_check=list(HealthCheck),
                ),
            )
        # The comparisons covered pages served from the cache, pages rendered after a change,
        # and pages served again unrendered after a change their reads did not see.
        self.assertGreater(answered["hit"], 0)
        self.assertGreater(answered["miss"], 0)
        self.assertGreater(answered["revalidated"], 0)
