"""Who may see and change a proposal; shared by views, API and templates."""

from datetime import timedelta

from cocreate.accounts.roles import Role
from cocreate.core.permissions import is_account
from cocreate.core.types import utcnow
from cocreate.proposals.lifecycle import OPEN_WITH_DEPARTMENT, Action, ProposalStatus, is_allowed
from cocreate.proposals.models import CoauthorStatus

EDITABLE_STATUSES = frozenset(
    {ProposalStatus.DRAFT, ProposalStatus.SUBMITTED, ProposalStatus.CHANGES_REQUESTED}
)
# Co-authors join a draft or a published proposal, and any state between, until it is answered.
COAUTHOR_STATUSES = EDITABLE_STATUSES | OPEN_WITH_DEPARTMENT


def is_author(user, proposal) -> bool:
    return is_account(user) and proposal.author_id == user.id


def coauthor_status(user, proposal) -> CoauthorStatus | None:
    """Where the account stands as co-author: invited, accepted, declined, or not at all."""
    if not is_account(user):
        return None
    for coauthor in proposal.coauthors:
        if coauthor.user_id == user.id:
            return coauthor.status
    return None


def is_coauthor(user, proposal) -> bool:
    """An account that accepted the author's invitation."""
    return coauthor_status(user, proposal) == CoauthorStatus.ACCEPTED


def is_author_or_coauthor(user, proposal) -> bool:
    return is_author(user, proposal) or is_coauthor(user, proposal)


def is_staff_of_owner(user, proposal) -> bool:
    """Department staff (the role) who are members of the proposal's department."""
    return (
        is_account(user)
        and proposal.department_id is not None
        and user.has_role(Role.DEPARTMENT_STAFF)
        and proposal.department_id in user.department_ids
    )


def can_view_proposal(user, proposal) -> bool:
    """Public proposals are for everyone; others for the author, co-authors and staff.

    An invitee sees the proposal too, to decide whether to write on it. A proposal a
    moderator has hidden is, like a non-public one, for the author and staff.
    """
    if proposal.status.is_public and proposal.hidden_at is None:
        return True
    if is_author(user, proposal) or coauthor_status(user, proposal) in (
        CoauthorStatus.ACCEPTED,
        CoauthorStatus.INVITED,
    ):
        return True
    if not is_account(user):
        return False
    if proposal.submitted_at is None:
        # Never sent to moderation (a draft, or withdrawn as one): its writers' alone.
        return False
    return bool(user.roles & {Role.MODERATOR, Role.ADMIN}) or is_staff_of_owner(user, proposal)


def can_create_proposal(user) -> bool:
    return is_account(user)


def can_edit_proposal(user, proposal) -> bool:
    """The author and co-authors edit until approval, and again after a request for changes."""
    return proposal.status in EDITABLE_STATUSES and is_author_or_coauthor(user, proposal)


def can_invite_coauthors(user, proposal) -> bool:
    """The author invites co-authors from the draft until the proposal is answered."""
    return is_author(user, proposal) and proposal.status in COAUTHOR_STATUSES


def can_answer_invitation(user, proposal) -> bool:
    """The invitee accepts or declines while the proposal is still open to co-authors."""
    return (
        coauthor_status(user, proposal) == CoauthorStatus.INVITED
        and proposal.status in COAUTHOR_STATUSES
    )


def can_submit_proposal(user, proposal) -> bool:
    return is_author(user, proposal) and (
        is_allowed(Action.SUBMIT, proposal.status) or is_allowed(Action.RESUBMIT, proposal.status)
    )


def can_withdraw_proposal(user, proposal) -> bool:
    """The author withdraws before any answer, preliminary ones included."""
    return (
        is_author(user, proposal)
        and is_allowed(Action.WITHDRAW, proposal.status)
        and not proposal.answers
    )


# Support counts while the department is still weighing the proposal.
SUPPORTABLE_STATUSES = OPEN_WITH_DEPARTMENT


def accepts_support(proposal) -> bool:
    """Published or acknowledged, and not hidden by a moderator."""
    return proposal.status in SUPPORTABLE_STATUSES and proposal.hidden_at is None


def can_support_proposal(user, proposal) -> bool:
    """Any account supports a proposal that accepts support."""
    return is_account(user) and accepts_support(proposal)


def can_withdraw_support(user, proposal) -> bool:
    """An account takes its support back while support counts, hidden proposals included."""
    return is_account(user) and proposal.status in SUPPORTABLE_STATUSES


def can_follow_proposal(user, proposal) -> bool:
    """Any account follows a proposal it may see."""
    return is_account(user) and can_view_proposal(user, proposal)


def can_follow_theme(user) -> bool:
    """Any account follows a theme."""
    return is_account(user)


# Comments: on public proposals that are not hidden; the author edits for a while.
COMMENT_EDIT_WINDOW = timedelta(minutes=15)


def is_open_for_comments(proposal) -> bool:
    """Published, under review or answered, and not hidden by a moderator."""
    return proposal.status.is_public and proposal.hidden_at is None


def is_hidden_from(user, proposal) -> bool:
    """A public proposal a moderator has hidden, looked at by someone it is hidden from."""
    return (
        proposal.status.is_public
        and proposal.hidden_at is not None
        and not can_view_proposal(user, proposal)
    )


def can_comment(user, proposal) -> bool:
    """Any account comments on a proposal open for comments."""
    return is_account(user) and is_open_for_comments(proposal)


def can_reply_to_comment(user, proposal, comment) -> bool:
    """Replies go to shown top-level comments only: one level of replies."""
    return can_comment(user, proposal) and comment.parent_id is None and comment.is_visible


def is_comment_author(user, comment) -> bool:
    return is_account(user) and comment.author_id == user.id


def can_read_comment(user, comment) -> bool:
    """Shown comments are for everyone; a hidden or removed one stays readable to its author."""
    if comment.is_visible:
        return True
    return comment.deleted_at is None and is_comment_author(user, comment)


def can_edit_comment(user, comment, now=None) -> bool:
    """The author corrects a shown comment within 15 minutes of writing it."""
    now = now or utcnow()
    return (
        is_comment_author(user, comment)
        and comment.is_visible
        and now < comment.created_at + COMMENT_EDIT_WINDOW
    )


def can_delete_comment(user, comment) -> bool:
    """The author deletes their comment, unless it is gone already or a moderator removed it."""
    return (
        is_comment_author(user, comment)
        and comment.deleted_at is None
        and comment.removed_at is None
    )


def can_flag_comment(user, comment) -> bool:
    """Any account reports a shown comment written by someone else."""
    return is_account(user) and comment.author_id != user.id and comment.is_visible
