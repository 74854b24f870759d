"""Changes that matter leave an audit entry with actor, subject, before and after."""

import pytest
from sqlalchemy import func, select

from cocreate.accounts.roles import Role
from cocreate.accounts.services import add_to_department, grant_role, revoke_role
from cocreate.core.audit import AuditEntry
from cocreate.core.errors import PermissionDenied
from cocreate.core.types import utcnow
from cocreate.departments.answers import mark_implemented, respond_to_proposal
from cocreate.departments.services import acknowledge_proposal, transfer_proposal, update_sla
from cocreate.moderation.models import Decision, RejectionReason
from cocreate.moderation.services import decide_proposal
from cocreate.proposals.models import Outcome


@pytest.fixture
def recorded(db):
    """Run the change and return the audit entries it added, oldest first."""

    def _recorded(change):
        db.session.commit()
        newest = db.session.scalar(select(func.max(AuditEntry.id))) or 0
        change()
        db.session.commit()
        db.session.expire_all()
        return db.session.scalars(
            select(AuditEntry).where(AuditEntry.id > newest).order_by(AuditEntry.id)
        ).all()

    return _recorded


def _entry(entries, action, subject, actor):
    """The one entry of this kind about the subject, checked for actor and time."""
    [entry] = [
        e
        for e in entries
        if (e.action, e.subject_type, e.subject_id) == (action, subject.__tablename__, subject.id)
    ]
    assert entry.actor_id == actor.id
    assert entry.created_at <= utcnow()
    return entry


def test_role_grant_and_revocation(make_user, recorded):
    admin, user = make_user(Role.ADMIN), make_user(Role.PANEL_MEMBER)

    entries = recorded(lambda: grant_role(admin, user, Role.MODERATOR))
    granted = _entry(entries, "user.role_granted", user, admin)
    assert granted.before == {"roles": ["citizen", "panel_member"]}
    assert granted.after == {"roles": ["citizen", "moderator", "panel_member"]}

    entries = recorded(lambda: revoke_role(admin, user, Role.PANEL_MEMBER))
    revoked = _entry(entries, "user.role_revoked", user, admin)
    assert revoked.before == {"roles": ["citizen", "moderator", "panel_member"]}
    assert revoked.after == {"roles": ["citizen", "moderator"]}


def test_granting_a_role_already_held_records_nothing(make_user, recorded):
    admin, user = make_user(Role.ADMIN), make_user(Role.MODERATOR)

    def grant_again():
        grant_role(admin, user, Role.MODERATOR)
        grant_role(admin, user, Role.CITIZEN)

    assert recorded(grant_again) == []


def test_revoking_a_role_not_held_records_nothing(make_user, recorded):
    admin, user = make_user(Role.ADMIN), make_user()

    assert recorded(lambda: revoke_role(admin, user, Role.MODERATOR)) == []


def test_joining_a_department(make_user, make_department, recorded):
    admin, user, department = make_user(Role.ADMIN), make_user(), make_department()

    entries = recorded(lambda: add_to_department(admin, user, department))

    entry = _entry(entries, "user.department_added", user, admin)
    assert (entry.before, entry.after) == (None, {"department_id": department.id})


@pytest.mark.parametrize(
    ("decision", "reason", "note", "status"),
    [
        (Decision.APPROVE, None, "", "published"),
        (Decision.REQUEST_CHANGES, None, "Mere om økonomien", "changes_requested"),
        (Decision.REJECT, RejectionReason.OFFENSIVE, "", "rejected"),
    ],
)
def test_moderation_decision(make_user, make_proposal, recorded, decision, reason, note, status):
    moderator, proposal = make_user(Role.MODERATOR), make_proposal("submitted")

    entries = recorded(
        lambda: decide_proposal(proposal, moderator, decision=decision, reason=reason, note=note)
    )

    entry = _entry(entries, "proposal.moderated", proposal, moderator)
    assert entry.before == {"status": "submitted"}
    assert entry.after == {
        "status": status,
        "decision": decision.value,
        "reason": reason.value if reason else None,
        "note": note,
    }


def test_first_routing_and_transfer(make_user, make_department, make_proposal, recorded):
    moderator, proposal = make_user(Role.MODERATOR), make_proposal("submitted")
    first, second = proposal.themes[0].department, make_department()
    staff = make_user(Role.DEPARTMENT_STAFF, departments=[first])

    entries = recorded(lambda: decide_proposal(proposal, moderator, decision=Decision.APPROVE))
    routed = _entry(entries, "proposal.routed", proposal, moderator)
    assert routed.before == {"department_id": None}
    assert routed.after == {"department_id": first.id, "reason": ""}

    entries = recorded(lambda: transfer_proposal(proposal, second, staff, "Hører under park"))
    transferred = _entry(entries, "proposal.routed", proposal, staff)
    assert transferred.before == {"department_id": first.id}
    assert transferred.after == {"department_id": second.id, "reason": "Hører under park"}


def test_acknowledging(make_user, make_proposal, recorded):
    proposal = make_proposal("published")
    staff = make_user(Role.DEPARTMENT_STAFF, departments=[proposal.department])

    entries = recorded(lambda: acknowledge_proposal(proposal, staff))

    entry = _entry(entries, "proposal.acknowledged", proposal, staff)
    assert entry.before == {"status": "published"}
    assert entry.after == {"status": "under_review", "message": False}


@pytest.mark.parametrize("preliminary", [False, True])
def test_answer(make_user, make_proposal, recorded, preliminary):
    proposal = make_proposal("published")
    staff = make_user(Role.DEPARTMENT_STAFF, departments=[proposal.department])

    entries = recorded(
        lambda: respond_to_proposal(
            proposal, staff, outcome=Outcome.DECLINED, text="Nej tak", preliminary=preliminary
        )
    )

    entry = _entry(entries, "proposal.answered", proposal, staff)
    promised = proposal.answer_due_at.isoformat()
    assert entry.before["status"] == "published"
    assert entry.after == {
        "status": "under_review" if preliminary else "declined",
        "answer_due_at": promised,
        "outcome": "declined",
        "preliminary": preliminary,
    }
    # A preliminary answer moves the final answer's date to after its comment window.
    assert (entry.before["answer_due_at"] == promised) is not preliminary


def test_marking_implemented(make_user, make_proposal, recorded):
    proposal = make_proposal("partially_accepted")
    staff = make_user(Role.DEPARTMENT_STAFF, departments=[proposal.department])

    entries = recorded(lambda: mark_implemented(proposal, staff, "Færdig"))

    entry = _entry(entries, "proposal.implemented", proposal, staff)
    assert (entry.before, entry.after) == (
        {"status": "partially_accepted"},
        {"status": "implemented", "message": True},
    )


def test_sla_change(make_user, make_department, recorded):
    department = make_department(sla_acknowledge_days=10, sla_answer_days=60)
    staff = make_user(Role.DEPARTMENT_STAFF, departments=[department])

    entries = recorded(lambda: update_sla(department, staff, acknowledge_days=5, answer_days=30))

    entry = _entry(entries, "department.sla_changed", department, staff)
    assert entry.before == {"acknowledge_days": 10, "answer_days": 60, "after_window_days": 7}
    assert entry.after == {"acknowledge_days": 5, "answer_days": 30, "after_window_days": 7}


def test_a_refused_change_leaves_no_entry(db, make_user, make_proposal, recorded):
    proposal, citizen = make_proposal("submitted"), make_user()

    def refused():
        with pytest.raises(PermissionDenied):
            decide_proposal(proposal, citizen, decision=Decision.APPROVE)

    assert recorded(refused) == []
