"""The benchmark set being written: its random source, people, departments and clock."""

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from cocreate.demo.bench.cast import Cast
from cocreate.demo.bench.phrases import Phrasebook
from cocreate.demo.bench.rows import Rows
from cocreate.strategy.models import Department, Theme


class QuickRandom(random.Random):
    """A random source whose choice() takes an index from random(), at a third of the cost:
    the set makes millions of choices."""

    def choice(self, seq):
        return seq[int(self.random() * len(seq))]


@dataclass
class Bench:
    rng: random.Random
    rows: Rows
    cast: Cast
    departments: list[Department]
    themes: list[Theme]
    now: datetime
    comment_window: timedelta
    # Averages for the proposals that can have them, so that the whole set gets its
    # comments and supports per proposal on average.
    comments: float
    supports: float
    book: Phrasebook = field(init=False)

    def __post_init__(self):
        self.book = Phrasebook(self.rng)
        self._departments = {department.id: department for department in self.departments}

    def owner(self, theme: Theme) -> Department:
        """The department that owns proposals on the theme."""
        return self._departments[theme.department_id]

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability

    def days(self, least: float, most: float) -> float:
        return self.rng.uniform(least, most)

    def how_many(self, mean: float) -> int:
        """A count around the mean: most a little below it, a few far above."""
        return round(3 * mean * self.rng.random() ** 2)

    def between(self, start: datetime, end: datetime, skew: int = 1) -> datetime:
        """A time in [start, end); with skew above 1, mostly soon after the start."""
        return start + (end - start) * self.rng.random() ** skew

    def moderator(self) -> int:
        return self.rng.choice(self.cast.moderators)

    def staff(self, department: Department) -> int:
        return self.rng.choice(self.cast.staff[department.id])

    def citizen(self) -> int:
        return self.rng.choice(self.cast.citizens)
