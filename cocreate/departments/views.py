"""Departments: their pages and inboxes, and the handling of a routed proposal."""

from collections.abc import Callable
from dataclasses import dataclass

from flask import Blueprint, abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select

from cocreate.core.pagination import paginate, requested_page
from cocreate.core.types import utcnow
from cocreate.core.views import add_views, perform, require
from cocreate.departments import answers, permissions, queries, services
from cocreate.departments.forms import (
    AcknowledgeForm,
    ImplementedForm,
    ResponseForm,
    SlaForm,
    TransferForm,
)
from cocreate.extensions import db
from cocreate.proposals.history import proposal_history
from cocreate.proposals.models import Outcome
from cocreate.proposals.page import page_context
from cocreate.proposals.queries import visible_proposal
from cocreate.proposals.ratings import ratings_of
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


def _render_handle(proposal, **forms):
    """The handling page, with a fresh form for every step but those given."""
    context = {step.form_name: step.make_form(proposal) for step in STEPS.values()}
    return render_template(
        "departments/handle.html",
        proposal=proposal,
        history=proposal_history(proposal, current_user),
        answer_ratings=ratings_of(proposal) if proposal.status.is_answered else [],
        **page_context(proposal, current_user),
        **(context | forms),
    )


@bp.get("/proposals/<int:proposal_id>")
@login_required
def handle(proposal_id: int):
    proposal = visible_proposal(proposal_id, current_user)
    require(permissions.can_open_handling_page(current_user, proposal))
    return _render_handle(proposal)


@dataclass(frozen=True)
class Step:
    """One step on the handling page: its form, who may take it, what it does, what it says."""

    form_name: str
    make_form: Callable[[object], object]
    allowed: Callable[[object, object], bool]
    take: Callable[[object, object], object]
    done: Callable[[object, object], str]


def _transfer(proposal, form):
    target = db.session.get(Department, form.department_id.data)
    return services.transfer_proposal(proposal, target, current_user, form.reason.data)


def _respond(proposal, form):
    return answers.respond_to_proposal(
        proposal,
        current_user,
        outcome=Outcome(form.outcome.data),
        text=form.text.data,
        preliminary=form.preliminary.data,
        **form.plan(),
    )


STEPS = {
    "acknowledge": Step(
        "acknowledge_form",
        lambda proposal: AcknowledgeForm(),
        permissions.can_acknowledge_proposal,
        lambda proposal, form: services.acknowledge_proposal(
            proposal, current_user, form.message.data or ""
        ),
        lambda proposal, form: _("Borgeren kan nu se, at I er gået i gang."),
    ),
    "transfer": Step(
        "transfer_form",
        lambda proposal: TransferForm(current_department=proposal.department),
        permissions.can_handle_proposal,
        _transfer,
        lambda proposal, form: _(
            "Forslaget er overdraget til %(name)s.", name=proposal.department.display_name
        ),
    ),
    "respond": Step(
        "response_form",
        lambda proposal: ResponseForm(),
        permissions.can_answer_proposal,
        _respond,
        lambda proposal, form: _("Svaret er offentliggjort."),
    ),
    "implemented": Step(
        "implemented_form",
        lambda proposal: ImplementedForm(),
        permissions.can_mark_implemented,
        lambda proposal, form: answers.mark_implemented(
            proposal, current_user, form.text.data or ""
        ),
        lambda proposal, form: _("Forslaget er markeret som gennemført."),
    ),
}


@login_required
def take_step(step: Step, proposal_id: int):
    """Take one handling step; on a refusal show the handling page with the form's errors."""
    proposal = visible_proposal(proposal_id, current_user)
    require(step.allowed(current_user, proposal))
    form = step.make_form(proposal)
    if form.validate_on_submit() and perform(lambda: step.take(proposal, form), form)[0]:
        flash(step.done(proposal, form), "success")
        # Back to the handling page while there is more to do here; a proposal passed on
        # to another department, or finished, shows its public page.
        staying = permissions.can_open_handling_page(current_user, proposal)
        then = "departments.handle" if staying else "proposals.detail"
        return redirect(url_for(then, proposal_id=proposal.id))
    return _render_handle(proposal, **{step.form_name: form}), 400


add_views(
    bp,
    take_step,
    {name: (f"/proposals/<int:proposal_id>/{name}", step) for name, step in STEPS.items()},
    methods=["POST"],
)

# The follow-up's forms, on the proposal's page, register their routes on bp.
from cocreate.departments import followup_views  # noqa: E402, F401
