"""Organisations: registering one, its page, inviting members, and verification by staff."""

from flask import Blueprint, abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from cocreate.accounts import permissions
from cocreate.accounts.forms import AccountEmailForm
from cocreate.accounts.organisations import organisations_inviting, organisations_of
from cocreate.core.pagination import paginate, requested_page
from cocreate.core.views import carried_out, perform, require
from cocreate.organisations import services
from cocreate.organisations.forms import OrganisationForm

bp = Blueprint("organisations", __name__, url_prefix="/organisations")


def _organisation_or_404(organisation_id: int):
    organisation = services.load_organisation(organisation_id)
    if organisation is None:
        abort(404)
    return organisation


@bp.get("")
@login_required
def mine():
    return render_template(
        "organisations/mine.html",
        organisations=organisations_of(current_user),
        invitations=organisations_inviting(current_user),
    )


@bp.route("/new", methods=["GET", "POST"])
@login_required
def new():
    form = OrganisationForm()
    if form.validate_on_submit():
        done, organisation = perform(
            lambda: services.register_organisation(current_user, **form.details()), form
        )
        if done:
            flash(
                _(
                    "Organisationen er registreret. Den vises som ikke verificeret, "
                    "indtil kommunen har tjekket den."
                ),
                "success",
            )
            return redirect(url_for("organisations.detail", organisation_id=organisation.id))
    return render_template("organisations/new.html", form=form)


def _render_detail(organisation, member_form=None, status=200):
    page = paginate(
        services.proposals_of(organisation), requested_page(), current_app.config["PER_PAGE"]
    )
    return render_template(
        "organisations/detail.html",
        organisation=organisation,
        page=page,
        member_form=member_form or AccountEmailForm(),
    ), status


@bp.get("/<int:organisation_id>")
def detail(organisation_id: int):
    return _render_detail(_organisation_or_404(organisation_id))


@bp.post("/<int:organisation_id>/members")
@login_required
def invite_member(organisation_id: int):
    organisation = _organisation_or_404(organisation_id)
    require(permissions.can_manage_members(current_user, organisation))
    form = AccountEmailForm()
    if form.validate_on_submit():
        if done := carried_out(
            lambda: services.invite_member(organisation, current_user, form.email.data),
            lambda invitation: _(
                "%(name)s er inviteret og bliver medlem, når vedkommende har sagt ja "
                "under «Mine invitationer».",
                name=invitation.user.name,
            ),
            url_for("organisations.detail", organisation_id=organisation_id),
            form,
        ):
            return done
        organisation = _organisation_or_404(organisation_id)
    return _render_detail(organisation, form, 400)


@bp.post("/<int:organisation_id>/invitation/accept")
@login_required
def accept_invitation(organisation_id: int):
    organisation = _organisation_or_404(organisation_id)
    return carried_out(
        lambda: services.accept_membership(organisation, current_user),
        _("Du er nu medlem af %(name)s.", name=organisation.name),
        url_for("organisations.detail", organisation_id=organisation_id),
    ) or redirect(url_for("proposals.invitations"))


@bp.post("/<int:organisation_id>/invitation/decline")
@login_required
def decline_invitation(organisation_id: int):
    organisation = _organisation_or_404(organisation_id)
    invitations = url_for("proposals.invitations")
    return carried_out(
        lambda: services.decline_membership(organisation, current_user),
        _("Du har takket nej til at blive medlem af %(name)s.", name=organisation.name),
        invitations,
    ) or redirect(invitations)


@bp.post("/<int:organisation_id>/leave")
@login_required
def leave(organisation_id: int):
    organisation = _organisation_or_404(organisation_id)
    require(permissions.can_manage_members(current_user, organisation))
    if perform(lambda: services.leave_organisation(organisation, current_user))[0]:
        flash(_("Du er ikke længere medlem af %(name)s.", name=organisation.name), "success")
        return redirect(url_for("organisations.mine"))
    return redirect(url_for("organisations.detail", organisation_id=organisation_id))


@bp.get("/verify")
@login_required
def verify_queue():
    require(permissions.can_verify_organisation(current_user))
    page = paginate(
        services.unverified_organisations(), requested_page(), current_app.config["PER_PAGE"]
    )
    return render_template("organisations/verify.html", page=page)


@bp.post("/<int:organisation_id>/verify")
@login_required
def verify(organisation_id: int):
    require(permissions.can_verify_organisation(current_user))
    organisation = _organisation_or_404(organisation_id)
    if perform(lambda: services.verify_organisation(organisation, current_user))[0]:
        flash(_("%(name)s er verificeret.", name=organisation.name), "success")
    return redirect(url_for("organisations.verify_queue"))
