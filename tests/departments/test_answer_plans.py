"""What an accepting answer says happens next: an estimated cost and a planned period."""

from datetime import date

import pytest
from sqlalchemy import func, select

from cocreate.accounts.roles import Role
from cocreate.core.audit import AuditEntry
from cocreate.core.errors import ValidationFailed
from cocreate.core.types import utcnow
from cocreate.departments.answers import respond_to_proposal
from cocreate.proposals.lifecycle import ProposalStatus
from cocreate.proposals.models import (
    COST_ESTIMATE_MAX,
    PLANNED_YEARS_AHEAD,
    Outcome,
    Proposal,
    Response,
)

S = ProposalStatus
MARCH, JUNE = date(2027, 3, 1), date(2027, 6, 1)
LAST_YEAR = utcnow().year + PLANNED_YEARS_AHEAD


@pytest.fixture
def routed(make_proposal, make_user):
    """A published proposal and a member of staff of its department."""
    proposal = make_proposal(S.PUBLISHED)
    return proposal, make_user(Role.DEPARTMENT_STAFF, departments=[proposal.department])


def _answer(proposal, staff, outcome=Outcome.ACCEPTED, **plan):
    plan.setdefault("text", "Vi gør det.")
    return respond_to_proposal(proposal, staff, outcome=outcome, **plan)


def _refused(db, routed, outcome=Outcome.ACCEPTED, **plan) -> dict:
    """The fields a refused answer names; it leaves the proposal as it was."""
    proposal, staff = routed
    with pytest.raises(ValidationFailed) as refusal:
        _answer(proposal, staff, outcome, **plan)
    db.session.rollback()
    db.session.expire_all()
    assert db.session.get(Proposal, proposal.id).status == S.PUBLISHED
    answers = select(func.count()).select_from(Response)
    assert db.session.scalar(answers.where(Response.proposal_id == proposal.id)) == 0
    return refusal.value.fields


@pytest.mark.parametrize("outcome", [Outcome.ACCEPTED, Outcome.PARTIALLY_ACCEPTED])
def test_a_final_accepting_answer_keeps_its_cost_and_months(db, routed, outcome):
    proposal, staff = routed
    # A day within a month is that month.
    answer = _answer(
        proposal,
        staff,
        outcome,
        cost_estimate=250_000,
        planned_from=date(2027, 3, 17),
        planned_to=date(2027, 6, 30),
    )
    db.session.commit()
    db.session.expire_all()
    kept = db.session.get(Response, answer.id)
    assert (kept.cost_estimate, kept.planned_from, kept.planned_to) == (250_000, MARCH, JUNE)
    assert db.session.get(Proposal, proposal.id).final_acceptance == kept
    audit = db.session.scalars(
        select(AuditEntry).where(AuditEntry.action == "proposal.answered")
    ).one()
    told = {name: audit.after[name] for name in ("cost_estimate", "planned_from", "planned_to")}
    assert told == {"cost_estimate": 250_000, "planned_from": "2027-03", "planned_to": "2027-06"}


def test_a_preliminary_accepting_answer_may_carry_a_plan_for_citizens_to_comment_on(db, routed):
    proposal, staff = routed
    answer = _answer(proposal, staff, cost_estimate=0, preliminary=True)
    db.session.commit()
    assert answer.preliminary and answer.cost_estimate == 0
    assert answer.planned_from is None and answer.planned_to is None
    assert proposal.final_acceptance is None


def test_everything_is_optional(db, routed):
    proposal, staff = routed
    answer = _answer(proposal, staff)
    assert (answer.cost_estimate, answer.planned_from, answer.planned_to) == (None, None, None)


@pytest.mark.parametrize(
    "plan",
    [
        {"cost_estimate": 0},
        {"cost_estimate": COST_ESTIMATE_MAX},
        {"planned_from": date(2000, 1, 1), "planned_to": date(2000, 1, 1)},
        {"planned_from": MARCH, "planned_to": date(LAST_YEAR, 12, 1)},
    ],
)
def test_the_bounds_themselves_are_allowed(db, routed, plan):
    proposal, staff = routed
    assert _answer(proposal, staff, **plan).cost_estimate == plan.get("cost_estimate")


@pytest.mark.parametrize(
    ("plan", "fields"),
    [
        ({"cost_estimate": -1}, {"cost_estimate"}),
        ({"cost_estimate": COST_ESTIMATE_MAX + 1}, {"cost_estimate"}),
        ({"cost_estimate": 10**30}, {"cost_estimate"}),
        ({"planned_from": MARCH}, {"planned_to"}),
        ({"planned_to": JUNE}, {"planned_from"}),
        ({"planned_from": JUNE, "planned_to": MARCH}, {"planned_to"}),
        ({"planned_from": date(1999, 12, 1), "planned_to": JUNE}, {"planned_from"}),
        ({"planned_from": MARCH, "planned_to": date(LAST_YEAR + 1, 1, 1)}, {"planned_to"}),
        (
            {"planned_from": date(1999, 1, 1), "planned_to": date(LAST_YEAR + 1, 1, 1)},
            {"planned_from", "planned_to"},
        ),
        ({"planned_from": date(1999, 1, 1)}, {"planned_from", "planned_to"}),
        ({"cost_estimate": -5, "planned_to": JUNE}, {"cost_estimate", "planned_from"}),
        ({"cost_estimate": -5, "text": " "}, {"cost_estimate", "text"}),
    ],
)
def test_each_wrong_part_of_the_plan_is_named_and_nothing_changes(db, routed, plan, fields):
    assert set(_refused(db, routed, **plan)) == fields


@pytest.mark.parametrize("outcome", [Outcome.DECLINED, Outcome.UNDER_REVIEW, Outcome.IMPLEMENTED])
@pytest.mark.parametrize(
    "plan",
    [
        {"cost_estimate": 100},
        {"planned_from": MARCH, "planned_to": JUNE},
        {"cost_estimate": 100, "planned_from": MARCH, "planned_to": JUNE},
    ],
)
def test_only_an_accepting_answer_may_carry_a_plan(db, routed, outcome, plan):
    fields = _refused(db, routed, outcome, **plan)
    assert set(fields) == set(plan)
    assert all("imødekommer forslaget" in message for message in fields.values())


def test_a_declining_preliminary_answer_with_a_cost_is_refused(db, routed):
    fields = _refused(db, routed, Outcome.DECLINED, preliminary=True, cost_estimate=5)
    assert set(fields) == {"cost_estimate"}


def test_messages_say_what_is_allowed(db, routed):
    fields = _refused(db, routed, cost_estimate=-1, planned_from=date(1999, 1, 1))
    assert fields["cost_estimate"] == "Skriv et beløb fra 0 til 10.000.000.000 kr."
    assert fields["planned_from"] == f"Vælg en måned fra januar 2000 til december {LAST_YEAR}."
    assert fields["planned_to"] == "Udfyld både planlagt fra og planlagt til."
    fields = _refused(db, routed, planned_from=JUNE, planned_to=MARCH)
    assert fields["planned_to"] == "Planlagt til kan ikke ligge før planlagt fra."
