"""Moderators' decisions on submitted proposals."""

from flask_babel import lazy_gettext as _l
from sqlalchemy import ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cocreate.core.types import Id, LabelledEnum, Stamp, belongs_to, enum_column
from cocreate.extensions import db
from cocreate.proposals.models import Proposal


class Decision(LabelledEnum):
    APPROVE = "approve", _l("Godkendt")
    REQUEST_CHANGES = "request_changes", _l("Ændringer ønsket")
    REJECT = "reject", _l("Afvist")


class RejectionReason(LabelledEnum):
    SPAM = "spam", _l("Spam")
    OFFENSIVE = "offensive", _l("Krænkende indhold")
    PERSONAL_DATA = "personal_data", _l("Indeholder personoplysninger")
    DUPLICATE = "duplicate", _l("Findes allerede som forslag")
    OUTSIDE_REMIT = "outside_remit", _l("Ligger uden for kommunens område")
    OTHER = "other", _l("Andet")


# How the history tells each decision (a rejection adds its reason).
HISTORY_TEXTS = {
    Decision.APPROVE: _l("Godkendt af moderator"),
    Decision.REQUEST_CHANGES: _l("Moderatoren bad om ændringer"),
    Decision.REJECT: _l("Afvist af moderator: %(reason)s"),
}


class ModerationDecision(db.Model):
    __tablename__ = "moderation_decision"

    id: Mapped[Id]
    proposal_id: Mapped[int] = belongs_to("proposal", index=True)
    moderator_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    decision: Mapped[Decision] = mapped_column(enum_column(Decision))
    reason: Mapped[RejectionReason | None] = mapped_column(enum_column(RejectionReason))
    note: Mapped[str] = mapped_column(Text, default="")
    # A proposal rejected as a duplicate: the public proposal it repeats.
    original_id: Mapped[int | None] = mapped_column(ForeignKey("proposal.id"))
    created_at: Mapped[Stamp]

    proposal: Mapped[Proposal] = relationship(foreign_keys=[proposal_id])
    original: Mapped[Proposal | None] = relationship(foreign_keys=[original_id])
    moderator: Mapped["User | None"] = relationship(lazy="joined")  # noqa: F821

    @property
    def history_text(self) -> str:
        """The decision as the proposal's history tells it."""
        reason = self.reason.label if self.reason is not None else ""
        return str(HISTORY_TEXTS[self.decision]) % {"reason": reason}
