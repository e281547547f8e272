import json
import logging
import sys

from django.test import Client, TestCase, override_settings

from ops.logs import JsonFormatter, RequestIdFilter


class RequestLogTests(TestCase):
    def setUp(self):
        self.client = Client(raise_request_exception=False)

    def logged(self, *args, **kwargs):
        with self.assertLogs("ops.request", "INFO") as logs:
            response = self.client.get(*args, **kwargs)
        (record,) = logs.records
        return response, record

    def test_one_line_a_request_with_method_path_status_duration_and_id(self):
        response, record = self.logged("/missing/")
        self.assertEqual(record.method, "GET")
        self.assertEqual(record.path, "/missing/")
        self.assertEqual(record.status, 404)
        self.assertGreaterEqual(record.duration_ms, 0)
        self.assertEqual(response["X-Request-ID"], record.request_id)
        self.assertRegex(record.request_id, r"^[0-9a-f]{32}$")

    def test_request_id_from_the_proxy_is_kept_when_plain_and_replaced_when_not(self):
        response, record = self.logged("/", headers={"x-request-id": "abc-123"})
        self.assertEqual(response["X-Request-ID"], "abc-123")
        self.assertEqual(record.request_id, "abc-123")
        response, record = self.logged("/", headers={"x-request-id": 'a"b\nforged'})
        self.assertRegex(response["X-Request-ID"], r"^[0-9a-f]{32}$")

    def test_json_lines_leave_out_cookies_query_strings_and_the_request_object(self):
        self.client.cookies["sessionid"] = "secret-session-value"
        with self.assertLogs("ops.request", "INFO") as logs:
            self.client.get("/?token=secret-token-value")
        formatter = JsonFormatter()
        RequestIdFilter().filter(logs.records[0])
        line = formatter.format(logs.records[0])
        data = json.loads(line)
        self.assertEqual(data["message"], "GET / 200")
        self.assertEqual(data["status"], 200)
        self.assertNotIn("secret", line)

    def test_errors_are_logged_with_their_traceback_as_json(self):
        try:
            raise ValueError("boom")
        except ValueError:
            record = logging.getLogger("test").makeRecord(
                "test", logging.ERROR, __file__, 1, "failed", (), sys.exc_info()
            )
        data = json.loads(JsonFormatter().format(record))
        self.assertEqual(data["levelname"], "ERROR")
        self.assertIn("ValueError: boom", data["exc_info"])


class RejectedRequestLogTests(TestCase):
    """Requests Django refuses with 400 (a host not served, a body or form too big) log one
    WARNING line each, without a traceback, so a scan cannot flood the log."""

    def rejected(self, logger, send):
        with self.assertLogs(logger, "INFO") as logs:
            response = send()
        self.assertEqual(response.status_code, 400)
        (record,) = logs.records
        self.assertEqual(record.levelname, "WARNING")
        self.assertIsNone(record.exc_info)
        line = JsonFormatter().format(record)
        self.assertNotIn("Traceback", line)
        self.assertEqual(len(line.splitlines()), 1)
        return json.loads(line)

    def test_a_host_not_served(self):
        data = self.rejected(
            "django.security.DisallowedHost",
            lambda: self.client.get("/", headers={"host": "evil.example"}),
        )
        self.assertIn("evil.example", data["message"])
        self.assertEqual(data["levelname"], "WARNING")

    @override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=100)
    def test_a_body_too_big(self):
        self.rejected(
            "django.security.RequestDataTooBig",
            lambda: self.client.post("/admin/login/", {"username": "x" * 200}),
        )

    def test_a_form_with_too_many_fields(self):
        self.rejected(
            "django.security.TooManyFieldsSent",
            lambda: self.client.get("/search/?" + "q=x&" * 1001),
        )
