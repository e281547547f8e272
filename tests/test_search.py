import unittest
from datetime import timedelta

from django.contrib.auth.models import Group, User
from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from blog.models import Post
from blog.search import SEARCH_CONFIG, install_sqlite_index, search_posts, search_vector

from .builders import make_author, make_blog, make_post
from .pages import page_head
from .test_admin import post_form

on_postgresql = unittest.skipUnless(
    connection.vendor == "postgresql",
    "full-text search ranking, websearch syntax and the GIN index are PostgreSQL features; "
    "run with DATABASE_URL=postgres://… to test them",
)


class SearchTests(TestCase):
    """Search on any database: the same page, only public posts, never an error."""

    @classmethod
    def setUpTestData(cls):
        cls.blog = make_blog(name="Climate Desk")
        cls.ann = make_author(name="Annika Stormberg")
        cls.post = make_post(
            blog=cls.blog,
            authors=[cls.ann],
            tags=["Hydrology"],
            headline="River bursts its banks",
            standfirst="Hundreds of homes are flooded in Kestrel Bay.",
            body="The water rose overnight. <script>alert('body')</script> Sandbags ran out.",
        )
        cls.other = make_post(blog=cls.blog, headline="Drought ends", body="Rain at last.")
        cls.draft = make_post(
            blog=cls.blog,
            headline="River draft",
            status=Post.Status.DRAFT,
            published_at=None,
        )
        cls.embargoed = make_post(
            blog=cls.blog,
            headline="River embargoed",
            published_at=timezone.now() + timedelta(hours=1),
        )

    def search(self, query, **params):
        response = self.client.get("/search/", {"q": query, **params})
        self.assertEqual(response.status_code, 200, repr(query[:50]))
        return response

    def headlines(self, query):
        return [post.headline for post in self.search(query).context["page_obj"]]

    def test_finds_posts_by_headline_standfirst_body_tag_and_author(self):
        for query in ["river", "Kestrel", "sandbags", "hydrology", "Stormberg"]:
            with self.subTest(query=query):
                self.assertEqual(self.headlines(query), ["River bursts its banks"])

    def test_results_are_only_public_posts(self):
        self.assertEqual(search_posts("river").count(), 1)
        self.assertNotContains(self.search("river"), "River draft")
        self.assertNotContains(self.search("river"), "River embargoed")

    def test_page_shows_the_query_escaped_and_is_not_indexed(self):
        response = self.search("<script>alert(1)</script>")
        self.assertContains(response, "Search results for “&lt;script&gt;alert(1)&lt;/script&gt;”")
        self.assertNotContains(response, "<script>alert(1)")
        self.assertEqual(page_head(response).meta["robots"], ["noindex, follow"])
        self.assertContains(response, "0 results")

    def test_snippet_is_escaped_text_with_only_mark_elements(self):
        response = self.search("sandbags")
        snippet = response.context["page_obj"][0].snippet
        self.assertIn("<mark>", snippet)
        self.assertNotIn("<script>", snippet)
        self.assertNotIn("<script>alert('body')", response.content.decode())

    def test_snippet_shows_the_text_without_markdown_or_html(self):
        make_post(
            blog=self.blog,
            headline="Mill town votes",
            standfirst="A count & a <recount>.",
            body="Intro.\n\n> They want **reliable buses** and [fair rents](https://example.com/).",
        )
        for query in ["reliable buses", '"reliable buses"']:
            with self.subTest(query=query):
                snippet = self.search(query).context["page_obj"][0].snippet
                self.assertIn(
                    "They want <mark>reliable</mark> <mark>buses</mark> and fair", snippet
                )
                for markup in ["&gt; They", "**", "[fair", "](", "<p>", "&lt;p&gt;", "&amp;amp;"]:
                    self.assertNotIn(markup, snippet)

    def test_snippet_from_the_body_is_cut_between_words_with_ellipses(self):
        words = [f"word{number}" for number in range(200)]
        words[100] = "kingfisher"
        make_post(blog=self.blog, headline="Birds", standfirst="", body=" ".join(words))
        snippet = str(self.search("kingfisher").context["page_obj"][0].snippet)
        if connection.vendor != "postgresql":  # PostgreSQL's ts_headline picks whole words
            self.assertTrue(snippet.startswith("…word"), snippet)
            self.assertTrue(snippet.endswith("…"), snippet)
        shown = snippet.strip("…").replace("<mark>", "").replace("</mark>", "").split()
        self.assertIn("kingfisher", shown)
        self.assertLessEqual(set(shown), set(words))

    def test_headline_is_escaped_with_the_match_marked(self):
        make_post(blog=self.blog, headline="<b>Tidal</b> surge & more")
        response = self.search("tidal")
        self.assertContains(response, "&lt;b&gt;<mark>Tidal</mark>&lt;/b&gt; surge &amp; more")

    def test_any_input_gives_a_page(self):
        for query in [
            "x" * 10_000,
            '"',
            "'",
            '"unclosed phrase',
            "\x00",
            "river\x00banks",
            "!",
            "&",
            "|",
            "-",
            "- -",
            "()",
            "*:",
            "\\",
            "%",
            "_",
            "or",
            "the",
            "😀",
            "<script>",
        ]:
            with self.subTest(query=query[:20]):
                self.search(query)

    def test_silly_page_numbers_give_a_page(self):
        for page in ["0", "-1", "999", "abc", "\x00"]:
            with self.subTest(page=page):
                self.search("river", page=page)

    def test_empty_query_shows_the_form(self):
        response = self.client.get("/search/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, '<label for="search-q">')
        self.assertIsNone(response.context["page_obj"])

    def test_every_page_has_a_labelled_search_form(self):
        for url in ["/", self.post.get_absolute_url(), "/no-such-page/"]:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertContains(response, 'role="search"', status_code=response.status_code)
                self.assertContains(
                    response,
                    '<label for="site-search-q">Search</label>',
                    status_code=response.status_code,
                )

    def test_results_are_paginated_keeping_the_query(self):
        for number in range(21):
            make_post(blog=self.blog, headline=f"Tidal surge {number}")
        response = self.search("tidal")
        self.assertEqual(len(response.context["page_obj"]), 20)
        self.assertContains(response, 'href="?q=tidal&amp;page=2"')
        self.assertEqual(len(self.search("tidal", page=2).context["page_obj"]), 1)

    def test_excluded_words_leave_posts_out(self):
        self.assertEqual(self.headlines("river -sandbags"), [])

    def test_query_count_stays_flat_as_results_grow(self):
        def count():
            with CaptureQueriesContext(connection) as queries:
                self.search("surge")
            return len(queries)

        make_post(blog=self.blog, headline="Surge", authors=[self.ann], tags=["A"])
        before = count()
        for _ in range(10):
            make_post(blog=self.blog, headline="Surge", authors=[make_author()], tags=["B", "C"])
        self.assertEqual(count(), before)
        self.assertLessEqual(before, 8)


class SearchSyntaxTests(TestCase):
    """What the search help promises ("a phrase", -excluded, or), and whole-word matches, on
    any database."""

    @classmethod
    def setUpTestData(cls):
        blog = make_blog()
        make_post(blog=blog, headline="Tide report", body="A storm surge is expected tonight.")
        make_post(blog=blog, headline="Weather", body="A surge in prices after the storm.")
        make_post(blog=blog, headline="Flood warning", body="Rivers are high.")
        make_post(blog=blog, headline="Training day", body="Coaches met at the drain.")
        make_post(
            blog=blog,
            headline="Rain stops training",
            standfirst="Heavy rain in Zürich.",
            body="The pitch was under water.",
        )
        make_post(blog=blog, headline="Étude on glaciers", body="Ice is melting.")

    def headlines(self, query):
        response = self.client.get("/search/", {"q": query})
        return sorted(post.headline for post in response.context["page_obj"])

    def marked(self, query):
        response = self.client.get("/search/", {"q": query})
        return [
            (str(post.marked_headline), str(post.snippet)) for post in response.context["page_obj"]
        ]

    def test_or_between_words_finds_posts_with_either(self):
        for query in ["storm or flood", "storm OR flood", "storm Or flood"]:
            with self.subTest(query=query):
                self.assertEqual(self.headlines(query), ["Flood warning", "Tide report", "Weather"])
        self.assertEqual(self.headlines("tide surge or rivers"), ["Flood warning", "Tide report"])

    def test_a_quoted_phrase_matches_its_words_in_order(self):
        self.assertEqual(self.headlines('"storm surge"'), ["Tide report"])
        self.assertEqual(self.headlines("storm surge"), ["Tide report", "Weather"])
        self.assertEqual(self.headlines('"surge storm"'), [])

    def test_excluded_words_and_phrases_leave_posts_out(self):
        self.assertEqual(self.headlines("surge -prices"), ["Tide report"])
        self.assertEqual(self.headlines('storm -"storm surge"'), ["Weather"])
        self.assertEqual(self.headlines("flood or surge -prices"), ["Flood warning", "Tide report"])

    def test_a_word_does_not_match_inside_another_word(self):
        self.assertEqual(self.headlines("rain"), ["Rain stops training"])
        self.assertEqual(self.headlines("tude"), [])

    def test_only_whole_words_are_marked(self):
        [(headline, snippet)] = self.marked("rain")
        self.assertEqual(headline, "<mark>Rain</mark> stops training")
        self.assertIn("Heavy <mark>rain</mark> in Zürich.", snippet)

    def test_words_with_accents_match_and_are_marked_whole_in_any_case(self):
        [(headline, _)] = self.marked("étude")
        self.assertEqual(headline, "<mark>Étude</mark> on glaciers")
        [(headline, _)] = self.marked("glaciers or tude")
        self.assertEqual(headline, "Étude on <mark>glaciers</mark>")
        [(_, snippet)] = self.marked("zürich")
        self.assertIn("Heavy rain in <mark>Zürich</mark>.", snippet)


class SearchNamesTests(TestCase):
    """Author and tag names are searchable, and stay right when they change."""

    @classmethod
    def setUpTestData(cls):
        cls.blog = make_blog()
        cls.author = make_author(name="Dana Reporter")
        cls.editor = User.objects.create_user("editor", is_staff=True)
        cls.editor.groups.add(Group.objects.get(name="Editors"))

    def setUp(self):
        self.client.force_login(self.editor)

    def test_post_saved_in_the_admin_is_found_by_author_and_tag(self):
        self.client.post(reverse("admin:blog_post_add"), post_form(self.blog, self.author))
        post = Post.objects.get(slug="council-approves-new-bridge")
        self.assertEqual(post.search_names, "Dana Reporter Council Transport")
        self.assertEqual(list(search_posts("Dana")), [post])

    def test_renaming_an_author_updates_their_posts(self):
        post = make_post(blog=self.blog, authors=[self.author])
        self.client.post(
            reverse("admin:blog_author_change", args=[self.author.pk]),
            {"name": "Dana Editor", "slug": self.author.slug, "bio": "", "user": ""},
        )
        post.refresh_from_db()
        self.assertEqual(post.search_names, "Dana Editor")

    def found(self, query):
        return list(self.client.get("/search/", {"q": query}).context["page_obj"])

    def test_renaming_a_tag_updates_its_posts(self):
        post = make_post(blog=self.blog, authors=[self.author], tags=["Zeppelins"])
        tag = Tag.objects.get(name="Zeppelins")
        data = {
            "name": "Airships",
            "slug": tag.slug,
            "taggit-taggeditem-content_type-object_id-TOTAL_FORMS": "0",
            "taggit-taggeditem-content_type-object_id-INITIAL_FORMS": "0",
        }
        self.client.post(reverse("admin:taggit_tag_change", args=[tag.pk]), data)
        self.assertEqual(self.found("Airships"), [post])
        self.assertEqual(self.found("Zeppelins"), [])

    def test_a_deleted_tag_no_longer_finds_its_posts(self):
        post = make_post(blog=self.blog, authors=[self.author], tags=["Zeppelins", "Sky"])
        self.assertEqual(self.found("Zeppelins"), [post])
        self.client.force_login(User.objects.create_superuser("chief"))
        tag = Tag.objects.get(name="Zeppelins")
        response = self.client.post(
            reverse("admin:taggit_tag_delete", args=[tag.pk]), {"post": "yes"}
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.found("Zeppelins"), [])
        self.assertEqual(self.found("Sky"), [post])
        post.refresh_from_db()
        self.assertEqual(post.search_names, "Dana Reporter Sky")

    def test_tags_deleted_from_the_list_no_longer_find_their_posts(self):
        posts = [make_post(blog=self.blog, tags=["Zeppelins", "Blimps", "Sky"]) for _ in range(2)]
        self.client.force_login(User.objects.create_superuser("chief"))
        response = self.client.post(
            reverse("admin:taggit_tag_changelist"),
            {
                "action": "delete_selected",
                "_selected_action": list(
                    Tag.objects.filter(name__in=["Zeppelins", "Blimps"]).values_list(
                        "pk", flat=True
                    )
                ),
                "post": "yes",
            },
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(list(Tag.objects.values_list("name", flat=True)), ["Sky"])
        self.assertEqual(self.found("Zeppelins"), [])
        self.assertEqual(self.found("Blimps"), [])
        self.assertCountEqual(self.found("Sky"), posts)


class FullTextSearchTests(TestCase):
    """Stemmed, ranked search on either database: PostgreSQL's English configuration, or
    SQLite's FTS5 with the Porter stemmer."""

    @classmethod
    def setUpTestData(cls):
        cls.blog = make_blog()
        cls.in_body = make_post(
            blog=cls.blog, headline="Council meeting", body="Talk turned to the flooding."
        )
        cls.in_headline = make_post(
            blog=cls.blog, headline="Flooding closes the high street", body="Shops shut."
        )
        cls.phrase = make_post(
            blog=cls.blog, headline="Tide report", body="A storm surge is expected tonight."
        )
        cls.words = make_post(
            blog=cls.blog, headline="Weather", body="A surge in prices after the storm."
        )

    def headlines(self, query):
        return [post.headline for post in search_posts(query)]

    def test_headline_matches_rank_above_body_matches(self):
        self.assertEqual(
            self.headlines("flood"), ["Flooding closes the high street", "Council meeting"]
        )

    def test_websearch_syntax_phrases_exclusions_and_or(self):
        self.assertEqual(self.headlines('"storm surge"'), ["Tide report"])
        self.assertEqual(sorted(self.headlines("storm surge")), ["Tide report", "Weather"])
        self.assertEqual(self.headlines("surge -prices"), ["Tide report"])
        self.assertEqual(
            sorted(self.headlines("tide or shops")),
            ["Flooding closes the high street", "Tide report"],
        )

    def test_snippet_highlights_the_stemmed_match(self):
        response = self.client.get("/search/", {"q": "floods"})
        self.assertContains(response, "Talk turned to the <mark>flooding</mark>")

    def test_a_phrase_is_found_and_highlighted(self):
        response = self.client.get("/search/", {"q": '"storm surge"'})
        self.assertContains(response, "A <mark>storm</mark> <mark>surge</mark> is expected")

    def test_words_are_found_by_their_stem_in_any_case(self):
        make_post(blog=self.blog, headline="Storm hits the coast", body="Winds at dawn.")
        found = self.headlines("storms")
        self.assertEqual(found[0], "Storm hits the coast")  # the headline match first
        self.assertEqual(sorted(found[1:]), ["Tide report", "Weather"])
        response = self.client.get("/search/", {"q": "storms"})
        self.assertContains(response, "<mark>Storm</mark> hits the coast", html=False)

    def test_author_and_tag_names_rank_below_the_text(self):
        make_post(blog=self.blog, headline="Harbour news", tags=["Weather"], body="Boats.")
        self.assertEqual(self.headlines("weather")[0], "Weather")

    @on_postgresql
    def test_snippet_keeps_the_standfirst_escaped_beside_the_body_text(self):
        make_post(
            blog=self.blog,
            headline="Quarry",
            standfirst="Gravel <b>pits</b> & lakes.",
            body="## Gravel\n\nThe *gravel* lorries < 40 t left.",
        )
        response = self.client.get("/search/", {"q": "gravel"})
        snippet = str(response.context["page_obj"][0].snippet)
        self.assertIn("<mark>Gravel</mark> &lt;b&gt;pits&lt;/b&gt; &amp; lakes.", snippet)
        self.assertIn("The <mark>gravel</mark> lorries &lt; 40 t left", snippet)
        self.assertEqual(snippet.count("<"), snippet.count("<mark>") + snippet.count("</mark>"))

    @on_postgresql
    def test_search_expression_matches_the_gin_index(self):
        # The planner only uses an expression index for the very same expression; with so few
        # rows it prefers other plans, so ask it about the vector alone, scans discouraged.
        query = SearchQuery("flood", search_type="websearch", config=SEARCH_CONFIG)
        matching = Post.objects.annotate(document=search_vector()).filter(document=query)
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            plan = matching.explain()
        self.assertIn("Bitmap Index Scan on post_search_idx", plan)


@unittest.skipUnless(connection.vendor == "sqlite", "SQLite's FTS5 search index")
class SQLiteSearchIndexTests(TestCase):
    """SQLite's search index follows the posts table whatever writes to it."""

    def headlines(self, query):
        return [post.headline for post in search_posts(query)]

    def test_a_change_made_in_raw_sql_is_found_and_the_old_text_is_not(self):
        post = make_post(headline="Bridge closed", body="Traffic is diverted.")
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE blog_post SET headline = 'Ferry cancelled' WHERE id = %s", [post.pk]
            )
        self.assertEqual(self.headlines("ferries"), ["Ferry cancelled"])
        self.assertEqual(self.headlines("bridge"), [])
        Post.objects.filter(pk=post.pk).delete()
        self.assertEqual(self.headlines("ferry"), [])

    def test_the_index_is_rebuilt_when_a_migration_drops_its_triggers(self):
        # SQLite's ALTER TABLE in a migration remakes the table without its triggers; the
        # post_migrate receiver puts them back and rebuilds the index.
        post = make_post(headline="Bridge closed")
        with connection.cursor() as cursor:
            for name in ["added", "removed", "changed"]:
                cursor.execute(f"DROP TRIGGER blog_post_search_{name}")
        Post.objects.filter(pk=post.pk).update(headline="Ferry cancelled")
        install_sqlite_index(using=connection.alias)
        self.assertEqual(self.headlines("ferry"), ["Ferry cancelled"])
        Post.objects.filter(pk=post.pk).update(headline="Tunnel open")
        self.assertEqual(self.headlines("tunnels"), ["Tunnel open"])
