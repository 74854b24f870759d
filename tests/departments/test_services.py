"""Acknowledging, transferring, answering and implementing proposals; SLA settings."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from cocreate.accounts.roles import Role
from cocreate.accounts.services import revoke_role
from cocreate.core.errors import PermissionDenied, TransitionNotAllowed, ValidationFailed
from cocreate.core.types import utcnow
from cocreate.departments.answers import mark_implemented, respond_to_proposal
from cocreate.departments.services import acknowledge_proposal, transfer_proposal, update_sla
from cocreate.proposals.lifecycle import Action, ProposalStatus, StatusChange
from cocreate.proposals.models import RESPONSE_TEXT_MAX, Outcome, Proposal, Response, Routing
from cocreate.proposals.permissions import can_withdraw_proposal

S = ProposalStatus
FINAL_OUTCOMES = {
    Outcome.ACCEPTED: (S.ACCEPTED, Action.ACCEPT),
    Outcome.PARTIALLY_ACCEPTED: (S.PARTIALLY_ACCEPTED, Action.PARTIALLY_ACCEPT),
    Outcome.DECLINED: (S.DECLINED, Action.DECLINE),
}


@pytest.fixture
def staff_of(make_user):
    def _make(department):
        return make_user(Role.DEPARTMENT_STAFF, departments=[department])

    return _make


@pytest.fixture
def routed(make_proposal, staff_of):
    """A proposal in the given state and a member of staff of its department."""

    def _make(status=S.PUBLISHED):
        proposal = make_proposal(status)
        return proposal, staff_of(proposal.department)

    return _make


def _recorded(db, proposal):
    """What handling a proposal leaves behind, counted."""
    counts = {}
    for model in (StatusChange, Routing, Response):
        counts[model.__name__] = db.session.scalar(
            select(func.count()).select_from(model).where(model.proposal_id == proposal.id)
        )
    return counts


def _assert_untouched(db, proposal, status, recorded):
    db.session.commit()  # a refusal leaves nothing behind to commit
    db.session.expire_all()
    assert db.session.get(Proposal, proposal.id).status == status
    assert _recorded(db, proposal) == recorded


def _answer(proposal, staff, outcome=Outcome.ACCEPTED, *, preliminary=False, text="Vi gør det."):
    return respond_to_proposal(proposal, staff, outcome=outcome, text=text, preliminary=preliminary)


# -- acknowledge ------------------------------------------------------------------------


def test_staff_acknowledge_a_published_proposal(db, routed):
    proposal, staff = routed()

    change = acknowledge_proposal(proposal, staff)
    db.session.commit()

    assert proposal.status == S.UNDER_REVIEW
    assert proposal.acknowledged_at == change.created_at
    assert (change.action, change.actor_id) == (Action.ACKNOWLEDGE, staff.id)


def test_acknowledging_twice_is_refused(db, routed):
    proposal, staff = routed(S.UNDER_REVIEW)
    recorded = _recorded(db, proposal)

    with pytest.raises(TransitionNotAllowed):
        acknowledge_proposal(proposal, staff)

    _assert_untouched(db, proposal, S.UNDER_REVIEW, recorded)


# -- who may handle ---------------------------------------------------------------------


def _handle(action, proposal, actor, other_department):
    if action == "acknowledge":
        acknowledge_proposal(proposal, actor)
    elif action == "transfer":
        transfer_proposal(proposal, other_department, actor, "Hører under jer")
    elif action == "respond":
        _answer(proposal, actor)
    elif action == "respond_preliminary":
        _answer(proposal, actor, preliminary=True)
    else:
        mark_implemented(proposal, actor, "Gjort")


HANDLING = [
    ("acknowledge", S.PUBLISHED),
    ("transfer", S.PUBLISHED),
    ("respond", S.UNDER_REVIEW),
    ("respond_preliminary", S.PUBLISHED),
    ("implement", S.ACCEPTED),
]


@pytest.mark.parametrize(("action", "status"), HANDLING)
@pytest.mark.parametrize("who", ["staff_of_another_department", "admin", "moderator", "author"])
def test_only_staff_of_the_owning_department_handle_it(
    db, make_user, make_department, staff_of, routed, action, status, who
):
    proposal, _staff = routed(status)
    other_department = make_department()
    actor = {
        "staff_of_another_department": lambda: staff_of(other_department),
        "admin": lambda: make_user(Role.ADMIN),
        "moderator": lambda: make_user(Role.MODERATOR),
        "author": lambda: proposal.author,
    }[who]()
    recorded = _recorded(db, proposal)

    with pytest.raises(PermissionDenied):
        _handle(action, proposal, actor, other_department)

    _assert_untouched(db, proposal, status, recorded)
    assert db.session.get(Proposal, proposal.id).department_id == proposal.department_id


def test_a_former_member_of_staff_is_refused_permission(db, routed):
    proposal, staff = routed(S.PUBLISHED)
    revoke_role(None, staff, Role.DEPARTMENT_STAFF)
    db.session.commit()

    with pytest.raises(PermissionDenied):
        acknowledge_proposal(proposal, staff)


# -- transfer ---------------------------------------------------------------------------


@pytest.mark.parametrize("status", [S.PUBLISHED, S.UNDER_REVIEW])
def test_transfer_moves_the_proposal_and_keeps_the_move_visible(
    db, make_department, staff_of, routed, status
):
    proposal, staff = routed(status)
    old = proposal.department
    new = make_department(sla_acknowledge_days=4, sla_answer_days=30)
    recorded = _recorded(db, proposal)

    promised = proposal.answer_due_at
    routing = transfer_proposal(proposal, new, staff, "  Det er et vejspørgsmål.  ")
    db.session.commit()

    assert proposal.status == status
    assert proposal.department_id == new.id
    assert (routing.from_department_id, routing.to_department_id) == (old.id, new.id)
    assert (routing.actor_id, routing.reason) == (staff.id, "Det er et vejspørgsmål.")
    # The citizen sees every move: the first routing and the transfer, in order.
    moves = [(r.from_department_id, r.to_department_id) for r in proposal.routings]
    assert moves == [(None, old.id), (old.id, new.id)]
    assert proposal.routed_at == routing.created_at
    # The new department gets its own time to acknowledge; the promised answer date stays.
    assert proposal.acknowledge_due_at == routing.created_at + timedelta(days=4)
    assert proposal.answer_due_at == promised
    # A transfer is not a change of state.
    assert _recorded(db, proposal)["StatusChange"] == recorded["StatusChange"]
    # Now the new department handles it, and the old one no longer does.
    with pytest.raises(PermissionDenied):
        transfer_proposal(proposal, old, staff, "Tilbage igen")
    assert transfer_proposal(proposal, old, staff_of(new), "Tilbage igen").from_department == new


@pytest.mark.parametrize("reason", ["", "  \n "])
def test_transfer_needs_a_reason(db, make_department, routed, reason):
    proposal, staff = routed()
    recorded = _recorded(db, proposal)

    with pytest.raises(ValidationFailed) as refused:
        transfer_proposal(proposal, make_department(), staff, reason)

    assert set(refused.value.fields) == {"reason"}
    _assert_untouched(db, proposal, S.PUBLISHED, recorded)


def test_transfer_to_the_same_department_is_refused(db, routed):
    proposal, staff = routed()
    recorded = _recorded(db, proposal)

    with pytest.raises(ValidationFailed) as refused:
        transfer_proposal(proposal, proposal.department, staff, "Ingen grund")

    assert set(refused.value.fields) == {"department_id"}
    _assert_untouched(db, proposal, S.PUBLISHED, recorded)


@pytest.mark.parametrize("status", [S.ACCEPTED, S.DECLINED, S.IMPLEMENTED])
def test_an_answered_proposal_cannot_be_transferred(db, make_department, routed, status):
    proposal, staff = routed(status)
    recorded = _recorded(db, proposal)

    with pytest.raises(TransitionNotAllowed):
        transfer_proposal(proposal, make_department(), staff, "For sent")

    _assert_untouched(db, proposal, status, recorded)


# -- respond ----------------------------------------------------------------------------


@pytest.mark.parametrize("outcome", list(FINAL_OUTCOMES))
@pytest.mark.parametrize("status", [S.PUBLISHED, S.UNDER_REVIEW])
def test_a_final_answer_decides_the_proposal(db, routed, status, outcome):
    proposal, staff = routed(status)

    response = _answer(proposal, staff, outcome, text="Svar <script>alert(1)</script> **nu**")
    db.session.commit()

    target, action = FINAL_OUTCOMES[outcome]
    assert proposal.status == target
    assert proposal.answered_at is not None
    assert proposal.status_changes[-1].action == action
    assert (response.outcome, response.preliminary, response.comment_window_ends_at) == (
        outcome,
        False,
        None,
    )
    assert (response.author_id, response.department_id) == (staff.id, proposal.department_id)
    assert "<script" not in response.text_html
    assert "<strong>nu</strong>" in response.text_html
    assert proposal.responses == [response]


@pytest.mark.parametrize("text", ["", "   "])
def test_an_answer_needs_text(db, routed, text):
    proposal, staff = routed(S.UNDER_REVIEW)
    recorded = _recorded(db, proposal)

    with pytest.raises(ValidationFailed) as refused:
        _answer(proposal, staff, text=text)

    assert set(refused.value.fields) == {"text"}
    _assert_untouched(db, proposal, S.UNDER_REVIEW, recorded)


@pytest.mark.parametrize("status", [S.ACCEPTED, S.PARTIALLY_ACCEPTED, S.DECLINED])
def test_an_answered_proposal_cannot_be_answered_again(db, routed, status):
    proposal, staff = routed(status)
    recorded = _recorded(db, proposal)

    with pytest.raises(TransitionNotAllowed):
        _answer(proposal, staff, Outcome.DECLINED)

    _assert_untouched(db, proposal, status, recorded)


def test_a_preliminary_answer_acknowledges_and_opens_a_comment_window(app, db, monkeypatch, routed):
    monkeypatch.setitem(app.config, "COMMENT_WINDOW_DAYS", 5)
    proposal, staff = routed(S.PUBLISHED)

    response = _answer(proposal, staff, Outcome.PARTIALLY_ACCEPTED, preliminary=True)
    db.session.commit()

    assert proposal.status == S.UNDER_REVIEW
    assert proposal.acknowledged_at is not None
    assert proposal.answered_at is None
    assert proposal.status_changes[-1].action == Action.ACKNOWLEDGE
    assert response.preliminary is True
    assert response.comment_window_ends_at == response.created_at + timedelta(days=5)
    assert response.comment_window_open(utcnow())


def test_a_preliminary_answer_under_review_keeps_the_state(db, routed):
    proposal, staff = routed(S.UNDER_REVIEW)
    recorded = _recorded(db, proposal)

    _answer(proposal, staff, preliminary=True)
    db.session.commit()

    assert proposal.status == S.UNDER_REVIEW
    assert _recorded(db, proposal) == {**recorded, "Response": 1}


def test_the_final_answer_waits_until_the_comment_window_closes(db, routed):
    proposal, staff = routed(S.PUBLISHED)
    preliminary = _answer(proposal, staff, Outcome.ACCEPTED, preliminary=True)
    db.session.commit()
    recorded = _recorded(db, proposal)

    with pytest.raises(TransitionNotAllowed):
        _answer(proposal, staff, Outcome.ACCEPTED)
    _assert_untouched(db, proposal, S.UNDER_REVIEW, recorded)

    # The window closes.
    db.session.get(Response, preliminary.id).comment_window_ends_at = utcnow() - timedelta(
        seconds=1
    )
    db.session.commit()
    proposal = db.session.get(Proposal, proposal.id)
    final = _answer(proposal, staff, Outcome.ACCEPTED, text="Endeligt svar")
    db.session.commit()

    assert proposal.status == S.ACCEPTED
    assert [r.preliminary for r in proposal.responses] == [True, False]
    assert final.comment_window_ends_at is None


def test_outcome_under_review_acknowledges(db, routed):
    proposal, staff = routed(S.PUBLISHED)

    assert _answer(proposal, staff, Outcome.UNDER_REVIEW, text="") is None

    assert proposal.status == S.UNDER_REVIEW
    assert proposal.responses == []


def test_an_acknowledgement_may_carry_a_message_that_is_no_answer(db, routed, make_user):
    proposal, staff = routed(S.PUBLISHED)

    _answer(proposal, staff, Outcome.UNDER_REVIEW, text="Vi svarer inden *1. marts*.")
    db.session.commit()

    (message,) = proposal.responses
    assert (message.outcome, message.preliminary) == (Outcome.UNDER_REVIEW, False)
    assert message.text_html == "<p>Vi svarer inden <em>1. marts</em>.</p>\n"
    assert proposal.answers == []
    assert can_withdraw_proposal(proposal.author, proposal)  # not answered yet


def test_an_acknowledgement_message_is_held_to_the_answers_limit(db, routed):
    proposal, staff = routed(S.PUBLISHED)

    with pytest.raises(ValidationFailed) as refused:
        acknowledge_proposal(proposal, staff, "x" * (RESPONSE_TEXT_MAX + 1))

    db.session.rollback()
    assert refused.value.fields.keys() == {"text"}
    assert (proposal.status, proposal.responses) == (S.PUBLISHED, [])


def test_a_transfer_names_every_wrong_field_at_once(db, routed):
    proposal, staff = routed(S.PUBLISHED)

    with pytest.raises(ValidationFailed) as refused:
        transfer_proposal(proposal, proposal.department, staff, "  ")

    assert refused.value.fields.keys() == {"department_id", "reason"}


# -- implemented ------------------------------------------------------------------------


@pytest.mark.parametrize("status", [S.ACCEPTED, S.PARTIALLY_ACCEPTED])
def test_mark_implemented_after_an_acceptance(db, routed, status):
    proposal, staff = routed(status)

    response = mark_implemented(proposal, staff, "Cykelstien er *lagt*.")
    db.session.commit()

    assert proposal.status == S.IMPLEMENTED
    assert proposal.implemented_at is not None
    assert proposal.status_changes[-1].action == Action.IMPLEMENT
    assert (response.outcome, response.author_id) == (Outcome.IMPLEMENTED, staff.id)
    assert "<em>lagt</em>" in response.text_html
    assert proposal.responses[-1] == response


def test_mark_implemented_with_overlong_text_changes_nothing(db, routed):
    proposal, staff = routed(S.ACCEPTED)
    recorded = _recorded(db, proposal)

    with pytest.raises(ValidationFailed) as refused:
        mark_implemented(proposal, staff, "x" * 100_000)

    assert set(refused.value.fields) == {"text"}
    _assert_untouched(db, proposal, S.ACCEPTED, recorded)


def test_an_overlong_answer_is_refused_and_changes_nothing(db, routed):
    proposal, staff = routed(S.UNDER_REVIEW)
    recorded = _recorded(db, proposal)

    with pytest.raises(ValidationFailed) as refused:
        _answer(proposal, staff, text="x" * 100_000)

    assert set(refused.value.fields) == {"text"}
    _assert_untouched(db, proposal, S.UNDER_REVIEW, recorded)


def test_mark_implemented_without_text_writes_no_answer(db, routed):
    proposal, staff = routed(S.ACCEPTED)
    answers = len(proposal.responses)

    assert mark_implemented(proposal, staff) is None

    assert proposal.status == S.IMPLEMENTED
    assert len(proposal.responses) == answers


def test_outcome_implemented_goes_through_mark_implemented(db, routed):
    proposal, staff = routed(S.ACCEPTED)

    _answer(proposal, staff, Outcome.IMPLEMENTED, text="Færdig")

    assert proposal.status == S.IMPLEMENTED


@pytest.mark.parametrize("status", [S.PUBLISHED, S.UNDER_REVIEW, S.DECLINED, S.IMPLEMENTED])
def test_mark_implemented_is_refused_unless_accepted(db, routed, status):
    proposal, staff = routed(status)
    recorded = _recorded(db, proposal)

    with pytest.raises(TransitionNotAllowed):
        mark_implemented(proposal, staff, "Gjort")

    _assert_untouched(db, proposal, status, recorded)


# -- SLA --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("acknowledge_days", "answer_days"), [(1, 1), (10, 60), (365, 365), (1, 365)]
)
def test_update_sla_within_bounds(db, make_department, staff_of, acknowledge_days, answer_days):
    department = make_department()

    update_sla(
        department,
        staff_of(department),
        acknowledge_days=acknowledge_days,
        answer_days=answer_days,
    )
    db.session.commit()

    db.session.expire_all()
    assert (department.sla_acknowledge_days, department.sla_answer_days) == (
        acknowledge_days,
        answer_days,
    )


@pytest.mark.parametrize(
    ("acknowledge_days", "answer_days"),
    [(0, 10), (-1, 10), (11, 10), (10, 366), (366, 366), (0, 0)],
)
def test_update_sla_out_of_bounds_is_refused(
    db, make_department, staff_of, acknowledge_days, answer_days
):
    department = make_department(sla_acknowledge_days=7, sla_answer_days=40)

    with pytest.raises(ValidationFailed) as refused:
        update_sla(
            department,
            staff_of(department),
            acknowledge_days=acknowledge_days,
            answer_days=answer_days,
        )

    assert refused.value.fields
    db.session.commit()
    assert (department.sla_acknowledge_days, department.sla_answer_days) == (7, 40)


@pytest.mark.parametrize("who", ["staff_of_another_department", "citizen", "moderator"])
def test_update_sla_by_outsiders_is_refused(db, make_user, make_department, staff_of, who):
    department = make_department(sla_acknowledge_days=7, sla_answer_days=40)
    actor = {
        "staff_of_another_department": lambda: staff_of(make_department()),
        "citizen": make_user,
        "moderator": lambda: make_user(Role.MODERATOR),
    }[who]()

    with pytest.raises(PermissionDenied):
        update_sla(department, actor, acknowledge_days=2, answer_days=3)

    db.session.commit()
    assert (department.sla_acknowledge_days, department.sla_answer_days) == (7, 40)


# -- overdue ----------------------------------------------------------------------------


def test_is_overdue_follows_the_deadlines_of_the_state(db, routed):
    proposal, staff = routed(S.PUBLISHED)
    ack_due, answer_due = proposal.acknowledge_due_at, proposal.answer_due_at
    second = timedelta(seconds=1)
    assert ack_due < answer_due

    assert not proposal.is_overdue(ack_due)
    assert proposal.is_overdue(ack_due + second)

    acknowledge_proposal(proposal, staff)
    # Acknowledged: only the answer deadline counts now.
    assert not proposal.is_overdue(ack_due + second)
    assert not proposal.is_overdue(answer_due)
    assert proposal.is_overdue(answer_due + second)


@pytest.mark.parametrize("status", [S.ACCEPTED, S.DECLINED, S.IMPLEMENTED])
def test_an_answered_proposal_is_never_overdue(db, routed, status):
    proposal, _staff = routed(status)

    assert not proposal.is_overdue(proposal.answer_due_at + timedelta(days=365))


@pytest.mark.parametrize("status", [S.SUBMITTED, S.WITHDRAWN])
def test_a_proposal_no_department_holds_is_never_overdue(make_proposal, status):
    proposal = make_proposal(status)

    assert not proposal.is_overdue(utcnow() + timedelta(days=365))
