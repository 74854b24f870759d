"""Moderators hide a public proposal from the public, and show it again."""

from flask_babel import gettext as _
from sqlalchemy import Select, select

from cocreate.core.audit import record_audit
from cocreate.core.errors import PermissionDenied, TransitionNotAllowed
from cocreate.core.types import utcnow
from cocreate.core.validation import check_text
from cocreate.moderation import permissions
from cocreate.proposals.lifecycle import flush_proposal
from cocreate.proposals.models import Proposal

HIDDEN_REASON_MAX = 2000


def _require_hider(proposal: Proposal, moderator) -> None:
    if permissions.can_hide_proposal(moderator, proposal):
        return
    if not permissions.can_moderate(moderator):
        raise PermissionDenied(_("Kun moderatorer kan skjule og vise forslag."))
    if proposal.author_id == moderator.id:
        raise PermissionDenied(_("Du kan ikke skjule eller vise dit eget forslag."))
    raise TransitionNotAllowed(
        _(
            "Kun offentlige forslag kan skjules. Forslaget har status «%(status)s».",
            status=proposal.status.label,
        )
    )


def hide_proposal(proposal: Proposal, moderator, reason: str) -> Proposal:
    """Take a public proposal out of lists and pages; the author and staff see the reason."""
    _require_hider(proposal, moderator)
    if proposal.hidden_at is not None:
        raise TransitionNotAllowed(_("Forslaget er allerede skjult."))
    check_text(reason=(reason, HIDDEN_REASON_MAX))
    proposal.hidden_at = utcnow()
    proposal.hidden_reason = reason.strip()
    flush_proposal()
    record_audit(
        moderator,
        "proposal.hidden",
        proposal,
        {"hidden_at": None},
        {"hidden_at": proposal.hidden_at.isoformat(), "reason": proposal.hidden_reason},
    )
    return proposal


def restore_proposal(proposal: Proposal, moderator) -> Proposal:
    """Show a hidden proposal to the public again."""
    _require_hider(proposal, moderator)
    if proposal.hidden_at is None:
        raise TransitionNotAllowed(_("Forslaget er ikke skjult."))
    before = {"hidden_at": proposal.hidden_at.isoformat(), "reason": proposal.hidden_reason}
    proposal.hidden_at = None
    proposal.hidden_reason = ""
    flush_proposal()
    record_audit(moderator, "proposal.restored", proposal, before, {"hidden_at": None})
    return proposal


def hidden_proposals() -> Select:
    """Proposals moderators have hidden, longest hidden first."""
    return (
        select(Proposal)
        .where(Proposal.hidden_at.is_not(None))
        .order_by(Proposal.hidden_at, Proposal.id)
    )
