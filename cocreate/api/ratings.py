"""Rating the answer to a proposal (rateAnswer)."""

from flask import jsonify

from cocreate.api import bp
from cocreate.api.inputs import Body, Integer, Text, read_body
from cocreate.api.proposals import PROPOSAL_PATH, acting_on
from cocreate.api.serializers import timestamp
from cocreate.extensions import db
from cocreate.proposals.models import RATING_COMMENT_MAX
from cocreate.proposals.models.rating import SCORE_MAX, SCORE_MIN
from cocreate.proposals.ratings import rate_answer


def _score(name: str, description: str) -> Integer:
    return Integer(name, minimum=SCORE_MIN, maximum=SCORE_MAX, description=description)


RATING = Body(
    _score("answer_score", "How satisfied with the answer, 1 (very dissatisfied) to 5."),
    _score("process_score", "How satisfied with the handling, 1 (very dissatisfied) to 5."),
    Text(
        "comment",
        max_length=RATING_COMMENT_MAX,
        blank=True,
        required=False,
        default="",
        description="Seen by the owning department only.",
    ),
)


def rating_data(rating) -> dict:
    return {
        "proposal_id": rating.proposal_id,
        "answer_score": rating.answer_score,
        "process_score": rating.process_score,
        "comment": rating.comment,
        "created_at": timestamp(rating.created_at),
        "changed_at": timestamp(rating.changed_at),
        "changeable_until": timestamp(rating.changeable_until),
    }


@bp.put(f"{PROPOSAL_PATH}/rating")
def rate_answer_view(proposal_id: int):
    """Rate the final answer, or change the rating within 30 days (rateAnswer)."""
    actor, proposal = acting_on(proposal_id)
    rating = rate_answer(proposal, actor, **read_body(RATING))
    db.session.commit()
    return jsonify(rating_data(rating))
