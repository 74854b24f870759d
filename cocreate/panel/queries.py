"""Reading the panel: seats, members' requests and standing, the summary, the page's part."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from flask_babel import format_decimal
from flask_babel import gettext as _
from sqlalchemy import case, exists, func, select

from cocreate.accounts.models import User
from cocreate.core.permissions import is_account
from cocreate.core.types import local_today
from cocreate.extensions import db
from cocreate.panel import permissions
from cocreate.panel.conflicts import Conflict, conflict_columns, conflict_of
from cocreate.panel.forms import PanelRequestForm
from cocreate.panel.models import (
    CRITERION_LABELS,
    SCORE_CRITERIA,
    PanelMember,
    PanelReview,
    PanelReviewRequest,
    Recommendation,
)
from cocreate.proposals.coauthors import coauthor_objection
from cocreate.proposals.models import Proposal
from cocreate.proposals.page import page_part


def active_seat_of(user) -> PanelMember | None:
    """The account's seat on the panel, if it holds one now."""
    return db.session.scalar(
        select(PanelMember).where(PanelMember.user_id == user.id, PanelMember.active)
    )


@dataclass(frozen=True)
class MemberStanding:
    """Where one member stands with one proposal."""

    member: PanelMember
    conflict: Conflict | None
    has_reviewed: bool


def member_standing(user, proposal: Proposal) -> MemberStanding | None:
    """The account's seat, conflict and review for the proposal, in one query; None if no seat."""
    if not permissions.is_panel_member(user):
        return None
    reviewed = exists().where(
        PanelReview.proposal_id == Proposal.id, PanelReview.member_id == PanelMember.id
    )
    row = db.session.execute(
        select(PanelMember, reviewed.label("has_reviewed"), *conflict_columns(PanelMember))
        .join(Proposal, Proposal.id == proposal.id)
        .where(PanelMember.user_id == user.id, PanelMember.active)
    ).first()
    if row is None:
        return None
    return MemberStanding(row.PanelMember, conflict_of(row, proposal), bool(row.has_reviewed))


def current_request(proposal: Proposal) -> PanelReviewRequest | None:
    """The panel's request for the proposal, if one has been made (there is one at most)."""
    return db.session.scalar(
        select(PanelReviewRequest).where(PanelReviewRequest.proposal_id == proposal.id)
    )


@coauthor_objection
def _reviewers_stay_impartial(user, proposal: Proposal) -> str | None:
    """A reviewer is impartial only while they have no part in the proposal."""
    if not has_reviewed(user, proposal):
        return None
    return _(
        "Du har vurderet forslaget som medlem af aktørpanelet og kan derfor ikke "
        "blive medforfatter. Du kan takke nej til invitationen."
    )


def has_reviewed(user, proposal: Proposal) -> bool:
    """Whether the account has reviewed the proposal as a member of the panel."""
    return bool(
        db.session.scalar(
            select(
                exists().where(
                    PanelReview.proposal_id == proposal.id,
                    PanelReview.member_id == PanelMember.id,
                    PanelMember.user_id == user.id,
                )
            )
        )
    )


@dataclass(frozen=True)
class Assignment:
    """A request as one member sees it."""

    request: PanelReviewRequest
    proposal: Proposal
    conflict: Conflict | None
    overdue: bool


def member_requests(member: PanelMember) -> list[Assignment]:
    """Requests for open, shown proposals the member has not reviewed, soonest due first."""
    reviewed = exists().where(
        PanelReview.proposal_id == Proposal.id, PanelReview.member_id == member.id
    )
    rows = db.session.execute(
        select(PanelReviewRequest, Proposal, *conflict_columns(member))
        .join(Proposal, Proposal.id == PanelReviewRequest.proposal_id)
        .where(
            Proposal.status.in_(permissions.REVIEWABLE_STATUSES),
            # A proposal a moderator has hidden waits until it is shown again.
            Proposal.hidden_at.is_(None),
            ~reviewed,
        )
        .order_by(PanelReviewRequest.due_date, PanelReviewRequest.id)
    )
    today = local_today()
    return [
        Assignment(
            row.PanelReviewRequest,
            row.Proposal,
            conflict_of(row, row.Proposal),
            row.PanelReviewRequest.due_date < today,
        )
        for row in rows
    ]


def all_members() -> list[PanelMember]:
    """Every member, active first, by name."""
    return list(
        db.session.scalars(
            select(PanelMember)
            .join(User, User.id == PanelMember.user_id)
            .order_by(PanelMember.active.desc(), User.name, PanelMember.id)
        )
    )


@dataclass(frozen=True)
class PanelSummary:
    review_count: int
    mean_scores: dict[str, float | None]
    recommendations: dict[str, int]

    def as_dict(self) -> dict:
        return {
            "review_count": self.review_count,
            "mean_scores": dict(self.mean_scores),
            "recommendations": dict(self.recommendations),
        }


def _mean(total, count: int) -> float | None:
    """Half up to one decimal, exactly: 1.25 becomes 1.3 on every database."""
    if not count:
        return None
    mean = Decimal(int(total)) / Decimal(count)
    return float(mean.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def panel_summary(proposal_id: int) -> PanelSummary:
    """Count, mean scores and recommendations of the proposal's reviews, in one query.

    Sums rather than AVG, so that rounding is exact and the same on SQLite (floats)
    and PostgreSQL (numeric).
    """
    totals = [func.sum(getattr(PanelReview, f"score_{name}")) for name in SCORE_CRITERIA]
    counts = [
        func.coalesce(func.sum(case((PanelReview.recommendation == value, 1), else_=0)), 0)
        for value in Recommendation
    ]
    count, *rest = db.session.execute(
        select(func.count(PanelReview.id), *totals, *counts).where(
            PanelReview.proposal_id == proposal_id
        )
    ).one()
    sums, recommended = rest[: len(SCORE_CRITERIA)], rest[len(SCORE_CRITERIA) :]
    return PanelSummary(
        review_count=count,
        mean_scores={
            name: _mean(total, count) for name, total in zip(SCORE_CRITERIA, sums, strict=True)
        },
        recommendations={
            value.value: int(n) for value, n in zip(Recommendation, recommended, strict=True)
        },
    )


def visible_summary(proposal: Proposal, viewer) -> PanelSummary | None:
    """The summary if the viewer may see it yet, else None."""
    if not permissions.can_see_panel_summary(viewer, proposal):
        return None
    return panel_summary(proposal.id)


def proposal_reviews(proposal: Proposal) -> list[PanelReview]:
    """The proposal's reviews, oldest first, with their members' seats."""
    return list(
        db.session.scalars(
            select(PanelReview)
            .where(PanelReview.proposal_id == proposal.id)
            .order_by(PanelReview.created_at, PanelReview.id)
        )
    )


def panel_request_context(proposal: Proposal, viewer) -> dict:
    """The request and, for those who may make one, its form; shared with the handling page."""
    request = current_request(proposal)
    may_request = request is None and permissions.can_request_panel_review(viewer, proposal)
    return {
        "panel_request": request,
        "panel_request_form": PanelRequestForm(formdata=None) if may_request else None,
    }


@page_part
def panel_context(proposal, viewer) -> dict:
    """Template context for the proposal page, in a fixed number of queries.

    The summary and the reviews are read whether the viewer may see them yet or not, so
    that the page costs the same queries before and after the answer. Before it, a
    member of the panel sees their own review only.
    """
    context = panel_request_context(proposal, viewer)
    summary, reviews = panel_summary(proposal.id), proposal_reviews(proposal)
    visible = permissions.can_see_panel_summary(viewer, proposal)
    own = next((r for r in reviews if is_account(viewer) and r.member.user_id == viewer.id), None)
    standing = None
    if context["panel_request"] is not None and permissions.can_review_proposal(viewer, proposal):
        standing = member_standing(viewer, proposal)
    return context | {
        "panel_summary": summary if visible else None,
        "panel_reviews": reviews if visible else [],
        "panel_own_review": None if visible else own,
        "panel_standing": standing,
        "score_criteria": CRITERION_LABELS,
        "recommendation_labels": {value.value: value.label for value in Recommendation},
        "format_score": format_score,
    }


def format_score(mean: float | None) -> str:
    """A mean score in the reader's language, e.g. 3,5 in Danish; a dash when there is none."""
    return "–" if mean is None else format_decimal(mean, "0.0")
