"""The two newsroom roles and the permissions each group holds.

Editors publish, schedule, unpublish and flag breaking news (blog.publish_post), delete
posts and correction notes, make preview links and change or delete library photos. Authors
write their own posts and submit them for review, and add photos to the library (changing a
photo changes every page that shows it, so that is the editors'). A data migration syncs
the groups whenever this list changes: copy the lists into it, so that old migrations keep
the permissions of their day.
"""

from django.contrib.auth.management import create_permissions

EDITORS = "Editors"
AUTHORS = "Authors"

ROLE_PERMISSIONS = {
    EDITORS: [
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
    AUTHORS: [
        "blog.view_blog", "blog.view_author",
        "blog.add_post", "blog.change_post", "blog.view_post",
        "blog.add_byline", "blog.change_byline", "blog.delete_byline", "blog.view_byline",
        "blog.view_correction",
        "blog.add_photo", "blog.view_photo",
        "taggit.add_tag", "taggit.view_tag",
    ],
}  # fmt: skip


def sync_role_groups(group_model, permission_model, role_permissions=ROLE_PERMISSIONS):
    """Create the role groups and give each exactly its permissions (safe to run again)."""
    for name, codenames in role_permissions.items():
        group, _ = group_model.objects.get_or_create(name=name)
        permissions = [
            permission_model.objects.get(content_type__app_label=app, codename=codename)
            for app, codename in (entry.split(".") for entry in codenames)
        ]
        group.permissions.set(permissions)


def sync_role_groups_in_migration(apps, role_permissions):
    """sync_role_groups() for a data migration, with the permissions of the models as they
    are at that migration."""
    # Permissions are normally created after all migrations; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    sync_role_groups(
        apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"), role_permissions
    )
