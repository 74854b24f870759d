"""Comments on a proposal: the thread, and a new comment or reply (list/createComment)."""

from flask import jsonify

from cocreate.api import bp
from cocreate.api.auth import current_account
from cocreate.api.inputs import Body, Integer, Text, read_body
from cocreate.api.proposals import PROPOSAL_PATH, acting_on
from cocreate.api.serializers import person, timestamp
from cocreate.extensions import db
from cocreate.proposals.comments.services import create_comment
from cocreate.proposals.comments.thread import comment_threads
from cocreate.proposals.models import COMMENT_MAX
from cocreate.proposals.permissions import can_read_comment, is_comment_author
from cocreate.proposals.queries import visible_proposal

NEW_COMMENT = Body(
    Text("body", max_length=COMMENT_MAX, description="Markdown; HTML in it is shown as text."),
    Integer(
        "parent_id",
        required=False,
        nullable=True,
        description="Reply to this top-level comment of the same proposal.",
    ),
    Integer(
        "organisation_id",
        required=False,
        nullable=True,
        description="Comment for an organisation the account belongs to.",
    ),
)


# A comment shown with its text, or the placeholder the thread keeps instead.
COMMENT_STATES = ("visible", "deleted", "hidden", "removed")


def comment_state(comment) -> str:
    if comment.deleted_at is not None:
        return "deleted"
    if comment.removed_at is not None:
        return "removed"
    if comment.hidden_at is not None:
        return "hidden"
    return "visible"


def comment_data(comment, viewer, replies=()) -> dict:
    """A comment, or the placeholder left where one was deleted, hidden or removed."""
    readable = can_read_comment(viewer, comment)
    organisation = comment.organisation if readable else None
    return {
        "id": comment.id,
        "parent_id": comment.parent_id,
        "state": comment_state(comment),
        "author": person(comment.author) if readable else None,
        "organisation": (
            {"id": organisation.id, "name": organisation.name, "verified": organisation.is_verified}
            if organisation is not None
            else None
        ),
        "official_department_id": comment.official_department_id,
        "response_id": comment.response_id,
        "body_html": comment.body_html if readable else None,
        "moderation_note": (
            (comment.moderation_note or None) if is_comment_author(viewer, comment) else None
        ),
        "created_at": timestamp(comment.created_at),
        "edited_at": timestamp(comment.edited_at),
        "replies": [comment_data(reply, viewer) for reply in replies],
    }


@bp.get(f"{PROPOSAL_PATH}/comments")
def list_comments(proposal_id: int):
    """The proposal's comments, oldest first, each with its replies (listComments)."""
    viewer = current_account()
    proposal = visible_proposal(proposal_id, viewer)
    threads = comment_threads(proposal)
    items = [comment_data(t.comment, viewer, t.replies) for t in threads]
    return jsonify({"items": items})


@bp.post(f"{PROPOSAL_PATH}/comments")
def create_comment_view(proposal_id: int):
    """Comment on a public proposal, or reply to one of its comments (createComment)."""
    author, proposal = acting_on(proposal_id)
    comment = create_comment(proposal, author, **read_body(NEW_COMMENT))
    db.session.commit()
    return jsonify(comment_data(comment, author)), 201
