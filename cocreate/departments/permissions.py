"""Who may act for a department, and on which of its proposals now."""

from cocreate.accounts.permissions import works_for
from cocreate.proposals.lifecycle import ACCEPTED_STATUSES, Action, is_allowed
from cocreate.proposals.permissions import is_staff_of_owner


def can_view_inbox(user, department=None) -> bool:
    """Staff see their department's inbox and admins every one; without a department, whether
    the account sees any inbox at all (the menu asks this)."""
    return works_for(user, department)


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


# What was (partly) accepted is followed up until it is done, and its record stays open
# once it is: the last milestone's date may still be put right.
def has_follow_up(proposal) -> bool:
    """The proposal is one a department follows up: accepted, partly or wholly, or done."""
    return proposal.status in ACCEPTED_STATUSES


def can_keep_follow_up(user, proposal) -> bool:
    """Staff of the owning department add and change milestones and post progress updates."""
    return has_follow_up(proposal) and is_staff_of_owner(user, proposal)
