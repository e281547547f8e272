from io import StringIO

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import TestCase

from blog.roles import ROLE_PERMISSIONS


class MigrationTests(TestCase):
    def test_no_migration_is_missing(self):
        output = StringIO()
        try:
            call_command("makemigrations", "--check", "--dry-run", stdout=output)
        except SystemExit:
            self.fail(f"A model change has no migration:\n{output.getvalue()}")

    def test_role_groups_exist_with_their_permissions(self):
        editors = Group.objects.get(name="Editors")
        authors = Group.objects.get(name="Authors")
        self.assertTrue(editors.permissions.filter(codename="delete_post").exists())
        self.assertFalse(authors.permissions.filter(codename="delete_post").exists())
        self.assertTrue(authors.permissions.filter(codename="add_post").exists())

    def test_role_groups_hold_exactly_the_permissions_in_roles_py(self):
        for name, expected in ROLE_PERMISSIONS.items():
            group = Group.objects.get(name=name)
            held = {
                f"{app}.{codename}"
                for app, codename in group.permissions.values_list(
                    "content_type__app_label", "codename"
                )
            }
            self.assertEqual(held, set(expected), name)
