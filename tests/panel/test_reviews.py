"""create_panel_review and declare_conflict: one review each, scores 1-5, no conflicts."""

import pytest
from sqlalchemy import delete, func, select

from cocreate.accounts.models import OrganisationMembership
from cocreate.accounts.roles import Role
from cocreate.core.errors import PermissionDenied, TransitionNotAllowed, ValidationFailed
from cocreate.extensions import db
from cocreate.panel.membership import deactivate_panel_member
from cocreate.panel.models import PanelConflict, PanelReview, Recommendation, SeatType
from cocreate.panel.services import create_panel_review, declare_conflict
from cocreate.proposals.lifecycle import ProposalStatus
from cocreate.proposals.models import CoauthorStatus
from tests.factories import EVIL
from tests.panel.helpers import GOOD_SCORES, ask_panel, coauthor, organisation, review, seat

S = ProposalStatus


def _reviews() -> int:
    return db.session.scalar(select(func.count(PanelReview.id)))


def _attempt(proposal, user, **changes):
    body = {"scores": GOOD_SCORES, "recommendation": "recommend", "comment": "Fint."} | changes
    return create_panel_review(proposal, user, **body)


def test_a_member_reviews_once(requested, make_member):
    member = make_member()
    made = review(requested, member, recommendation="recommend_with_changes", comment=f" {EVIL} ")
    assert made.scores == GOOD_SCORES
    assert made.recommendation == Recommendation.RECOMMEND_WITH_CHANGES
    assert made.comment == EVIL  # kept as plain text; templates escape it
    assert made.request_id is not None and made.member_id == member.id
    with pytest.raises(TransitionNotAllowed) as refused:
        _attempt(requested, member.user)
    assert "allerede" in refused.value.message
    db.session.rollback()
    assert _reviews() == 1


@pytest.mark.parametrize(
    ("scores", "fields"),
    [
        ({**GOOD_SCORES, "value": 0}, ["scores.value"]),
        ({**GOOD_SCORES, "feasibility": 6}, ["scores.feasibility"]),
        ({**GOOD_SCORES, "cocreation": "3"}, ["scores.cocreation"]),
        ({**GOOD_SCORES, "strategy_fit": True}, ["scores.strategy_fit"]),
        ({**GOOD_SCORES, "value": 2.5}, ["scores.value"]),
        ({"value": 3}, ["scores.feasibility", "scores.cocreation", "scores.strategy_fit"]),
        ({**GOOD_SCORES, "beauty": 5}, ["scores"]),
        ([1, 2, 3, 4], ["scores"]),
    ],
)
def test_bad_scores_are_named(requested, make_member, scores, fields):
    member = make_member()
    with pytest.raises(ValidationFailed) as refused:
        _attempt(requested, member.user, scores=scores)
    assert sorted(refused.value.fields) == sorted(fields)
    db.session.rollback()
    assert _reviews() == 0


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"recommendation": "maybe"}, "recommendation"),
        ({"comment": "   "}, "comment"),
        ({"comment": "x" * 5_001}, "comment"),
    ],
)
def test_bad_recommendation_or_comment(requested, make_member, changes, field):
    with pytest.raises(ValidationFailed) as refused:
        _attempt(requested, make_member().user, **changes)
    assert list(refused.value.fields) == [field]
    assert _reviews() == 0


def test_non_members_may_not_review(requested, make_user, make_member):
    former = make_member()
    deactivate_panel_member(former, make_user(Role.ADMIN))
    db.session.commit()
    role_only = make_user(Role.PANEL_MEMBER)  # the role without a seat
    for user in (make_user(), make_user(Role.MODERATOR), requested.author, role_only, former.user):
        with pytest.raises(PermissionDenied):
            _attempt(requested, user)
    assert _reviews() == 0


def test_no_review_without_a_request(make_proposal, make_member):
    with pytest.raises(TransitionNotAllowed) as refused:
        _attempt(make_proposal(S.PUBLISHED), make_member().user)
    assert "ikke bedt" in refused.value.message


def test_no_review_once_answered(requested, make_member, make_user):
    from cocreate.departments.answers import respond_to_proposal
    from cocreate.proposals.models import Outcome

    staff = make_user(Role.DEPARTMENT_STAFF, departments=[requested.department])
    respond_to_proposal(requested, staff, outcome=Outcome.DECLINED, text="Nej.", preliminary=False)
    db.session.commit()
    with pytest.raises(TransitionNotAllowed):
        _attempt(requested, make_member().user)
    assert _reviews() == 0


def _refusal(proposal, member) -> str:
    with pytest.raises(PermissionDenied) as refused:
        _attempt(proposal, member.user)
    db.session.rollback()
    assert _reviews() == 0
    return refused.value.message


def test_the_author_has_a_conflict(requested):
    message = _refusal(requested, seat(requested.author))
    assert "inhabil" in message and "forfatter til forslaget" in message


def test_an_accepted_coauthor_has_a_conflict_even_if_invited_after_the_request(
    requested, make_member
):
    partner, invited, declined = make_member(), make_member(), make_member()
    coauthor(requested, partner.user)
    coauthor(requested, invited.user, status=CoauthorStatus.INVITED)
    coauthor(requested, declined.user, status=CoauthorStatus.DECLINED)
    assert "Du er medforfatter til forslaget" in _refusal(requested, partner)
    # Merely being invited is no conflict (the invitee never agreed to anything).
    review(requested, invited)
    review(requested, declined)
    assert _reviews() == 2


def test_a_member_of_the_proposing_organisation_has_a_conflict(requested, make_member):
    insider, outsider = make_member(), make_member()
    club = organisation(insider.user)
    organisation(outsider.user)  # a member of another organisation is impartial
    requested.organisation = club
    db.session.commit()
    assert f"medlem af eller repræsenterer {club.name}, som står bag forslaget" in _refusal(
        requested, insider
    )
    review(requested, outsider)


def test_a_member_holding_a_seat_for_the_proposing_organisation_has_a_conflict(
    requested, make_member
):
    club = organisation()
    representative = make_member(seat_type=SeatType.ASSOCIATION, organisation=club)
    requested.organisation = club
    db.session.commit()
    assert f"repræsenterer {club.name}, som står bag forslaget" in _refusal(
        requested, representative
    )


def test_a_member_declares_a_conflict(requested, make_member):
    member = make_member()
    declared = declare_conflict(requested, member.user, reason=" Min søster står bag. ")
    db.session.commit()
    assert declared.reason == "Min søster står bag."
    assert "Min søster står bag." in _refusal(requested, member)
    with pytest.raises(TransitionNotAllowed):
        declare_conflict(requested, member.user, reason="Igen.")


def test_declaring_needs_a_reason_a_seat_and_no_review_yet(requested, make_member, make_user):
    member = make_member()
    with pytest.raises(ValidationFailed) as refused:
        declare_conflict(requested, member.user, reason="  ")
    assert list(refused.value.fields) == ["reason"]
    with pytest.raises(PermissionDenied):
        declare_conflict(requested, make_user(), reason="Fordi.")
    review(requested, member)
    with pytest.raises(TransitionNotAllowed):
        declare_conflict(requested, member.user, reason="For sent.")
    db.session.rollback()
    assert db.session.scalar(select(func.count(PanelConflict.id))) == 0


def test_two_reviews_at_once_leave_one(requested, make_member, monkeypatch):
    """If both pass the look for an earlier review, the unique key refuses the second."""
    from dataclasses import replace

    from cocreate.panel import services

    member = make_member()
    review(requested, member)
    looked = services.member_standing

    def stale(user, proposal):
        return replace(looked(user, proposal), has_reviewed=False)

    monkeypatch.setattr(services, "member_standing", stale)
    with pytest.raises(TransitionNotAllowed):
        _attempt(requested, member.user)
    assert _reviews() == 1


def test_a_refused_review_leaves_the_callers_transaction_alone(requested, make_member, monkeypatch):
    """The service refuses without rolling back: what the caller wrote before is its to keep."""
    from dataclasses import replace

    from cocreate.core.audit import AuditEntry, record_audit
    from cocreate.panel import services

    member = make_member()
    review(requested, member)
    looked = services.member_standing
    monkeypatch.setattr(
        services,
        "member_standing",
        lambda user, proposal: replace(looked(user, proposal), has_reviewed=False),
    )
    record_audit(None, "test.written_before", requested)
    with pytest.raises(TransitionNotAllowed):
        _attempt(requested, member.user)
    db.session.commit()
    kept = select(func.count(AuditEntry.id)).where(AuditEntry.action == "test.written_before")
    assert db.session.scalar(kept) == 1
    assert _reviews() == 1


def test_a_conflict_recorded_when_the_panel_was_asked_is_not_called_declared(
    make_proposal, moderator, make_member
):
    proposal = make_proposal(S.PUBLISHED)
    insider = make_member()
    proposal.organisation = organisation(insider.user)
    db.session.commit()
    ask_panel(proposal, moderator)
    # The member leaves the organisation: the rule no longer finds it, the record stays.
    db.session.execute(
        delete(OrganisationMembership).where(OrganisationMembership.user_id == insider.user_id)
    )
    db.session.commit()
    message = _refusal(proposal, insider)
    assert "blev registreret som inhabil, da aktørpanelet blev bedt om at vurdere" in message
    assert "Medlem af eller repræsentant for organisationen bag forslaget" in message
    assert "erklæret" not in message


def test_line_endings_from_browsers_are_stored_as_newlines(requested, make_member):
    made = _attempt(requested, make_member().user, comment="Et\r\n\r\nTo\rTre\r\n")
    assert made.comment == "Et\n\nTo\nTre"
    assert made.paragraphs == ["Et", "To\nTre"]
