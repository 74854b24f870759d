"""Moderators' decisions on submitted proposals."""

from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cocreate.core.types import LabelledEnum, UTCDateTime, belongs_to, enum_column, labels, utcnow
from cocreate.extensions import db
from cocreate.proposals.models import Proposal


class Decision(LabelledEnum):
    APPROVE = "approve"
    REQUEST_CHANGES = "request_changes"
    REJECT = "reject"


DECISION_LABELS = labels(
    Decision,
    {
        Decision.APPROVE: _l("Godkendt"),
        Decision.REQUEST_CHANGES: _l("Ændringer ønsket"),
        Decision.REJECT: _l("Afvist"),
    },
)


class RejectionReason(LabelledEnum):
    SPAM = "spam"
    OFFENSIVE = "offensive"
    PERSONAL_DATA = "personal_data"
    DUPLICATE = "duplicate"
    OUTSIDE_REMIT = "outside_remit"
    OTHER = "other"


REJECTION_REASON_LABELS = labels(
    RejectionReason,
    {
        RejectionReason.SPAM: _l("Spam"),
        RejectionReason.OFFENSIVE: _l("Krænkende indhold"),
        RejectionReason.PERSONAL_DATA: _l("Indeholder personoplysninger"),
        RejectionReason.DUPLICATE: _l("Findes allerede som forslag"),
        RejectionReason.OUTSIDE_REMIT: _l("Ligger uden for kommunens område"),
        RejectionReason.OTHER: _l("Andet"),
    },
)


# How the history tells each decision (a rejection adds its reason).
HISTORY_TEXTS = {
    Decision.APPROVE: _l("Godkendt af moderator"),
    Decision.REQUEST_CHANGES: _l("Moderatoren bad om ændringer"),
    Decision.REJECT: _l("Afvist af moderator: %(reason)s"),
}


class ModerationDecision(db.Model):
    __tablename__ = "moderation_decision"

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = belongs_to("proposal", index=True)
    moderator_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    decision: Mapped[Decision] = mapped_column(enum_column(Decision))
    reason: Mapped[RejectionReason | None] = mapped_column(enum_column(RejectionReason))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    proposal: Mapped[Proposal] = relationship()
    moderator: Mapped["User | None"] = relationship(lazy="joined")  # noqa: F821

    @property
    def history_text(self) -> str:
        """The decision as the proposal's history tells it."""
        reason = self.reason.label if self.reason is not None else ""
        return str(HISTORY_TEXTS[self.decision]) % {"reason": reason}
