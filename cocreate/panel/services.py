"""Asking the panel for reviews, declaring conflicts of interest, and reviewing."""

from collections.abc import Mapping
from datetime import date, timedelta

from flask_babel import force_locale, format_date
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from cocreate.core.audit import record_audit
from cocreate.core.errors import PermissionDenied, TransitionNotAllowed, ValidationFailed
from cocreate.core.validation import check_text
from cocreate.extensions import db
from cocreate.panel import permissions
from cocreate.panel.conflicts import ConflictKind, conflict_columns, conflict_of
from cocreate.panel.models import (
    CONFLICT_REASON_MAX,
    REVIEW_COMMENT_MAX,
    SCORE_CRITERIA,
    SCORE_MAX,
    SCORE_MIN,
    PanelConflict,
    PanelMember,
    PanelReview,
    PanelReviewRequest,
    Recommendation,
)
from cocreate.panel.queries import current_request, local_today, member_standing
from cocreate.proposals.models import Proposal

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
    """Declare, for every active member, the conflicts the rule finds now."""
    rows = db.session.execute(
        select(PanelMember.id, *conflict_columns(PanelMember))
        .join(Proposal, Proposal.id == proposal.id)
        .where(PanelMember.active)
    )
    with force_locale("da"):
        for row in rows:
            conflict = conflict_of(row, proposal)
            if conflict is not None and conflict.kind != ConflictKind.DECLARED:
                db.session.add(
                    PanelConflict(proposal_id=proposal.id, member_id=row.id, reason=conflict.label)
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
    existing = current_request(proposal)
    if existing is not None:
        raise TransitionNotAllowed(
            _(
                "Aktørpanelet er allerede bedt om at vurdere forslaget, med frist %(date)s.",
                date=format_date(existing.due_date, "long"),
            )
        )
    request = PanelReviewRequest(proposal_id=proposal.id, requested_by=actor, due_date=due_date)
    db.session.add(request)
    db.session.flush()
    _record_automatic_conflicts(proposal)
    db.session.flush()
    record_audit(
        actor, "proposal.panel_review_requested", proposal, None, {"due_date": due_date.isoformat()}
    )
    return request


def _member_standing(proposal: Proposal, actor, refusal: str):
    """The actor's standing with an open, requested proposal; refuse non-members and states."""
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
    declared = db.session.scalar(
        select(PanelConflict).where(
            PanelConflict.proposal_id == proposal.id,
            PanelConflict.member_id == standing.member.id,
        )
    )
    if declared is not None:
        raise TransitionNotAllowed(_("Du er allerede registreret som inhabil i dette forslag."))
    check_text(reason=(reason, CONFLICT_REASON_MAX))
    conflict = PanelConflict(
        proposal_id=proposal.id, member_id=standing.member.id, reason=reason.strip()
    )
    db.session.add(conflict)
    db.session.flush()
    return conflict


def score_errors(scores) -> dict[str, str]:
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
    errors = score_errors(scores)
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
    chosen = _check_review(scores, recommendation, comment)
    review = PanelReview(
        proposal_id=proposal.id,
        request_id=request.id,
        member=standing.member,
        recommendation=chosen,
        comment=comment.strip(),
        **{f"score_{name}": scores[name] for name in SCORE_CRITERIA},
    )
    db.session.add(review)
    try:
        db.session.flush()
    except IntegrityError as exc:
        # The same member's review arrived twice at once: the unique key keeps one.
        db.session.rollback()
        raise TransitionNotAllowed(twice) from exc
    return review
