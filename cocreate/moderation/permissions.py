"""Who may moderate."""

from cocreate.accounts.roles import Role
from cocreate.proposals.lifecycle import ProposalStatus
from cocreate.proposals.permissions import is_staff_of_owner


def can_moderate(user, proposal=None) -> bool:
    """Moderators see the queue; they decide proposals waiting in it, never their own."""
    if user is None or not user.is_authenticated or not user.has_role(Role.MODERATOR):
        return False
    if proposal is None:
        return True
    return proposal.status == ProposalStatus.SUBMITTED and proposal.author_id != user.id


def can_read_moderation_notes(user, proposal) -> bool:
    """Moderators' notes are for the author, moderators, admins and the owning staff."""
    if user is None or not user.is_authenticated:
        return False
    return (
        proposal.author_id == user.id
        or bool(user.roles & {Role.MODERATOR, Role.ADMIN})
        or is_staff_of_owner(user, proposal)
    )


def _is_moderator(user) -> bool:
    return user is not None and user.is_authenticated and user.has_role(Role.MODERATOR)


def can_handle_flags(user, comment=None) -> bool:
    """Moderators see the flag queue; they restore or remove others' comments, never their own."""
    if not _is_moderator(user):
        return False
    return comment is None or comment.author_id != user.id


def can_hide_proposal(user, proposal) -> bool:
    """Moderators hide, and restore, public proposals other than their own."""
    return _is_moderator(user) and proposal.status.is_public and proposal.author_id != user.id
