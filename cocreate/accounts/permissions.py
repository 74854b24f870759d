"""Who may act for an organisation, manage its members and verify it."""

from cocreate.accounts.roles import Role

VERIFYING_ROLES = frozenset({Role.MODERATOR, Role.ADMIN})


def _is_account(user) -> bool:
    return user is not None and user.is_authenticated


def can_act_for(user, organisation) -> bool:
    """A member may propose and comment on behalf of the organisation they belong to."""
    if not _is_account(user) or organisation is None:
        return False
    return any(m.organisation_id == organisation.id for m in user.organisation_memberships)


def can_manage_members(user, organisation) -> bool:
    """Members add other accounts to their organisation, and leave it."""
    return can_act_for(user, organisation)


def can_verify_organisation(user, organisation=None) -> bool:
    """Moderators and admins see the queue; they verify others' unverified organisations."""
    if not _is_account(user) or not user.roles & VERIFYING_ROLES:
        return False
    if organisation is None:
        return True
    return not organisation.is_verified and not can_act_for(user, organisation)
