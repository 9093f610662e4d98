"""Pagination of long staff lists.

Django's ``Paginator`` counts every row of the list on every page view. A district's queue at a
million registered people holds hundreds of thousands of rows, and the exact count is the most
expensive part of the page; an officer needs the oldest rows and whether there are many, not the
exact number. ``CappedPaginator`` counts at most ``cap`` rows (``SELECT COUNT(*)`` over a
``LIMIT``), and says when there are more.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from django.core.paginator import Paginator
from django.db.models import QuerySet


class CappedPaginator(Paginator):
    def __init__(self, object_list: Any, per_page: int, *, cap: int = 10_000, **kwargs: Any) -> None:
        super().__init__(object_list, per_page, **kwargs)
        self.cap = cap

    @cached_property
    def counted(self) -> int:
        """The rows, counted up to one past the cap."""
        rows = self.object_list[: self.cap + 1]
        return rows.count() if isinstance(rows, QuerySet) else len(rows)

    @cached_property
    def count(self) -> int:
        return min(self.counted, self.cap)

    @property
    def capped(self) -> bool:
        """Whether the list holds more rows than the pages reach."""
        return self.counted > self.cap
