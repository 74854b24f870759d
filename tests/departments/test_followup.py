"""Following up an accepted proposal: milestones, progress, updates; who may, and what is
refused; the audit log and the proposal's history (who hears of it: test_followup_notices)."""

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from cocreate.accounts.roles import Role
from cocreate.core.audit import AuditEntry
from cocreate.core.errors import PermissionDenied, TransitionNotAllowed, ValidationFailed
from cocreate.core.types import local_today
from cocreate.departments.followup import (
    add_milestone,
    create_progress_update,
    update_milestone,
)
from cocreate.departments.followup_queries import follow_up_of
from cocreate.departments.models import (
    MILESTONE_DESCRIPTION_MAX,
    MILESTONE_TITLE_MAX,
    PROGRESS_TEXT_MAX,
    Milestone,
    ProgressUpdate,
)
from cocreate.extensions import db
from cocreate.proposals.history import proposal_history
from cocreate.proposals.lifecycle import ProposalStatus
from tests.factories import EVIL

S = ProposalStatus
FOLLOWED_UP = (S.ACCEPTED, S.PARTIALLY_ACCEPTED, S.IMPLEMENTED)


@pytest.fixture
def accepted(make_proposal, make_user):
    """An accepted proposal and a member of staff of its department."""

    def _make(status=S.ACCEPTED):
        proposal = make_proposal(status)
        return proposal, make_user(Role.DEPARTMENT_STAFF, departments=[proposal.department])

    return _make


def _written(proposal) -> dict[str, int]:
    """What the follow-up leaves behind, counted."""
    counts = {}
    for model in (Milestone, ProgressUpdate):
        counts[model.__name__] = db.session.scalar(
            select(func.count()).select_from(model).where(model.proposal_id == proposal.id)
        )
    counts["audit"] = db.session.scalar(select(func.count(AuditEntry.id)))
    return counts


def _in_a_month() -> date:
    return local_today() + timedelta(days=30)


# -- milestones and progress --------------------------------------------------------------


@pytest.mark.parametrize("status", FOLLOWED_UP)
def test_staff_plan_milestones_and_progress_is_the_share_done(accepted, status):
    proposal, staff = accepted(status)
    assert follow_up_of(proposal).progress is None  # no milestones: no share to tell

    milestones = [
        add_milestone(proposal, staff, title=f"Trin {n}", planned_on=_in_a_month() + timedelta(n))
        for n in range(3)
    ]
    db.session.commit()
    assert follow_up_of(proposal).progress == 0

    update_milestone(proposal, milestones[0], staff, done_on=local_today())
    db.session.commit()
    assert follow_up_of(proposal).progress == 33  # rounded down: 100 only when all are done
    update_milestone(proposal, milestones[1], staff, done_on=local_today())
    assert follow_up_of(proposal).progress == 66 and not follow_up_of(proposal).all_done
    update_milestone(proposal, milestones[2], staff, done_on=local_today())
    db.session.commit()
    follow_up = follow_up_of(proposal)
    assert (follow_up.progress, follow_up.all_done) == (100, True)
    assert [m.title for m in follow_up.milestones] == ["Trin 0", "Trin 1", "Trin 2"]


def test_a_milestone_keeps_its_texts_trimmed_and_needs_no_description(accepted):
    proposal, staff = accepted()
    milestone = add_milestone(
        proposal, staff, title="  Skiltene er sat op  ", planned_on=_in_a_month()
    )
    db.session.commit()
    assert (milestone.title, milestone.description, milestone.done_on) == (
        "Skiltene er sat op",
        "",
        None,
    )


def test_milestones_are_in_planned_order_and_overdue_only_when_passed_and_not_done(
    accepted, make_milestone
):
    proposal, staff = accepted()
    today = local_today()
    later = make_milestone(proposal, staff, title="Senere", planned_on=today + timedelta(days=9))
    due_today = make_milestone(proposal, staff, title="I dag", planned_on=today)
    late = make_milestone(proposal, staff, title="Forsinket", planned_on=today - timedelta(days=1))
    done = make_milestone(
        proposal, staff, title="Nået", planned_on=today - timedelta(days=5), done_on=today
    )
    follow_up = follow_up_of(proposal)
    assert follow_up.milestones == [done, late, due_today, later]
    assert [follow_up.is_overdue(m) for m in follow_up.milestones] == [False, True, False, False]


def test_staff_change_a_milestone_and_undo_its_done_date(accepted, make_milestone):
    proposal, staff = accepted()
    milestone = make_milestone(proposal, staff)
    yesterday = local_today() - timedelta(days=1)

    update_milestone(proposal, milestone, staff, title="Ny titel", done_on=yesterday)
    db.session.commit()
    assert (milestone.title, milestone.done_on) == ("Ny titel", yesterday)
    assert milestone.marked_done_at is not None

    update_milestone(proposal, milestone, staff, done_on=None)
    db.session.commit()
    assert milestone.done_on is None and milestone.marked_done_at is None
    assert milestone.title == "Ny titel"  # what was left out stays


def test_a_change_that_changes_nothing_is_not_audited(accepted, make_milestone):
    proposal, staff = accepted()
    milestone = make_milestone(proposal, staff, title="Samme")
    before = _written(proposal)
    update_milestone(proposal, milestone, staff, title=" Samme ", planned_on=milestone.planned_on)
    update_milestone(proposal, milestone, staff)
    db.session.commit()
    assert _written(proposal) == before


# -- bad input ------------------------------------------------------------------------------


def _day(offset_days: int) -> date:
    return local_today() + timedelta(days=offset_days)


@pytest.mark.parametrize(
    ("values", "fields"),
    [
        ({"title": ""}, ["title"]),
        ({"title": "   "}, ["title"]),
        ({"title": "x" * (MILESTONE_TITLE_MAX + 1)}, ["title"]),
        ({"description": "x" * (MILESTONE_DESCRIPTION_MAX + 1)}, ["description"]),
        ({"planned_on": None}, ["planned_on"]),
        ({"planned_on": "2026-03-01"}, ["planned_on"]),  # text, not a date
        ({"planned_on": 11 * 365}, ["planned_on"]),  # absurdly far ahead
        ({"planned_on": -11 * 365}, ["planned_on"]),  # or back
        ({"title": "", "planned_on": 11 * 365}, ["title", "planned_on"]),  # all at once
    ],
)
def test_a_bad_milestone_is_refused_by_field_and_nothing_changes(accepted, values, fields):
    proposal, staff = accepted()
    before = _written(proposal)
    given = {"title": "Cykelstien", "planned_on": _in_a_month(), "description": ""}
    for name, value in values.items():
        given[name] = _day(value) if name == "planned_on" and isinstance(value, int) else value
    with pytest.raises(ValidationFailed) as refused:
        add_milestone(proposal, staff, **given)
    assert sorted(refused.value.fields) == sorted(fields)
    db.session.rollback()
    assert _written(proposal) == before


@pytest.mark.parametrize(
    ("changes", "fields"),
    [
        ({"done_on": 1}, ["done_on"]),  # tomorrow: not reached yet
        ({"done_on": -11 * 365}, ["done_on"]),
        ({"done_on": "i går"}, ["done_on"]),
        ({"planned_on": 11 * 365, "done_on": 1}, ["planned_on", "done_on"]),
        ({"title": None}, ["title"]),
    ],
)
def test_a_bad_change_is_refused_by_field_and_nothing_changes(
    accepted, make_milestone, changes, fields
):
    proposal, staff = accepted()
    milestone = make_milestone(proposal, staff, title="Uændret")
    before = _written(proposal)
    given = {
        name: _day(value) if isinstance(value, int) else value for name, value in changes.items()
    }
    with pytest.raises(ValidationFailed) as refused:
        update_milestone(proposal, milestone, staff, **given)
    assert sorted(refused.value.fields) == sorted(fields)
    db.session.rollback()
    assert _written(proposal) == before
    assert (milestone.title, milestone.done_on) == ("Uændret", None)


def test_a_milestone_reached_today_is_allowed_and_tomorrow_not(accepted, make_milestone):
    proposal, staff = accepted()
    milestone = make_milestone(proposal, staff)
    with pytest.raises(ValidationFailed):
        update_milestone(proposal, milestone, staff, done_on=_day(1))
    db.session.rollback()
    update_milestone(proposal, milestone, staff, done_on=local_today())
    db.session.commit()
    assert milestone.done_on == local_today()


@pytest.mark.parametrize("text", ["", "   ", "x" * (PROGRESS_TEXT_MAX + 1)])
def test_a_bad_progress_update_is_refused_and_nothing_changes(accepted, text):
    proposal, staff = accepted()
    before = _written(proposal)
    with pytest.raises(ValidationFailed) as refused:
        create_progress_update(proposal, staff, text=text)
    assert list(refused.value.fields) == ["text"]
    db.session.rollback()
    assert _written(proposal) == before


# -- who may, and when ----------------------------------------------------------------------


def _attempts(proposal, milestone):
    """Each way of keeping the follow-up, as (name, call taking the actor)."""
    return {
        "add": lambda actor: add_milestone(proposal, actor, title="Trin", planned_on=_in_a_month()),
        "update": lambda actor: update_milestone(proposal, milestone, actor, done_on=local_today()),
        "progress": lambda actor: create_progress_update(proposal, actor, text="Det går godt."),
    }


@pytest.mark.parametrize("who", ["author", "citizen", "other_staff", "moderator", "admin"])
def test_only_staff_of_the_owning_department_keep_the_follow_up(
    accepted, make_milestone, make_user, make_department, who
):
    proposal, staff = accepted()
    milestone = make_milestone(proposal, staff)
    outsider = {
        "author": proposal.author,
        "citizen": make_user(),
        "other_staff": make_user(Role.DEPARTMENT_STAFF, departments=[make_department()]),
        "moderator": make_user(Role.MODERATOR),
        "admin": make_user(Role.ADMIN),
    }[who]
    before = _written(proposal)
    for name, attempt in _attempts(proposal, milestone).items():
        with pytest.raises(PermissionDenied):
            attempt(outsider)
        db.session.rollback()
        assert _written(proposal) == before, name


@pytest.mark.parametrize("status", [S.PUBLISHED, S.UNDER_REVIEW, S.DECLINED])
def test_no_follow_up_of_a_proposal_that_was_not_accepted(make_proposal, make_user, status):
    proposal = make_proposal(status)
    staff = make_user(Role.DEPARTMENT_STAFF, departments=[proposal.department])
    outsider = make_user()
    before = _written(proposal)
    with pytest.raises(TransitionNotAllowed):
        add_milestone(proposal, staff, title="Trin", planned_on=_in_a_month())
    with pytest.raises(TransitionNotAllowed):
        create_progress_update(proposal, staff, text="Det går godt.")
    # Someone outside the department is refused as such, whatever the state.
    with pytest.raises(PermissionDenied):
        create_progress_update(proposal, outsider, text="Det går godt.")
    db.session.rollback()
    assert _written(proposal) == before
    assert follow_up_of(proposal) is None


# -- the record: audit log and history -----------------------------------------------------


def _audit(action: str) -> list[AuditEntry]:
    return list(db.session.scalars(select(AuditEntry).where(AuditEntry.action == action)))


def test_every_change_is_in_the_audit_log(accepted):
    proposal, staff = accepted()
    planned = _in_a_month()
    milestone = add_milestone(proposal, staff, title="Trin", planned_on=planned)
    update_milestone(proposal, milestone, staff, title="Første trin", done_on=local_today())
    create_progress_update(proposal, staff, text="Det går godt.")
    db.session.commit()

    (added,) = _audit("proposal.milestone_added")
    assert (added.subject_type, added.subject_id, added.actor_id) == (
        "proposal",
        proposal.id,
        staff.id,
    )
    assert added.after == {"milestone": "Trin", "planned_on": planned.isoformat()}
    (changed,) = _audit("proposal.milestone_changed")
    assert changed.before == {"milestone": "Trin", "done_on": None}
    assert changed.after == {"milestone": "Første trin", "done_on": local_today().isoformat()}
    (posted,) = _audit("proposal.progress_updated")
    assert posted.after == {"department_id": proposal.department_id}


def test_updates_and_reached_milestones_are_in_the_history_in_order(
    accepted, make_milestone, make_progress_update
):
    proposal, staff = accepted()
    milestone = make_milestone(proposal, staff)
    make_milestone(proposal, staff, title="Ikke nået endnu")
    first = make_progress_update(proposal, staff, text="Første nyt")
    update_milestone(proposal, milestone, staff, done_on=local_today())
    db.session.commit()
    second = make_progress_update(proposal, staff, text="Andet nyt")

    events = proposal_history(proposal, None)
    follow_up = [(e.kind, e.record) for e in events if e.kind in ("progress_update", "milestone")]
    assert follow_up == [
        ("progress_update", first),
        ("milestone", milestone),
        ("progress_update", second),
    ]
    assert events[-1].actor == staff


def test_markdown_of_an_update_is_made_safe_once(accepted):
    proposal, staff = accepted()
    update = create_progress_update(proposal, staff, text=f"**Asfalten** er lagt. {EVIL}")
    db.session.commit()
    assert update.text_html.startswith("<p><strong>Asfalten</strong> er lagt.")
    assert "<script" not in update.text_html and "<img" not in update.text_html
    assert "&lt;script&gt;" in update.text_html  # shown as the text it was
