from django.db import migrations

from blog.roles import sync_role_groups_in_migration

# The permissions as they are at this migration: editors publish (blog.publish_post), keep
# corrections and make preview links; authors write and submit.
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
        "taggit.add_tag", "taggit.change_tag", "taggit.delete_tag", "taggit.view_tag",
    ],
    "Authors": [
        "blog.view_blog", "blog.view_author",
        "blog.add_post", "blog.change_post", "blog.view_post",
        "blog.add_byline", "blog.change_byline", "blog.delete_byline", "blog.view_byline",
        "blog.view_correction",
        "taggit.add_tag", "taggit.view_tag",
    ],
}


def sync_role_groups(apps, schema_editor):
    sync_role_groups_in_migration(apps, ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0005_editorial_workflow"),
    ]

    operations = [migrations.RunPython(sync_role_groups, migrations.RunPython.noop)]
