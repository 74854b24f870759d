"""The follow-up's forms on the proposal's page: milestones added, changed and reached, and
progress updates. A form with errors shows the proposal's page again, the form in its place."""

from flask import flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from cocreate.core.types import local_today
from cocreate.core.views import perform, require
from cocreate.departments import followup
from cocreate.departments.followup_forms import (
    MilestoneEditForm,
    MilestoneForm,
    ProgressUpdateForm,
)
from cocreate.departments.followup_queries import follow_up_of, milestone_of
from cocreate.departments.permissions import can_keep_follow_up, can_mark_implemented
from cocreate.departments.views import bp
from cocreate.proposals.page import page_context, render_proposal_page
from cocreate.proposals.queries import visible_proposal

MILESTONES = "/proposals/<int:proposal_id>/milestones"


def _kept_proposal(proposal_id: int):
    """The proposal, if the account keeps its follow-up."""
    proposal = visible_proposal(proposal_id, current_user)
    require(can_keep_follow_up(current_user, proposal))
    return proposal


def _back(proposal, said: str):
    """Say what was done and show the follow-up; once every milestone is done, say that
    the proposal may now be marked implemented (the page offers it)."""
    flash(said, "success")
    follow_up = follow_up_of(proposal)
    if (
        follow_up is not None
        and follow_up.all_done
        and can_mark_implemented(current_user, proposal)
    ):
        flash(
            _(
                "Alle milepæle er nået. Er forslaget gennemført, kan du markere det som "
                "gennemført under opfølgningen."
            ),
            "info",
        )
    return redirect(url_for("proposals.detail", proposal_id=proposal.id, _anchor="follow-up"))


def _page_with(proposal, edits=None, **forms):
    """The proposal's page with the sent form (and its errors) instead of an empty one."""
    context = page_context(proposal, current_user)
    kept = context["follow_up_forms"]
    context["follow_up_forms"] = kept | forms | {"edits": kept["edits"] | (edits or {})}
    return render_proposal_page(proposal, current_user, context), 400


@bp.post(MILESTONES)
@login_required
def add_milestone(proposal_id: int):
    proposal = _kept_proposal(proposal_id)
    form = MilestoneForm()
    if (
        form.validate_on_submit()
        and perform(
            lambda: followup.add_milestone(proposal, current_user, **form.milestone()), form
        )[0]
    ):
        return _back(proposal, _("Milepælen er tilføjet."))
    return _page_with(proposal, new_milestone=form)


@bp.post(f"{MILESTONES}/<int:milestone_id>")
@login_required
def change_milestone(proposal_id: int, milestone_id: int):
    proposal = _kept_proposal(proposal_id)
    milestone = milestone_of(proposal, milestone_id)
    form = MilestoneEditForm(milestone=milestone)
    if (
        form.validate_on_submit()
        and perform(
            lambda: followup.update_milestone(
                proposal, milestone, current_user, **form.milestone()
            ),
            form,
        )[0]
    ):
        return _back(proposal, _("Milepælen er gemt."))
    return _page_with(proposal, edits={milestone_id: form})


@bp.post(f"{MILESTONES}/<int:milestone_id>/done")
@login_required
def milestone_done(proposal_id: int, milestone_id: int):
    """Mark the milestone reached today (one already reached keeps its date)."""
    proposal = _kept_proposal(proposal_id)
    milestone = milestone_of(proposal, milestone_id)
    done_on = milestone.done_on or local_today()
    reached, _result = perform(
        lambda: followup.update_milestone(proposal, milestone, current_user, done_on=done_on)
    )
    if reached:
        return _back(proposal, _("Milepælen «%(title)s» er nået.", title=milestone.title))
    # Refused: perform has said why.
    return redirect(url_for("proposals.detail", proposal_id=proposal.id, _anchor="follow-up"))


@bp.post("/proposals/<int:proposal_id>/updates")
@login_required
def post_progress_update(proposal_id: int):
    proposal = _kept_proposal(proposal_id)
    form = ProgressUpdateForm()
    if (
        form.validate_on_submit()
        and perform(
            lambda: followup.create_progress_update(proposal, current_user, text=form.text.data),
            form,
        )[0]
    ):
        return _back(proposal, _("Statusopdateringen er offentliggjort."))
    return _page_with(proposal, new_update=form)
