"""Who may moderate: decide proposals, read moderators' notes, settle flags, hide proposals."""

from cocreate.accounts.roles import Role
from cocreate.core.permissions import is_account
from cocreate.proposals.lifecycle import Action, is_allowed
from cocreate.proposals.permissions import is_author, is_staff_of_owner


def _is_moderator(user) -> bool:
    return is_account(user) and user.has_role(Role.MODERATOR)


def can_moderate(user, proposal=None) -> bool:
    """Moderators see the queue; they decide proposals waiting in it, never their own."""
    if not _is_moderator(user):
        return False
    if proposal is None:
        return True
    return is_allowed(Action.APPROVE, proposal.status) and not is_author(user, proposal)


def can_read_moderation_notes(user, proposal) -> bool:
    """Moderators' notes are for the author, moderators, admins and the owning staff."""
    return is_account(user) and (
        is_author(user, proposal)
        or bool(user.roles & {Role.MODERATOR, Role.ADMIN})
        or is_staff_of_owner(user, proposal)
    )


def can_handle_flags(user, comment=None) -> bool:
    """Moderators see the flag queue; they restore or remove others' comments, never their own."""
    if not _is_moderator(user):
        return False
    return comment is None or comment.author_id != user.id


def can_hide_proposal(user, proposal) -> bool:
    """Moderators hide, and restore, public proposals other than their own."""
    return _is_moderator(user) and proposal.status.is_public and not is_author(user, proposal)
