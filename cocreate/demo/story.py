"""The demo proposals and their histories: each step of a story calls one real service."""

from dataclasses import dataclass, field
from textwrap import dedent

from sqlalchemy import select

from cocreate.accounts.models import Organisation, User
from cocreate.accounts.roles import Role
from cocreate.calls.models import Call
from cocreate.departments.answers import mark_implemented, respond_to_proposal
from cocreate.departments.services import acknowledge_proposal, transfer_proposal
from cocreate.extensions import db
from cocreate.moderation.models import Decision, RejectionReason
from cocreate.moderation.services import decide_proposal
from cocreate.proposals.models import Outcome, Proposal
from cocreate.proposals.services import create_proposal, submit_proposal, withdraw_proposal
from cocreate.strategy.models import Department, Theme


def prose(text: str) -> str:
    """Drop the indentation a multi-line text has in the source file."""
    return dedent(text).strip()


@dataclass
class Cast:
    """The accounts, departments, themes, organisations and calls the stories name, by key."""

    accounts: dict[str, User]
    departments: dict[str, Department]
    themes: dict[str, Theme]
    organisations: dict[str, Organisation] = field(default_factory=dict)
    calls: dict[str, Call] = field(default_factory=dict)

    def moderator(self, proposal: Proposal) -> User:
        """Take turns between the demo moderators."""
        moderators = [u for u in self.accounts.values() if u.has_role(Role.MODERATOR)]
        return moderators[proposal.id % len(moderators)]

    def citizens(self) -> list[User]:
        """The accounts with no role beyond citizen, in the order the demo lists them."""
        return [user for user in self.accounts.values() if user.roles == {Role.CITIZEN}]

    def staff(self, proposal: Proposal) -> User:
        """A staff member of the department that has the proposal now."""
        return next(
            u
            for u in self.accounts.values()
            if u.has_role(Role.DEPARTMENT_STAFF) and proposal.department_id in u.department_ids
        )


@dataclass(frozen=True)
class DemoProposal:
    """A proposal as its author wrote it, and what happened to it afterwards."""

    author: str  # the e-mail name of a demo account
    themes: tuple[str, ...]  # theme slugs; the first decides the department
    title: str
    summary: str
    body: str  # Markdown
    story: tuple["Step", ...]  # oldest first; the first step is Draft or Submit
    organisation: str | None = None  # the key of the demo organisation it is proposed for
    engagement: tuple["Step", ...] = ()  # what others did with it: comments, support, panel
    call: str | None = None  # the key of the demo call it answers

    def timeline(self) -> list["Step"]:
        """The proposal's story and what others did with it, oldest first."""
        return sorted((*self.story, *self.engagement), key=lambda step: -step.days_ago)


# Each kind of step by the name the content files give it.
STEPS: dict[str, type["Step"]] = {}


@dataclass(frozen=True)
class Step:
    """Something that happened `days_ago` days before the demo was loaded."""

    days_ago: int

    def __init_subclass__(cls, *, name: str, **kwargs):
        super().__init_subclass__(**kwargs)
        STEPS[name] = cls

    def perform(self, proposal: Proposal | None, demo: DemoProposal, cast: Cast) -> Proposal:
        raise NotImplementedError


def _write(demo: DemoProposal, cast: Cast, *, submit: bool) -> Proposal:
    organisation = cast.organisations[demo.organisation] if demo.organisation else None
    call = cast.calls[demo.call] if demo.call else None
    return create_proposal(
        cast.accounts[demo.author],
        title=demo.title,
        summary=" ".join(demo.summary.split()),
        body=prose(demo.body),
        theme_ids=[cast.themes[slug].id for slug in demo.themes],
        organisation_id=organisation.id if organisation is not None else None,
        call_id=call.id if call is not None else None,
        submit=submit,
    )


@dataclass(frozen=True)
class Draft(Step, name="draft"):
    """The author starts writing and keeps the proposal as a draft."""

    def perform(self, proposal, demo, cast):
        return _write(demo, cast, submit=False)


@dataclass(frozen=True)
class Submit(Step, name="submit"):
    """The author sends the proposal to moderation: new, from a draft or after changes."""

    def perform(self, proposal, demo, cast):
        if proposal is None:
            return _write(demo, cast, submit=True)
        return submit_proposal(proposal, cast.accounts[demo.author])


@dataclass(frozen=True)
class Approve(Step, name="approve"):
    """A moderator publishes the proposal, which routes it to its first theme's owner."""

    def perform(self, proposal, demo, cast):
        decide_proposal(proposal, cast.moderator(proposal), decision=Decision.APPROVE)
        return proposal


@dataclass(frozen=True)
class RequestChanges(Step, name="request_changes"):
    """A moderator asks the author to change the proposal."""

    note: str

    def perform(self, proposal, demo, cast):
        decide_proposal(
            proposal, cast.moderator(proposal), decision=Decision.REQUEST_CHANGES, note=self.note
        )
        return proposal


@dataclass(frozen=True)
class Reject(Step, name="reject"):
    """A moderator rejects the proposal, with a reason and a note to the author; a duplicate
    names the title of the earlier demo proposal it repeats."""

    reason: RejectionReason
    note: str
    original: str = ""

    def perform(self, proposal, demo, cast):
        original = db.session.scalar(select(Proposal.id).where(Proposal.title == self.original))
        decide_proposal(
            proposal,
            cast.moderator(proposal),
            decision=Decision.REJECT,
            reason=self.reason,
            note=self.note,
            original_id=original if self.original else None,
        )
        return proposal


@dataclass(frozen=True)
class Acknowledge(Step, name="acknowledge"):
    """The owning department tells the citizen it has started on the proposal."""

    def perform(self, proposal, demo, cast):
        acknowledge_proposal(proposal, cast.staff(proposal))
        return proposal


@dataclass(frozen=True)
class Transfer(Step, name="transfer"):
    """The owning department passes the proposal on to another, saying why."""

    to: str  # department slug
    reason: str

    def perform(self, proposal, demo, cast):
        transfer_proposal(proposal, cast.departments[self.to], cast.staff(proposal), self.reason)
        return proposal


@dataclass(frozen=True)
class Answer(Step, name="answer"):
    """The owning department answers; a preliminary answer opens a comment window."""

    outcome: Outcome
    text: str
    preliminary: bool = False

    def perform(self, proposal, demo, cast):
        respond_to_proposal(
            proposal,
            cast.staff(proposal),
            outcome=self.outcome,
            text=prose(self.text),
            preliminary=self.preliminary,
        )
        return proposal


@dataclass(frozen=True)
class Implement(Step, name="implement"):
    """The owning department reports that the accepted proposal has been carried out."""

    text: str

    def perform(self, proposal, demo, cast):
        mark_implemented(proposal, cast.staff(proposal), prose(self.text))
        return proposal


@dataclass(frozen=True)
class Withdraw(Step, name="withdraw"):
    """The author takes the proposal back."""

    reason: str

    def perform(self, proposal, demo, cast):
        withdraw_proposal(proposal, cast.accounts[demo.author], self.reason)
        return proposal
