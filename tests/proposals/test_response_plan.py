"""The database holds an answer's plan to the service's rules, whoever writes the row."""

from datetime import date

import pytest
from sqlalchemy.exc import IntegrityError

from cocreate.core.types import utcnow
from cocreate.extensions import db
from cocreate.proposals.lifecycle import ProposalStatus
from cocreate.proposals.models import COST_ESTIMATE_MAX, Outcome, Response

MARCH, JUNE = date(2027, 3, 1), date(2027, 6, 1)


def _write(proposal, outcome=Outcome.ACCEPTED, **plan) -> None:
    db.session.add(
        Response(
            proposal_id=proposal.id,
            department_id=proposal.department_id,
            outcome=outcome,
            text="Svar.",
            text_html="<p>Svar.</p>",
            created_at=utcnow(),
            **plan,
        )
    )
    db.session.flush()


@pytest.mark.parametrize(
    ("outcome", "plan"),
    [
        (Outcome.ACCEPTED, {"cost_estimate": -1}),
        (Outcome.ACCEPTED, {"cost_estimate": COST_ESTIMATE_MAX + 1}),
        (Outcome.ACCEPTED, {"planned_from": MARCH}),
        (Outcome.ACCEPTED, {"planned_to": JUNE}),
        (Outcome.PARTIALLY_ACCEPTED, {"planned_from": JUNE, "planned_to": MARCH}),
        (Outcome.DECLINED, {"cost_estimate": 5}),
        (Outcome.UNDER_REVIEW, {"planned_from": MARCH, "planned_to": JUNE}),
        (Outcome.IMPLEMENTED, {"cost_estimate": 5}),
    ],
)
def test_a_plan_the_service_would_refuse_is_refused_by_the_database(make_proposal, outcome, plan):
    proposal = make_proposal(ProposalStatus.PUBLISHED)
    with pytest.raises(IntegrityError):
        _write(proposal, outcome, **plan)
    db.session.rollback()


@pytest.mark.parametrize(
    ("outcome", "plan"),
    [
        (Outcome.ACCEPTED, {"cost_estimate": 0, "planned_from": MARCH, "planned_to": MARCH}),
        (Outcome.PARTIALLY_ACCEPTED, {"cost_estimate": COST_ESTIMATE_MAX}),
        (Outcome.DECLINED, {}),
    ],
)
def test_a_plan_within_the_rules_is_kept(make_proposal, outcome, plan):
    proposal = make_proposal(ProposalStatus.PUBLISHED)
    _write(proposal, outcome, **plan)
    db.session.commit()
