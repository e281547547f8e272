import re
from pathlib import Path

from django.test import SimpleTestCase

PROJECT = Path(__file__).resolve().parent.parent
READ_FROM_ENVIRONMENT = re.compile(
    r"""(?:environ\.get|env_bool|env_list|environ\.setdefault)\(\s*["']([A-Z_]+)["']"""
)


class ConfigurationDocsTests(SimpleTestCase):
    def test_every_environment_variable_is_in_env_example_and_the_readme(self):
        sources = [PROJECT / "newsroom" / "settings.py", PROJECT / "gunicorn.conf.py"]
        names = {
            name for path in sources for name in READ_FROM_ENVIRONMENT.findall(path.read_text())
        }
        self.assertIn("REDIS_URL", names)
        env_example = (PROJECT / ".env.example").read_text()
        readme = (PROJECT / "README.md").read_text()
        for name in sorted(names):
            self.assertRegex(env_example, rf"(?m)^{name}=", name)
            self.assertIn(f"`{name}`", readme, name)
