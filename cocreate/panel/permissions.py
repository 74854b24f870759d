"""Who may manage the stakeholder panel, ask it for a review, review, and see its summary."""

from cocreate.accounts.roles import Role
from cocreate.core.permissions import is_account
from cocreate.proposals.lifecycle import OPEN_WITH_DEPARTMENT
from cocreate.proposals.permissions import is_staff_of_owner

# The panel advises the department before it answers: requests and reviews are for
# proposals that the department still has open (published or under review). Once the
# department has answered, a recommendation can no longer inform the answer.
REVIEWABLE_STATUSES = OPEN_WITH_DEPARTMENT


def can_manage_panel(user) -> bool:
    """Admins appoint members, change their seats and deactivate them."""
    return is_account(user) and user.has_role(Role.ADMIN)


def is_panel_member(user) -> bool:
    """Holds the panel role (the service also requires an active seat)."""
    return is_account(user) and user.has_role(Role.PANEL_MEMBER)


def can_view_panel_requests(user) -> bool:
    return is_panel_member(user) or can_manage_panel(user)


def is_panel_requester(user, proposal) -> bool:
    """A moderator or staff of the owning department, whatever the proposal's state."""
    return is_account(user) and (user.has_role(Role.MODERATOR) or is_staff_of_owner(user, proposal))


def can_request_panel_review(user, proposal) -> bool:
    """A requester may ask while the department has the proposal open."""
    return proposal.status in REVIEWABLE_STATUSES and is_panel_requester(user, proposal)


def can_review_proposal(user, proposal) -> bool:
    """Panel members review open proposals; the service adds the request and conflict rules."""
    return is_panel_member(user) and proposal.status in REVIEWABLE_STATUSES


def is_answered(proposal) -> bool:
    """The department has given its final answer."""
    return proposal.status.is_answered or any(
        not response.preliminary for response in proposal.answers
    )


def is_panel_staff(user, proposal) -> bool:
    """Moderators, admins and staff of the owning department.

    Not the panel's members: before the answer they could otherwise read each other's
    reviews, and a member who wrote the proposal could read the reviews of it.
    """
    if not is_account(user):
        return False
    return bool(user.roles & {Role.MODERATOR, Role.ADMIN}) or is_staff_of_owner(user, proposal)


def can_see_panel_summary(user, proposal) -> bool:
    """Staff see it at once; everyone, panel members included, once the department has answered."""
    return (is_answered(proposal) and proposal.status.is_public) or is_panel_staff(user, proposal)
