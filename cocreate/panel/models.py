"""The stakeholder panel (aktørpanel): members, review requests and structured reviews."""

import enum
import re
from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import CheckConstraint, Date, ForeignKey, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cocreate.core.types import Id, LabelledEnum, Stamp, belongs_to, enum_column
from cocreate.extensions import db

SCORE_CRITERIA = ("value", "feasibility", "cocreation", "strategy_fit")
SCORE_MIN, SCORE_MAX = 1, 5
REVIEW_COMMENT_MAX = 5_000
CONFLICT_REASON_MAX = 1_000

CRITERION_LABELS = {
    "value": _l("Værdi for borgerne"),
    "feasibility": _l("Gennemførlighed"),
    "cocreation": _l("Potentiale for samskabelse"),
    "strategy_fit": _l("Sammenhæng med strategiens tema"),
}
# What the lowest and the highest score of each criterion mean: the panel's rubric.
RUBRIC = {
    "value": (_l("Gavner få, og kun lidt"), _l("Gavner mange borgere mærkbart")),
    "feasibility": (
        _l("Kræver midler eller ændringer, kommunen ikke har"),
        _l("Kan gennemføres med de midler, kommunen har"),
    ),
    "cocreation": (
        _l("Kommunen må gøre det alene"),
        _l("Borgere, foreninger eller virksomheder vil være med til at gøre det"),
    ),
    "strategy_fit": (
        _l("Har ikke noget med temaet at gøre"),
        _l("Bringer strategiens tema et tydeligt skridt videre"),
    ),
}


class SeatType(LabelledEnum):
    CITIZEN_REPRESENTATIVE = "citizen_representative", _l("Borgerrepræsentant")
    ASSOCIATION = "association", _l("Forening")
    BUSINESS = "business", _l("Erhvervsliv")


class Recommendation(LabelledEnum):
    RECOMMEND = "recommend", _l("Anbefales")
    RECOMMEND_WITH_CHANGES = "recommend_with_changes", _l("Anbefales med ændringer")
    NOT_RECOMMENDED = "not_recommended", _l("Anbefales ikke")


class PanelMember(db.Model):
    __tablename__ = "panel_member"

    id: Mapped[Id]
    user_id: Mapped[int] = belongs_to("user_account", unique=True)
    seat_type: Mapped[SeatType] = mapped_column(enum_column(SeatType))
    # The association or business a member of those seat types represents.
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"))
    active: Mapped[bool] = mapped_column(default=True)
    joined_at: Mapped[Stamp]

    user: Mapped["User"] = relationship(lazy="joined")  # noqa: F821
    organisation: Mapped["Organisation | None"] = relationship(lazy="joined")  # noqa: F821


class PanelReviewRequest(db.Model):
    """A moderator or the owning department asks the panel to review a proposal, once."""

    __tablename__ = "panel_review_request"

    id: Mapped[Id]
    # One request per proposal: the unique key settles two requests made at once.
    proposal_id: Mapped[int] = belongs_to("proposal", unique=True)
    requested_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    due_date: Mapped[date] = mapped_column(Date)
    created_at: Mapped[Stamp]

    requested_by: Mapped["User | None"] = relationship(lazy="joined")  # noqa: F821


class ConflictSource(enum.StrEnum):
    """How a conflict came to be recorded."""

    # Found by the conflict rule when the panel was asked; the reason is the rule's label.
    AUTOMATIC = "automatic"
    # Declared by the member, with their own reason.
    DECLARED = "declared"


class PanelConflict(db.Model):
    """A member's recorded conflict of interest on a proposal: they do not review it."""

    __tablename__ = "panel_conflict"
    __table_args__ = (UniqueConstraint("proposal_id", "member_id"),)

    id: Mapped[Id]
    proposal_id: Mapped[int] = belongs_to("proposal", index=True)
    member_id: Mapped[int] = belongs_to("panel_member")
    source: Mapped[ConflictSource] = mapped_column(enum_column(ConflictSource))
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[Stamp]


class PanelReview(db.Model):
    """One member's review: four scores from 1 to 5, a recommendation and a comment."""

    __tablename__ = "panel_review"
    __table_args__ = (
        UniqueConstraint("proposal_id", "member_id"),
        *(
            CheckConstraint(f"score_{name} BETWEEN 1 AND 5", name=f"score_{name}_range")
            for name in SCORE_CRITERIA
        ),
    )

    id: Mapped[Id]
    proposal_id: Mapped[int] = belongs_to("proposal", index=True)
    request_id: Mapped[int | None] = mapped_column(ForeignKey("panel_review_request.id"))
    member_id: Mapped[int] = belongs_to("panel_member")
    score_value: Mapped[int]
    score_feasibility: Mapped[int]
    score_cocreation: Mapped[int]
    score_strategy_fit: Mapped[int]
    recommendation: Mapped[Recommendation] = mapped_column(enum_column(Recommendation))
    comment: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[Stamp]

    member: Mapped[PanelMember] = relationship(lazy="joined")

    @property
    def scores(self) -> dict[str, int]:
        return {name: getattr(self, f"score_{name}") for name in SCORE_CRITERIA}

    @property
    def paragraphs(self) -> list[str]:
        """The comment's paragraphs, split at blank lines whatever ends its lines."""
        return plain_paragraphs(self.comment)


_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")


def normalise_newlines(text: str) -> str:
    """Browsers send CRLF: store LF alone, as the API and the tests write it."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def plain_paragraphs(text: str) -> list[str]:
    """Split plain text into its non-empty paragraphs, each without outer whitespace."""
    parts = _BLANK_LINES.split(normalise_newlines(text).strip())
    return [part.strip() for part in parts if part.strip()]
