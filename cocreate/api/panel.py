"""The stakeholder panel: asking it for a review, and a member's review.

requestPanelReview and createPanelReview; the panel's summary is part of getProposal.
"""

from dataclasses import dataclass

from flask import jsonify
from flask_babel import gettext as _

from cocreate.api import bp
from cocreate.api.inputs import (
    Body,
    Choice,
    Field,
    Invalid,
    IsoDate,
    Text,
    read_body,
)
from cocreate.api.proposals import PROPOSAL_PATH, acting_on
from cocreate.api.serializers import timestamp
from cocreate.extensions import db
from cocreate.panel.models import (
    REVIEW_COMMENT_MAX,
    SCORE_CRITERIA,
    SCORE_MAX,
    SCORE_MIN,
    Recommendation,
)
from cocreate.panel.services import create_panel_review, request_panel_review


@dataclass(frozen=True)
class Scores(Field):
    """The four scores; the service names each one that is wrong (`scores.value` ...)."""

    def check(self, value):
        if not isinstance(value, dict):
            raise Invalid(_("Skal være et objekt med de fire kriteriers point."))
        return value

    def value_schema(self) -> dict:
        score = {"type": "integer", "minimum": SCORE_MIN, "maximum": SCORE_MAX}
        return {
            "type": "object",
            "required": list(SCORE_CRITERIA),
            "properties": {name: dict(score) for name in SCORE_CRITERIA},
            "additionalProperties": False,
        }


PANEL_REQUEST = Body(
    IsoDate("due_date", description="The panel's last day to review; today or later."),
)
PANEL_REVIEW = Body(
    Scores("scores", description="From 1 (lowest) to 5 (highest) for each criterion."),
    Choice("recommendation", choices=Recommendation),
    Text("comment", max_length=REVIEW_COMMENT_MAX, description="Plain text, shown escaped."),
)


def panel_request_data(request) -> dict:
    return {
        "id": request.id,
        "proposal_id": request.proposal_id,
        "due_date": request.due_date.isoformat(),
        "created_at": timestamp(request.created_at),
    }


def panel_review_data(review) -> dict:
    return {
        "id": review.id,
        "proposal_id": review.proposal_id,
        "seat_type": review.member.seat_type.value,
        "scores": review.scores,
        "recommendation": review.recommendation.value,
        "comment": review.comment,
        "created_at": timestamp(review.created_at),
    }


@bp.post(f"{PROPOSAL_PATH}/panel-requests")
def request_panel_review_view(proposal_id: int):
    """Ask the stakeholder panel to review a proposal by a due date (requestPanelReview)."""
    actor, proposal = acting_on(proposal_id)
    request = request_panel_review(proposal, actor, **read_body(PANEL_REQUEST))
    db.session.commit()
    return jsonify(panel_request_data(request)), 201


@bp.post(f"{PROPOSAL_PATH}/reviews")
def create_panel_review_view(proposal_id: int):
    """Record a panel member's review of a proposal (createPanelReview)."""
    actor, proposal = acting_on(proposal_id)
    review = create_panel_review(proposal, actor, **read_body(PANEL_REVIEW))
    db.session.commit()
    return jsonify(panel_review_data(review)), 201
