"""Reading a proposal's follow-up: its milestones, how far it has come, its progress updates."""

from dataclasses import dataclass
from datetime import date

from flask_babel import gettext as _
from sqlalchemy import select

from cocreate.core.errors import NotFound
from cocreate.core.types import local_today
from cocreate.departments.models import Milestone, ProgressUpdate
from cocreate.departments.permissions import has_follow_up
from cocreate.extensions import db


@dataclass(frozen=True)
class FollowUp:
    """A proposal's milestones by planned date, and its updates, newest first."""

    milestones: list[Milestone]
    updates: list[ProgressUpdate]
    today: date  # where the municipality is: a milestone is overdue from the day after

    @property
    def done_count(self) -> int:
        return sum(1 for milestone in self.milestones if milestone.is_done)

    @property
    def progress(self) -> int | None:
        """The share of milestones done from 0 to 100, rounded down so that 100 means all of
        them; None without milestones, where there is no share to tell."""
        if not self.milestones:
            return None
        return self.done_count * 100 // len(self.milestones)

    @property
    def all_done(self) -> bool:
        return self.progress == 100

    @property
    def is_empty(self) -> bool:
        return not self.milestones and not self.updates

    def is_overdue(self, milestone: Milestone) -> bool:
        return milestone.is_overdue(self.today)


def milestones_of(proposal) -> list[Milestone]:
    """The proposal's milestones, soonest planned first, in one query."""
    return list(
        db.session.scalars(
            select(Milestone)
            .where(Milestone.proposal_id == proposal.id)
            .order_by(Milestone.planned_on, Milestone.id)
        )
    )


def updates_of(proposal) -> list[ProgressUpdate]:
    """The proposal's progress updates, newest first, with their departments and authors,
    in one query."""
    return list(
        db.session.scalars(
            select(ProgressUpdate)
            .where(ProgressUpdate.proposal_id == proposal.id)
            .order_by(ProgressUpdate.created_at.desc(), ProgressUpdate.id.desc())
        )
    )


def follow_up_of(proposal) -> FollowUp | None:
    """The follow-up of a proposal that has one (accepted, partly or wholly, or done), in two
    queries however long it is; None, without a query, for any other."""
    if not has_follow_up(proposal):
        return None
    return FollowUp(milestones_of(proposal), updates_of(proposal), local_today())


def milestone_of(proposal, milestone_id: int) -> Milestone:
    """One of the proposal's milestones; another proposal's, or none, is not found."""
    milestone = db.session.get(Milestone, milestone_id)
    if milestone is None or milestone.proposal_id != proposal.id:
        raise NotFound(_("Forslaget har ingen milepæl med det nummer."))
    return milestone
