"""Pages of a long list without counting it.

Django's Paginator runs a COUNT(*) on every page to know how many pages there are, which
grows with the table. A page here reads only the ids of its own rows, plus one to know
whether an older page follows, from an index (the "published" list indexes cover every
column the query needs, so PostgreSQL answers from the index alone): a page's object_list is
the ids of its rows, which the view then loads (PostListView). A list gives it an object whose
window(start, stop) reads those ids: blog.post_lists.PublishedIds (home, blog, tag and author
pages, a compiled query) or QuerySetIds (archives).
Pages show "Page N" with newer and older links, not "of M".
"""

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator

# Far past any real list, and small enough that the database's 64-bit OFFSET never overflows.
MAX_PAGE = 2**40


class WindowPaginator(Paginator):
    def validate_number(self, number):
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger("That page number is not an integer.") from None
        if number < 1:
            raise EmptyPage("That page number is less than 1.")
        if number > MAX_PAGE:
            raise EmptyPage("That page contains no results.")
        return number

    @property
    def num_pages(self):
        """Django asks for it only for ?page=last. A list read a window at a time is never
        counted, so it has no last page to name: past MAX_PAGE, which page() answers with
        EmptyPage (a 404)."""
        return MAX_PAGE + 1

    def page(self, number):
        number = self.validate_number(number)
        start, stop = (number - 1) * self.per_page, number * self.per_page + 1
        ids = self.object_list.window(start, stop)
        if not ids and (number > 1 or not self.allow_empty_first_page):
            raise EmptyPage("That page contains no results.")
        has_next = len(ids) > self.per_page
        return WindowPage(ids[: self.per_page], number, self, has_next)


class QuerySetIds:
    """The ids of a queryset's rows, read a window at a time as WindowPaginator asks: for
    lists whose filters vary (archives); the others are blog.post_lists.PublishedIds."""

    def __init__(self, queryset):
        self.ids = queryset.prefetch_related(None).values_list("pk", flat=True)

    def window(self, start, stop):
        return list(self.ids[start:stop])


class WindowPage(Page):
    def __init__(self, object_list, number, paginator, has_next):
        super().__init__(object_list, number, paginator)
        self._has_next = has_next

    def has_next(self):
        return self._has_next

    def next_page_number(self):
        return self.number + 1
