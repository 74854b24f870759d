"""Offset pagination with one COUNT and one page query."""

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select

from cocreate.extensions import db

MAX_PER_PAGE = 100


@dataclass(frozen=True)
class Page:
    items: list[Any]
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages


def paginate(statement: Select, page: int, per_page: int) -> Page:
    """Run statement for one page and count all its rows."""
    per_page = max(1, min(per_page, MAX_PER_PAGE))
    page = max(1, page)
    count = select(func.count()).select_from(statement.order_by(None).subquery())
    total = db.session.scalar(count) or 0
    rows = db.session.scalars(statement.limit(per_page).offset((page - 1) * per_page))
    return Page(items=list(rows.unique()), total=total, page=page, per_page=per_page)
