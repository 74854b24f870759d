"""Co-creation in the demo: what others do with a proposal, each step one real service.

Comments, support, follows, co-authors and the stakeholder panel. The seed runs these
steps between the steps of the proposal's own story, in the order of their days, and
moves what each wrote back to its day.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import select

from cocreate.demo.story import Step, prose
from cocreate.extensions import db
from cocreate.panel.models import SCORE_CRITERIA, Recommendation
from cocreate.panel.queries import local_today
from cocreate.panel.services import create_panel_review, declare_conflict, request_panel_review
from cocreate.proposals import models
from cocreate.proposals.coauthors import accept_invitation, invite_coauthor
from cocreate.proposals.comments.flags import flag_comment
from cocreate.proposals.comments.services import create_comment
from cocreate.proposals.engagement import support_proposal
from cocreate.proposals.follows import follow_proposal
from cocreate.proposals.models import FlagReason


def _latest_comment(proposal, author, *, top_level: bool) -> models.Comment:
    """The author's latest comment on the proposal (a thread's first one if top_level)."""
    query = select(models.Comment).where(
        models.Comment.proposal_id == proposal.id, models.Comment.author_id == author.id
    )
    if top_level:
        query = query.where(models.Comment.parent_id.is_(None))
    return db.session.scalars(query.order_by(models.Comment.id.desc()).limit(1)).one()


@dataclass(frozen=True)
class Comment(Step, name="comment"):
    """Someone comments on the proposal, perhaps for an organisation they belong to."""

    author: str
    body: str
    organisation: str | None = None

    def perform(self, proposal, demo, cast):
        organisation = cast.organisations[self.organisation] if self.organisation else None
        create_comment(
            proposal,
            cast.accounts[self.author],
            body=prose(self.body),
            parent_id=self.parent_id(proposal, cast),
            organisation_id=organisation.id if organisation is not None else None,
        )
        return proposal

    def parent_id(self, proposal, cast) -> int | None:
        return None


@dataclass(frozen=True)
class Reply(Comment, name="reply"):
    """Someone answers the latest thread that `to` started on the proposal."""

    to: str = field(kw_only=True)

    def parent_id(self, proposal, cast):
        return _latest_comment(proposal, cast.accounts[self.to], top_level=True).id


@dataclass(frozen=True)
class OfficialReply(Step, name="official_reply"):
    """Staff of the owning department answer a thread: the department's official reply."""

    to: str
    body: str

    def perform(self, proposal, demo, cast):
        thread = _latest_comment(proposal, cast.accounts[self.to], top_level=True)
        create_comment(proposal, cast.staff(proposal), body=prose(self.body), parent_id=thread.id)
        return proposal


@dataclass(frozen=True)
class Flag(Step, name="flag"):
    """Others report the author's latest comment; enough reports hide it for the moderators."""

    author: str
    reports: tuple[tuple[str, FlagReason], ...]  # (account, reason)

    def perform(self, proposal, demo, cast):
        comment = _latest_comment(proposal, cast.accounts[self.author], top_level=False)
        for account, reason in self.reports:
            flag_comment(comment, cast.accounts[account], reason)
        return proposal


@dataclass(frozen=True)
class Support(Step, name="support"):
    """`count` more citizens support the proposal; citizens take turns across proposals."""

    count: int

    def perform(self, proposal, demo, cast):
        taken = set(
            db.session.scalars(
                select(models.Support.user_id).where(models.Support.proposal_id == proposal.id)
            )
        )
        taken |= {proposal.author_id, *(c.user_id for c in proposal.coauthors)}
        citizens = cast.citizens()
        start = proposal.id % len(citizens)
        turn = [u for u in citizens[start:] + citizens[:start] if u.id not in taken]
        if len(turn) < self.count:
            raise ValueError(f"Too few citizens left to support «{demo.title}».")
        for user in turn[: self.count]:
            support_proposal(proposal, user)
        return proposal


@dataclass(frozen=True)
class Follow(Step, name="follow"):
    """These accounts follow the proposal."""

    accounts: tuple[str, ...]

    def perform(self, proposal, demo, cast):
        for account in self.accounts:
            follow_proposal(proposal, cast.accounts[account])
        return proposal


@dataclass(frozen=True)
class Invite(Step, name="invite"):
    """The author invites an account to write the proposal with them."""

    invitee: str

    def perform(self, proposal, demo, cast):
        invite_coauthor(proposal, cast.accounts[demo.author], cast.accounts[self.invitee].email)
        return proposal


@dataclass(frozen=True)
class Accept(Step, name="accept"):
    """The invitee accepts and becomes a co-author."""

    invitee: str

    def perform(self, proposal, demo, cast):
        accept_invitation(proposal, cast.accounts[self.invitee])
        return proposal


@dataclass(frozen=True)
class RequestPanel(Step, name="request_panel"):
    """The owning department (or a moderator) asks the panel for a review by a due date."""

    due_in_days: int
    by_moderator: bool = False

    def perform(self, proposal, demo, cast):
        actor = cast.moderator(proposal) if self.by_moderator else cast.staff(proposal)
        # Asked today and moved back with the request, the due date keeps its distance.
        due_date = local_today() + timedelta(days=self.due_in_days)
        request_panel_review(proposal, actor, due_date=due_date)
        return proposal


@dataclass(frozen=True)
class DeclareConflict(Step, name="declare_conflict"):
    """A panel member says they are not impartial and will not review the proposal."""

    member: str
    reason: str

    def perform(self, proposal, demo, cast):
        declare_conflict(proposal, cast.accounts[self.member], reason=self.reason)
        return proposal


@dataclass(frozen=True)
class Review(Step, name="review"):
    """A panel member reviews: value, feasibility, co-creation, strategy fit, from 1 to 5."""

    member: str
    scores: tuple[int, int, int, int]  # in the order of SCORE_CRITERIA
    recommendation: Recommendation
    comment: str

    def perform(self, proposal, demo, cast):
        create_panel_review(
            proposal,
            cast.accounts[self.member],
            scores=dict(zip(SCORE_CRITERIA, self.scores, strict=True)),
            recommendation=self.recommendation,
            comment=prose(self.comment),
        )
        return proposal
