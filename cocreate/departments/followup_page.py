"""The follow-up on the proposal's page and in its history: progress, milestones, updates,
and for the owning department's staff the forms that keep them."""

from cocreate.departments.followup_forms import MilestoneEditForm, MilestoneForm, ProgressUpdateForm
from cocreate.departments.followup_queries import FollowUp, follow_up_of, milestones_of, updates_of
from cocreate.departments.forms import ImplementedForm
from cocreate.departments.permissions import (
    can_keep_follow_up,
    can_mark_implemented,
    has_follow_up,
)
from cocreate.proposals.history import HistoryEvent, history_source
from cocreate.proposals.lifecycle import ProposalStatus
from cocreate.proposals.page import page_part


def follow_up_forms(proposal, follow_up: FollowUp, viewer) -> dict:
    """Empty forms for a new milestone and update, one per milestone to change it, and once
    every milestone is done the offer to mark the proposal implemented."""
    return {
        "new_milestone": MilestoneForm(formdata=None),
        "new_update": ProgressUpdateForm(formdata=None),
        "edits": {
            m.id: MilestoneEditForm(formdata=None, milestone=m) for m in follow_up.milestones
        },
        "implemented": ImplementedForm(formdata=None)
        if follow_up.all_done and can_mark_implemented(viewer, proposal)
        else None,
    }


@page_part
def follow_up_context(proposal, viewer) -> dict:
    """The follow-up for the page, in two queries however many milestones and updates it
    has; none for a proposal that was not accepted. Once carried out, a proposal shows its
    follow-up only if it had one; before, its page says that none is given yet."""
    follow_up = follow_up_of(proposal)
    keeps = follow_up is not None and can_keep_follow_up(viewer, proposal)
    done_without = (
        follow_up is not None
        and follow_up.is_empty
        and proposal.status == ProposalStatus.IMPLEMENTED
        and not keeps
    )
    return {
        "follow_up": None if done_without else follow_up,
        "follow_up_forms": follow_up_forms(proposal, follow_up, viewer) if keeps else None,
    }


@history_source
def follow_up_events(proposal, viewer) -> list[HistoryEvent]:
    """Each progress update, and each milestone when it was recorded done, in two queries."""
    if not has_follow_up(proposal):
        return []
    updates = [
        HistoryEvent("progress_update", update.created_at, update.author, update, order=4)
        for update in updates_of(proposal)
    ]
    reached = [
        HistoryEvent("milestone", milestone.marked_done_at, None, milestone, order=4)
        for milestone in milestones_of(proposal)
        if milestone.marked_done_at is not None
    ]
    return updates + reached
