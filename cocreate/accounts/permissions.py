"""Who may act for an organisation, manage its members and verify it; who works in a
department."""

from cocreate.accounts.roles import Role
from cocreate.core.permissions import is_account as _is_account

VERIFYING_ROLES = frozenset({Role.MODERATOR, Role.ADMIN})


def _membership(user, organisation):
    """The account's membership of the organisation, accepted or not; None if it has none."""
    if not _is_account(user) or organisation is None:
        return None
    return next(
        (m for m in user.organisation_memberships if m.organisation_id == organisation.id), None
    )


def can_act_for(user, organisation) -> bool:
    """A member who accepted may propose and comment on behalf of the organisation."""
    membership = _membership(user, organisation)
    return membership is not None and membership.is_accepted


def can_manage_members(user, organisation) -> bool:
    """Members invite other accounts to their organisation, and leave it."""
    return can_act_for(user, organisation)


def can_answer_membership_invitation(user, organisation) -> bool:
    """An invited account accepts or declines while its invitation is open."""
    membership = _membership(user, organisation)
    return membership is not None and not membership.is_accepted


def can_verify_organisation(user, organisation=None) -> bool:
    """Moderators and admins see the queue; they verify others' unverified organisations."""
    if not _is_account(user) or not user.roles & VERIFYING_ROLES:
        return False
    if organisation is None:
        return True
    return not organisation.is_verified and not can_act_for(user, organisation)


def is_department_staff(user, department) -> bool:
    """Staff who are members of the department."""
    return (
        _is_account(user)
        and user.has_role(Role.DEPARTMENT_STAFF)
        and department.id in user.department_ids
    )


def works_for(user, department=None) -> bool:
    """Admins act for every department, staff for their own; without a department, whether
    the account acts for any at all (menus ask this)."""
    if _is_account(user) and user.has_role(Role.ADMIN):
        return True
    if department is None:
        return (
            _is_account(user) and user.has_role(Role.DEPARTMENT_STAFF) and bool(user.department_ids)
        )
    return is_department_staff(user, department)
