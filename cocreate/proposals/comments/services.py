"""Writing, editing and deleting comments; the proposal's comment count kept in step."""

from flask_babel import gettext as _
from sqlalchemy import update
from sqlalchemy.orm.attributes import set_committed_value

from cocreate.accounts.models import Organisation
from cocreate.accounts.permissions import can_act_for
from cocreate.core.errors import (
    DomainError,
    PermissionDenied,
    TransitionNotAllowed,
    ValidationFailed,
)
from cocreate.core.permissions import is_account
from cocreate.core.sanitize import render_markdown
from cocreate.core.types import utcnow
from cocreate.core.validation import check_text
from cocreate.extensions import db
from cocreate.proposals import permissions
from cocreate.proposals.counters import move_count
from cocreate.proposals.models import COMMENT_MAX, Comment, Proposal
from cocreate.proposals.notices import NEW_COMMENT, announce_about


def count_comments(proposal_id: int, change: int) -> None:
    """Move the proposal's count of comments shown with their text."""
    move_count(proposal_id, "comment_count", change)


def _closed_message(proposal: Proposal) -> str:
    if proposal.hidden_at is not None:
        return _("Forslaget er skjult af en moderator og kan ikke kommenteres.")
    return _(
        "Forslaget kan kun kommenteres, når det er offentliggjort. Det har status «%(status)s».",
        status=proposal.status.label,
    )


def _refuse(field: str, message: str):
    raise ValidationFailed(message, {field: message})


def _parent(proposal: Proposal, parent_id: int | None) -> Comment | None:
    """The top-level comment a reply answers; refuse one elsewhere, a reply, or a gone one."""
    if parent_id is None:
        return None
    parent = db.session.get(Comment, parent_id)
    if parent is None or parent.proposal_id != proposal.id:
        _refuse("parent_id", _("Kommentaren, du svarer på, findes ikke på dette forslag."))
    if parent.parent_id is not None:
        _refuse("parent_id", _("Du kan svare på en kommentar, men ikke på et svar."))
    if not parent.is_visible:
        _refuse("parent_id", _("Kommentaren, du svarer på, er ikke længere synlig."))
    return parent


def _organisation(author, organisation_id: int | None) -> Organisation | None:
    """The organisation the author comments for; refuse one they do not belong to."""
    if organisation_id is None:
        return None
    organisation = db.session.get(Organisation, organisation_id)
    if not can_act_for(author, organisation):
        _refuse("organisation_id", _("Du handler ikke for denne organisation."))
    return organisation


def create_comment(
    proposal: Proposal,
    author,
    *,
    body: str,
    parent_id: int | None = None,
    organisation_id: int | None = None,
) -> Comment:
    """Write a comment, or a reply to one, on a proposal open for comments.

    Staff of the owning department write the department's official replies; a comment
    written while a preliminary answer invites comments is kept with that answer.
    """
    if not permissions.can_comment(author, proposal):
        if not is_account(author):
            raise PermissionDenied(_("Log ind for at kommentere."))
        raise TransitionNotAllowed(_closed_message(proposal))
    # Every field is checked, so that one answer names all that is wrong.
    errors, found = {}, {}
    checks = {
        "body": lambda: check_text(body=(body, COMMENT_MAX)),
        "parent": lambda: _parent(proposal, parent_id),
        "organisation": lambda: _organisation(author, organisation_id),
    }
    for name, check in checks.items():
        try:
            found[name] = check()
        except ValidationFailed as error:
            errors.update(error.fields)
    if errors:
        only = next(iter(errors.values())) if len(errors) == 1 else None
        raise ValidationFailed(only or _("Kommentaren kunne ikke gemmes."), errors)
    window = proposal.open_comment_window(utcnow())
    official = permissions.is_staff_of_owner(author, proposal)
    comment = Comment(
        proposal_id=proposal.id,
        parent_id=parent_id,
        author=author,
        organisation=found["organisation"],
        body=body,
        body_html=render_markdown(body),
        official_department_id=proposal.department_id if official else None,
        response_id=window.id if window is not None else None,
        created_at=utcnow(),
    )
    db.session.add(comment)
    count_comments(proposal.id, 1)
    db.session.flush()
    announce_about(
        NEW_COMMENT,
        f"comment:{comment.id}",
        proposal,
        actor=author,
        name=comment.organisation.name if comment.organisation else author.name,
    )
    return comment


def _not_editable(comment: Comment) -> DomainError:
    if comment.deleted_at is not None:
        return TransitionNotAllowed(_("Kommentaren er slettet."))
    if not comment.is_visible:
        return TransitionNotAllowed(
            _("Kommentaren er skjult af en moderator og kan ikke redigeres.")
        )
    minutes = int(permissions.COMMENT_EDIT_WINDOW.total_seconds() // 60)
    return TransitionNotAllowed(
        _("En kommentar kan kun redigeres de første %(minutes)d minutter.", minutes=minutes)
    )


def why_not_editable(comment: Comment) -> str:
    """Tell the author why the comment can no longer be edited."""
    return _not_editable(comment).message


def edit_comment(comment: Comment, actor, *, body: str) -> Comment:
    """Change the text of one's own comment shortly after writing it."""
    if not permissions.is_comment_author(actor, comment):
        raise PermissionDenied(_("Du kan kun redigere dine egne kommentarer."))
    if not permissions.can_edit_comment(actor, comment):
        raise _not_editable(comment)
    check_text(body=(body, COMMENT_MAX))
    comment.body = body
    comment.body_html = render_markdown(body)
    comment.edited_at = utcnow()
    db.session.flush()
    return comment


def delete_comment(comment: Comment, actor) -> Comment:
    """Delete one's own comment; the thread keeps a placeholder in its place."""
    if not permissions.is_comment_author(actor, comment):
        raise PermissionDenied(_("Du kan kun slette dine egne kommentarer."))
    if not permissions.can_delete_comment(actor, comment):
        raise _not_deletable(comment)
    # One conditional UPDATE, so that a flag hiding the comment or a moderator restoring
    # it at the same moment cannot make the count move twice or not at all: whether the
    # comment was shown is read from the row as the delete found it, not from memory.
    db.session.flush()
    table = Comment.__table__
    values = {"deleted_at": utcnow(), "body": "", "body_html": ""}  # what was taken back goes
    found = db.session.execute(
        update(table)
        .where(table.c.id == comment.id, table.c.deleted_at.is_(None), table.c.removed_at.is_(None))
        .values(**values)
        .returning(table.c.hidden_at)
    ).first()
    if found is None:
        # Deleted or removed since it was loaded.
        db.session.refresh(comment)
        raise _not_deletable(comment)
    for name, value in {**values, "hidden_at": found.hidden_at}.items():
        set_committed_value(comment, name, value)
    if found.hidden_at is None:
        count_comments(comment.proposal_id, -1)
    return comment


def _not_deletable(comment: Comment) -> DomainError:
    if comment.deleted_at is not None:
        return TransitionNotAllowed(_("Kommentaren er allerede slettet."))
    return TransitionNotAllowed(_("Kommentaren er fjernet af en moderator."))
