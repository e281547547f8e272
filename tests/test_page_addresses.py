"""One page, one cached entry: every spelling of an address that Django treats as the same page
is stored once, under its canonical address, and spellings an outsider can vary without end
(ports, wildcard hosts) are rendered but never stored; padded numbers are not found."""

from django.test import override_settings

from pagecache import pages

from .test_page_cache import PageCacheTestCase


class PageAddressTests(PageCacheTestCase):
    def get(self, path="/", **extra):
        response = self.reader.get(path, **extra)
        self.assertEqual(response.status_code, 200, extra)
        return response

    def assertStoresNothing(self, path="/", **extra):
        for _ in range(2):
            self.assertNotEqual(self.get(path, **extra)["X-Page-Cache"], "hit", extra)
        self.assertEqual(len(pages.memory.entries), 0, extra)

    def test_spellings_of_one_host_share_one_page_with_canonical_links(self):
        self.get(headers={"host": "testserver"})
        for host in [
            "TESTSERVER",
            "testserver.",
            "testserver:80",
            "testserver:0080",
            "TestServer.:080",
        ]:
            with self.subTest(host=host):
                response = self.get(headers={"host": host})
                self.assertEqual(response["X-Page-Cache"], "hit")
                self.assertContains(response, '<link rel="canonical" href="http://testserver/">')
        self.assertEqual(len(pages.memory.entries), 1)

    def test_a_first_reader_with_an_odd_spelling_stores_the_canonical_page(self):
        first = self.get(headers={"host": "TestServer.:0080"})
        self.assertEqual(first["X-Page-Cache"], "miss")
        self.assertContains(first, '<link rel="canonical" href="http://testserver/">')
        self.assertEqual(self.get()["X-Page-Cache"], "hit")

    def test_https_and_its_default_port_are_one_page(self):
        self.get(secure=True)
        response = self.get(secure=True, headers={"host": "testserver:443"})
        self.assertEqual(response["X-Page-Cache"], "hit")
        self.assertContains(response, '<link rel="canonical" href="https://testserver/">')

    def test_a_port_the_server_is_not_reached_on_is_never_stored(self):
        for port in [1, 81, 443, 1000, 8080, 65535, 99999]:
            with self.subTest(port=port):
                self.assertStoresNothing(headers={"host": f"testserver:{port}"})

    def test_a_port_of_thousands_of_digits_is_rendered_not_an_error(self):
        with self.assertNoLogs("pagecache", "ERROR"):
            self.assertStoresNothing(headers={"host": "testserver:" + "1" * 5000})

    def test_the_port_the_server_is_reached_on_is_one_page_however_it_is_written(self):
        self.get(SERVER_PORT="8000", headers={"host": "testserver:8000"})
        response = self.get(SERVER_PORT="8000", headers={"host": "TESTSERVER:08000"})
        self.assertEqual(response["X-Page-Cache"], "hit")
        self.assertContains(response, '<link rel="canonical" href="http://testserver:8000/">')
        self.assertEqual(len(pages.memory.entries), 1)

    @override_settings(ALLOWED_HOSTS=[".example.com", "testserver"])
    def test_a_host_only_a_wildcard_admits_is_never_stored(self):
        for host in ["a.example.com", "b.example.com", "www.example.com"]:
            with self.subTest(host=host):
                self.assertStoresNothing(headers={"host": host})
        self.get(headers={"host": "example.com"})
        self.assertEqual(self.get(headers={"host": "Example.com."})["X-Page-Cache"], "hit")

    def test_x_forwarded_host_is_ignored_unless_django_reads_it(self):
        self.get()
        response = self.get(headers={"x-forwarded-host": "elsewhere.example"})
        self.assertEqual(response["X-Page-Cache"], "hit")
        self.assertContains(response, '<link rel="canonical" href="http://testserver/">')

    @override_settings(USE_X_FORWARDED_HOST=True, ALLOWED_HOSTS=["news.example.org"])
    def test_x_forwarded_host_has_one_spelling_when_django_reads_it(self):
        first = self.get(headers={"x-forwarded-host": "NEWS.example.org.:80"})
        self.assertContains(first, '<link rel="canonical" href="http://news.example.org/">')
        response = self.get(headers={"x-forwarded-host": "news.example.org"})
        self.assertEqual(response["X-Page-Cache"], "hit")

    def test_a_number_padded_with_zeros_in_the_path_is_not_found_and_never_stored(self):
        published_at = self.bridge.published_at
        year, month = published_at.year, published_at.month
        for path in [
            f"/archive/0{year}/",
            f"/archive/{year}/0{month}/",
            f"/archive/{year}/00{month}/",
        ]:
            with self.subTest(path=path):
                for _ in range(2):
                    self.assertEqual(self.reader.get(path).status_code, 404)
                self.assertEqual(len(pages.memory.entries), 0)
        self.get(f"/archive/{year}/{month}/")
        self.assertEqual(self.get(f"/archive/{year}/{month}/")["X-Page-Cache"], "hit")

    def test_one_page_is_one_entry_whatever_a_reader_sends(self):
        variants = [
            {},
            {"QUERY_STRING": "utm_source=x&fbclid=y"},
            {"QUERY_STRING": "page=1"},
            {"headers": {"accept-encoding": "gzip"}},
            {"headers": {"accept-encoding": "gzip, br", "host": "TESTSERVER."}},
            {"headers": {"host": "testserver:00080", "if-none-match": '"stale"'}},
            {"headers": {"host": "testserver:8081"}},
            {"headers": {"cookie": "theme=dark"}},
            {"headers": {"x-forwarded-host": "elsewhere.example"}},
        ]
        for extra in variants:
            self.reader.get("/", **extra)
            self.reader.head("/", **extra)
        self.assertEqual(len(pages.memory.entries), 1)
