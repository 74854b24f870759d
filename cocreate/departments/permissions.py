"""Who may act for a department."""

from cocreate.accounts.roles import Role
from cocreate.core.permissions import is_account
from cocreate.proposals.lifecycle import OPEN_WITH_DEPARTMENT, ProposalStatus
from cocreate.proposals.permissions import is_staff_of_owner


def is_department_staff(user, department) -> bool:
    return (
        user is not None
        and user.is_authenticated
        and user.has_role(Role.DEPARTMENT_STAFF)
        and department.id in user.department_ids
    )


def can_view_inbox(user, department=None) -> bool:
    """Staff see their department's inbox and admins every one; without a department, whether
    the account sees any inbox at all (the menu asks this)."""
    if is_account(user) and user.has_role(Role.ADMIN):
        return True
    if department is None:
        return (
            is_account(user) and user.has_role(Role.DEPARTMENT_STAFF) and bool(user.department_ids)
        )
    return is_department_staff(user, department)


def can_manage_sla(user, department) -> bool:
    return can_view_inbox(user, department)


def can_handle_proposal(user, proposal) -> bool:
    """Staff of the owning department acknowledge, transfer and answer it."""
    return proposal.status in OPEN_WITH_DEPARTMENT and is_staff_of_owner(user, proposal)


def can_mark_implemented(user, proposal) -> bool:
    implementable = {ProposalStatus.ACCEPTED, ProposalStatus.PARTIALLY_ACCEPTED}
    return proposal.status in implementable and is_staff_of_owner(user, proposal)
