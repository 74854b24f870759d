"""The stakeholder panel on a proposal: a request, the conflicts the rule records, reviews."""

from datetime import timedelta

from flask_babel import force_locale, to_user_timezone

from cocreate.demo.bench import officialese
from cocreate.demo.bench.bench import Bench
from cocreate.demo.bench.cast import Seat
from cocreate.demo.bench.record import Record
from cocreate.panel.conflicts import CONFLICT_LABELS, ConflictKind
from cocreate.panel.models import (
    SCORE_CRITERIA,
    SCORE_MAX,
    SCORE_MIN,
    ConflictSource,
    PanelConflict,
    PanelReview,
    PanelReviewRequest,
    Recommendation,
)
from cocreate.panel.permissions import REVIEWABLE_STATUSES

REQUESTED = 0.1
DUE_AFTER = timedelta(days=21)
RECOMMENDATIONS = tuple(Recommendation)


def _conflict(bench: Bench, seat: Seat, record: Record) -> ConflictKind | None:
    """What the conflict rule finds for the seat (bench co-authors are never on the panel)."""
    if seat.user_id == record.author_id:
        return ConflictKind.AUTHOR
    organisation_id = record.row["organisation_id"]
    if organisation_id is not None and (
        seat.organisation_id == organisation_id
        or seat.user_id in bench.cast.members_of(organisation_id)
    ):
        return ConflictKind.ORGANISATION
    return None


def review(bench: Bench, record: Record, topic) -> None:
    """Now and then the panel is asked while the department has the proposal open; the
    members without a conflict may review it before it is answered."""
    span = record.span_in(REVIEWABLE_STATUSES)
    if span is None or not bench.chance(REQUESTED):
        return
    start, end = span[0], span[1] or bench.now
    asked = start + timedelta(days=bench.days(1, 15))
    if asked >= end:
        return
    requester = bench.moderator() if bench.chance(0.5) else bench.staff(record.department_at(asked))
    request = bench.rows.add(
        PanelReviewRequest,
        {
            "proposal_id": record.id,
            "requested_by_id": requester,
            "due_date": to_user_timezone(asked + DUE_AFTER).date(),
            "created_at": asked,
        },
    )
    free = []
    for seat in bench.cast.seats:
        kind = _conflict(bench, seat, record)
        if kind is None:
            free.append(seat)
            continue
        with force_locale("da"):
            reason = str(CONFLICT_LABELS[kind])
        bench.rows.add(
            PanelConflict,
            {
                "proposal_id": record.id,
                "member_id": seat.member_id,
                "source": ConflictSource.AUTOMATIC,
                "reason": reason,
                "created_at": asked,
            },
        )
    for seat in bench.rng.sample(free, min(len(free), bench.rng.randint(0, 5))):
        at = asked + timedelta(days=bench.days(0.5, 20))
        if at >= end:
            continue
        bench.rows.add(
            PanelReview,
            {
                "proposal_id": record.id,
                "request_id": request["id"],
                "member_id": seat.member_id,
                **{
                    f"score_{name}": bench.rng.randint(SCORE_MIN, SCORE_MAX)
                    for name in SCORE_CRITERIA
                },
                "recommendation": bench.rng.choice(RECOMMENDATIONS),
                "comment": officialese.panel_comment(bench.book, topic),
                "created_at": at,
            },
        )
