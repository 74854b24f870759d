"""Who may moderate."""

from cocreate.accounts.roles import Role
from cocreate.moderation.states import ProposalStatus


def can_moderate(user, proposal=None) -> bool:
    """Moderators see the queue; they decide proposals waiting in it, never their own."""
    if user is None or not user.is_authenticated or not user.has_role(Role.MODERATOR):
        return False
    if proposal is None:
        return True
    return proposal.status == ProposalStatus.SUBMITTED and proposal.author_id != user.id
