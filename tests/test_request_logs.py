import json
import logging
import sys

from django.test import Client, TestCase

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
