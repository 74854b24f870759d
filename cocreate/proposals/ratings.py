"""Rating the answer: after the final answer, each author and supporter may say, once and
changeable for 30 days, how satisfied they are with the answer and with the handling."""

from dataclasses import dataclass
from datetime import datetime

from flask_babel import gettext as _
from sqlalchemy import select

from cocreate.core.errors import PermissionDenied, TransitionNotAllowed, ValidationFailed
from cocreate.core.permissions import is_account
from cocreate.core.types import utcnow
from cocreate.core.validation import flush_unique
from cocreate.extensions import db
from cocreate.proposals import permissions
from cocreate.proposals.engagement import supports
from cocreate.proposals.models import RATING_COMMENT_MAX, AnswerRating, Proposal
from cocreate.proposals.models.rating import SCORE_MAX, SCORE_MIN
from cocreate.proposals.page import page_part


def rating_of(user, proposal: Proposal) -> AnswerRating | None:
    if not is_account(user):
        return None
    return db.session.scalar(
        select(AnswerRating).where(
            AnswerRating.proposal_id == proposal.id, AnswerRating.user_id == user.id
        )
    )


def may_rate(user, proposal: Proposal) -> bool:
    """An author, co-author or supporter of a proposal with a final answer."""
    return (
        proposal.status.is_answered
        and not permissions.is_hidden_from(user, proposal)
        and (permissions.is_author_or_coauthor(user, proposal) or supports(user, proposal))
    )


def is_changeable(rating: AnswerRating | None, now: datetime) -> bool:
    return rating is None or now < rating.changeable_until


def rate_answer(
    proposal: Proposal,
    user,
    *,
    answer_score,
    process_score,
    comment: str = "",
    now: datetime | None = None,
) -> AnswerRating:
    """Record or change the account's rating; every wrong field is named at once."""
    now = now or utcnow()
    if not proposal.status.is_answered:
        raise TransitionNotAllowed(_("Forslaget kan bedømmes, når det har fået et endeligt svar."))
    if not may_rate(user, proposal):
        raise PermissionDenied(_("Kun forslagets forfattere og støtter kan bedømme svaret."))
    rating = rating_of(user, proposal)
    if not is_changeable(rating, now):
        raise TransitionNotAllowed(_("Din bedømmelse kan kun ændres i 30 dage, efter du gav den."))
    scores = {"answer_score": answer_score, "process_score": process_score}
    comment = (comment or "").strip()
    _check(scores, comment)
    new = rating is None
    if new:
        rating = AnswerRating(proposal_id=proposal.id, user_id=user.id, created_at=now)
        db.session.add(rating)
    rating.answer_score, rating.process_score = answer_score, process_score
    rating.comment, rating.changed_at = comment, now
    if new:
        # Two requests of one account at once: the unique key keeps one, the other is told.
        flush_unique("answer_score", _("Du har allerede bedømt svaret. Prøv igen."))
    else:
        db.session.flush()
    return rating


def _check(scores: dict, comment: str) -> None:
    errors = {
        name: _("Giv et tal fra %(low)d til %(high)d.", low=SCORE_MIN, high=SCORE_MAX)
        for name, score in scores.items()
        if not (isinstance(score, int) and not isinstance(score, bool))
        or not SCORE_MIN <= score <= SCORE_MAX
    }
    if len(comment) > RATING_COMMENT_MAX:
        errors["comment"] = _("Må højst være %(max)d tegn.", max=RATING_COMMENT_MAX)
    if errors:
        raise ValidationFailed(_("Nogle felter er ikke udfyldt rigtigt."), errors)


def ratings_of(proposal: Proposal) -> list[AnswerRating]:
    """Every rating of the proposal's answer, newest change first (for its department)."""
    return list(
        db.session.scalars(
            select(AnswerRating)
            .where(AnswerRating.proposal_id == proposal.id)
            .order_by(AnswerRating.changed_at.desc(), AnswerRating.id.desc())
        )
    )


@dataclass(frozen=True)
class RatingState:
    """The viewer's rating of the answer, and whether they may give or change it."""

    rating: AnswerRating | None
    may_rate: bool
    changeable: bool


def rating_state(viewer, proposal: Proposal) -> RatingState:
    rating = rating_of(viewer, proposal)
    allowed = may_rate(viewer, proposal)
    return RatingState(rating, allowed, allowed and is_changeable(rating, utcnow()))


@page_part
def rating_context(proposal: Proposal, viewer) -> dict:
    if not (proposal.status.is_answered and is_account(viewer)):
        return {"answer_rating": None}
    return {"answer_rating": rating_state(viewer, proposal)}
