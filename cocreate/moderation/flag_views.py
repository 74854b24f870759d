"""The flag queue, settling reported comments, and hiding or showing a proposal."""

from flask import current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from cocreate.core.pagination import paginate, requested_page
from cocreate.core.views import get_or_404, perform, require
from cocreate.extensions import db
from cocreate.moderation import flags, hiding, permissions
from cocreate.moderation.flag_forms import FlagDecisionForm, HideProposalForm
from cocreate.moderation.views import bp
from cocreate.proposals.models import Comment
from cocreate.proposals.queries import visible_proposal


def _refused(field, fallback: str) -> None:
    """Say what was wrong with the field, or else what the form needs."""
    flash(" ".join(map(str, field.errors)) or fallback, "error")


@bp.get("/flags")
@login_required
def flag_queue():
    require(permissions.can_handle_flags(current_user))
    page = paginate(flags.flagged_comments(), requested_page(), current_app.config["PER_PAGE"])
    return render_template(
        "moderation/flags.html",
        page=page,
        reports=flags.open_flags(page.items),
        proposals=flags.proposals_of(page.items),
        hidden_proposals=db.session.scalars(hiding.hidden_proposals()).all(),
        form=FlagDecisionForm(formdata=None),
    )


@bp.post("/flags/<int:comment_id>")
@login_required
def settle_flags(comment_id: int):
    require(permissions.can_handle_flags(current_user))
    comment = get_or_404(Comment, comment_id)
    form = FlagDecisionForm()
    note = form.note.data or ""
    if not form.validate_on_submit() or not (form.remove.data or form.restore.data):
        _refused(form.note, _("Vælg, hvad der skal ske med kommentaren."))
    elif form.remove.data:
        if perform(lambda: flags.remove_comment(comment, current_user, note))[0]:
            flash(_("Kommentaren er fjernet. Forfatteren kan se din begrundelse."), "success")
    elif perform(lambda: flags.restore_comment(comment, current_user, note))[0]:
        flash(_("Kommentaren vises igen."), "success")
    return redirect(url_for("moderation.flag_queue"))


def _moderated_proposal(proposal_id: int):
    require(permissions.can_moderate(current_user))
    return visible_proposal(proposal_id, current_user)


@bp.post("/proposals/<int:proposal_id>/hide")
@login_required
def hide_proposal(proposal_id: int):
    proposal = _moderated_proposal(proposal_id)
    form = HideProposalForm()
    if not form.validate_on_submit():
        _refused(form.reason, _("Skriv, hvorfor forslaget skjules."))
    elif perform(lambda: hiding.hide_proposal(proposal, current_user, form.reason.data))[0]:
        flash(_("Forslaget er skjult for offentligheden."), "success")
    return redirect(url_for("proposals.detail", proposal_id=proposal_id, _anchor="hiding"))


@bp.post("/proposals/<int:proposal_id>/restore")
@login_required
def restore_proposal(proposal_id: int):
    proposal = _moderated_proposal(proposal_id)
    if perform(lambda: hiding.restore_proposal(proposal, current_user))[0]:
        flash(_("Forslaget er synligt for alle igen."), "success")
    return redirect(url_for("proposals.detail", proposal_id=proposal_id))
