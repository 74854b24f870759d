"""Writing, replying to, editing, deleting and reporting comments on a proposal."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from cocreate.core.views import get_or_404, perform, require
from cocreate.proposals import permissions
from cocreate.proposals.comments import flags, services
from cocreate.proposals.comments.forms import EditCommentForm, FlagForm
from cocreate.proposals.comments.thread import comment_form_for
from cocreate.proposals.models import COMMENT_MAX, Comment
from cocreate.proposals.queries import visible_proposal
from cocreate.proposals.views import bp


def _comment_on_visible_proposal(comment_id: int):
    """The comment and its proposal; 404 if the visitor may not see the proposal."""
    comment = get_or_404(Comment, comment_id)
    return comment, visible_proposal(comment.proposal_id, current_user)


def _form_page(form, proposal, status: int, *, parent=None, comment=None):
    """The comment form on a page of its own: to edit, or to correct what was refused."""
    if comment is not None:
        heading, submit_label = _("Ret din kommentar"), _("Gem rettelsen")
        action = url_for("proposals.edit_comment", comment_id=comment.id)
    elif parent is not None:
        heading, submit_label = _("Svar på en kommentar"), _("Send svar")
        action = url_for("proposals.reply_to_comment", comment_id=parent.id)
    else:
        heading, submit_label = _("Skriv en kommentar"), _("Send kommentar")
        action = url_for("proposals.add_comment", proposal_id=proposal.id)
    page = render_template(
        "proposals/comment_form.html",
        form=form,
        proposal=proposal,
        parent=parent,
        heading=heading,
        label=_("Dit svar") if parent is not None else _("Din kommentar"),
        action=action,
        submit_label=submit_label,
        comment_max=COMMENT_MAX,
    )
    return page, status


def _to_comment(proposal_id: int, comment_id: int | None = None):
    anchor = f"comment-{comment_id}" if comment_id else "comments"
    return redirect(url_for("proposals.detail", proposal_id=proposal_id, _anchor=anchor))


def _write(proposal, parent: Comment | None):
    """Post a comment or reply; on bad input show the form again with the text kept."""
    form = comment_form_for(current_user)
    if form.validate_on_submit():
        parent_id = parent.id if parent is not None else None
        done, comment = perform(
            lambda: services.create_comment(
                proposal, current_user, parent_id=parent_id, **form.content()
            ),
            form,
        )
        if done:
            flash(_("Din kommentar er offentliggjort."), "success")
            return _to_comment(proposal.id, comment.id)
        if not form.errors:
            # Refused for the proposal's or the parent's state: the message waits there.
            return _to_comment(proposal.id, parent_id)
    return _form_page(form, proposal, 422, parent=parent)


@bp.post("/proposals/<int:proposal_id>/comments")
@login_required
def add_comment(proposal_id: int):
    return _write(visible_proposal(proposal_id, current_user), None)


@bp.post("/comments/<int:comment_id>/replies")
@login_required
def reply_to_comment(comment_id: int):
    parent, proposal = _comment_on_visible_proposal(comment_id)
    return _write(proposal, parent)


@bp.route("/comments/<int:comment_id>/edit", methods=["GET", "POST"])
@login_required
def edit_comment(comment_id: int):
    comment, proposal = _comment_on_visible_proposal(comment_id)
    require(permissions.is_comment_author(current_user, comment))
    if not permissions.can_edit_comment(current_user, comment):
        flash(services.why_not_editable(comment), "error")
        return _to_comment(proposal.id, comment.id)
    form = EditCommentForm(obj=comment)
    if form.validate_on_submit():
        done, _comment = perform(
            lambda: services.edit_comment(comment, current_user, body=form.body.data), form
        )
        if done:
            flash(_("Din kommentar er rettet."), "success")
            return _to_comment(proposal.id, comment.id)
    return _form_page(form, proposal, 422 if form.errors else 200, comment=comment)


@bp.post("/comments/<int:comment_id>/delete")
@login_required
def delete_comment(comment_id: int):
    comment, proposal = _comment_on_visible_proposal(comment_id)
    if perform(lambda: services.delete_comment(comment, current_user))[0]:
        flash(_("Din kommentar er slettet."), "success")
    return _to_comment(proposal.id, comment.id)


@bp.post("/comments/<int:comment_id>/flag")
@login_required
def flag_comment(comment_id: int):
    comment, proposal = _comment_on_visible_proposal(comment_id)
    form = FlagForm()
    if not form.validate_on_submit():
        flash(_("Vælg en grund til anmeldelsen."), "error")
    elif perform(lambda: flags.flag_comment(comment, current_user, form.reason.data))[0]:
        flash(_("Tak. Moderatorerne får besked om kommentaren."), "success")
    return _to_comment(proposal.id, comment.id)
