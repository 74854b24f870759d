"""Who may see and change a proposal; shared by views, API and templates."""

from cocreate.accounts.roles import Role
from cocreate.moderation.states import Action, ProposalStatus, is_allowed

EDITABLE_STATUSES = frozenset(
    {ProposalStatus.DRAFT, ProposalStatus.SUBMITTED, ProposalStatus.CHANGES_REQUESTED}
)


def _is_account(user) -> bool:
    return user is not None and user.is_authenticated


def is_author(user, proposal) -> bool:
    return _is_account(user) and proposal.author_id == user.id


def is_staff_of_owner(user, proposal) -> bool:
    """Department staff (the role) who are members of the proposal's department."""
    return (
        _is_account(user)
        and proposal.department_id is not None
        and user.has_role(Role.DEPARTMENT_STAFF)
        and proposal.department_id in user.department_ids
    )


def can_view_proposal(user, proposal) -> bool:
    """Public proposals are for everyone; others for the author and staff."""
    if proposal.status.is_public:
        return True
    if is_author(user, proposal):
        return True
    if not _is_account(user):
        return False
    if proposal.submitted_at is None:
        # Never sent to moderation (a draft, or withdrawn as one): the author's alone.
        return False
    return bool(user.roles & {Role.MODERATOR, Role.ADMIN}) or is_staff_of_owner(user, proposal)


def can_create_proposal(user) -> bool:
    return _is_account(user)


def can_edit_proposal(user, proposal) -> bool:
    """The author edits until approval, and again after a request for changes."""
    return is_author(user, proposal) and proposal.status in EDITABLE_STATUSES


def can_submit_proposal(user, proposal) -> bool:
    return is_author(user, proposal) and (
        is_allowed(Action.SUBMIT, proposal.status) or is_allowed(Action.RESUBMIT, proposal.status)
    )


def can_withdraw_proposal(user, proposal) -> bool:
    """The author withdraws before any answer, preliminary ones included."""
    return (
        is_author(user, proposal)
        and is_allowed(Action.WITHDRAW, proposal.status)
        and not proposal.responses
    )
