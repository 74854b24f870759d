"""Reporting a comment: one report per account, and hiding it when reports reach the threshold.

The moderators' side (the queue, restoring or removing) is in moderation/flags.py.
"""

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import update
from sqlalchemy.orm.attributes import set_committed_value

from cocreate.core.audit import record_audit
from cocreate.core.errors import PermissionDenied, TransitionNotAllowed, ValidationFailed
from cocreate.core.once import insert_once
from cocreate.core.permissions import is_account
from cocreate.core.types import utcnow
from cocreate.extensions import db
from cocreate.proposals.comments.services import count_comments
from cocreate.proposals.models import Comment, CommentFlag, FlagReason
from cocreate.proposals.permissions import can_flag_comment


def shown() -> tuple:
    """The comment is shown with its text: not hidden, removed or deleted by its author."""
    return (
        Comment.hidden_at.is_(None),
        Comment.removed_at.is_(None),
        Comment.deleted_at.is_(None),
    )


def change_comment_if(comment: Comment, conditions, **values) -> bool:
    """Change the comment in one UPDATE if the conditions still hold; tell whether it did.

    Two flags or two moderators at once then cannot both count as the one that acted.
    """
    db.session.flush()
    result = db.session.execute(
        update(Comment.__table__)
        .where(Comment.__table__.c.id == comment.id, *conditions)
        .values(**values)
    )
    if result.rowcount != 1:
        return False
    for name, value in values.items():
        set_committed_value(comment, name, value)
    return True


def _reason(value) -> FlagReason:
    try:
        return FlagReason(value)
    except ValueError:
        message = _("Vælg en grund fra listen.")
        raise ValidationFailed(message, {"reason": message}) from None


def _hide_flagged(comment: Comment) -> None:
    """Hide the comment until a moderator has looked at it, unless it is gone already.

    Only a shown comment is hidden and uncounted: one its author deleted at the same
    moment has been uncounted by the delete.
    """
    if change_comment_if(comment, shown(), hidden_at=utcnow()):
        count_comments(comment.proposal_id, -1)
        record_audit(
            None,
            "comment.hidden",
            comment,
            {"hidden": False},
            {"hidden": True, "flag_count": comment.flag_count},
        )


def flag_comment(comment: Comment, user, reason) -> Comment:
    """Report a comment, once per account; enough open reports hide it for the moderators."""
    if not can_flag_comment(user, comment):
        if not is_account(user):
            raise PermissionDenied(_("Log ind for at anmelde en kommentar."))
        if comment.author_id == user.id:
            raise PermissionDenied(_("Du kan ikke anmelde din egen kommentar."))
        raise TransitionNotAllowed(_("Kommentaren er ikke længere synlig."))
    reason = _reason(reason)
    if not insert_once(
        CommentFlag.__table__,
        comment_id=comment.id,
        user_id=user.id,
        reason=reason,
        created_at=utcnow(),
    ):
        message = _("Du har allerede anmeldt denne kommentar.")
        raise ValidationFailed(message, {"reason": message})
    table = Comment.__table__
    count = db.session.execute(
        update(table)
        .where(table.c.id == comment.id)
        .values(flag_count=table.c.flag_count + 1)
        .returning(table.c.flag_count)
    ).scalar_one()
    set_committed_value(comment, "flag_count", count)
    if count >= current_app.config["COMMENT_FLAG_THRESHOLD"]:
        _hide_flagged(comment)
    return comment
