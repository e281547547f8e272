import os
import re
import subprocess
import sys
from pathlib import Path

from django.test import SimpleTestCase

PROJECT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "PATH": os.environ.get("PATH", ""),
    "DJANGO_SECRET_KEY": "k" * 20 + "production-like-secret-for-the-deploy-check-9f8e7d6c",
    "DJANGO_ALLOWED_HOSTS": "news.example.org",
}


def manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


class ProductionSettingsTests(SimpleTestCase):
    def test_deploy_check_is_clean_with_production_settings(self):
        result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertIn("no issues", result.stdout)

    def test_deploy_check_is_clean_with_photos_in_a_bucket(self):
        env = {
            **PRODUCTION_ENV,
            "MEDIA_STORAGE_URL": "s3://KEY:SECRET@s3.example.net/newsroom-media?region=eu-west-1",
            "DJANGO_MEDIA_URL": "https://media.example.org/",
            "NEWSROOM_PRIVATE_ORIGINALS": "1",
        }
        result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        result = manage(
            "shell",
            "-c",
            "from django.core.files.storage import default_storage as s;"
            "from django.conf import settings;"
            "print(s.url('renditions/a-400.jpg'), s.url('lead-images/a.jpg').split('?')[0],"
            " 'X-Amz-Signature' in s.url('lead-images/a.jpg'), s.endpoint_url,"
            " *settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'])",
            env=env,
        )
        self.assertEqual(
            result.stdout.strip().splitlines()[-1],
            "https://media.example.org/renditions/a-400.jpg "
            "https://s3.example.net/newsroom-media/lead-images/a.jpg True "
            "https://s3.example.net 'self' https://media.example.org",
            result.stderr,
        )

    def test_refuses_to_start_without_a_secret_key_when_debug_is_off(self):
        env = {**PRODUCTION_ENV, "DJANGO_SECRET_KEY": ""}
        result = manage("check", env=env)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("DJANGO_SECRET_KEY must be set", result.stderr)

    def test_debug_is_off_unless_asked_for(self):
        result = manage(
            "shell",
            "-c",
            "from django.conf import settings; print(settings.DEBUG)",
            env=PRODUCTION_ENV,
        )
        self.assertEqual(result.stdout.strip().splitlines()[-1], "False")


class MakeRunSettingsTests(SimpleTestCase):
    def test_make_run_serves_the_site_as_readers_see_it_over_plain_http(self):
        exports = re.findall(
            r"(?m)^run: export (\w+) \?= (.*)$", (PROJECT / "Makefile").read_text()
        )
        env = {"PATH": os.environ.get("PATH", ""), **dict(exports)}
        code = (
            "from django.conf import settings as s; "
            "print(s.DEBUG, s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, "
            "s.NEWSROOM_SERVE_MEDIA, s.WHITENOISE_USE_FINDERS, s.WHITENOISE_AUTOREFRESH, "
            "s.STORAGES['staticfiles']['BACKEND'])"
        )
        result = manage("shell", "-c", code, env=env)
        self.assertEqual(result.returncode, 0, result.stderr)
        # Debug off: a bad address shows the site's own 404 page, an error its 500 page.
        self.assertEqual(
            result.stdout.strip().splitlines()[-1].split(),
            [
                "False",  # DEBUG
                "False",  # SECURE_SSL_REDIRECT
                "False",  # SESSION_COOKIE_SECURE
                "True",  # NEWSROOM_SERVE_MEDIA
                "True",  # WHITENOISE_USE_FINDERS: static/ as it is, no collectstatic
                "True",  # WHITENOISE_AUTOREFRESH: edits show on the next request
                "django.contrib.staticfiles.storage.StaticFilesStorage",
            ],
        )
