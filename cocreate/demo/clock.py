"""Demo history: move what a service call wrote back to the day the story says."""

from collections import defaultdict
from datetime import date, datetime, timedelta

from flask_babel import to_user_timezone
from sqlalchemy import inspect, literal_column, or_, select, union_all

from cocreate.accounts.models import Organisation, User
from cocreate.core.audit import AuditEntry
from cocreate.core.outbox import OutboxMessage
from cocreate.core.types import UTCDateTime
from cocreate.departments.models import Milestone, ProgressUpdate
from cocreate.extensions import db
from cocreate.moderation.models import ModerationDecision
from cocreate.notifications.events import FAN_OUT
from cocreate.panel.models import PanelConflict, PanelReview, PanelReviewRequest
from cocreate.proposals.models import Comment, CommentFlag, Follow, Proposal, Response, Support

# A deadline keeps its distance to the moment it counts from. The answer deadline
# counts from the first routing (at approval), which a transfer does not move. A panel
# request's due date is a calendar date and keeps its distance in days.
DEADLINES = {
    "routed_at": ("acknowledge_due_at",),
    "published_at": ("answer_due_at",),
    "created_at": ("comment_window_ends_at", "due_date"),
}
_DEADLINE_NAMES = frozenset(name for names in DEADLINES.values() for name in names)
# A call's opening and close are the moments its content gives, not stamps of its writing.
_UNMOVED = _DEADLINE_NAMES | {"opens_at", "closes_at"}


def moment(now: datetime, days_ago: int, salt: int) -> datetime:
    """A time in office hours `days_ago` days before now; salt varies the hour."""
    day = now.replace(hour=0, minute=0, second=0, microsecond=0) - timedelta(days=days_ago)
    return day + timedelta(hours=7 + salt % 8, minutes=salt * 17 % 60)


def _about_proposal(proposal_id: int) -> dict:
    """What others write about a proposal: each model, with the condition that finds its rows."""
    return {
        ModerationDecision: ModerationDecision.proposal_id == proposal_id,
        Comment: Comment.proposal_id == proposal_id,
        CommentFlag: CommentFlag.comment_id.in_(
            select(Comment.id).where(Comment.proposal_id == proposal_id)
        ),
        Support: Support.proposal_id == proposal_id,
        Follow: Follow.proposal_id == proposal_id,
        PanelReviewRequest: PanelReviewRequest.proposal_id == proposal_id,
        PanelConflict: PanelConflict.proposal_id == proposal_id,
        PanelReview: PanelReview.proposal_id == proposal_id,
        Milestone: Milestone.proposal_id == proposal_id,
        ProgressUpdate: ProgressUpdate.proposal_id == proposal_id,
    }


def _written_since(since: datetime, wanted: dict) -> list:
    """The rows of each model that match its condition and had a time written since `since`.

    One query finds them all, so that a step that wrote none of them costs one query.
    """
    models = list(wanted)
    found = union_all(
        *(
            select(literal_column(str(number)), model.id).where(
                condition,
                or_(*(c >= since for c in model.__table__.c if isinstance(c.type, UTCDateTime))),
            )
            for number, (model, condition) in enumerate(wanted.items())
        )
    )
    ids = defaultdict(list)
    for number, row_id in db.session.execute(found):
        ids[number].append(row_id)
    return [
        row
        for number, row_ids in ids.items()
        for row in db.session.scalars(select(models[number]).where(models[number].id.in_(row_ids)))
    ]


def _rows_about(subject, since: datetime) -> list:
    if isinstance(subject, Proposal):
        return [
            subject,
            *subject.status_changes,
            *subject.routings,
            *subject.responses,
            *subject.coauthors,
            *_written_since(since, _about_proposal(subject.id)),
        ]
    if isinstance(subject, User):
        follows = _written_since(since, {Follow: Follow.user_id == subject.id})
        return [subject, *subject.role_grants, *follows]
    if isinstance(subject, Organisation):
        return [subject, *subject.memberships]
    return [subject]


def _moved(due: date, written: datetime, when: datetime) -> date:
    if isinstance(due, datetime):
        return due - (written - when)
    # A due date is a calendar day where the municipality is.
    days = to_user_timezone(written).date() - to_user_timezone(when).date()
    return due - days


def backdate(subject, since: datetime, when: datetime) -> None:
    """Move every time written about subject since `since` to `when`, deadlines alike."""
    db.session.flush()
    # The demo is written by one process, one step at a time, so every audit entry
    # since `since` belongs to this step, whatever it is about (a hidden comment, a seat).
    audit = db.session.scalars(select(AuditEntry).where(AuditEntry.created_at >= since))
    rows = _rows_about(subject, since)
    # The final answer after a preliminary one is due a set time after its comment window
    # closes, so it keeps its distance from the window, wherever the window moves.
    windows = [
        (response, subject.answer_due_at - response.comment_window_ends_at)
        for response in rows
        if isinstance(response, Response) and response.preliminary and response.created_at >= since
    ]
    for row in (*rows, *audit):
        for attribute in inspect(row).mapper.column_attrs:
            name = attribute.key
            if name in _UNMOVED or not isinstance(attribute.columns[0].type, UTCDateTime):
                continue
            written = getattr(row, name)
            if written is None or written < since:
                continue
            setattr(row, name, when)
            for deadline in DEADLINES.get(name, ()):
                due = getattr(row, deadline, None)
                if due is not None:
                    setattr(row, deadline, _moved(due, written, when))
    for response, distance in windows:
        subject.answer_due_at = response.comment_window_ends_at + distance
    _announce_as_of(since, when)
    db.session.flush()


def _announce_as_of(since: datetime, when: datetime) -> None:
    """The events announced since `since` happened at `when`: so say their notifications."""
    announced = select(OutboxMessage).where(
        OutboxMessage.job == FAN_OUT, OutboxMessage.created_at >= since
    )
    for message in db.session.scalars(announced):
        message.payload = {**message.payload, "occurred_at": when.isoformat()}
