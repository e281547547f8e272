from django.db import migrations, models

import blog.models
from blog.roles import sync_role_groups_in_migration

# The permissions as they are at this migration: editors also change and delete library
# photos; authors add them.
ROLE_PERMISSIONS = {
    "Editors": [
        "blog.add_blog", "blog.change_blog", "blog.view_blog",
        "blog.add_author", "blog.change_author", "blog.view_author",
        "blog.add_post", "blog.change_post", "blog.delete_post", "blog.view_post",
        "blog.publish_post",
        "blog.add_byline", "blog.change_byline", "blog.delete_byline", "blog.view_byline",
        "blog.add_correction", "blog.change_correction", "blog.delete_correction",
        "blog.view_correction",
        "blog.add_previewlink", "blog.change_previewlink", "blog.view_previewlink",
        "blog.view_postredirect", "blog.delete_postredirect",
        "blog.add_photo", "blog.change_photo", "blog.delete_photo", "blog.view_photo",
        "taggit.add_tag", "taggit.change_tag", "taggit.delete_tag", "taggit.view_tag",
    ],
    "Authors": [
        "blog.view_blog", "blog.view_author",
        "blog.add_post", "blog.change_post", "blog.view_post",
        "blog.add_byline", "blog.change_byline", "blog.delete_byline", "blog.view_byline",
        "blog.view_correction",
        "blog.add_photo", "blog.view_photo",
        "taggit.add_tag", "taggit.view_tag",
    ],
}  # fmt: skip


def sync_role_groups(apps, schema_editor):
    sync_role_groups_in_migration(apps, ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0014_text_changed_at"),
    ]

    operations = [
        migrations.CreateModel(
            name="Photo",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "image",
                    blog.models.StoredImageField(
                        height_field="height",
                        upload_to=blog.models.photo_path,
                        width_field="width",
                    ),
                ),
                ("width", models.PositiveIntegerField(blank=True, editable=False, null=True)),
                ("height", models.PositiveIntegerField(blank=True, editable=False, null=True)),
                ("caption", models.CharField(max_length=300)),
                (
                    "credit",
                    models.CharField(
                        help_text="Photographer and agency, e.g. “Jane Doe / Reuters”.",
                        max_length=150,
                    ),
                ),
                (
                    "alt",
                    models.CharField(
                        help_text="What the photo shows, for readers who cannot see it.",
                        max_length=300,
                        verbose_name="alt text",
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(auto_now_add=True, verbose_name="uploaded"),
                ),
            ],
            options={
                "ordering": ["-created_at", "-pk"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("alt", ""), _negated=True),
                        name="photo_has_alt_text",
                        violation_error_message="Describe the photo in its alt text.",
                    )
                ],
            },
        ),
        migrations.RunPython(sync_role_groups, migrations.RunPython.noop),
    ]
