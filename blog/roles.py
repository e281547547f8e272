"""The two newsroom roles and the permissions each group holds."""

EDITORS = "Editors"
AUTHORS = "Authors"

ROLE_PERMISSIONS = {
    EDITORS: [
        "blog.add_blog", "blog.change_blog", "blog.view_blog",
        "blog.add_author", "blog.change_author", "blog.view_author",
        "blog.add_post", "blog.change_post", "blog.delete_post", "blog.view_post",
        "blog.add_byline", "blog.change_byline", "blog.delete_byline", "blog.view_byline",
        "taggit.add_tag", "taggit.change_tag", "taggit.delete_tag", "taggit.view_tag",
    ],
    AUTHORS: [
        "blog.view_blog", "blog.view_author",
        "blog.add_post", "blog.change_post", "blog.view_post",
        "blog.add_byline", "blog.change_byline", "blog.delete_byline", "blog.view_byline",
        "taggit.add_tag", "taggit.view_tag",
    ],
}  # fmt: skip


def sync_role_groups(group_model, permission_model):
    """Create the role groups and give each exactly its permissions (safe to run again)."""
    for name, codenames in ROLE_PERMISSIONS.items():
        group, _ = group_model.objects.get_or_create(name=name)
        permissions = [
            permission_model.objects.get(content_type__app_label=app, codename=codename)
            for app, codename in (entry.split(".") for entry in codenames)
        ]
        group.permissions.set(permissions)
