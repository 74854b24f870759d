"""Who may act for a department."""

from cocreate.accounts.roles import Role
from cocreate.proposals.lifecycle import OPEN_WITH_DEPARTMENT, ProposalStatus
from cocreate.proposals.permissions import is_staff_of_owner


def is_department_staff(user, department) -> bool:
    return (
        user is not None
        and user.is_authenticated
        and user.has_role(Role.DEPARTMENT_STAFF)
        and department.id in user.department_ids
    )


def can_view_inbox(user, department) -> bool:
    return is_department_staff(user, department) or (
        user is not None and user.is_authenticated and user.has_role(Role.ADMIN)
    )


def can_manage_sla(user, department) -> bool:
    return can_view_inbox(user, department)


def can_handle_proposal(user, proposal) -> bool:
    """Staff of the owning department acknowledge, transfer and answer it."""
    return proposal.status in OPEN_WITH_DEPARTMENT and is_staff_of_owner(user, proposal)


def can_mark_implemented(user, proposal) -> bool:
    implementable = {ProposalStatus.ACCEPTED, ProposalStatus.PARTIALLY_ACCEPTED}
    return proposal.status in implementable and is_staff_of_owner(user, proposal)
