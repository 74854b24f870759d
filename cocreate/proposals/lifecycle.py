"""The proposal lifecycle: one enum, one table of allowed transitions, one function that
performs a transition, and the record it keeps of each (StatusChange)."""

import enum

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.orm.exc import StaleDataError

from cocreate.core.errors import ConcurrentChange, TransitionNotAllowed
from cocreate.core.types import Id, LabelledEnum, Stamp, belongs_to, enum_column, utcnow
from cocreate.extensions import db


class ProposalStatus(LabelledEnum):
    DRAFT = "draft", _l("Kladde")
    SUBMITTED = "submitted", _l("Indsendt")
    CHANGES_REQUESTED = "changes_requested", _l("Ændringer ønsket")
    REJECTED = "rejected", _l("Afvist")
    PUBLISHED = "published", _l("Offentliggjort")
    UNDER_REVIEW = "under_review", _l("Under behandling")
    ACCEPTED = "accepted", _l("Imødekommet")
    PARTIALLY_ACCEPTED = "partially_accepted", _l("Delvist imødekommet")
    DECLINED = "declined", _l("Afslået")
    IMPLEMENTED = "implemented", _l("Gennemført")
    WITHDRAWN = "withdrawn", _l("Trukket tilbage")

    @property
    def is_public(self) -> bool:
        """Everyone may read it (unless a moderator has hidden it)."""
        return self in PUBLIC_STATUSES

    @property
    def is_draft(self) -> bool:
        return self == ProposalStatus.DRAFT

    @property
    def awaits_moderation(self) -> bool:
        """In the moderators' queue: a moderator may decide it now."""
        return is_allowed(Action.APPROVE, self)

    @property
    def is_sent_back(self) -> bool:
        """A moderator asked the author for changes; resubmitting sends it back to the queue."""
        return is_allowed(Action.RESUBMIT, self)

    @property
    def is_with_department(self) -> bool:
        """The owning department has it open, and its deadlines run."""
        return self in OPEN_WITH_DEPARTMENT

    @property
    def is_answered(self) -> bool:
        """The department has given its final answer."""
        return self in ANSWERED_STATUSES

    @property
    def is_rejected(self) -> bool:
        """A moderator refused to publish it (not the department's answer: that is declined)."""
        return self == ProposalStatus.REJECTED

    @property
    def explanation(self) -> str:
        """What the state means, in a sentence a citizen understands."""
        return str(STATUS_EXPLANATIONS[self])

    @property
    def tone(self) -> str:
        """How the status reads at a glance: the design system's badge colour."""
        return STATUS_TONES[self]


S = ProposalStatus

STATUS_TONES = {
    S.DRAFT: "",
    S.SUBMITTED: "info",
    S.CHANGES_REQUESTED: "warning",
    S.REJECTED: "error",
    S.PUBLISHED: "info",
    S.UNDER_REVIEW: "info",
    S.ACCEPTED: "success",
    S.PARTIALLY_ACCEPTED: "success",
    S.DECLINED: "error",
    S.IMPLEMENTED: "success",
    S.WITHDRAWN: "",
}

STATUS_EXPLANATIONS = {
    S.DRAFT: _l("En kladde ser kun du og dine medforfattere. Send den, når den er klar."),
    S.SUBMITTED: _l(
        "Forslaget venter på, at en moderator ser det igennem, før det bliver offentligt."
    ),
    S.CHANGES_REQUESTED: _l("Moderatoren har bedt om ændringer. Ret forslaget, og send det igen."),
    S.REJECTED: _l(
        "En moderator har afvist forslaget: det bliver ikke offentliggjort og sendes ikke "
        "videre til en forvaltning."
    ),
    S.PUBLISHED: _l("Forslaget er offentligt og ligger hos den forvaltning, der skal svare."),
    S.UNDER_REVIEW: _l("Forvaltningen er gået i gang med at behandle forslaget."),
    S.ACCEPTED: _l("Forvaltningen har besluttet at gennemføre forslaget."),
    S.PARTIALLY_ACCEPTED: _l("Forvaltningen har besluttet at gennemføre en del af forslaget."),
    S.DECLINED: _l(
        "Afslået af forvaltningen: forslaget er behandlet, men kommunen gennemfører det ikke. "
        "Begrundelsen står i svaret."
    ),
    S.IMPLEMENTED: _l("Forslaget er gennemført."),
    S.WITHDRAWN: _l("Forfatteren har trukket forslaget tilbage."),
}

ANSWERED_STATUSES = frozenset({S.ACCEPTED, S.PARTIALLY_ACCEPTED, S.DECLINED, S.IMPLEMENTED})
# Answered yes, wholly or partly (and perhaps carried out since): a promise to follow up.
ACCEPTED_STATUSES = frozenset({S.ACCEPTED, S.PARTIALLY_ACCEPTED, S.IMPLEMENTED})
PUBLIC_STATUSES = frozenset({S.PUBLISHED, S.UNDER_REVIEW}) | ANSWERED_STATUSES
# States in which a department has the proposal and its SLA clock runs.
OPEN_WITH_DEPARTMENT = frozenset({S.PUBLISHED, S.UNDER_REVIEW})


class Action(enum.StrEnum):
    SUBMIT = "submit"
    RESUBMIT = "resubmit"
    APPROVE = "approve"
    REQUEST_CHANGES = "request_changes"
    REJECT = "reject"
    ACKNOWLEDGE = "acknowledge"
    ACCEPT = "accept"
    PARTIALLY_ACCEPT = "partially_accept"
    DECLINE = "decline"
    IMPLEMENT = "implement"
    WITHDRAW = "withdraw"


TRANSITIONS: dict[Action, tuple[frozenset[ProposalStatus], ProposalStatus]] = {
    Action.SUBMIT: (frozenset({S.DRAFT}), S.SUBMITTED),
    Action.RESUBMIT: (frozenset({S.CHANGES_REQUESTED}), S.SUBMITTED),
    Action.APPROVE: (frozenset({S.SUBMITTED}), S.PUBLISHED),
    Action.REQUEST_CHANGES: (frozenset({S.SUBMITTED}), S.CHANGES_REQUESTED),
    Action.REJECT: (frozenset({S.SUBMITTED}), S.REJECTED),
    Action.ACKNOWLEDGE: (frozenset({S.PUBLISHED}), S.UNDER_REVIEW),
    Action.ACCEPT: (OPEN_WITH_DEPARTMENT, S.ACCEPTED),
    Action.PARTIALLY_ACCEPT: (OPEN_WITH_DEPARTMENT, S.PARTIALLY_ACCEPTED),
    Action.DECLINE: (OPEN_WITH_DEPARTMENT, S.DECLINED),
    Action.IMPLEMENT: (frozenset({S.ACCEPTED, S.PARTIALLY_ACCEPTED}), S.IMPLEMENTED),
    Action.WITHDRAW: (
        frozenset({S.DRAFT, S.SUBMITTED, S.CHANGES_REQUESTED}) | OPEN_WITH_DEPARTMENT,
        S.WITHDRAWN,
    ),
}


# How the history tells a step; the others are told by their richer records, or by the
# state they led to.
STEP_TEXTS = {
    Action.SUBMIT: _l("Indsendt til moderation"),
    Action.RESUBMIT: _l("Indsendt igen efter ændringer"),
    Action.ACKNOWLEDGE: _l("Forvaltningen er gået i gang med forslaget"),
    Action.IMPLEMENT: _l("Markeret som gennemført"),
    Action.WITHDRAW: _l("Trukket tilbage af forfatteren"),
}


class StatusChange(db.Model):
    __tablename__ = "status_change"

    id: Mapped[Id]
    proposal_id: Mapped[int] = belongs_to("proposal", index=True)
    action: Mapped[Action] = mapped_column(enum_column(Action))
    from_status: Mapped[ProposalStatus] = mapped_column(enum_column(ProposalStatus))
    to_status: Mapped[ProposalStatus] = mapped_column(enum_column(ProposalStatus))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[Stamp]

    proposal: Mapped["Proposal"] = relationship(back_populates="status_changes")  # noqa: F821
    actor: Mapped["User | None"] = relationship(lazy="joined")  # noqa: F821

    @property
    def history_text(self) -> str:
        """The step as the proposal's history tells it."""
        return str(STEP_TEXTS.get(self.action, self.to_status.label))


# Timestamps stamped on the proposal when it enters a state.
_STAMPS = {
    S.SUBMITTED: "submitted_at",
    S.PUBLISHED: "published_at",
    S.UNDER_REVIEW: "acknowledged_at",
    S.ACCEPTED: "answered_at",
    S.PARTIALLY_ACCEPTED: "answered_at",
    S.DECLINED: "answered_at",
    S.IMPLEMENTED: "implemented_at",
}


def is_allowed(action: Action, status: ProposalStatus) -> bool:
    """Tell whether the lifecycle allows the action from the status."""
    sources, _target = TRANSITIONS[action]
    return status in sources


def require_allowed(action: Action, status: ProposalStatus) -> None:
    """Refuse, with the status the citizen sees, what the lifecycle does not allow from it."""
    if not is_allowed(action, status):
        raise TransitionNotAllowed(
            _(
                "Det kan ikke lade sig gøre, fordi forslaget har status «%(status)s».",
                status=status.label,
            )
        )


def transition(proposal, action: Action, actor, reason: str = ""):
    """Move the proposal by the action, record who, when and why; the only writer of state."""
    current = proposal.status
    require_allowed(action, current)
    _sources, target = TRANSITIONS[action]
    now = utcnow()
    proposal.status = target
    proposal.status_changed_at = proposal.updated_at = now
    if stamp := _STAMPS.get(target):
        setattr(proposal, stamp, now)
    change = StatusChange(
        proposal=proposal,
        action=action,
        from_status=current,
        to_status=target,
        actor=actor,
        reason=reason,
        created_at=now,
    )
    db.session.add(change)
    flush_proposal()
    return change


def flush_proposal() -> None:
    """Flush a change to a proposal; if someone else changed it first, refuse.

    The version check in the proposal's UPDATE is what lets only one of two
    simultaneous changes win; the loser's whole transaction is void, so it is
    rolled back here rather than left for the caller.
    """
    try:
        db.session.flush()
    except StaleDataError as exc:
        db.session.rollback()
        raise ConcurrentChange(
            _("Forslaget er lige blevet ændret af en anden. Se den nye status og prøv igen.")
        ) from exc
