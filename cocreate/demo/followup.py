"""The follow-up of an accepted proposal in the demo: milestones planned and reached, and
progress updates, each step one real service by staff of the owning department.

Days count back from the day the demo is loaded, as a step's own `days_ago` does: a
milestone planned for `planned_days_ago = -20` is due twenty days after that day.
"""

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select

from cocreate.core.types import local_today
from cocreate.demo.story import Step, prose
from cocreate.departments.followup import add_milestone, create_progress_update, update_milestone
from cocreate.departments.models import Milestone
from cocreate.extensions import db


@dataclass(frozen=True)
class PlanMilestone(Step, name="milestone"):
    """The department plans a step in carrying out the proposal."""

    title: str
    planned_days_ago: int  # negative: after the day the demo is loaded
    description: str = ""

    def perform(self, proposal, demo, cast):
        add_milestone(
            proposal,
            cast.staff(proposal),
            title=self.title,
            # One paragraph of plain text: the file's line breaks are not the writer's.
            description=" ".join(self.description.split()),
            planned_on=local_today() - timedelta(days=self.planned_days_ago),
        )
        return proposal


@dataclass(frozen=True)
class ReachMilestone(Step, name="milestone_done"):
    """The department records that the milestone of this title was reached that day."""

    title: str

    def perform(self, proposal, demo, cast):
        milestone = db.session.scalars(
            select(Milestone).where(
                Milestone.proposal_id == proposal.id, Milestone.title == self.title
            )
        ).one()
        done_on = local_today() - timedelta(days=self.days_ago)
        update_milestone(proposal, milestone, cast.staff(proposal), done_on=done_on)
        return proposal


@dataclass(frozen=True)
class ProgressUpdate(Step, name="progress_update"):
    """The department tells the public how the proposal is going."""

    text: str

    def perform(self, proposal, demo, cast):
        create_progress_update(proposal, cast.staff(proposal), text=prose(self.text))
        return proposal
