"""Supporting a proposal and taking the support back (supportProposal, withdrawSupport)."""

from flask import jsonify
from flask_babel import gettext as _

from cocreate.api import bp
from cocreate.api.auth import require_account
from cocreate.api.proposals import PROPOSAL_PATH
from cocreate.core.errors import NotFound
from cocreate.extensions import db
from cocreate.proposals.engagement import (
    proposal_to_withdraw_from,
    support_proposal,
    withdraw_support,
)
from cocreate.proposals.queries import visible_proposal


def _support_state(proposal, supported: bool):
    # Read before the commit, which expires the proposal: the count as this request left it.
    count = proposal.support_count
    db.session.commit()
    return jsonify({"support_count": count, "supported": supported})


@bp.put(f"{PROPOSAL_PATH}/support")
def support_proposal_view(proposal_id: int):
    """Support the proposal; supporting again changes nothing (supportProposal)."""
    user = require_account()
    proposal = visible_proposal(proposal_id, user)
    support_proposal(proposal, user)
    return _support_state(proposal, True)


@bp.delete(f"{PROPOSAL_PATH}/support")
def withdraw_support_view(proposal_id: int):
    """Take the account's support back; without one, nothing changes (withdrawSupport)."""
    user = require_account()
    # A supporter may take the support back from a proposal a moderator has since hidden.
    proposal = proposal_to_withdraw_from(proposal_id, user)
    if proposal is None:
        raise NotFound(_("Forslaget findes ikke."))
    withdraw_support(proposal, user)
    return _support_state(proposal, False)
