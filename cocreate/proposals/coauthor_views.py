"""Pages for co-authors: the author's invitations, and the invitee's answers."""

from flask import current_app, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from cocreate.accounts.forms import AccountEmailForm
from cocreate.accounts.organisations import organisations_inviting
from cocreate.core.pagination import paginate, requested_page
from cocreate.core.views import carried_out, require
from cocreate.extensions import db
from cocreate.proposals import coauthors, permissions
from cocreate.proposals.queries import visible_proposal
from cocreate.proposals.views import bp


@bp.route("/proposals/<int:proposal_id>/coauthors", methods=["GET", "POST"])
@login_required
def coauthors_page(proposal_id: int):
    proposal = visible_proposal(proposal_id, current_user)
    require(permissions.is_author(current_user, proposal))
    form = AccountEmailForm()
    if form.validate_on_submit():
        if done := carried_out(
            lambda: coauthors.invite_coauthor(proposal, current_user, form.email.data),
            lambda invitation: _(
                "%(name)s er inviteret og kan svare under «Mine invitationer».",
                name=invitation.user.name,
            ),
            url_for("proposals.coauthors_page", proposal_id=proposal_id),
            form,
        ):
            return done
        proposal = visible_proposal(proposal_id, current_user)
    status = 400 if form.errors else 200
    return render_template("proposals/coauthors.html", proposal=proposal, form=form), status


@bp.get("/my/invitations")
@login_required
def invitations():
    invited = list(db.session.scalars(coauthors.invited_to(current_user)))
    page = paginate(
        coauthors.coauthored_by(current_user), requested_page(), current_app.config["PER_PAGE"]
    )
    return render_template(
        "proposals/invitations.html",
        invited=invited,
        organisations=organisations_inviting(current_user),
        page=page,
    )


@bp.post("/proposals/<int:proposal_id>/invitation/accept")
@login_required
def accept_invitation(proposal_id: int):
    proposal = visible_proposal(proposal_id, current_user)
    return carried_out(
        lambda: coauthors.accept_invitation(proposal, current_user),
        _("Du er nu medforfatter og følger forslaget."),
        url_for("proposals.detail", proposal_id=proposal_id),
    ) or redirect(url_for("proposals.invitations"))


@bp.post("/proposals/<int:proposal_id>/invitation/decline")
@login_required
def decline_invitation(proposal_id: int):
    proposal = visible_proposal(proposal_id, current_user)
    invitations = url_for("proposals.invitations")
    return carried_out(
        lambda: coauthors.decline_invitation(proposal, current_user),
        _("Du har takket nej til invitationen."),
        invitations,
    ) or redirect(invitations)
