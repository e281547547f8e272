"""`make bench`: seed PostgreSQL, serve with gunicorn (2 sync workers, production settings),
load it with wrk at 8 connections, print a table and write bench/RESULTS.md (or
bench/RESULTS-<posts>.md for another BENCH_POSTS). On the cached server, after those rows, a
news day: wrk over 100+ reader pages, quiet, then while bench/writer.py saves a draft every
second (drafts only), then a draft every second and a published post every 5 s (edits); the
request log (bench/out/gunicorn-cached.log, its "cache" field) tells renders from hits.

Environment: BENCH_POSTS (2000), BENCH_SECONDS (10 a measurement), BENCH_CONNECTIONS (8),
BENCH_DATABASE (newsroom_bench_<posts>), BENCH_PG (postgres://postgres@127.0.0.1:5432),
BENCH_REDIS (redis://127.0.0.1:6379/7), BENCH_RESULTS (where the report goes; default above).
"""

import gzip
import json
import logging
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections import Counter
from datetime import datetime
from pathlib import Path

BENCH = Path(__file__).resolve().parent
PROJECT = BENCH.parent
OUT = BENCH / "out"
POSTS = int(os.environ.get("BENCH_POSTS", "2000"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
DATABASE = os.environ.get("BENCH_DATABASE", f"newsroom_bench_{POSTS}")
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
REDIS = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/7")
ROTATED_POSTS = 300
NEWS_DAY_PAGES = 110  # distinct reader addresses in the news-day mix (the issue asks for 100+)
RESULTS = Path(
    os.environ.get("BENCH_RESULTS")
    or BENCH / ("RESULTS.md" if POSTS == 2000 else f"RESULTS-{POSTS}.md")
)

ENV = {
    **os.environ,
    "DJANGO_SECRET_KEY": "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
    "DATABASE_URL": f"{PG}/{DATABASE}",
    "REDIS_URL": REDIS,
    "DJANGO_SECURE_SSL_REDIRECT": "0",
    "DJANGO_MEDIA_ROOT": str(OUT / "media"),
    "DJANGO_STATIC_ROOT": str(OUT / "static"),
    "NEWSROOM_SERVE_MEDIA": "0",
}


def sh(*args, **kwargs):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kwargs).stdout


def prepare_database():
    """Create the database if missing; (re)seed it unless it already holds BENCH_POSTS."""
    os.environ.update(ENV)
    sys.path.insert(0, str(PROJECT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "newsroom.settings"
    exists = sh(
        "psql", f"{PG}/postgres", "-tAc", f"SELECT 1 FROM pg_database WHERE datname='{DATABASE}'"
    )
    import django

    if exists.strip():
        django.setup()
        from django.core.management import call_command

        from blog.models import Post

        try:
            # A database seeded by an older checkout gets this checkout's migrations first.
            call_command("migrate", verbosity=0)
            if Post.objects.count() == POSTS:
                analyze()
                return False
        except Exception:  # not migrated yet
            pass
        from django.db import connections

        connections.close_all()
        sh("dropdb", "--if-exists", "--maintenance-db", f"{PG}/postgres", DATABASE)
    sh("createdb", "--maintenance-db", f"{PG}/postgres", DATABASE)
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    shutil.rmtree(OUT / "media", ignore_errors=True)
    started = time.perf_counter()
    from bench.seed import seed

    seed(POSTS)
    print(f"seeded {POSTS} posts in {time.perf_counter() - started:.1f} s", flush=True)
    analyze()
    return True


def analyze():
    """Give the planner statistics and mark the pages all-visible, as autovacuum would in
    time: without them a freshly seeded table gets bitmap scans and sorts instead of the
    list indexes, and index-only scans still visit the table."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def pages(live):
    from django.db.models import Count
    from taggit.models import Tag

    from blog.models import Blog, Post

    published = Post.objects.published().select_related("blog").order_by("-published_at")
    blog = Blog.objects.annotate(n=Count("posts")).order_by("-n").first()
    tag = Tag.objects.annotate(n=Count("blog_taggedpost_items")).order_by("-n").first()
    return {
        "/healthz": ["/healthz"],
        "home": ["/"],
        "home page 50": ["/?page=50"],
        **({"home page 1000": ["/?page=1000"]} if published.count() > 20_000 else {}),
        "blog page": [blog.get_absolute_url()],
        "tag page": [f"/tags/{tag.slug}/"],
        f"post pages ({ROTATED_POSTS} rotating)": [
            post.get_absolute_url() for post in published[100 : 100 + ROTATED_POSTS]
        ],
        "live post page": [live["page"]],
        "live poll, up to date": [live["poll"]],
    }


def measure_pages(paths_by_name, cached):
    """Queries and HTML bytes a page, measured in-process through the WSGI application as
    gunicorn calls it (page cache front included), on the second request of each page, as a
    warm worker serves it."""
    from django.core.handlers.wsgi import WSGIHandler
    from django.db import connection
    from django.test import RequestFactory
    from django.test.utils import CaptureQueriesContext, override_settings

    from pagecache.pages import CachedPagesFirst

    logging.getLogger("ops.request").setLevel(logging.WARNING)
    application = CachedPagesFirst(WSGIHandler())

    def get(path):
        environ = RequestFactory(HTTP_HOST="127.0.0.1").get(path).environ
        return b"".join(application(environ, lambda status, headers: None))

    figures = {}
    with override_settings(NEWSROOM_PAGE_CACHE_SECONDS=3600 if cached else 0):
        for name, paths in paths_by_name.items():
            path = paths[0]
            get(path)
            with CaptureQueriesContext(connection) as queries:
                content = get(path)
            figures[name] = (len(queries), len(content), len(gzip.compress(content)))
    return figures


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(port, cached):
    env = {**ENV, "NEWSROOM_PAGE_CACHE_SECONDS": "3600" if cached else "0"}
    log = OUT / f"gunicorn-{'cached' if cached else 'uncached'}.log"
    process = subprocess.Popen(
        [str(PROJECT / ".venv/bin/gunicorn"), "-c", "gunicorn.conf.py", "newsroom.wsgi",
         "--workers", "2", "--bind", f"127.0.0.1:{port}"],
        cwd=PROJECT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT,
    )  # fmt: skip
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
            return process
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("gunicorn did not start; see bench/out/gunicorn-*.log")


def worker_rss_mb(process):
    children = sh("pgrep", "-P", str(process.pid)).split()
    return max(int(sh("ps", "-o", "rss=", "-p", pid)) for pid in children) / 1024


def wrk(port, paths, request_ids=""):
    """wrk over paths in turn; with request_ids, each request carries X-Request-ID
    <request_ids><n>, n its path's position in paths from 1 (see rotate.lua)."""
    paths_file = OUT / "paths.txt"
    paths_file.write_text("\n".join(paths) + "\n")
    output = sh(
        "wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "-s", str(BENCH / "rotate.lua"),
        f"http://127.0.0.1:{port}",
        env={**os.environ, "BENCH_PATHS": str(paths_file), "BENCH_REQUEST_IDS": request_ids},
    )  # fmt: skip
    return json.loads(output.strip().splitlines()[-1])


def rate(result):
    return result["requests"] / result["duration_us"] * 1e6


def baseline(runs):
    """Requests a second of /healthz: the median of all its measurements in this run."""
    samples = sorted(rate for mode in runs.values() for rate in mode[0]["/healthz"]["samples"])
    middle = len(samples) // 2
    return samples[middle] if len(samples) % 2 else (samples[middle - 1] + samples[middle]) / 2


def around(result):
    """A page's share of /healthz measured on the same server just before and after it."""
    return rate(result) / result["around"]


def run_mode(paths_by_name, cached, news=None):
    port = free_port()
    if cached:
        sh("redis-cli", "-u", REDIS, "flushdb")
    process = start_gunicorn(port, cached)
    try:
        for paths in paths_by_name.values():  # warm up: connections, imports, the page cache
            for path in paths:
                urllib.request.urlopen(f"http://127.0.0.1:{port}{path}").read()
        rss_before = worker_rss_mb(process)
        # The machine's speed drifts during a run (by a third, some runs), so /healthz is
        # measured before the first page, between each two and after the last: each page is
        # compared with the two /healthz measured just before and after it (around()).
        results, healthz = {}, [wrk(port, paths_by_name["/healthz"])]
        for name in (name for name in paths_by_name if name != "/healthz"):
            results[name] = wrk(port, paths_by_name[name])
            healthz.append(wrk(port, paths_by_name["/healthz"]))
            results[name]["around"] = (rate(healthz[-2]) + rate(healthz[-1])) / 2
        results["/healthz"] = sorted(healthz, key=rate)[len(healthz) // 2]
        results["/healthz"]["samples"] = [rate(result) for result in healthz]
        rss_after = worker_rss_mb(process)
        return results, rss_before, rss_after, news_day(port, news) if news else None
    finally:
        process.terminate()
        process.wait(timeout=30)


# The news day: readers over 100+ pages while a writer saves drafts and published posts.

NEWS_DAY_PHASES = {  # name: what bench/writer.py does meanwhile
    "news day, quiet": None,
    "news day, drafts only": "drafts",
    "news day, edits": "edits",
    "news day, live": "live",
}
EDIT_FIELDS = ("headline", "body", "body_html", "version", "updated_at")


def news_day_plan():
    """The news-day mix (NEWS_DAY_PAGES reader addresses of the seeded site: home and its page
    2, every blog, tags, authors, archives, the site's and a blog's feed, then the newest posts),
    the draft and the published post the writer saves (the newest post but the breaking one, so
    it is on many of those pages) and which of the mix one published save changes."""
    from django.urls import reverse
    from django.utils import timezone
    from taggit.models import Tag

    from blog.models import Author, Blog, Post

    published = Post.objects.published().select_related("blog").order_by("-published_at")
    edited = published.filter(is_breaking=False).first()
    draft = Post.objects.filter(status=Post.Status.DRAFT).order_by("pk").first()
    made = draft is None  # bench/seed.py makes one post in fifty a draft; another database may not
    if made:  # deleted again at the end (restore()): seeding is kept by the number of posts
        draft = Post.objects.create(
            blog=edited.blog,
            headline="News day draft",
            slug="news-day-draft",
            body="A draft.",
            status=Post.Status.DRAFT,
        )
    blog, when = edited.blog, timezone.localtime(edited.published_at)
    own_tags, own_authors = (
        list(edited.tags.order_by("slug")),
        list(edited.authors.order_by("slug")),
    )
    tags = [*own_tags, *Tag.objects.exclude(pk__in=[t.pk for t in own_tags]).order_by("pk")]
    others = Author.objects.exclude(pk__in=[a.pk for a in own_authors]).order_by("pk")
    authors = [*own_authors, *others]
    lists = [
        "/",
        "/?page=2",
        *(each.get_absolute_url() for each in Blog.objects.order_by("pk")),
        *(reverse("blog:tag_detail", kwargs={"slug": tag.slug}) for tag in tags[:10]),
        *(author.get_absolute_url() for author in authors[:10]),
        reverse("blog:archive_index"),
        reverse("blog:archive_year", kwargs={"year": when.year}),
        reverse("blog:archive_month", kwargs={"year": when.year, "month": when.month}),
        reverse("blog:blog_archive_index", kwargs={"slug": blog.slug}),
        reverse("blog:latest_feed", kwargs={"feed_format": "rss"}),
        reverse("blog:blog_feed", kwargs={"slug": blog.slug, "feed_format": "rss"}),
    ]
    lists = list(dict.fromkeys(lists))
    posts = [post.get_absolute_url() for post in published[:NEWS_DAY_PAGES]]
    paths = lists + [path for path in posts if path not in lists][: NEWS_DAY_PAGES - len(lists)]
    originals = {
        post.pk: {name: getattr(post, name) for name in EDIT_FIELDS} for post in (edited, draft)
    }
    if made:
        originals[draft.pk] = None
    try:
        changed, unstable = pages_changed_by(edited, paths)
    finally:
        restore(originals)
    return {
        "paths": paths,
        "edited": edited.pk,
        "edited_path": edited.get_absolute_url(),
        "draft": draft.pk,
        "changed": changed,
        "unstable": unstable,
        "originals": originals,
    }


def restore(originals, end=False):
    """Put the writer's posts back as they were (QuerySet.update() leaves updated_at alone); at
    the end, delete the draft made for the writer (fields None)."""
    from blog.models import Post

    for pk, fields in originals.items():
        if fields:
            Post.objects.filter(pk=pk).update(**fields)
        elif end:
            Post.objects.filter(pk=pk).delete()


def pages_changed_by(post, paths):
    """Which of paths a published save of post (the writer's edit) changes: each page rendered
    in-process with the page cache off, twice before one such save and once after. A page
    whose two renders before the save differ changes by itself; it is counted as changed."""
    from bench.writer import edit

    before, again = render_in_process(paths), render_in_process(paths)
    edit(post, 0, "news day")
    after = render_in_process(paths)
    unstable = [path for path, one, two in zip(paths, before, again, strict=True) if one != two]
    changed = [path for path, two, three in zip(paths, again, after, strict=True) if two != three]
    return sorted({*changed, *unstable}, key=paths.index), unstable


def render_in_process(paths, host="127.0.0.1"):
    """Each page's body as the database has it now: rendered through Django in this process,
    page cache off."""
    from django.core.handlers.wsgi import WSGIHandler
    from django.test import RequestFactory
    from django.test.utils import override_settings

    logging.getLogger("ops.request").setLevel(logging.WARNING)
    application = WSGIHandler()

    def get(path):
        environ = RequestFactory(HTTP_HOST=host).get(path).environ
        statuses = []
        body = b"".join(application(environ, lambda status, headers: statuses.append(status)))
        if statuses != ["200 OK"]:
            raise RuntimeError(f"{path} answered {statuses} in-process")
        return body

    with override_settings(NEWSROOM_PAGE_CACHE_SECONDS=0):
        return [get(path) for path in paths]


def served(port, paths):
    return [urllib.request.urlopen(f"http://127.0.0.1:{port}{path}").read() for path in paths]


class LiveReader:
    """A reader of the live post, polling as static/js/live.js does (every POLL_SECONDS, from
    the cursor of its last answer), in a thread: notes when each update first arrives."""

    def __init__(self, port, live):
        self.url = f"http://127.0.0.1:{port}/live/{live['post']}/updates/after/{{}}/"
        self.cursor, self.seen, self.stopping = live["newest"], {}, threading.Event()
        script = (PROJECT / "static/js/live.js").read_text()
        self.every = float(re.search(r"POLL_SECONDS = (\d+(?:\.\d+)?)", script)[1])
        self.thread = threading.Thread(target=self.poll, daemon=True)
        self.thread.start()

    def poll(self):
        while not self.stopping.wait(self.every):
            answer = json.loads(urllib.request.urlopen(self.url.format(self.cursor)).read())
            now = time.time()
            for update in re.findall(r'id="update-(\d+)"', answer["html"]):
                self.seen.setdefault(int(update), now)
            self.cursor = answer["cursor"]

    def stop(self):
        """After one more poll: the writer has stopped, its last update may be due."""
        time.sleep(self.every + 0.5)
        self.stopping.set()
        self.thread.join(timeout=30)
        return self.seen


def live_plan():
    """The live post of the seeded site (made the first time: a published post, not the
    writer's, with coverage running and 30 updates), its page, its poll address for a reader
    up to date, and its newest update (updates the writer adds are deleted at the end)."""
    from datetime import timedelta

    from django.utils import timezone

    from blog.models import Post
    from live.models import Coverage, Update

    coverage = Coverage.objects.running().select_related("post__blog").first()
    if coverage is None:
        post = (
            Post.objects.published()
            .filter(is_breaking=False)
            .order_by("-published_at")[1]  # the newest is the writer's (news_day_plan())
        )
        started = timezone.now() - timedelta(hours=3)
        coverage = Coverage.objects.create(post=post, started_at=started)
        for n in range(30):
            Update.objects.create(
                post=post,
                published_at=started + timedelta(minutes=6 * n),
                title=f"Update {n}" if n % 3 == 0 else "",
                body=f"What we know at this hour, part {n}: roads **closed**, crews out.",
                is_key_event=n % 10 == 0,
            )
    post = coverage.post
    newest = post.live_updates.order_by("-pk").values_list("pk", flat=True).first() or 0
    return {
        "post": post.pk,
        "page": post.get_absolute_url(),
        "poll": f"/live/{post.pk}/updates/after/{newest}/",
        "newest": newest,
    }


def news_day(port, news):
    """The news-day rows, on the cached server after the other rows: wrk over the mix for
    SECONDS in each of NEWS_DAY_PHASES, each page fetched once before the first (so it is in
    the cache). After each row (writer stopped) every page the server answers is compared
    with a fresh render: a cache that renders less must still serve what the database says;
    those fetches also fill the cache for the next row. Then who rendered what, from the
    request log and the writer's log (analyse())."""
    paths, writer_log = news["paths"], OUT / "writer.log"
    writer_log.write_text("")
    (OUT / "news-day-paths.txt").write_text("\n".join(paths) + "\n")
    results = {}
    served(port, paths)
    for number, (name, writing) in enumerate(NEWS_DAY_PHASES.items(), 1):
        writer = start_writer(news, name, writing, writer_log) if writing else None
        reader = LiveReader(port, news["live"]) if writing == "live" else None
        try:
            started = time.time()
            results[name] = wrk(port, paths, request_ids=f"nd{number}-")
            results[name]["window"] = (started, time.time())
        finally:
            if writer:
                writer.terminate()
                writer.wait(timeout=30)
            if reader:
                results[name]["seen"] = reader.stop()
        fresh = render_in_process(paths, host=f"127.0.0.1:{port}")
        pairs = zip(paths, served(port, paths), fresh, strict=True)
        results[name]["stale"] = [path for path, answer, fresh in pairs if answer != fresh]
    time.sleep(0.5)  # log lines of the requests wrk left unanswered at its end
    saves = [json.loads(line) for line in writer_log.read_text().splitlines() if line]
    analysed = analyse(news, results, request_log(OUT / "gunicorn-cached.log", paths), saves)
    live = results["news day, live"]
    # Seconds from each update's commit to the first poll that brought it (None: never seen).
    live["latencies"] = [
        live["seen"][save["update"]] - save["end"] if save["update"] in live["seen"] else None
        for save in saves
        if save["phase"] == "news day, live" and save["kind"] == "update"
    ]
    return analysed


def start_writer(news, phase, writing, log):
    """bench/writer.py with the benchmark's environment (an app server's, page cache on), once
    it says it is ready; its first save is due half a second later."""
    process = subprocess.Popen(
        [str(PROJECT / ".venv/bin/python"), str(BENCH / "writer.py"), "--draft",
         str(news["draft"]), "--published", str(news["edited"]), "--log", str(log),
         "--phase", phase, *(["--drafts-only"] if writing == "drafts" else []),
         *(["--live", str(news["live"]["post"])] if writing == "live" else [])],
        cwd=PROJECT, stdout=(OUT / "writer.err").open("a"), stderr=subprocess.STDOUT,
        env={**ENV, "DJANGO_SETTINGS_MODULE": "newsroom.settings",
             "NEWSROOM_PAGE_CACHE_SECONDS": "3600"},
    )  # fmt: skip
    deadline = time.time() + 60
    while time.time() < deadline and process.poll() is None:
        lines = [json.loads(line) for line in log.read_text().splitlines() if line]
        if any(line["phase"] == phase and line["kind"] == "ready" for line in lines):
            return process
        time.sleep(0.05)
    process.kill()
    raise RuntimeError("bench/writer.py did not start; see bench/out/writer.err")


def is_render(cache):
    return cache not in ("hit", "revalidated")


def is_revalidation(cache):
    return cache == "revalidated"


def request_log(log, paths):
    """The news-day requests in the server's request log, as (phase number, start, address,
    cache, status): the address from the request id wrk sent, the start from the line's time
    (when the response was ready) less its duration."""
    rows = []
    for line in log.read_text().splitlines():
        if '"nd' not in line or not line.startswith("{"):
            continue
        entry = json.loads(line)
        match = re.fullmatch(r"nd(\d+)-(\d+)", entry.get("request_id", ""))
        if not match:
            continue
        if "cache" not in entry:
            raise RuntimeError("the request log has no cache field (ops/logs.py log_request)")
        end = datetime.fromisoformat(entry["time"]).timestamp()
        start = end - entry["duration_ms"] / 1000
        rows.append(
            (int(match[1]), start, paths[int(match[2]) - 1], entry["cache"], entry["status"])
        )
    return rows


def analyse(news, results, rows, saves):
    """Renders (log lines whose cache is not "hit" nor "revalidated": served again unrendered
    after their reads gave the same rows, pagecache.reads) per phase and per save, and those
    revalidations. Pages that got no
    hit in the quiet phase are never cached (they render on every request whatever is saved)
    and are counted apart; the rest are the cached pages."""
    phases = list(results)
    rows_of = {name: [row for row in rows if row[0] == n] for n, name in enumerate(phases, 1)}
    hits = Counter(row[2] for row in rows_of[phases[0]] if row[3] == "hit")
    cached = [path for path in news["paths"] if hits[path]]
    never = [path for path in news["paths"] if not hits[path]]

    def renders(name, since=float("-inf"), until=float("inf"), answered=is_render):
        return Counter(
            row[2] for row in rows_of[name] if answered(row[3]) and since <= row[1] < until
        )

    for name, result in results.items():
        counted = renders(name)
        result["logged"] = len(rows_of[name])
        result["renders"] = sum(counted[path] for path in cached)
        result["revalidated"] = sum(renders(name, answered=is_revalidation).values())
        result["never_cached_renders"] = sum(counted[path] for path in never)
        for kind in ("draft", "published"):
            result[kind] = sorted(
                (save for save in saves if save["phase"] == name and save["kind"] == kind),
                key=lambda save: save["start"],
            )
    drafts = results["news day, drafts only"]
    since = drafts["draft"][0]["start"] if drafts["draft"] else float("inf")
    drafts["draft_renders"] = sum(renders("news day, drafts only", since)[p] for p in cached)
    edits = results["news day, edits"]
    changed = [path for path in news["changed"] if path in cached]
    unchanged = [path for path in cached if path not in news["changed"]]
    starts = [save["start"] for save in edits["published"]]
    edits["per_save"] = []
    for start, until in zip(starts, [*starts[1:], float("inf")], strict=True):
        counted = renders("news day, edits", start, until)
        most = max(changed, key=lambda path: counted[path], default=None)
        edits["per_save"].append(
            {
                "most": (counted[most], most) if most else (0, None),
                "unchanged_renders": sum(counted[path] for path in unchanged),
                "unchanged_revalidated": sum(
                    renders("news day, edits", start, until, is_revalidation)[path]
                    for path in unchanged
                ),
                "seconds": min(until, edits["window"][1]) - start,
            }
        )
    return {"phases": results, "cached": cached, "never": never, "changed": changed}


def news_table(news, base):
    quiet = rate(news["phases"]["news day, quiet"])
    lines = [
        "| row | req/s | % of news day, quiet | % of the run's median /healthz | p50 ms "
        "| p99 ms | errors | renders of cached pages | served again unrendered "
        "| renders of pages never cached "
        "| draft saves | published saves | live updates | pages stale after the row |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, result in news["phases"].items():
        lines.append(
            f"| {name} | {rate(result):,.0f} | {100 * rate(result) / quiet:.0f}% | "
            f"{100 * rate(result) / base:.0f}% | {result['p50_us'] / 1000:.1f} | "
            f"{result['p99_us'] / 1000:.1f} | {result['errors'] + result['non2xx']} | "
            f"{result['renders']:,} | {result['revalidated']:,} | "
            f"{result['never_cached_renders']:,} | "
            f"{len(result['draft'])} | {len(result['published'])} | "
            f"{len(result.get('latencies', []))} | {len(result['stale'])} |"
        )
    return "\n".join(lines)


def news_method(news, plan):
    never = ", ".join(f"`{path}`" for path in news["never"]) or "none"
    unstable = ", ".join(f"`{path}`" for path in plan["unstable"]) or "none"
    return f"""How the news day is measured:

- **Where**: on the cached server, after the rows above; wrk as above over \
{len(plan["paths"])} reader addresses in turn (`bench/out/news-day-paths.txt`): home and its \
page 2, every blog, 10 tags and 10 authors (the edited post's first), the archive index, year \
and month, a blog's archive, `/feeds/rss/` and a blog's RSS feed, then the newest posts. Every \
page is fetched once before the first row, so it starts in the cache.
- **Rows**: *quiet*, wrk alone; *drafts only*, while `bench/writer.py` (its own process, \
the ORM's `post.save()` as an editor's save) saves a draft (post {plan["draft"]}, headline and \
body) every second; *edits*, while it also saves the newest published post \
(`{plan["edited_path"]}`, headline) every 5 s, half a second after a draft save; *live*, \
while it also adds an update to the live post (`{plan["live"]["page"]}`) every 5 s, and a \
reader polls it as `static/js/live.js` does (every 6 s from its last cursor) and notes when \
each update first arrives. Saves are logged with their times in `bench/out/writer.log`.
- **Renders**: each request carries an X-Request-ID naming its address; the request log \
(`bench/out/gunicorn-cached.log`) says whether it was a hit (`"cache": "hit"`), served again \
unrendered after a bump because the database gave every read of the page the same rows \
(`revalidated`, `pagecache/reads.py`) or rendered (`miss`, `bypass`). A request's start is \
its line's time less its duration. Pages with no hit \
in the quiet row are never cached and render on every request whatever is saved: they are \
counted apart ({never}). Renders made outside the app server (by the saving process, say) \
would not be seen.
- **A draft save's renders**: renders of cached pages in the drafts-only row from its first \
save on, over the number of saves.
- **A published save's renders**: for each published save, the renders of each cached page \
from that save to the next published save (or the end of the row). The draft saves in between \
are in that window, so these are the published save's alone only when drafts cause none.
- **Pages a published save changes**: every page rendered in-process with the cache off, \
before and after one such save, compared byte for byte: {len(plan["changed"])} of \
{len(plan["paths"])} (a page that differs between two renders with no save in between would \
count as changed: {unstable}).
- **Stale pages**: after each row, the writer stopped, every page as the server answers it is \
compared with a fresh in-process render; these fetches also fill the cache for the next row.
- The two posts are put back as they were at the end of the run."""


def news_targets(news, uncached_results, poll):
    """The issue's news-day targets, each as met or not, from this run's figures."""
    phases = news["phases"]
    quiet, drafts, edits, _ = (phases[name] for name in NEWS_DAY_PHASES)
    met = {True: "met", False: "NOT met"}
    share = rate(edits) / rate(quiet)
    p99 = max(quiet["p99_us"], edits["p99_us"]) / 1000
    errors = sum(result["errors"] + result["non2xx"] for result in phases.values())
    saves = len(drafts["draft"])
    per_draft = drafts["draft_renders"] / saves if saves else float("nan")
    per_save = edits["per_save"]
    most = max((save["most"] for save in per_save), default=(0, None), key=lambda m: m[0])
    unchanged = max((save["unchanged_renders"] for save in per_save), default=0)
    served_again = max((save["unchanged_revalidated"] for save in per_save), default=0)
    stale = sorted({path for result in phases.values() for path in result["stale"]})
    named = f" ({', '.join(stale[:5])}{', …' if len(stale) > 5 else ''})" if stale else ""
    lists = {
        name: around(result) for name, result in uncached_results.items() if name != "/healthz"
    }
    slowest = min(lists, key=lists.get)
    return "\n".join(
        [
            f"- News day, served req/s with the writer ≥ 50% of the quiet rate: "
            f"{rate(edits):,.0f} of {rate(quiet):,.0f} req/s = {share:.0%}: {met[share >= 0.5]}",
            f"- News day, p99 ≤ 100 ms: quiet {quiet['p99_us'] / 1000:.1f} ms, edits "
            f"{edits['p99_us'] / 1000:.1f} ms (drafts only {drafts['p99_us'] / 1000:.1f} ms), "
            f"errors {errors}: {met[p99 <= 100 and errors == 0]}",
            f"- News day, a draft save causes 0 renders: {drafts['draft_renders']:,} renders of "
            f"cached pages after {saves} draft saves ({per_draft:.1f} a save): "
            f"{met[saves > 0 and drafts['draft_renders'] == 0]}",
            f"- News day, one published save causes at most one render per page it changes: "
            f"at most {most[0]} render(s) of one page ({most[1] if most[0] else '–'}) after one "
            f"save, over "
            f"{len(per_save)} published save(s) ({len(news['changed'])} of the "
            f"{len(news['cached'])} cached pages change): {met[bool(per_save) and most[0] <= 1]}",
            f"- News day, a published save renders no page it does not change (what 'per page "
            f"it changes' implies): at most {unchanged:,} "
            f"renders of the {len(news['cached']) - len(news['changed'])} cached pages it does "
            f"not change after one save (at most {served_again:,} served again unrendered, "
            f"their reads checked): {met[bool(per_save) and unchanged == 0]}",
            f"- News day, every page served after each row as a fresh render shows it (a check "
            f"beside the issue's: rendering less must not mean serving old pages): "
            f"{len(stale)} of {len(news['cached']) + len(news['never'])} pages differ{named}: "
            f"{met[not stale]}",
            f"- Uncached post and list pages ≥ 10% of /healthz: lowest {lists[slowest]:.0%} "
            f"({slowest}; of /healthz around it): {met[lists[slowest] >= 0.1]}",
            live_targets(phases["news day, live"], poll),
        ]
    )


def live_targets(live, poll):
    """Issue 19's: the poll's req/s beside /healthz, and how soon a polling reader sees an
    update after the editor saves it, while the news day runs."""
    met = {True: "met", False: "NOT met"}
    seen = [seconds for seconds in live["latencies"] if seconds is not None]
    missed = len(live["latencies"]) - len(seen)
    slowest = max(seen, default=float("nan"))
    middle = sorted(seen)[len(seen) // 2] if seen else float("nan")
    return "\n".join(
        [
            f"- Live poll (cached, a reader up to date) ≥ 90% of /healthz: {around(poll):.0%} "
            f"({rate(poll):,.0f} req/s, /healthz around it {poll['around']:,.0f}): "
            f"{met[around(poll) >= 0.9]}",
            f"- Live, a reader polling as live.js does sees an update ≤ 10 s after the save, "
            f"while the news day runs: {len(seen)} of {len(live['latencies'])} updates seen, "
            f"median {middle:.1f} s, slowest {slowest:.1f} s, {missed} never: "
            f"{met[bool(seen) and not missed and slowest <= 10]}",
        ]
    )


def machine():
    cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
    cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo if "model name" in line), "")
    memory = int(Path("/proc/meminfo").read_text().split()[1]) // 1024
    import django

    versions = [
        f"Python {platform.python_version()}",
        f"Django {django.get_version()}",
        sh("psql", "--version").strip(),
        sh("redis-server", "--version").split(" sha")[0],
        subprocess.run(["wrk", "--version"], capture_output=True, text=True).stdout.split(" [")[0],
    ]
    return f"{os.cpu_count()} CPUs ({cpu}), {memory} MB RAM, {platform.platform()}; " + ", ".join(
        versions
    )


def table(paths_by_name, runs, figures):
    base = baseline(runs)
    lines = [
        "| page | mode | req/s | % of /healthz around it | % of the run's median /healthz "
        "| p50 ms | p99 ms | errors | queries/page | HTML bytes (gzip) |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name in paths_by_name:
        for cached in (False, True):
            result = runs[cached][0][name]
            queries, size, zipped = figures[cached][name]
            shown, share = f"{rate(result):,.0f}", "–"
            if name == "/healthz":
                samples = sorted(result["samples"])
                shown = f"{shown} (of {samples[0]:,.0f}–{samples[-1]:,.0f})"
            else:
                share = f"{100 * around(result):.0f}% (of {result['around']:,.0f})"
            lines.append(
                f"| {name} | {'cached' if cached else 'uncached'} | {shown} | {share} | "
                f"{100 * rate(result) / base:.0f}% | {result['p50_us'] / 1000:.1f} | "
                f"{result['p99_us'] / 1000:.1f} | {result['errors'] + result['non2xx']} | "
                f"{queries} | {size:,} ({zipped:,}) |"
            )
    return "\n".join(lines)


def targets(paths_by_name, runs):
    """The issue's targets, each as met or not, from this run's figures."""
    lines = []
    for name in list(paths_by_name)[1:]:
        for cached in (False, True):
            result = runs[cached][0][name]
            share = around(result)
            wanted = 0.9 if cached else (0.2 if name.startswith("post") else 0.1)
            fast = result["p99_us"] < 50_000 and result["errors"] + result["non2xx"] == 0
            lines.append(
                f"- {name}, {'cached' if cached else 'uncached'}: {share:.0%} of /healthz "
                f"around it (target {wanted:.0%}: {'met' if share >= wanted else 'NOT met'}); "
                f"p99 under 50 ms with no errors: {'met' if fast else 'NOT met'}"
            )
    return "\n".join(lines)


def main():
    OUT.mkdir(exist_ok=True)
    load_before = os.getloadavg()[0]
    if prepare_database() is False:
        print(f"database {DATABASE} already holds {POSTS} posts", flush=True)
    sh(
        str(PROJECT / ".venv/bin/python"),
        "manage.py",
        "collectstatic",
        "--noinput",
        "-v0",
        cwd=PROJECT,
        env=ENV,
    )
    live = live_plan()
    paths_by_name = pages(live)
    figures = {cached: measure_pages(paths_by_name, cached) for cached in (False, True)}
    plan = {**news_day_plan(), "live": live}
    try:
        runs = {
            cached: run_mode(paths_by_name, cached, cached and plan) for cached in (False, True)
        }
    finally:
        restore(plan["originals"], end=True)
        from live.models import Update

        Update.objects.filter(post=live["post"], pk__gt=live["newest"]).delete()
    news = runs[True][3]
    memory = "; ".join(
        f"{'cached' if cached else 'uncached'} run: {runs[cached][1]:.0f} MB after warm-up, "
        f"{runs[cached][2]:.0f} MB after "
        f"{sum(r['requests'] for r in runs[cached][0].values()):,} requests"
        for cached in (False, True)
    )
    command = f"BENCH_POSTS={POSTS} BENCH_SECONDS={SECONDS} make bench"
    poll = runs[True][0]["live poll, up to date"]
    report = (
        f"# Benchmark results\n\n{POSTS:,} posts on PostgreSQL, Redis cache, gunicorn with 2 sync "
        f"workers and production settings; wrk with {CONNECTIONS} connections for {SECONDS} s a "
        f"row from the same machine. /healthz is measured on each server before the first page, "
        f"between each two and after the last; each page's share is of the two /healthz "
        f"measured just before and after it (and, for comparison with earlier runs, of the "
        f"median of all /healthz measurements of the run, shown with their range).\n\n"
        f"- Machine: {machine()}\n- Command: `{command}`\n"
        f"- Date: {time.strftime('%Y-%m-%d %H:%M %Z')}\n- Worker memory (largest worker RSS): "
        f"{memory}\n- Load average (1 min) before and after: {load_before:.1f}, "
        f"{os.getloadavg()[0]:.1f} (on {os.cpu_count()} CPUs; anything above 0 is other work "
        f"competing with the benchmark)\n- *uncached*: the page cache off "
        f"(`NEWSROOM_PAGE_CACHE_SECONDS=0`), so every request renders its page, as a miss "
        f"does: with the cards and live updates each worker keeps by what they show and the "
        f"shared data it reads once a generation (README, Rendering speed), warm after the "
        f"first requests since nothing is saved meanwhile (on a news day the first miss of each "
        f"worker after a bump reads the shared data again)\n\n"
        f"{table(paths_by_name, runs, figures)}\n\n"
        f"### News day\n\n{news_table(news, baseline(runs))}\n\n{news_method(news, plan)}\n\n"
        f"## Targets\n\n{news_targets(news, runs[False][0], poll)}\n"
        f"\nEach page on its own (earlier runs' targets):\n\n{targets(paths_by_name, runs)}\n"
    )
    print(report)
    # Earlier runs stay below this one, newest first, so a change is seen beside the last.
    earlier = RESULTS.read_text() if RESULTS.exists() else ""
    earlier = earlier.replace("# Benchmark results", "# Earlier run", 1)
    RESULTS.write_text(report + (f"\n---\n\n{earlier}" if earlier else ""))


if __name__ == "__main__":
    main()
