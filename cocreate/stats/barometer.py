"""The barometer's figures: how proposals fared per theme and per department in a period.

One query fetches the few timestamp columns of the period's proposals with their group;
counts, medians and shares are then folded in Python, which keeps one code path for
SQLite and PostgreSQL. Every share and median goes through Share and Median, the one
place that says "too few cases" below MIN_CASES.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from statistics import median

from sqlalchemy import select

from cocreate.core.types import utcnow
from cocreate.extensions import db
from cocreate.proposals.lifecycle import ACCEPTED_STATUSES, ProposalStatus
from cocreate.proposals.models import Proposal, ProposalTheme
from cocreate.stats.effects import Participation, Rating, participation, ratings_of
from cocreate.strategy.models import Department, Theme
from cocreate.strategy.queries import all_departments, all_themes

# No share, mean or median from fewer cases, so that one quick answer never tops a table.
MIN_CASES = 5
_DAY = 86400.0


@dataclass(frozen=True)
class Share:
    """How many of how many; no percentage below MIN_CASES."""

    numerator: int
    denominator: int

    @property
    def too_few_cases(self) -> bool:
        return self.denominator < MIN_CASES

    @property
    def percent(self) -> int | None:
        if self.too_few_cases:
            return None
        return round(100 * self.numerator / self.denominator)

    def data(self) -> dict:
        return {
            "count": self.numerator,
            "of": self.denominator,
            "percent": self.percent,
            "too_few_cases": self.too_few_cases,
        }


@dataclass(frozen=True)
class Median:
    """The median of some day counts; none below MIN_CASES."""

    values: tuple[float, ...]

    @property
    def too_few_cases(self) -> bool:
        return len(self.values) < MIN_CASES

    @property
    def days(self) -> float | None:
        if self.too_few_cases:
            return None
        return round(median(self.values), 1)

    def data(self) -> dict:
        return {"cases": len(self.values), "days": self.days, "too_few_cases": self.too_few_cases}


@dataclass(frozen=True)
class Period:
    """From and to, both days included."""

    start: date
    end: date

    @classmethod
    def default(cls, today: date) -> "Period":
        """The last 12 months up to today (from 1 March after a 29 February)."""
        leap_day = (today.month, today.day) == (2, 29)
        a_year_ago = today.replace(year=today.year - 1, day=28 if leap_day else today.day)
        return cls(a_year_ago + timedelta(days=1), today)

    @property
    def lower(self) -> datetime:
        return datetime.combine(self.start, time.min, UTC)

    @property
    def upper(self) -> datetime:
        return datetime.combine(self.end + timedelta(days=1), time.min, UTC)

    def months(self) -> list[str]:
        months, year, month = [], self.start.year, self.start.month
        while (year, month) <= (self.end.year, self.end.month):
            months.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return months


@dataclass
class Figures:
    """The barometer's figures for one theme, one department, or everything."""

    key: str
    label: str
    months: list[str]
    received: int = 0
    published: int = 0
    rejected: int = 0
    answered: int = 0
    accepted: int = 0
    implemented: int = 0
    overdue_now: int = 0
    by_organisations: int = 0
    answer_rating: Rating = field(default_factory=lambda: Rating(MIN_CASES))
    handling_rating: Rating = field(default_factory=lambda: Rating(MIN_CASES))
    participation: Participation = field(default_factory=Participation)
    _acknowledge_days: list[float] = field(default_factory=list)
    _answer_days: list[float] = field(default_factory=list)
    _acknowledged_in_time: list[bool] = field(default_factory=list)
    _answered_in_time: list[bool] = field(default_factory=list)
    _trend: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def add(self, row) -> None:
        """Count one proposal."""
        self.received += 1
        self._trend[row.submitted_at.strftime("%Y-%m")] += 1
        self.published += row.published_at is not None
        self.rejected += row.status == ProposalStatus.REJECTED
        self.accepted += row.status in ACCEPTED_STATUSES
        self.implemented += row.implemented_at is not None
        self.overdue_now += bool(row.overdue)
        self.by_organisations += row.organisation_id is not None
        if row.acknowledged_at is not None and row.published_at is not None:
            self._acknowledge_days.append(_days(row.published_at, row.acknowledged_at))
            due = _acknowledge_due(row)
            if due is not None:
                self._acknowledged_in_time.append(row.acknowledged_at <= due)
        if row.answered_at is not None:
            self.answered += 1
            if row.published_at is not None:
                self._answer_days.append(_days(row.published_at, row.answered_at))
            if row.answer_due_at is not None:
                # answer_due_at is the date as it stood: moved past a comment window.
                self._answered_in_time.append(row.answered_at <= row.answer_due_at)

    @property
    def days_to_acknowledge(self) -> Median:
        return Median(tuple(self._acknowledge_days))

    @property
    def days_to_answer(self) -> Median:
        return Median(tuple(self._answer_days))

    @property
    def acknowledged_in_time(self) -> Share:
        return Share(sum(self._acknowledged_in_time), len(self._acknowledged_in_time))

    @property
    def answered_in_time(self) -> Share:
        return Share(sum(self._answered_in_time), len(self._answered_in_time))

    @property
    def organisations_share(self) -> Share:
        """How many of the proposals were made by associations and businesses."""
        return Share(self.by_organisations, self.received)

    def add_rating(self, answer_score: int, process_score: int) -> None:
        self.answer_rating.add(answer_score)
        self.handling_rating.add(process_score)

    @property
    def trend(self) -> list[tuple[str, int]]:
        return [(month, self._trend.get(month, 0)) for month in self.months]

    def data(self) -> dict:
        return {
            "key": self.key,
            "label": self.label,
            "received": self.received,
            "published": self.published,
            "rejected": self.rejected,
            "answered": self.answered,
            "accepted": self.accepted,
            "implemented": self.implemented,
            "overdue_now": self.overdue_now,
            "days_to_acknowledge": self.days_to_acknowledge.data(),
            "days_to_answer": self.days_to_answer.data(),
            "acknowledged_in_time": self.acknowledged_in_time.data(),
            "answered_in_time": self.answered_in_time.data(),
            "trend": [{"month": month, "received": count} for month, count in self.trend],
            "answer_rating": self.answer_rating.data(),
            "handling_rating": self.handling_rating.data(),
            "participation": {
                **self.participation.data(),
                "proposals_by_organisations": self.organisations_share.data(),
            },
        }


def _days(start: datetime, end: datetime) -> float:
    return (end - start).total_seconds() / _DAY


def _acknowledge_due(row) -> datetime | None:
    """When the acknowledgement was due: the one deadline rule of Proposal.current_deadline
    for a published proposal (an answer due first applies even before it)."""
    answer, acknowledge = row.answer_due_at, row.acknowledge_due_at
    if answer is not None and acknowledge is not None and answer < acknowledge:
        return answer
    return acknowledge


@dataclass
class Barometer:
    period: Period
    total: Figures
    themes: list[Figures]
    departments: list[Figures]

    def data(self) -> dict:
        return {
            "from": self.period.start.isoformat(),
            "to": self.period.end.isoformat(),
            "min_cases": MIN_CASES,
            "total": self.total.data(),
            "themes": [figures.data() for figures in self.themes],
            "departments": [figures.data() for figures in self.departments],
        }


_COLUMNS = (
    Proposal.id,
    Proposal.status,
    Proposal.submitted_at,
    Proposal.published_at,
    Proposal.acknowledged_at,
    Proposal.answered_at,
    Proposal.implemented_at,
    Proposal.acknowledge_due_at,
    Proposal.answer_due_at,
    Proposal.department_id,
    Proposal.organisation_id,
)


def barometer(
    period: Period,
    theme: Theme | None = None,
    department: Department | None = None,
    now: datetime | None = None,
) -> Barometer:
    """The figures of the proposals submitted in the period, of one theme or department if given."""
    now = now or utcnow()
    months = period.months()
    query = select(*_COLUMNS, Proposal.is_overdue(now).label("overdue")).where(
        Proposal.submitted_at >= period.lower, Proposal.submitted_at < period.upper
    )
    if department is not None:
        query = query.where(Proposal.department_id == department.id)
    if theme is not None:
        query = query.where(
            Proposal.id.in_(
                select(ProposalTheme.proposal_id).where(ProposalTheme.theme_id == theme.id)
            )
        )
    rows = db.session.execute(query).all()
    links = defaultdict(list)
    counted_ids = query.with_only_columns(Proposal.id)
    link_query = select(ProposalTheme.proposal_id, ProposalTheme.theme_id).where(
        ProposalTheme.proposal_id.in_(counted_ids)
    )
    for proposal_id, theme_id in db.session.execute(link_query):
        links[proposal_id].append(theme_id)
    themes, departments = all_themes(), all_departments()
    by_theme = {
        t.id: Figures(t.slug, t.display_title, months) for t in themes if theme in (None, t)
    }
    by_department = {
        d.id: Figures(d.slug, d.display_name, months)
        for d in departments
        if department in (None, d)
    }
    total = Figures("", "", months)
    department_of = {row.id: row.department_id for row in rows}

    def groups_of(proposal_id: int) -> list[Figures]:
        found = [total, by_department.get(department_of.get(proposal_id))]
        found += [by_theme.get(theme_id) for theme_id in links.get(proposal_id, ())]
        return [figures for figures in found if figures is not None]

    for row in rows:
        for figures in groups_of(row.id):
            figures.add(row)
    for proposal_id, answer_score, process_score in ratings_of(counted_ids):
        for figures in groups_of(proposal_id):
            figures.add_rating(answer_score, process_score)
    taking_part = participation(period.lower, period.upper, theme, department)
    for (kind, key), counted in taking_part.items():
        group = {"theme": by_theme, "department": by_department}.get(kind)
        figures = total if group is None else group.get(key)
        if figures is not None:
            figures.participation = counted
    return Barometer(period, total, list(by_theme.values()), list(by_department.values()))
