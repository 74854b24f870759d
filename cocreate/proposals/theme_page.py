"""What a theme's page shows: its public proposals by state, what came of those answered,
and the newest and most supported, in the same few queries however many there are."""

from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from cocreate.extensions import db
from cocreate.proposals.lifecycle import ANSWERED_STATUSES, ProposalStatus
from cocreate.proposals.models import Outcome, Proposal, Response
from cocreate.proposals.queries import (
    ProposalFilters,
    ProposalSort,
    count_by_status,
    narrowed,
    public_proposals,
)
from cocreate.strategy.models import Theme

# How many of each the page lists; the full list is a link away.
NEWEST, MOST_SUPPORTED, ANSWERS = 5, 3, 3


class Answered(NamedTuple):
    """A proposal on the theme and the department's latest final answer to it."""

    proposal: Proposal
    response: Response


@dataclass(frozen=True)
class ThemePage:
    theme: Theme
    # Every public state in the lifecycle's order, those with no proposal at 0.
    counts: dict[ProposalStatus, int]
    answered: list[Answered]
    newest: list[Proposal]
    most_supported: list[Proposal]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def lists_most_supported(self) -> bool:
        """Whether the most supported say more than the newest, which then show them all."""
        return self.total > NEWEST


def theme_page(theme: Theme) -> ThemePage:
    """Everything the theme's page shows about its public proposals."""
    filters = ProposalFilters(theme=theme)
    counted = count_by_status(filters)
    return ThemePage(
        theme=theme,
        counts={status: counted.get(status, 0) for status in ProposalStatus if status.is_public},
        answered=_latest_answers(filters),
        newest=_first(ProposalSort.NEWEST, theme, NEWEST),
        most_supported=_first(ProposalSort.MOST_SUPPORTED, theme, MOST_SUPPORTED),
    )


def _first(sort: ProposalSort, theme: Theme, limit: int) -> list[Proposal]:
    statement = public_proposals(ProposalFilters(theme=theme, sort=sort)).limit(limit)
    return list(db.session.scalars(statement))


def _latest_answers(filters: ProposalFilters) -> list[Answered]:
    """The answered public proposals, latest answer first, each with its last final answer.

    When an accepted proposal is carried out, what was done may be a later answer of its own.
    """
    final = aliased(Response)
    latest = (
        select(func.max(final.id))
        .where(
            final.proposal_id == Proposal.id,
            final.preliminary.is_(False),
            final.outcome != Outcome.UNDER_REVIEW,
        )
        .scalar_subquery()
    )
    statement = (
        select(Proposal, Response)
        .join(Response, Response.proposal_id == Proposal.id)
        .where(Response.id == latest, Proposal.status.in_(ANSWERED_STATUSES))
        .order_by(Response.created_at.desc(), Response.id.desc())
        .limit(ANSWERS)
    )
    rows = db.session.execute(narrowed(statement, filters)[0])
    return [Answered(proposal, response) for proposal, response in rows]
