from unittest import mock

from django.db import OperationalError
from django.db.backends.utils import CursorWrapper
from django.test import Client, TestCase

from .builders import make_post


def database_down():
    return mock.patch.object(
        CursorWrapper, "execute", side_effect=OperationalError("connection refused")
    )


class HealthTests(TestCase):
    def setUp(self):
        self.client = Client(raise_request_exception=False)

    def test_healthz_answers_without_touching_the_database_or_checking_the_host(self):
        with self.assertNumQueries(0):
            response = self.client.get("/healthz", headers={"host": "10.0.0.7"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json(), {"status": "ok"})

    def test_readyz_reports_database_and_cache(self):
        response = self.client.get("/readyz")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json(), {"status": "ok", "database": "ok", "cache": "ok"})

    def test_readyz_is_503_while_the_database_is_down(self):
        with database_down(), self.assertLogs("ops.health", "WARNING"):
            response = self.client.get("/readyz")
        self.assertEqual(response.status_code, 503)
        self.assertEqual(response.json()["database"], "unavailable")


class DatabaseOutageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.post = make_post(headline="Still here")

    def setUp(self):
        self.client = Client(raise_request_exception=False)

    def test_readers_get_a_plain_503_page_and_the_site_recovers_by_itself(self):
        with database_down(), self.assertLogs("django.request", "ERROR"):
            response = self.client.get(self.post.get_absolute_url())
        self.assertEqual(response.status_code, 503)
        self.assertEqual(response["Retry-After"], "30")
        self.assertContains(response, "Temporarily unavailable", status_code=503)
        self.assertNotContains(response, "Traceback", status_code=503)
        self.assertNotContains(response, "OperationalError", status_code=503)
        self.assertContains(self.client.get(self.post.get_absolute_url()), "Still here")

    def test_other_errors_get_a_plain_500_page(self):
        with (
            mock.patch("blog.views.render", side_effect=ValueError("bug")),
            self.assertLogs("django.request", "ERROR"),
        ):
            response = self.client.get(self.post.get_absolute_url())
        self.assertContains(response, "Something went wrong", status_code=500)
