"""What reader pages show of live coverage: a live post's updates, page by page, and which
posts carry the “Live” badge."""

from dataclasses import dataclass, field

from django.core.paginator import InvalidPage, Page, Paginator
from django.db import router
from django.db.models import Q
from django.http import Http404

from blog.cards import AUTHOR_COLUMNS, columns
from blog.models import Author
from blog.rows import CompiledRows
from pagecache.kept import once_a_generation

from .models import UPDATES_PER_PAGE, Coverage, Update, edition

UPDATE_COLUMNS = columns(Update, [field.name for field in Update._meta.concrete_fields])


@dataclass
class LivePage:
    """One page of a live post: the pinned update and the key events (on every page), and
    this page of the other updates, newest first."""

    coverage: Coverage
    updates: list  # every update of the post, newest first (JSON-LD lists them all)
    page_obj: Page
    pinned: Update | None = None
    key_events: list = field(default_factory=list)

    @property
    def shown_ids(self):
        shown = {update.pk for update in self.page_obj}
        if self.pinned and self.page_obj.number == 1:
            shown.add(self.pinned.pk)
        return shown

    @property
    def edition(self):
        """live.models.edition() of the updates the page was made from (up to newest_id)."""
        last = max((update.updated_at for update in self.updates), default=None)
        return edition(len(self.updates), last)

    @property
    def newest_id(self):
        """The cursor live.js polls with: the highest id of an update shown or seen."""
        return max((update.pk for update in self.updates), default=0)


def live_page(post, number=None):
    """The LivePage of a post with live coverage for page `number` of its updates (None for
    the first), or None for a post without coverage; raises Http404 for a page that does not
    exist. Two queries: the updates and their authors (the coverage comes with the post, from
    select_related("coverage"), or costs one more)."""
    coverage = getattr(post, "coverage", None)
    if coverage is None:
        return None
    updates = updates_of(post)
    pinned = next((update for update in updates if update.is_pinned), None)
    stream = [update for update in updates if not update.is_pinned]
    try:
        page_obj = Paginator(stream, UPDATES_PER_PAGE).page(number or 1)
    except InvalidPage:
        raise Http404("No such page of updates.") from None
    return LivePage(
        coverage=coverage,
        updates=updates,
        page_obj=page_obj,
        pinned=pinned,
        key_events=[update for update in updates if update.is_key_event],
    )


def updates_of(post, after=0):
    """The post's updates added after the update with id `after` (0: all of them), newest
    first, each with its authors, made from plain rows as blog.cards does for post cards:
    two queries, compiled once (blog.rows), with no prefetch (whose cost grows with the
    updates). Each keeps the rows it was made from (update.rows), and an update's fragments
    are kept by them and rendered from an Update made anew from them (update_from_rows())."""
    using = router.db_for_read(Update)
    rows = update_rows([post.pk, after], using)
    authors = {row[0]: [] for row in rows}
    for update_id, *author in update_author_rows(list(authors), using):
        authors[update_id].append(tuple(author))
    return [update_from_rows((row, tuple(authors[row[0]])), using) for row in rows]


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
