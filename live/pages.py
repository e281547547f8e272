"""What reader pages show of live coverage: a live post's updates, page by page, and which
posts carry the “Live” badge."""

from functools import cached_property

from django.core.paginator import InvalidPage, Paginator
from django.db import router
from django.db.models import Q
from django.http import Http404

from blog.cards import AUTHOR_COLUMNS, columns
from blog.models import Author
from blog.rows import CompiledRows
from pagecache.fragments import rows_digest
from pagecache.kept import once_a_generation

from .models import UPDATES_PER_PAGE, Coverage, Update, edition

UPDATE_COLUMNS = columns(Update, [field.name for field in Update._meta.concrete_fields])
PK, IS_PINNED, UPDATED_AT = (
    UPDATE_COLUMNS.index(column) for column in ("id", "is_pinned", "updated_at")
)


class LivePage:
    """One page of a live post: the pinned update and the key events (on every page), and
    this page of the other updates, newest first. It is made from the updates' rows
    (update_rows_of()); the Update instances are made only when read (updates, pinned,
    key_events, page_obj), which a page kept whole by those rows (live_tags.live_coverage)
    does not do."""

    def __init__(self, coverage, rows, number, using):
        self.coverage = coverage
        self.rows = rows  # every update's rows, newest first (JSON-LD lists them all)
        self.number = number
        self.using = using

    @cached_property
    def rows_key(self):
        """The rows, digested once, to key what the page shows of them by
        (pagecache.fragments.rows_digest())."""
        return rows_digest(self.rows)

    @cached_property
    def updates(self):
        return [update_from_rows(rows, self.using) for rows in self.rows]

    @cached_property
    def pinned(self):
        return next((update for update in self.updates if update.is_pinned), None)

    @cached_property
    def key_events(self):
        return [update for update in self.updates if update.is_key_event]

    @cached_property
    def page_obj(self):
        stream = [update for update in self.updates if not update.is_pinned]
        return Paginator(stream, UPDATES_PER_PAGE).page(self.number)

    @property
    def shown_ids(self):
        shown = {update.pk for update in self.page_obj}
        if self.pinned and self.page_obj.number == 1:
            shown.add(self.pinned.pk)
        return shown

    @property
    def last_updated_at(self):
        """When an update was last added or changed (None without updates)."""
        return max((row[UPDATED_AT] for row, _ in self.rows), default=None)

    @property
    def edition(self):
        """live.models.edition() of the updates the page was made from (up to newest_id)."""
        return edition(len(self.rows), self.last_updated_at)

    @property
    def newest_id(self):
        """The cursor live.js polls with: the highest id of an update shown or seen."""
        return max((row[PK] for row, _ in self.rows), default=0)


def live_page(post, number=None):
    """The LivePage of a post with live coverage for page `number` of its updates (None for
    the first), or None for a post without coverage; raises Http404 for a page that does not
    exist. Two queries: the updates and their authors (the coverage comes with the post, from
    select_related("coverage"), or costs one more)."""
    coverage = getattr(post, "coverage", None)
    if coverage is None:
        return None
    using = router.db_for_read(Update)
    rows = update_rows_of(post, using=using)
    in_stream = sum(1 for row, _ in rows if not row[IS_PINNED])
    try:
        number = Paginator(range(in_stream), UPDATES_PER_PAGE).validate_number(number or 1)
    except InvalidPage:
        raise Http404("No such page of updates.") from None
    return LivePage(coverage, rows, number, using)


def updates_of(post, after=0):
    """The post's updates added after the update with id `after` (0: all of them), newest
    first, each with its authors, made from plain rows (update_rows_of())."""
    using = router.db_for_read(Update)
    return [update_from_rows(rows, using) for rows in update_rows_of(post, after, using)]


def update_rows_of(post, after=0, using=None):
    """The rows of the post's updates added after the update with id `after`, newest first,
    as (update row, its authors' rows) pairs, read as blog.cards reads post cards: two
    queries, compiled once (blog.rows), with no prefetch (whose cost grows with the updates).
    An update's fragments are kept by these rows and rendered from an Update made anew from
    them (update_from_rows())."""
    using = using or router.db_for_read(Update)
    rows = update_rows([post.pk, after], using)
    authors = {row[0]: [] for row in rows}
    for update_id, *author in update_author_rows(list(authors), using):
        authors[update_id].append(tuple(author))
    return tuple((row, tuple(authors[row[0]])) for row in rows)


update_rows = CompiledRows(
    lambda values: (
        Update.objects.filter(post=values[0], pk__gt=values[1])
        .newest_first()
        .values_list(*UPDATE_COLUMNS)
    )
)
update_author_rows = CompiledRows(
    lambda update_ids: (
        Update.authors.through.objects.filter(update__in=update_ids)
        .order_by("author__name", "author")
        .values_list("update_id", *(f"author__{column}" for column in AUTHOR_COLUMNS))
    )
)


def update_from_rows(rows, db):
    """An Update with its authors (update.byline_authors), made from rows and nothing else."""
    row, author_rows = rows
    update = Update.from_db(db, UPDATE_COLUMNS, row)
    update.loaded_authors = [Author.from_db(db, AUTHOR_COLUMNS, author) for author in author_rows]
    update.rows = rows
    return update


def page_number_of(update):
    """The page of its post that shows this update: the pinned one is on the first."""
    if update.is_pinned:
        return 1
    newer = (
        Update.objects.filter(post=update.post_id, is_pinned=False)
        .filter(
            Q(published_at__gt=update.published_at)
            | Q(published_at=update.published_at, pk__gt=update.pk)
        )
        .count()
    )
    return newer // UPDATES_PER_PAGE + 1


def live_post_ids(request=None):
    """Ids of the posts whose coverage is running, read once a request and, by each worker,
    once a generation (pagecache.kept; ending coverage is a write, which drops both)."""
    return once_a_generation(
        request,
        "live_post_ids",
        lambda: frozenset(Coverage.objects.running().values_list("post_id", flat=True)),
    )
