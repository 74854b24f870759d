"""The panel's pages: members' requests, the members admin, requests, reviews, conflicts."""

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import format_date
from flask_babel import gettext as _
from flask_login import current_user, login_required

from cocreate.core.views import carried_out, get_or_404, perform, require
from cocreate.panel import membership, permissions, queries, services
from cocreate.panel.forms import ConflictForm, MemberForm, PanelRequestForm, ReviewForm, SeatForm
from cocreate.panel.models import RUBRIC, PanelMember
from cocreate.proposals.queries import visible_proposal

bp = Blueprint("panel", __name__, url_prefix="/panel")


def _status() -> int:
    """A form that comes back with errors answers 400, as elsewhere on the site."""
    return 400 if request.method == "POST" else 200


def _to_proposal(proposal_id: int):
    return redirect(url_for("proposals.detail", proposal_id=proposal_id))


@bp.get("")
@login_required
def index():
    require(permissions.can_view_panel_requests(current_user))
    member = queries.active_seat_of(current_user)
    assignments = queries.member_requests(member) if member is not None else []
    return render_template(
        "panel/index.html",
        member=member,
        open_requests=[a for a in assignments if a.conflict is None],
        conflicts=[a for a in assignments if a.conflict is not None],
    )


@bp.route("/members", methods=["GET", "POST"])
@login_required
def members():
    require(permissions.can_manage_panel(current_user))
    form = MemberForm()
    if form.validate_on_submit() and (
        done := carried_out(
            lambda: membership.add_panel_member(current_user, email=form.email.data, **form.seat()),
            lambda member: _("%(name)s har nu en plads i aktørpanelet.", name=member.user.name),
            url_for("panel.members"),
            form,
        )
    ):
        return done
    return render_template(
        "panel/members.html", form=form, members=queries.all_members()
    ), _status()


@bp.route("/members/<int:member_id>", methods=["GET", "POST"])
@login_required
def member(member_id: int):
    require(permissions.can_manage_panel(current_user))
    member = get_or_404(PanelMember, member_id)
    form = SeatForm()
    if request.method == "GET":
        form.seat_type.data = member.seat_type.value
        form.organisation_id.data = member.organisation_id or 0
    if form.validate_on_submit() and (
        done := carried_out(
            lambda: membership.change_panel_seat(member, current_user, **form.seat()),
            _("Pladsen er ændret."),
            url_for("panel.members"),
            form,
        )
    ):
        return done
    return render_template("panel/member.html", member=member, form=form), _status()


@bp.post("/members/<int:member_id>/deactivate")
@login_required
def deactivate(member_id: int):
    require(permissions.can_manage_panel(current_user))
    member = get_or_404(PanelMember, member_id)
    if perform(lambda: membership.deactivate_panel_member(member, current_user))[0]:
        flash(_("%(name)s har forladt aktørpanelet.", name=member.user.name), "success")
    return redirect(url_for("panel.members"))


@bp.route("/proposals/<int:proposal_id>/request", methods=["GET", "POST"])
@login_required
def request_review(proposal_id: int):
    proposal = visible_proposal(proposal_id, current_user)
    require(permissions.is_panel_requester(current_user, proposal))
    form = PanelRequestForm()
    if form.validate_on_submit():
        done = carried_out(
            lambda: services.request_panel_review(
                proposal, current_user, due_date=form.due_date.data
            ),
            lambda made: _(
                "Aktørpanelet er bedt om at vurdere forslaget senest %(date)s.",
                date=format_date(made.due_date, "long"),
            ),
            url_for("proposals.detail", proposal_id=proposal_id),
            form,
        )
        if done or not form.errors:
            return done or _to_proposal(proposal_id)
    context = queries.panel_request_context(proposal, current_user)
    if context["panel_request_form"] is not None:
        context["panel_request_form"] = form  # keep what was typed, with its errors
    return render_template("panel/request.html", proposal=proposal, **context), _status()


def _as_member(proposal_id: int, form, act, said: str, template: str, context=lambda p: {}):
    """A member's form on one proposal (a review, a declared conflict): done, go to the
    member's list; refused for the proposal's state, back to the review page."""
    proposal = visible_proposal(proposal_id, current_user)
    require(permissions.is_panel_member(current_user))
    if form.validate_on_submit():
        done = carried_out(lambda: act(proposal), said, url_for("panel.index"), form)
        if done or not form.errors:
            return done or redirect(url_for("panel.review", proposal_id=proposal_id))
    standing = queries.member_standing(current_user, proposal)
    return render_template(
        template, proposal=proposal, form=form, standing=standing, **context(proposal)
    ), _status()


@bp.route("/proposals/<int:proposal_id>/review", methods=["GET", "POST"])
@login_required
def review(proposal_id: int):
    form = ReviewForm()
    return _as_member(
        proposal_id,
        form,
        lambda proposal: services.create_panel_review(proposal, current_user, **form.review()),
        _("Tak for din vurdering."),
        "panel/review.html",
        context=lambda proposal: {
            "panel_request": queries.current_request(proposal),
            "reviewable": permissions.can_review_proposal(current_user, proposal),
            "rubric": RUBRIC,
        },
    )


@bp.route("/proposals/<int:proposal_id>/conflict", methods=["GET", "POST"])
@login_required
def conflict(proposal_id: int):
    form = ConflictForm()
    return _as_member(
        proposal_id,
        form,
        lambda proposal: services.declare_conflict(proposal, current_user, reason=form.reason.data),
        _("Du er registreret som inhabil og vurderer ikke forslaget."),
        "panel/conflict.html",
    )
