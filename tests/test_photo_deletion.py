"""Deleting a post or an author, or replacing or clearing a photo, deletes the stored photo
and every rendition of it once the change commits, on disk and in an S3 bucket; a storage
outage never stops the change, and a post restored from its history comes back without a
photo that is gone."""

import posixpath
import re
from io import StringIO

from django.contrib.auth.models import User
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection
from django.test import TestCase
from django.urls import reverse
from reversion.models import Version

from blog.images import make_renditions, stored_renditions
from blog.models import Author, Post
from live.models import Update

from .builders import change_form, image_upload, make_post
from .test_object_storage import OnObjectStorage, PhotoFormMixin


def stored_files(directory=""):
    """Every file in default storage under directory."""
    try:
        folders, files = default_storage.listdir(directory)
    except FileNotFoundError:
        return set()
    names = {posixpath.join(directory, name) for name in files}
    for folder in folders:
        names |= stored_files(posixpath.join(directory, folder))
    return names


class DeletedPhotoTests(PhotoFormMixin, TestCase):
    def assertAllStored(self, names):
        self.assertEqual([name for name in names if not default_storage.exists(name)], [])

    def assertNoneStored(self, names):
        self.assertEqual([name for name in names if default_storage.exists(name)], [])

    def delete(self, post):
        url = reverse("admin:blog_post_delete", args=[post.pk])
        with self.captureOnCommitCallbacks(execute=True):
            self.assertEqual(self.client.post(url, {"post": "yes"}).status_code, 302)

    def change(self, post, **changes):
        url = reverse("admin:blog_post_change", args=[post.pk])
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(url, change_form(post, **changes))
        self.assertEqual(response.status_code, 302)
        post.refresh_from_db()

    def test_deleting_a_post_deletes_its_photo_and_every_rendition(self):
        post = self.add_post("flood")
        other = self.add_post("flood-again")  # same file name, stored under another
        self.change(post, lead_image_focus_x=10)  # crops around a second focal point
        stored, kept = self.stored_photo(post), self.stored_photo(other)
        # The original; 4 widths in WebP and JPEG; 3 widths of 2 crops in both formats.
        self.assertEqual(len(stored), 1 + 8 + 12)
        self.assertAllStored(stored | kept)
        self.delete(post)
        self.assertFalse(Post.objects.filter(pk=post.pk).exists())
        self.assertNoneStored(stored)
        self.assertAllStored(kept)

    def test_deleting_posts_from_the_list_deletes_their_photos(self):
        posts = [self.add_post("flood"), self.add_post("storm")]
        stored = set().union(*(self.stored_photo(post) for post in posts))
        data = {"action": "delete_selected", "_selected_action": [p.pk for p in posts]}
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                reverse("admin:blog_post_changelist"), {**data, "post": "yes"}
            )
        self.assertEqual(response.status_code, 302)
        self.assertFalse(Post.objects.filter(pk__in=[p.pk for p in posts]).exists())
        self.assertNoneStored(stored)

    def test_a_new_photo_or_a_cleared_one_deletes_the_old_one(self):
        post = self.add_post("flood")
        first = self.stored_photo(post)
        self.change(post, lead_image=image_upload(name="second.jpg", size=(1600, 900)))
        second = self.stored_photo(post)
        self.assertFalse(first & second)
        self.assertNoneStored(first)
        self.assertAllStored(second)
        self.assertEqual(len(self.image_urls(post)), 8)
        self.change(post, **{"lead_image-clear": "on"})
        self.assertFalse(post.lead_image)
        self.assertNoneStored(second)

    def test_a_photo_another_post_refers_to_stays(self):
        post = self.add_post("flood")
        stored = self.stored_photo(post)
        make_post(
            blog=self.blog,
            lead_image=post.lead_image.name,
            lead_image_width=post.lead_image_width,
            lead_image_height=post.lead_image_height,
            lead_image_alt="The same photo",
        )
        self.delete(post)
        self.assertAllStored(stored)

    def test_an_author_photo_goes_with_the_author_and_when_replaced(self):
        data = {"name": "Pat Photographer", "slug": "pat", "bio": "", "user": ""}
        url = reverse("admin:blog_author_add")
        response = self.client.post(url, {**data, "photo": image_upload(name="pat.jpg")})
        self.assertEqual(response.status_code, 302)
        author = Author.objects.get(slug="pat")
        first = author.photo.name
        self.assertTrue(default_storage.exists(first))
        url = reverse("admin:blog_author_change", args=[author.pk])
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(url, {**data, "photo": image_upload(name="pat2.jpg")})
        self.assertEqual(response.status_code, 302)
        author.refresh_from_db()
        self.assertFalse(default_storage.exists(first))
        self.assertTrue(default_storage.exists(author.photo.name))
        # Only administrators delete authors.
        self.client.force_login(User.objects.create_superuser("chief"))
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                reverse("admin:blog_author_delete", args=[author.pk]), {"post": "yes"}
            )
        self.assertEqual(response.status_code, 302)
        self.assertFalse(default_storage.exists(author.photo.name))

    def test_a_delete_while_storage_is_down_deletes_the_post_and_logs_the_files_left(self):
        post = self.add_post("flood")
        stored = self.stored_photo(post)
        url = reverse("admin:blog_post_delete", args=[post.pk])
        with (
            self.storage_down(),
            self.assertLogs("blog.images", "WARNING") as logs,
            self.captureOnCommitCallbacks(execute=True),
        ):
            self.assertEqual(self.client.post(url, {"post": "yes"}).status_code, 302)
        self.assertFalse(Post.objects.filter(pk=post.pk).exists())
        self.assertIn(f"Storage did not delete {post.lead_image.name}", logs.output[0])
        self.assertAllStored(stored)

    def test_photos_an_outage_left_behind_are_deleted_later_by_a_command(self):
        post, other = self.add_post("flood"), self.add_post("bridge")
        stored = self.stored_photo(post)
        url = reverse("admin:blog_post_delete", args=[post.pk])
        with (
            self.storage_down(),
            self.assertLogs("blog.images", "WARNING"),
            self.captureOnCommitCallbacks(execute=True),
        ):
            self.assertEqual(self.client.post(url, {"post": "yes"}).status_code, 302)
        output = StringIO()
        call_command("delete_unused_images", stdout=output)
        self.assertNotIn(post.lead_image.name, output.getvalue())  # a day old at least
        call_command("delete_unused_images", "--hours=0", "--dry-run", stdout=output)
        self.assertIn(post.lead_image.name, output.getvalue())
        self.assertAllStored(stored)
        call_command("delete_unused_images", "--hours=0", stdout=StringIO())
        self.assertNoneStored(stored)
        self.assertAllStored(self.stored_photo(other))

    def test_a_live_updates_photo_left_behind_is_deleted_by_the_command_and_one_in_use_stays(
        self,
    ):
        post = make_post(blog=self.blog)
        used, orphaned = (self.update_with_photo(post, n) for n in range(2))
        with connection.cursor() as cursor:  # a delete the app never saw (SQL by hand)
            cursor.execute("DELETE FROM live_update WHERE id = %s", [orphaned.pk])
        stored_used = {used.photo.name, *stored_renditions(used.photo.name)}
        stored_orphan = {orphaned.photo.name, *stored_renditions(orphaned.photo.name)}
        self.assertEqual(len(stored_orphan), 1 + 8)
        self.assertAllStored(stored_used | stored_orphan)
        output = StringIO()
        call_command("delete_unused_images", "--hours=0", stdout=output)
        self.assertIn(orphaned.photo.name, output.getvalue())
        self.assertNoneStored(stored_orphan)
        self.assertAllStored(stored_used)

    def update_with_photo(self, post, n):
        update = Update(post=post, body=f"Update {n}", photo_alt="A quay", photo_caption="The quay")
        update.photo_credit = "Jo Photo"
        update.photo.save("quay.jpg", image_upload(), save=False)
        update.photo_width, update.photo_height = make_renditions(update.photo)[:2]
        update.save()
        return update

    def test_a_photo_sent_back_by_a_byline_error_is_stored_once_and_nothing_is_left(self):
        before = stored_files()
        data = self.photo_form("flood", **{"bylines-0-author": "999999"})
        response = self.client.post(reverse("admin:blog_post_add"), data)
        self.assertContains(response, "Select a valid choice")
        self.assertEqual(stored_files() - before, set())
        token = re.search(r'name="lead_image-kept" value="([^"]+)"', response.content.decode())
        del data["lead_image"]
        data.update({"lead_image-kept": token[1], "bylines-0-author": self.author.pk})
        self.assertEqual(self.client.post(reverse("admin:blog_post_add"), data).status_code, 302)
        post = Post.objects.get(slug="flood")
        self.assertEqual(stored_files() - before, self.stored_photo(post))

    def test_a_deleted_post_recovered_from_history_comes_back_without_its_photo(self):
        post = self.add_post("flood")
        data = change_form(post)
        self.delete(post)
        version = Version.objects.get_deleted(Post).get(object_id=str(post.pk))
        url = reverse("admin:blog_post_recover", args=[version.pk])
        recover_page = self.client.get(url)
        self.assertContains(recover_page, "was deleted from storage")
        # The form shows the post as it will come back: no link to the file that is gone.
        self.assertNotContains(recover_page, "Currently:")
        self.assertContains(recover_page, "No lead image.")
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(url, data, follow=True)
        self.assertContains(response, "was deleted from storage")
        post = Post.objects.get(pk=post.pk)
        self.assertEqual((post.lead_image.name, post.lead_image_width), ("", None))
        page = self.client.get(post.get_absolute_url())
        self.assertContains(page, "High Street at noon", count=0)
        self.assertNotContains(page, "<picture")
        self.assertEqual(self.client.get("/feeds/rss/").status_code, 200)

    def test_a_revision_restored_after_its_photo_was_replaced_comes_back_without_it(self):
        post = self.add_post("flood")
        self.change(post, headline="Flood waters rise", lead_image=image_upload(name="new.jpg"))
        current = self.stored_photo(post)
        oldest = Version.objects.get_for_object(post).last()
        url = reverse("admin:blog_post_revision", args=[post.pk, oldest.pk])
        self.assertContains(self.client.get(url), "was deleted from storage")
        data = change_form(post, headline="Typed while restoring")
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(url, data, follow=True)
        self.assertContains(response, "was deleted from storage")
        post.refresh_from_db()
        self.assertEqual((post.headline, post.lead_image.name), ("Typed while restoring", ""))
        self.assertEqual(self.client.get(post.get_absolute_url()).status_code, 200)
        # The restore replaced the photo with none: the one it replaced goes too.
        self.assertNoneStored(current)


class DeletedPhotoOnObjectStorageTests(OnObjectStorage, DeletedPhotoTests):
    """The same deletes with photos in an S3 bucket (tests/s3.py)."""
