"""Moderation decisions: approve and route, request changes, or reject."""

from flask_babel import gettext as _
from sqlalchemy import select

from cocreate.core.audit import record_audit
from cocreate.core.errors import (
    ConcurrentChange,
    PermissionDenied,
    ValidationFailed,
)
from cocreate.core.types import ID_MAX
from cocreate.departments.services import route_proposal
from cocreate.extensions import db
from cocreate.moderation import notices, permissions
from cocreate.moderation.models import Decision, ModerationDecision, RejectionReason
from cocreate.proposals.lifecycle import Action, ProposalStatus, require_allowed, transition
from cocreate.proposals.models import Proposal
from cocreate.strategy.models import Department

DECISION_ACTIONS = {
    Decision.APPROVE: Action.APPROVE,
    Decision.REQUEST_CHANGES: Action.REQUEST_CHANGES,
    Decision.REJECT: Action.REJECT,
}
NOTE_MAX = 2000


def moderation_queue():
    """Return the statement for submitted proposals, oldest first."""
    return (
        select(Proposal)
        .where(Proposal.status == ProposalStatus.SUBMITTED)
        .order_by(Proposal.submitted_at, Proposal.id)
    )


def default_department(proposal: Proposal) -> Department | None:
    """The department behind the call it was sent to, else the owner of its first theme."""
    if proposal.call is not None:
        return proposal.call.department
    themes = proposal.themes
    return themes[0].department if themes else None


def _rejection_reason(value) -> RejectionReason | None:
    """Accept a reason from the fixed list only (as the enum or its value)."""
    if value is None or value == "":
        return None
    try:
        return RejectionReason(value)
    except ValueError:
        message = _("Vælg en begrundelse fra listen.")
        raise ValidationFailed(message, {"reason": message}) from None


def _original(proposal: Proposal, reason, original_id: int | None) -> Proposal | None:
    """The public proposal a rejected duplicate repeats, when the moderator names one (a
    duplicate named without it is still a duplicate: decideProposal took it so before)."""
    if reason != RejectionReason.DUPLICATE or original_id is None:
        return None
    original = db.session.get(Proposal, original_id) if 0 < original_id <= ID_MAX else None
    if original is None or original.id == proposal.id or not original.is_public:
        message = _("Nr. %(id)s er ikke et offentligt forslag.", id=original_id)
        raise ValidationFailed(message, {"original_id": message})
    return original


def _check_decision(decision, reason, note, department):
    errors = {}
    if decision == Decision.REJECT and reason is None:
        errors["reason"] = _("Vælg en begrundelse for afvisningen.")
    if decision == Decision.REQUEST_CHANGES and not note.strip():
        errors["note"] = _("Skriv til forfatteren, hvad der skal ændres.")
    if decision == Decision.APPROVE and department is None:
        errors["department_id"] = _("Vælg den forvaltning, der skal have forslaget.")
    if len(note) > NOTE_MAX:
        errors["note"] = _("Noten må højst være %(max)d tegn.", max=NOTE_MAX)
    if errors:
        raise ValidationFailed(_("Afgørelsen kunne ikke gemmes."), errors)


def decide_proposal(
    proposal: Proposal,
    moderator,
    *,
    decision: Decision,
    reason: RejectionReason | None = None,
    note: str = "",
    department: Department | None = None,
    original_id: int | None = None,
    seen_version: int | None = None,
) -> ModerationDecision:
    """Record a moderator's decision; approval routes the proposal to a department, and a
    rejection as a duplicate names the public proposal it repeats (original_id).

    With seen_version, refuse if the author has changed the proposal since the
    moderator read it, so nothing is approved unseen.
    """
    if not permissions.can_moderate(moderator):
        raise PermissionDenied(_("Kun moderatorer kan afgøre forslag."))
    if proposal.author_id == moderator.id:
        raise PermissionDenied(_("Du kan ikke moderere dit eget forslag."))
    action = DECISION_ACTIONS[decision]
    # The lifecycle's own check, before the fields: a decided proposal says so first.
    require_allowed(action, proposal.status)
    if seen_version is not None and seen_version != proposal.version:
        raise ConcurrentChange(
            _("Forfatteren har ændret forslaget, mens du læste det. Læs det igen, før du afgør.")
        )
    if decision == Decision.APPROVE and department is None:
        department = default_department(proposal)
    reason = _rejection_reason(reason) if decision == Decision.REJECT else None
    _check_decision(decision, reason, note, department)
    original = _original(proposal, reason, original_id)
    before = {"status": proposal.status.value}
    change = transition(proposal, action, moderator, note.strip())
    record = ModerationDecision(
        proposal=proposal,
        moderator=moderator,
        decision=decision,
        reason=reason,
        note=note.strip(),
        original=original,
        created_at=change.created_at,
    )
    db.session.add(record)
    if decision == Decision.APPROVE:
        route_proposal(proposal, department, moderator)
    db.session.flush()
    notices.announce_decision(record, change.id, department)
    record_audit(
        moderator,
        "proposal.moderated",
        proposal,
        before,
        {
            "status": proposal.status.value,
            "decision": decision.value,
            "reason": reason.value if reason else None,
            "note": note.strip(),
            # Only a duplicate names the proposal it repeats.
            **({"original_id": original.id} if original else {}),
        },
    )
    return record
