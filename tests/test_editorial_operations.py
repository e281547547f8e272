"""Editorial rules hold whatever path makes the change: the ORM, a command or the admin. A live
post's slug change leaves a redirect, a delete leaves 410 Gone, a renamed author or blog keeps
its old address and its posts are found by the new name, a photo let go of is deleted; and
“when is a post public” is one rule, which every form of it follows."""

from datetime import timedelta
from io import StringIO
from itertools import product
from unittest import mock

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone
from taggit.models import Tag

from blog import operations, publication
from blog.models import Author, Post

from .builders import image_upload, make_author, make_blog, make_post


class PostAddressTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.blog = make_blog(slug="city")
        cls.post = make_post(blog=cls.blog, slug="bridge-opens", headline="Bridge opens")

    def test_a_live_posts_slug_changed_through_the_orm_redirects_from_the_old_address(self):
        self.post.slug = "new-bridge-opens"
        self.post.save()
        response = self.client.get("/blogs/city/bridge-opens/")
        self.assertRedirects(response, "/blogs/city/new-bridge-opens/", status_code=301)

    def test_change_slug_and_a_move_to_another_blog_redirect_every_old_address(self):
        operations.change_slug(self.post, "bridge-opens-at-last")
        operations.change_slug(self.post, "bridge-opens-at-last", blog=make_blog(slug="metro"))
        for old in ["/blogs/city/bridge-opens/", "/blogs/city/bridge-opens-at-last/"]:
            response = self.client.get(old)
            self.assertRedirects(response, "/blogs/metro/bridge-opens-at-last/", status_code=301)

    def test_a_drafts_old_slug_is_not_kept(self):
        draft = make_post(blog=self.blog, slug="draft", status=Post.Status.DRAFT, published_at=None)
        operations.change_slug(draft, "draft-renamed")
        self.assertEqual(self.client.get("/blogs/city/draft/").status_code, 404)

    def test_a_live_post_deleted_through_the_orm_answers_410_gone(self):
        self.post.delete()
        response = self.client.get("/blogs/city/bridge-opens/")
        self.assertContains(response, "This post has been removed", status_code=410)

    def test_posts_deleted_as_a_queryset_answer_410_and_drafts_404(self):
        make_post(blog=self.blog, slug="a-draft", status=Post.Status.DRAFT, published_at=None)
        Post.objects.filter(blog=self.blog).delete()
        self.assertEqual(self.client.get("/blogs/city/bridge-opens/").status_code, 410)
        self.assertEqual(self.client.get("/blogs/city/a-draft/").status_code, 404)

    def test_delete_posts_answers_410_at_every_old_address(self):
        operations.change_slug(self.post, "bridge-opens-today")
        operations.delete_posts(Post.objects.filter(pk=self.post.pk))
        for address in ["/blogs/city/bridge-opens/", "/blogs/city/bridge-opens-today/"]:
            self.assertEqual(self.client.get(address).status_code, 410, address)

    def test_a_taken_down_post_deleted_still_answers_410_and_a_scheduled_one_404(self):
        now = timezone.now()
        taken_down = make_post(
            blog=self.blog,
            slug="taken-down",
            published_at=now - timedelta(days=2),
            unpublish_at=now - timedelta(days=1),
        )
        scheduled = make_post(blog=self.blog, slug="tomorrow", published_at=now + timedelta(1))
        Post.objects.filter(pk__in=[taken_down.pk, scheduled.pk]).delete()
        self.assertEqual(self.client.get("/blogs/city/taken-down/").status_code, 410)
        self.assertEqual(self.client.get("/blogs/city/tomorrow/").status_code, 404)


class RenameTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.blog = make_blog(name="City", slug="city")
        cls.author = make_author(name="Dana Reporter", slug="dana")
        cls.post = make_post(
            blog=cls.blog, slug="bridge-opens", authors=[cls.author], tags=["Transport"]
        )

    def found(self, query):
        return list(self.client.get("/search/", {"q": query}).context["page_obj"] or [])

    def test_an_author_renamed_through_the_orm_keeps_the_old_address_and_is_found_by_new_name(
        self,
    ):
        self.author.name, self.author.slug = "Dana Quill", "dana-quill"
        self.author.save()
        self.assertRedirects(
            self.client.get("/authors/dana/"), "/authors/dana-quill/", status_code=301
        )
        self.assertEqual(self.found("Quill"), [self.post])
        self.assertEqual(self.found("Reporter"), [])

    def test_rename_keeps_a_blogs_old_addresses(self):
        operations.rename(self.blog, name="Metro", slug="metro")
        self.assertRedirects(self.client.get("/blogs/city/"), "/blogs/metro/", status_code=301)
        self.assertRedirects(
            self.client.get("/blogs/city/bridge-opens/"),
            "/blogs/metro/bridge-opens/",
            status_code=301,
        )

    def test_a_tag_renamed_through_the_orm_keeps_its_address_and_search_text(self):
        tag = Tag.objects.get(name="Transport")
        operations.rename(tag, name="Roads", slug="roads")
        self.assertRedirects(self.client.get("/tags/transport/"), "/tags/roads/", status_code=301)
        self.assertEqual(self.found("Roads"), [self.post])
        tag.delete()
        self.assertEqual(self.found("Roads"), [])

    def test_bylines_and_tags_changed_through_the_orm_refresh_the_search_text(self):
        other = make_author(name="Sam Lens")
        self.post.bylines.create(author=other, position=1)
        self.post.tags.add("Harbour")
        self.assertEqual(self.found("Lens Harbour"), [self.post])
        self.post.tags.remove("Harbour")
        self.post.bylines.get(author=other).delete()
        self.assertEqual(self.found("Lens"), [])
        self.assertEqual(self.found("Harbour"), [])


class PublishingOperationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.blog = make_blog(slug="city")

    def draft(self, **fields):
        return make_post(blog=self.blog, status=Post.Status.DRAFT, published_at=None, **fields)

    def test_publish_puts_a_draft_live_now(self):
        post = self.draft()
        self.assertTrue(operations.publish(post))
        self.assertEqual(self.client.get(post.get_absolute_url()).status_code, 200)
        self.assertLess(timezone.now() - post.published_at, timedelta(seconds=5))

    def test_publish_leaves_a_live_post_and_its_time_alone(self):
        post = make_post(blog=self.blog)
        published_at = post.published_at
        self.assertFalse(operations.publish(post))
        post.refresh_from_db()
        self.assertEqual(post.published_at, published_at)

    def test_publish_refuses_a_photo_without_caption_and_saves_nothing(self):
        post = self.draft(lead_image="lead-images/x.jpg", lead_image_alt="A street")
        with self.assertRaises(ValidationError):
            operations.publish(post)
        post.refresh_from_db()
        self.assertEqual(post.status, Post.Status.DRAFT)

    def test_schedule_embargoes_until_its_time_and_refuses_a_time_past(self):
        post = self.draft()
        at = timezone.now() + timedelta(hours=2)
        operations.schedule(post, at)
        self.assertEqual(post.publication_state, "Scheduled")
        self.assertEqual(self.client.get(post.get_absolute_url()).status_code, 404)
        with mock.patch("django.utils.timezone.now", return_value=at):
            self.assertEqual(self.client.get(post.get_absolute_url()).status_code, 200)
        with self.assertRaises(ValidationError):
            operations.schedule(post, timezone.now() - timedelta(minutes=1))

    def test_unpublish_hides_a_live_post_and_its_address_answers_404(self):
        post = make_post(blog=self.blog)
        operations.unpublish(post)
        self.assertEqual(post.status, Post.Status.DRAFT)
        self.assertEqual(self.client.get(post.get_absolute_url()).status_code, 404)

    def test_flag_and_clear_breaking(self):
        post = make_post(blog=self.blog, headline="Storm hits the coast")
        operations.flag_breaking(post, until=timezone.now() + timedelta(hours=1))
        self.assertEqual(list(Post.objects.breaking()), [post])
        operations.clear_breaking(post)
        post.refresh_from_db()
        self.assertEqual((post.is_breaking, post.breaking_until), (False, None))

    def test_apply_acts_on_each_post_and_reports_those_refused(self):
        ready = self.draft(headline="Ready")
        self.draft(headline="Unready", lead_image="lead-images/x.jpg", lead_image_alt="x")
        done, refused = operations.apply(operations.publish, Post.objects.all())
        self.assertEqual(done, 1)
        self.assertEqual(len(refused), 1)
        self.assertIn("Unready", refused[0])
        ready.refresh_from_db()
        self.assertTrue(ready.is_published)


class PhotoTests(TestCase):
    """A stored photo a change lets go of is deleted once the change commits."""

    @classmethod
    def setUpTestData(cls):
        cls.blog = make_blog()

    def stored(self, name):
        return default_storage.save(f"lead-images/tests/{name}", ContentFile(b"jpeg"))

    def test_a_post_deleted_through_the_orm_takes_its_photo(self):
        name = self.stored("a.jpg")
        post = make_post(blog=self.blog, lead_image=name, lead_image_alt="A street")
        with self.captureOnCommitCallbacks(execute=True):
            post.delete()
        self.assertFalse(default_storage.exists(name))

    def test_a_replaced_photo_goes_and_one_still_used_stays(self):
        first, second = self.stored("b.jpg"), self.stored("c.jpg")
        post = make_post(blog=self.blog, lead_image=first, lead_image_alt="A street")
        make_post(blog=self.blog, lead_image=second, lead_image_alt="A bridge")
        with self.captureOnCommitCallbacks(execute=True):
            post.lead_image = second
            post.save()
        self.assertFalse(default_storage.exists(first))
        with self.captureOnCommitCallbacks(execute=True):
            Post.objects.filter(pk=post.pk).delete()
        self.assertTrue(default_storage.exists(second))

    def test_an_authors_photo_goes_when_replaced_and_with_the_author(self):
        author = make_author()
        author.photo.save("pat.jpg", image_upload(name="pat.jpg"))
        first = author.photo.name
        with self.captureOnCommitCallbacks(execute=True):
            author.photo.save("pat2.jpg", image_upload(name="pat2.jpg"))
        self.assertFalse(default_storage.exists(first))
        second = author.photo.name
        with self.captureOnCommitCallbacks(execute=True):
            Author.objects.filter(pk=author.pk).delete()
        self.assertFalse(default_storage.exists(second))


class DemoContentTests(TestCase):
    def test_load_demo_posts_keep_the_rules(self):
        with self.captureOnCommitCallbacks(execute=True):
            call_command("load_demo", stdout=StringIO())
        post = Post.objects.published().filter(lead_image__gt="").first()
        author = post.authors.first()
        old_address = post.get_absolute_url()
        operations.change_slug(post, f"{post.slug}-renamed")
        self.assertRedirects(self.client.get(old_address), post.get_absolute_url(), 301)
        operations.rename(author, name="Zebediah Quorn")
        page = self.client.get("/search/", {"q": "Quorn"}).context["page_obj"]
        self.assertIn(post, list(page))


class PublicationRuleTests(TestCase):
    """Every form of “when is a post public” (the queryset, the Q for each state, the Python
    predicates on a post, the admin's filter) agrees on a grid of statuses and times."""

    @classmethod
    def setUpTestData(cls):
        cls.now = timezone.now()
        blog = make_blog()
        times = [None, *(cls.now + timedelta(hours=hours) for hours in (-2, -1, 0, 1, 2))]
        cls.posts = []
        for status, published_at, unpublish_at in product(Post.Status, times, times):
            if status == Post.Status.PUBLISHED and published_at is None:
                continue  # the database refuses it (post_published_has_publication_time)
            if unpublish_at and published_at and unpublish_at <= published_at:
                continue  # and this (post_unpublished_after_publication)
            post = Post(
                blog=blog,
                headline=f"{status} {published_at} {unpublish_at}",
                slug=f"post-{len(cls.posts)}",
                body="Text.",
                status=status,
                published_at=published_at,
                unpublish_at=unpublish_at,
            )
            cls.posts.append(post)
        Post.objects.bulk_create(cls.posts)

    def test_each_post_is_in_exactly_one_state_and_its_python_form_agrees(self):
        for moment in [self.now, self.now + timedelta(hours=1, seconds=1)]:
            with mock.patch("django.utils.timezone.now", return_value=moment):
                in_state = {
                    state: set(Post.objects.in_state(state).values_list("pk", flat=True))
                    for state in publication.STATES
                }
                for post in Post.objects.all():
                    found = [state for state, pks in in_state.items() if post.pk in pks]
                    self.assertEqual(found, [post.state], post.headline)

    def test_published_and_is_published_agree(self):
        for moment in [self.now, self.now + timedelta(hours=1, seconds=1)]:
            with mock.patch("django.utils.timezone.now", return_value=moment):
                published = set(Post.objects.published().values_list("pk", flat=True))
                self.assertTrue(published)
                for post in Post.objects.all():
                    self.assertEqual(post.is_published, post.pk in published, post.headline)
                    self.assertEqual(
                        post.has_gone_out,
                        post.state in {publication.LIVE, publication.TAKEN_DOWN},
                    )

    def test_the_admins_filter_follows_the_rule(self):
        from django.contrib.admin.sites import site
        from django.test import RequestFactory

        from blog.admin import PublicationFilter

        request = RequestFactory().get("/")
        for state in publication.STATES:
            chosen = PublicationFilter(request, {"state": [state]}, Post, site._registry[Post])
            self.assertQuerySetEqual(
                chosen.queryset(request, Post.objects.all()).order_by("pk"),
                Post.objects.in_state(state).order_by("pk"),
            )
