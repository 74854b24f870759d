"""Asking the panel for reviews, declaring conflicts of interest, and reviewing."""

from collections.abc import Mapping
from datetime import date, timedelta

from flask_babel import force_locale, format_date
from flask_babel import gettext as _
from sqlalchemy import select, update

from cocreate.core.audit import record_audit
from cocreate.core.errors import PermissionDenied, TransitionNotAllowed, ValidationFailed
from cocreate.core.once import insert_once
from cocreate.core.permissions import is_account
from cocreate.core.types import utcnow
from cocreate.core.validation import check_text
from cocreate.extensions import db
from cocreate.panel import permissions
from cocreate.panel.conflicts import RULE_KINDS, conflict_columns, conflict_of
from cocreate.panel.models import (
    CONFLICT_REASON_MAX,
    REVIEW_COMMENT_MAX,
    SCORE_CRITERIA,
    SCORE_MAX,
    SCORE_MIN,
    ConflictSource,
    PanelConflict,
    PanelMember,
    PanelReview,
    PanelReviewRequest,
    Recommendation,
    normalise_newlines,
)
from cocreate.panel.notices import PANEL_REQUEST
from cocreate.panel.queries import current_request, local_today, member_standing
from cocreate.proposals.models import Proposal
from cocreate.proposals.notices import announce_about

# A request further ahead than this is a typing error, not a plan.
DUE_DAYS_MAX = 365


def _refuse_state(proposal: Proposal):
    raise TransitionNotAllowed(
        _(
            "Aktørpanelet vurderer kun forslag, der er offentliggjort eller under behandling. "
            "Forslaget har status «%(status)s».",
            status=proposal.status.label,
        )
    )


def _check_due_date(due_date) -> date:
    if not isinstance(due_date, date):
        message = _("Skriv en dato.")
        raise ValidationFailed(message, {"due_date": message})
    today = local_today()
    if due_date < today:
        message = _("Fristen kan ikke ligge før i dag.")
        raise ValidationFailed(message, {"due_date": message})
    if due_date > today + timedelta(days=DUE_DAYS_MAX):
        message = _("Fristen skal ligge inden for %(days)d dage.", days=DUE_DAYS_MAX)
        raise ValidationFailed(message, {"due_date": message})
    return due_date


def _record_automatic_conflicts(proposal: Proposal) -> None:
    """Record, for every active member, the conflicts the rule finds now."""
    rows = db.session.execute(
        select(PanelMember.id, *conflict_columns(PanelMember))
        .join(Proposal, Proposal.id == proposal.id)
        .where(PanelMember.active)
    )
    with force_locale("da"):
        for row in rows:
            conflict = conflict_of(row, proposal)
            if conflict is not None and conflict.kind in RULE_KINDS:
                db.session.add(
                    PanelConflict(
                        proposal_id=proposal.id,
                        member_id=row.id,
                        source=ConflictSource.AUTOMATIC,
                        reason=conflict.label,
                    )
                )


def request_panel_review(proposal: Proposal, actor, *, due_date: date) -> PanelReviewRequest:
    """Ask the panel to review an open proposal by a due date."""
    if not permissions.can_request_panel_review(actor, proposal):
        if permissions.is_panel_requester(actor, proposal):
            _refuse_state(proposal)
        raise PermissionDenied(
            _("Kun moderatorer og den ansvarlige forvaltning kan bede panelet om en vurdering.")
        )
    due_date = _check_due_date(due_date)
    # The unique key on the proposal settles two requests at once: the loser inserts
    # nothing, and is told about the request that won.
    made = insert_once(
        PanelReviewRequest.__table__,
        proposal_id=proposal.id,
        requested_by_id=actor.id,
        due_date=due_date,
        created_at=utcnow(),
    )
    request = current_request(proposal)
    if not made:
        raise TransitionNotAllowed(
            _(
                "Aktørpanelet er allerede bedt om at vurdere forslaget, med frist %(date)s.",
                date=format_date(request.due_date, "long"),
            )
        )
    _record_automatic_conflicts(proposal)
    db.session.flush()
    announce_about(
        PANEL_REQUEST,
        f"panel_request:{request.id}",
        proposal,
        actor=actor,
        date=due_date.isoformat(),
    )
    record_audit(
        actor, "proposal.panel_review_requested", proposal, None, {"due_date": due_date.isoformat()}
    )
    return request


def _hold_seat(actor) -> None:
    """Make one member's review and conflict declaration wait for each other, until commit.

    Each service looks for the other's row and then inserts its own: two at once would
    both find nothing, and the member would both review and be recorded as partial. An
    UPDATE that changes nothing locks what it writes until the transaction ends, on both
    databases: the member's row on PostgreSQL, and on SQLite, which has no
    SELECT ... FOR UPDATE, the database itself. The look that follows then sees whatever
    the other request committed.
    """
    if not is_account(actor):
        return
    seats = PanelMember.__table__
    db.session.execute(
        update(seats).where(seats.c.user_id == actor.id).values(active=seats.c.active)
    )


def _member_standing(proposal: Proposal, actor, refusal: str):
    """The actor's standing with an open, requested proposal; refuse non-members and states."""
    _hold_seat(actor)
    standing = member_standing(actor, proposal)
    if standing is None:
        raise PermissionDenied(refusal)
    if proposal.status not in permissions.REVIEWABLE_STATUSES:
        _refuse_state(proposal)
    request = current_request(proposal)
    if request is None:
        raise TransitionNotAllowed(_("Aktørpanelet er ikke bedt om at vurdere dette forslag."))
    return standing, request


def declare_conflict(proposal: Proposal, actor, *, reason: str) -> PanelConflict:
    """Let a member say they are not impartial; they then do not review the proposal."""
    standing, _request = _member_standing(
        proposal, actor, _("Kun medlemmer af aktørpanelet kan erklære sig inhabile.")
    )
    if standing.has_reviewed:
        raise TransitionNotAllowed(_("Du har allerede vurderet forslaget."))
    check_text(reason=(reason, CONFLICT_REASON_MAX))
    recorded = insert_once(
        PanelConflict.__table__,
        proposal_id=proposal.id,
        member_id=standing.member.id,
        source=ConflictSource.DECLARED,
        reason=reason.strip(),
        created_at=utcnow(),
    )
    if not recorded:
        raise TransitionNotAllowed(_("Du er allerede registreret som inhabil i dette forslag."))
    return db.session.scalar(
        select(PanelConflict).where(
            PanelConflict.proposal_id == proposal.id,
            PanelConflict.member_id == standing.member.id,
        )
    )


def _score_errors(scores) -> dict[str, str]:
    """A message for each score that is missing or not a whole number from 1 to 5."""
    if not isinstance(scores, Mapping):
        return {"scores": _("Giv point for hvert af de fire kriterier.")}
    errors = {}
    unknown = sorted(str(name) for name in scores if name not in SCORE_CRITERIA)
    if unknown:
        errors["scores"] = _("Ukendt kriterium: %(names)s.", names=", ".join(unknown))
    for name in SCORE_CRITERIA:
        value = scores.get(name)
        if value is None:
            errors[f"scores.{name}"] = _(
                "Giv et point fra %(min)d til %(max)d.", min=SCORE_MIN, max=SCORE_MAX
            )
        elif (
            not isinstance(value, int)
            or isinstance(value, bool)
            or not SCORE_MIN <= value <= SCORE_MAX
        ):
            errors[f"scores.{name}"] = _(
                "Skal være et helt tal fra %(min)d til %(max)d.", min=SCORE_MIN, max=SCORE_MAX
            )
    return errors


def _check_review(scores, recommendation, comment: str) -> Recommendation:
    errors = _score_errors(scores)
    try:
        chosen = Recommendation(recommendation)
    except ValueError:
        chosen = None
        errors["recommendation"] = _("Vælg en anbefaling fra listen.")
    if not isinstance(comment, str) or not comment.strip():
        errors["comment"] = _("Skriv en kommentar til vurderingen.")
    elif len(comment) > REVIEW_COMMENT_MAX:
        errors["comment"] = _("Må højst være %(max)d tegn.", max=REVIEW_COMMENT_MAX)
    if errors:
        raise ValidationFailed(_("Vurderingen kunne ikke gemmes."), errors)
    return chosen


def create_panel_review(
    proposal: Proposal, actor, *, scores: Mapping[str, int], recommendation, comment: str
) -> PanelReview:
    """Record a member's one review: four scores, a recommendation and a comment."""
    standing, request = _member_standing(
        proposal, actor, _("Kun medlemmer af aktørpanelet kan vurdere forslag.")
    )
    if standing.conflict is not None:
        raise PermissionDenied(
            _(
                "Du er inhabil og kan ikke vurdere forslaget. %(why)s",
                why=standing.conflict.explanation,
            )
        )
    twice = _("Du har allerede vurderet forslaget. Hvert medlem giver én vurdering.")
    if standing.has_reviewed:
        raise TransitionNotAllowed(twice)
    if isinstance(comment, str):
        comment = normalise_newlines(comment)
    chosen = _check_review(scores, recommendation, comment)
    # The unique key keeps one review per member, should two get past the look above.
    if not insert_once(
        PanelReview.__table__,
        proposal_id=proposal.id,
        request_id=request.id,
        member_id=standing.member.id,
        recommendation=chosen,
        comment=comment.strip(),
        created_at=utcnow(),
        **{f"score_{name}": scores[name] for name in SCORE_CRITERIA},
    ):
        raise TransitionNotAllowed(twice)
    return db.session.scalar(
        select(PanelReview).where(
            PanelReview.proposal_id == proposal.id, PanelReview.member_id == standing.member.id
        )
    )
