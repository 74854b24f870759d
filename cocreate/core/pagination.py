"""Offset pagination with one COUNT and one page query."""

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from flask import request
from sqlalchemy import Select, func, select

from cocreate.extensions import db

MAX_PER_PAGE = 100
# Far beyond any real list; keeps OFFSET within what every database accepts.
MAX_PAGE = 100_000


@dataclass(frozen=True)
class Page:
    items: list[Any]
    total: int
    page: int
    per_page: int
    # True when total stopped at a cap: there are more rows than total says.
    total_is_estimate: bool = False

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages


def page_url(number: int) -> str:
    """This page's URL with the same query but another page number."""
    query = [(key, value) for key, value in request.args.items(multi=True) if key != "page"]
    return request.path + "?" + urlencode([*query, ("page", number)])


def requested_page() -> int:
    """The page number asked for in the query string (1 when absent or not a number)."""
    return request.args.get("page", 1, type=int) or 1


def paginate(statement: Select, page: int, per_page: int, count_max: int | None = None) -> Page:
    """Run statement for one page and count its rows, up to count_max when given."""
    per_page = max(1, min(per_page, MAX_PER_PAGE))
    page = max(1, min(page, MAX_PAGE))
    counted = statement.order_by(None)
    if count_max is not None:
        # Counting tens of thousands of matches costs more than finding the page.
        counted = counted.limit(count_max + 1)
    count = select(func.count()).select_from(counted.subquery())
    total = db.session.scalar(count) or 0
    capped = count_max is not None and total > count_max
    rows = db.session.scalars(statement.limit(per_page).offset((page - 1) * per_page))
    return Page(
        items=list(rows.unique()),
        total=count_max if capped else total,
        page=page,
        per_page=per_page,
        total_is_estimate=capped,
    )


def page_numbers(page: Page) -> list[int | None]:
    """The page numbers a pager shows, None where pages are left out (as DKFDS does)."""
    last, current = page.pages, page.page
    if last <= 7:
        return list(range(1, last + 1))
    if current < 5:
        return [*range(1, 6), None, last]
    if current + 4 > last:
        return [1, None, *range(last - 4, last + 1)]
    return [1, None, current - 1, current, current + 1, None, last]
