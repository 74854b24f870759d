"""Who may act for a department, and on which of its proposals now."""

from cocreate.accounts.roles import Role
from cocreate.core.permissions import is_account
from cocreate.proposals.lifecycle import Action, is_allowed
from cocreate.proposals.permissions import is_staff_of_owner


def is_department_staff(user, department) -> bool:
    return (
        is_account(user)
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


def can_acknowledge_proposal(user, proposal) -> bool:
    """Staff of the owning department tell the citizen they have started."""
    return is_allowed(Action.ACKNOWLEDGE, proposal.status) and is_staff_of_owner(user, proposal)


def can_answer_proposal(user, proposal) -> bool:
    """Staff of the owning department answer it, preliminarily or finally, while it is open."""
    return is_allowed(Action.ACCEPT, proposal.status) and is_staff_of_owner(user, proposal)


def can_handle_proposal(user, proposal) -> bool:
    """Staff of the owning department acknowledge, answer and transfer it while it is open.

    A department hands a proposal over exactly while it could still answer it.
    """
    return can_answer_proposal(user, proposal)


def can_mark_implemented(user, proposal) -> bool:
    """Staff of the owning department record that an accepted proposal has been carried out."""
    return is_allowed(Action.IMPLEMENT, proposal.status) and is_staff_of_owner(user, proposal)


def can_open_handling_page(user, proposal) -> bool:
    """There is a step on the handling page the user may take now."""
    return can_handle_proposal(user, proposal) or can_mark_implemented(user, proposal)
