"""Reported comments for the moderators: the queue, and restoring or removing a hidden one."""

from collections import Counter

from flask_babel import gettext as _
from sqlalchemy import Select, select, update

from cocreate.core.audit import record_audit
from cocreate.core.errors import (
    ConcurrentChange,
    PermissionDenied,
    TransitionNotAllowed,
    ValidationFailed,
)
from cocreate.core.types import utcnow
from cocreate.extensions import db
from cocreate.moderation import permissions
from cocreate.proposals.comments.flags import change_comment_if
from cocreate.proposals.comments.services import count_comments
from cocreate.proposals.models import Comment, CommentFlag, Proposal

MODERATION_NOTE_MAX = 2000


def _waiting() -> tuple:
    """The comment is hidden and no one has settled it yet."""
    return (
        Comment.hidden_at.is_not(None),
        Comment.removed_at.is_(None),
        Comment.deleted_at.is_(None),
    )


def flagged_comments() -> Select:
    """Comments hidden after flags and waiting for a moderator, longest waiting first."""
    return select(Comment).where(*_waiting()).order_by(Comment.hidden_at, Comment.id)


def open_flags(comments) -> dict[int, Counter]:
    """How many open reports each comment has for each reason, in one query."""
    ids = [comment.id for comment in comments]
    found: dict[int, Counter] = {comment_id: Counter() for comment_id in ids}
    if ids:
        rows = db.session.execute(
            select(CommentFlag.comment_id, CommentFlag.reason).where(
                CommentFlag.comment_id.in_(ids), CommentFlag.resolved_at.is_(None)
            )
        )
        for comment_id, reason in rows:
            found[comment_id][reason] += 1
    return found


def proposals_of(comments) -> dict[int, Proposal]:
    """The proposals the comments were written on, by id, in one query."""
    ids = {comment.proposal_id for comment in comments}
    if not ids:
        return {}
    return {p.id: p for p in db.session.scalars(select(Proposal).where(Proposal.id.in_(ids)))}


def _settle(comment: Comment, moderator, note: str, *, note_required: bool, **values) -> None:
    """Apply the moderator's decision to a waiting comment and resolve its open flags."""
    if not permissions.can_handle_flags(moderator, comment):
        if not permissions.can_handle_flags(moderator):
            raise PermissionDenied(_("Kun moderatorer kan behandle anmeldte kommentarer."))
        raise PermissionDenied(_("Du kan ikke behandle anmeldelser af din egen kommentar."))
    if note_required and not note.strip():
        message = _("Skriv til forfatteren, hvorfor kommentaren fjernes.")
        raise ValidationFailed(message, {"note": message})
    if len(note) > MODERATION_NOTE_MAX:
        message = _("Begrundelsen må højst være %(max)d tegn.", max=MODERATION_NOTE_MAX)
        raise ValidationFailed(message, {"note": message})
    if not (comment.hidden_at and comment.removed_at is None and comment.deleted_at is None):
        raise TransitionNotAllowed(_("Kommentaren venter ikke på en moderator."))
    if not change_comment_if(
        comment, _waiting(), moderation_note=note.strip(), flag_count=0, **values
    ):
        raise ConcurrentChange(_("En anden moderator har lige behandlet kommentaren."))
    flags = CommentFlag.__table__
    db.session.execute(
        update(flags)
        .where(flags.c.comment_id == comment.id, flags.c.resolved_at.is_(None))
        .values(resolved_at=utcnow())
    )


def restore_comment(comment: Comment, moderator, note: str = "") -> Comment:
    """Show a hidden comment again: the reports did not hold."""
    hidden_at = comment.hidden_at
    _settle(comment, moderator, note, note_required=False, hidden_at=None)
    count_comments(comment.proposal_id, 1)
    record_audit(
        moderator,
        "comment.restored",
        comment,
        {"hidden_at": hidden_at.isoformat() if hidden_at else None},
        {"hidden_at": None, "note": comment.moderation_note},
    )
    return comment


def remove_comment(comment: Comment, moderator, note: str) -> Comment:
    """Remove a hidden comment for good; the note tells the author why."""
    _settle(comment, moderator, note, note_required=True, removed_at=utcnow())
    record_audit(
        moderator,
        "comment.removed",
        comment,
        {"removed_at": None},
        {"removed_at": comment.removed_at.isoformat(), "note": comment.moderation_note},
    )
    return comment
