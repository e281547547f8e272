"""Read what search engines, feed readers and social sites read from a page's HTML."""

import json
from collections import defaultdict
from html.parser import HTMLParser


class PageHead(HTMLParser):
    """The title, <meta> contents by name or property, <link>s by rel, and JSON-LD objects."""

    def __init__(self, html):
        super().__init__()
        self.title = ""
        self.meta = defaultdict(list)
        self.links = defaultdict(list)
        self.json_ld = []
        self._in = None
        self._script = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "title":
            self._in = "title"
        elif tag == "meta" and "content" in attrs:
            key = attrs.get("name") or attrs.get("property")
            if key:
                self.meta[key].append(attrs["content"])
        elif tag == "link":
            for rel in attrs.get("rel", "").split():
                self.links[rel].append(attrs)
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in = "json-ld"
            self._script = []

    def handle_endtag(self, tag):
        if tag == "script" and self._in == "json-ld":
            self.json_ld.append(json.loads("".join(self._script)))
        if tag in {"title", "script"}:
            self._in = None

    def handle_data(self, data):
        if self._in == "title":
            self.title += data
        elif self._in == "json-ld":
            self._script.append(data)

    def json_ld_of_type(self, schema_type):
        found = [data for data in self.json_ld if data.get("@type") == schema_type]
        assert len(found) == 1, f"expected one {schema_type}, found {len(found)}"
        return found[0]


def page_head(response):
    return PageHead(response.content.decode())


class CardHeadlines(HTMLParser):
    """The headlines of a list page's post cards, top to bottom."""

    def __init__(self, html):
        super().__init__()
        self.headlines = []
        self._in_headline = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "h2" and "card-headline" in (dict(attrs).get("class") or "").split():
            self._in_headline = True
            self.headlines.append("")

    def handle_endtag(self, tag):
        if tag == "h2":
            self._in_headline = False

    def handle_data(self, data):
        if self._in_headline:
            self.headlines[-1] += data


def card_headlines(response):
    return [headline.strip() for headline in CardHeadlines(response.content.decode()).headlines]
