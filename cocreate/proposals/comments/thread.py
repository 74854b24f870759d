"""The comment thread: top-level comments with their replies, grouped by preliminary answer."""

from dataclasses import dataclass, field

from sqlalchemy import select

from cocreate.accounts.organisations import organisations_of
from cocreate.core.permissions import is_account
from cocreate.core.types import utcnow
from cocreate.extensions import db
from cocreate.proposals import permissions
from cocreate.proposals.comments.forms import CommentForm, FlagForm
from cocreate.proposals.models import COMMENT_MAX, Comment, CommentFlag
from cocreate.proposals.page import page_part


@dataclass(frozen=True)
class Thread:
    """A top-level comment and its replies, oldest first."""

    comment: Comment
    replies: list[Comment] = field(default_factory=list)


@dataclass(frozen=True)
class ThreadGroup:
    """Threads begun on the proposal, or while a preliminary answer invited comments."""

    response: object | None
    threads: list[Thread]


def comment_threads(proposal) -> list[Thread]:
    """Every comment on the proposal as threads, oldest first, in one query.

    Authors, organisations and departments come joined; the `replies` relationship is
    not touched, so however many comments there are, the query count stays the same.
    """
    comments = db.session.scalars(
        select(Comment)
        .where(Comment.proposal_id == proposal.id)
        .order_by(Comment.created_at, Comment.id)
    ).all()
    threads = {c.id: Thread(c) for c in comments if c.parent_id is None}
    for comment in comments:
        if comment.parent_id in threads:
            threads[comment.parent_id].replies.append(comment)
    return list(threads.values())


def group_threads(proposal, threads: list[Thread]) -> list[ThreadGroup]:
    """Comments on the proposal first, then those on each preliminary answer, in order."""
    by_response: dict[int | None, list[Thread]] = {}
    for thread in threads:
        by_response.setdefault(thread.comment.response_id, []).append(thread)
    groups = [ThreadGroup(None, by_response.pop(None))] if None in by_response else []
    groups += [
        ThreadGroup(response, by_response[response.id])
        for response in proposal.responses
        if response.id in by_response
    ]
    return groups


def flagged_by(viewer, proposal) -> set[int]:
    """Ids of the proposal's comments the viewer has reported."""
    if not is_account(viewer):
        return set()
    return set(
        db.session.scalars(
            select(CommentFlag.comment_id)
            .join(Comment, Comment.id == CommentFlag.comment_id)
            .where(CommentFlag.user_id == viewer.id, Comment.proposal_id == proposal.id)
        )
    )


def comment_form_for(viewer, **kwargs) -> CommentForm:
    """The comment form, offering the organisations the viewer may write for."""
    return CommentForm(author=viewer, organisations=organisations_of(viewer), **kwargs)


@page_part
def comments_context(proposal, viewer) -> dict:
    """Template context for the proposal page, in a fixed number of queries."""
    may_comment = permissions.can_comment(viewer, proposal)
    return {
        "comments_open": permissions.is_open_for_comments(proposal),
        "comment_max": COMMENT_MAX,
        "comment_groups": group_threads(proposal, comment_threads(proposal)),
        "comment_form": comment_form_for(viewer, formdata=None) if may_comment else None,
        "comment_window": proposal.open_comment_window(utcnow()),
        "comment_flagged": flagged_by(viewer, proposal),
        "comment_flag_form": FlagForm(formdata=None),
    }
