"""Every barometer figure against a small hand-made data set with known answers."""

from datetime import UTC, date, datetime, timedelta

import pytest

from cocreate.extensions import db
from cocreate.proposals.lifecycle import ProposalStatus
from cocreate.stats.barometer import Median, Period, Share, barometer

NOW = datetime(2026, 6, 30, 12, tzinfo=UTC)
PERIOD = Period(date(2026, 1, 1), date(2026, 6, 30))
DAY = timedelta(days=1)


def _stamp(proposal, submitted, **offsets):
    """Set the proposal's timestamps as days after its submission."""
    proposal.submitted_at = submitted
    for name, days in offsets.items():
        setattr(proposal, name, None if days is None else submitted + days * DAY)
    db.session.commit()
    return proposal


@pytest.fixture
def data(make_proposal, make_theme):
    theme = make_theme()
    other = make_theme()
    day = datetime(2026, 2, 1, 9, tzinfo=UTC)
    made = []
    # Five answered within both deadlines: acknowledged after 1..5 days, answered after 10..50.
    for n in range(1, 6):
        proposal = make_proposal(ProposalStatus.ACCEPTED, themes=[theme])
        made.append(
            _stamp(
                proposal,
                day,
                published_at=0,
                acknowledged_at=n,
                answered_at=10 * n,
                acknowledge_due_at=10,
                answer_due_at=60,
            )
        )
    # Answered after its first date but within the date moved past a comment window.
    late = make_proposal(ProposalStatus.DECLINED, themes=[theme])
    _stamp(
        late,
        day + 31 * DAY,
        published_at=0,
        acknowledged_at=20,
        answered_at=70,
        acknowledge_due_at=10,
        answer_due_at=90,
    )
    # Overdue now: published, never acknowledged, its date passed.
    overdue = make_proposal(ProposalStatus.PUBLISHED, themes=[theme])
    _stamp(overdue, day + 31 * DAY, published_at=0, acknowledge_due_at=10, answer_due_at=60)
    rejected = make_proposal(ProposalStatus.REJECTED, themes=[theme])
    _stamp(rejected, day, published_at=None)
    # Outside the period: not counted.
    outside = make_proposal(ProposalStatus.ACCEPTED, themes=[theme])
    _stamp(outside, datetime(2025, 12, 31, 23, tzinfo=UTC), published_at=0, answered_at=1)
    # Another theme with one quick answer: too few cases for any share or median.
    quick = make_proposal(ProposalStatus.ACCEPTED, themes=[other])
    _stamp(
        quick,
        day,
        published_at=0,
        acknowledged_at=0.1,
        answered_at=0.2,
        acknowledge_due_at=10,
        answer_due_at=60,
    )
    return theme, other


def test_every_figure_of_a_theme(data):
    theme, _ = data
    figures = {f.key: f for f in barometer(PERIOD, now=NOW).themes}[theme.slug]
    assert (figures.received, figures.published, figures.rejected) == (8, 7, 1)
    assert (figures.answered, figures.accepted, figures.implemented) == (6, 5, 0)
    assert figures.overdue_now == 1
    assert figures.days_to_acknowledge.days == 3.5  # 1, 2, 3, 4, 5, 20
    assert figures.days_to_answer.days == 35  # 10..50 and 70
    assert figures.acknowledged_in_time == Share(5, 6)
    assert figures.answered_in_time == Share(6, 6)  # the moved date counts
    assert figures.acknowledged_in_time.percent == 83
    trend = dict(figures.trend)
    assert (trend["2026-02"], trend["2026-03"], trend["2026-01"]) == (6, 2, 0)
    assert len(figures.trend) == 6


def test_too_few_cases_gives_no_share_or_median(data):
    _, other = data
    figures = {f.key: f for f in barometer(PERIOD, now=NOW).themes}[other.slug]
    assert figures.received == 1 and figures.answered == 1
    assert figures.days_to_answer.too_few_cases and figures.days_to_answer.days is None
    assert figures.answered_in_time.percent is None
    assert Share(4, 4).too_few_cases and not Share(0, 5).too_few_cases
    assert Median((1, 2, 3, 4)).days is None and Median((1, 2, 3, 4, 5)).days == 3


def test_filters_and_period_bounds(data):
    theme, other = data
    only = barometer(PERIOD, theme=other, now=NOW)
    assert [f.key for f in only.themes] == [other.slug] and only.total.received == 1
    by_department = barometer(PERIOD, department=theme.department, now=NOW)
    # A proposal rejected in moderation was never routed to a department.
    assert by_department.total.received == 7
    february = barometer(Period(date(2026, 2, 1), date(2026, 2, 1)), now=NOW)
    assert february.total.received == 7
    assert barometer(Period(date(2025, 12, 31), date(2025, 12, 31)), now=NOW).total.received == 1


@pytest.mark.parametrize(
    "today, start",
    [
        (date(2026, 6, 30), date(2025, 7, 1)),
        (date(2028, 2, 29), date(2027, 3, 1)),
        (date(2027, 3, 1), date(2026, 3, 2)),
        (date(2026, 1, 1), date(2025, 1, 2)),
    ],
)
def test_the_default_period_is_the_last_twelve_months_even_from_a_leap_day(today, start):
    assert Period.default(today) == Period(start, today)


def test_overdue_now_is_the_one_deadline_rule(make_proposal, make_theme):
    theme = make_theme()
    day = datetime(2026, 3, 1, 9, tzinfo=UTC)
    # Published with only an answer's date, long passed: the rule owes no acknowledgement.
    odd = make_proposal(ProposalStatus.PUBLISHED, themes=[theme])
    _stamp(odd, day, published_at=0, acknowledge_due_at=None, answer_due_at=5)
    late = make_proposal(ProposalStatus.UNDER_REVIEW, themes=[theme])
    _stamp(late, day, published_at=0, acknowledged_at=1, answer_due_at=5)

    figures = barometer(PERIOD, theme=theme, now=NOW).total

    assert figures.overdue_now == sum(p.is_overdue(NOW) for p in (odd, late)) == 1
