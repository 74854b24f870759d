"""Departments: their pages and inboxes, and the handling of a routed proposal."""

from flask import Blueprint, abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select

from cocreate.core.pagination import paginate, requested_page
from cocreate.core.types import utcnow
from cocreate.core.views import perform, require
from cocreate.departments import answers, permissions, queries, services
from cocreate.departments.forms import (
    AcknowledgeForm,
    ImplementedForm,
    ResponseForm,
    SlaForm,
    TransferForm,
)
from cocreate.extensions import db
from cocreate.panel.queries import panel_request_context
from cocreate.proposals.history import proposal_history
from cocreate.proposals.models import Outcome
from cocreate.proposals.queries import visible_proposal
from cocreate.strategy.models import Department
from cocreate.strategy.queries import all_departments

bp = Blueprint("departments", __name__, url_prefix="/departments")


def _department_or_404(slug: str) -> Department:
    department = db.session.scalar(select(Department).where(Department.slug == slug))
    if department is None:
        abort(404)
    return department


@bp.get("")
def index():
    return render_template("departments/index.html", departments=all_departments())


@bp.route("/<slug>", methods=["GET", "POST"])
def inbox(slug: str):
    department = _department_or_404(slug)
    if not permissions.can_view_inbox(current_user, department):
        return render_template("departments/public.html", department=department)
    now = utcnow()
    form = SlaForm(
        acknowledge_days=department.sla_acknowledge_days,
        answer_days=department.sla_answer_days,
        after_window_days=department.sla_after_window_days,
    )
    if form.validate_on_submit():
        done, _result = perform(
            lambda: services.update_sla(
                department,
                current_user,
                acknowledge_days=form.acknowledge_days.data,
                answer_days=form.answer_days.data,
                after_window_days=form.after_window_days.data,
            ),
            form,
        )
        if done:
            flash(_("Svarfristerne er gemt."), "success")
            return redirect(url_for("departments.inbox", slug=slug))
    page = paginate(
        queries.inbox(department, now),
        requested_page(),
        current_app.config["PER_PAGE"],
    )
    return render_template(
        "departments/inbox.html",
        department=department,
        page=page,
        overdue=queries.overdue_count(department, now),
        sla_form=form,
    )


def _handling_forms(proposal):
    return {
        "acknowledge_form": AcknowledgeForm(),
        "transfer_form": TransferForm(current_department=proposal.department),
        "response_form": ResponseForm(),
        "implemented_form": ImplementedForm(),
        "history": proposal_history(proposal, current_user),
        **panel_request_context(proposal, current_user),
    }


def _render_handle(proposal, **forms):
    context = _handling_forms(proposal) | forms
    return render_template("departments/handle.html", proposal=proposal, **context)


@bp.get("/proposals/<int:proposal_id>")
@login_required
def handle(proposal_id: int):
    proposal = visible_proposal(proposal_id, current_user)
    require(
        permissions.can_handle_proposal(current_user, proposal)
        or permissions.can_mark_implemented(current_user, proposal)
    )
    return _render_handle(proposal)


def _after(proposal, message: str):
    flash(message, "success")
    return redirect(url_for("proposals.detail", proposal_id=proposal.id))


@bp.post("/proposals/<int:proposal_id>/acknowledge")
@login_required
def acknowledge(proposal_id: int):
    proposal = visible_proposal(proposal_id, current_user)
    require(permissions.can_acknowledge_proposal(current_user, proposal))
    form = AcknowledgeForm()
    if form.validate_on_submit():
        done, _result = perform(
            lambda: services.acknowledge_proposal(proposal, current_user, form.message.data or ""),
            form,
        )
        if done:
            return _after(proposal, _("Borgeren kan nu se, at I er gået i gang."))
    return _render_handle(proposal, acknowledge_form=form), 400


@bp.post("/proposals/<int:proposal_id>/transfer")
@login_required
def transfer(proposal_id: int):
    proposal = visible_proposal(proposal_id, current_user)
    require(permissions.can_handle_proposal(current_user, proposal))
    form = TransferForm(current_department=proposal.department)
    if form.validate_on_submit():
        target = db.session.get(Department, form.department_id.data)
        done, _result = perform(
            lambda: services.transfer_proposal(proposal, target, current_user, form.reason.data),
            form,
        )
        if done:
            return _after(proposal, _("Forslaget er overdraget til %(name)s.", name=target.name))
    return _render_handle(proposal, transfer_form=form), 400


@bp.post("/proposals/<int:proposal_id>/respond")
@login_required
def respond(proposal_id: int):
    proposal = visible_proposal(proposal_id, current_user)
    require(permissions.can_answer_proposal(current_user, proposal))
    form = ResponseForm()
    if form.validate_on_submit():
        done, _result = perform(
            lambda: answers.respond_to_proposal(
                proposal,
                current_user,
                outcome=Outcome(form.outcome.data),
                text=form.text.data,
                preliminary=form.preliminary.data,
            ),
            form,
        )
        if done:
            return _after(proposal, _("Svaret er offentliggjort."))
    return _render_handle(proposal, response_form=form), 400


@bp.post("/proposals/<int:proposal_id>/implemented")
@login_required
def implemented(proposal_id: int):
    proposal = visible_proposal(proposal_id, current_user)
    require(permissions.can_mark_implemented(current_user, proposal))
    form = ImplementedForm()
    if form.validate_on_submit():
        done, _result = perform(
            lambda: answers.mark_implemented(proposal, current_user, form.text.data or ""), form
        )
        if done:
            return _after(proposal, _("Forslaget er markeret som gennemført."))
    return _render_handle(proposal, implemented_form=form), 400
