from django.db import migrations

from blog.roles import sync_role_groups_in_migration

# The permissions as they were at this migration; later ones sync the groups again.
ROLE_PERMISSIONS = {
    "Editors": [
        "blog.add_blog", "blog.change_blog", "blog.view_blog",
        "blog.add_author", "blog.change_author", "blog.view_author",
        "blog.add_post", "blog.change_post", "blog.delete_post", "blog.view_post",
        "blog.add_byline", "blog.change_byline", "blog.delete_byline", "blog.view_byline",
        "taggit.add_tag", "taggit.change_tag", "taggit.delete_tag", "taggit.view_tag",
    ],
    "Authors": [
        "blog.view_blog", "blog.view_author",
        "blog.add_post", "blog.change_post", "blog.view_post",
        "blog.add_byline", "blog.change_byline", "blog.delete_byline", "blog.view_byline",
        "taggit.add_tag", "taggit.view_tag",
    ],
}


def create_role_groups(apps, schema_editor):
    sync_role_groups_in_migration(apps, ROLE_PERMISSIONS)


def remove_role_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Editors", "Authors"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(create_role_groups, remove_role_groups)]
