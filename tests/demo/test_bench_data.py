"""`cocreate bench-data`: a municipality's worth of data whose every history could have
happened, built in bulk, all or nothing."""

from collections import Counter
from datetime import timedelta
from itertools import pairwise

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from cocreate.accounts.cvr import is_valid_cvr
from cocreate.accounts.models import Organisation, OrganisationKind, User
from cocreate.accounts.roles import Role
from cocreate.core.sanitize import render_markdown
from cocreate.core.types import utcnow
from cocreate.demo.bench import writer
from cocreate.demo.bench.words import TOPICS
from cocreate.demo.data import demo_content
from cocreate.extensions import db
from cocreate.moderation.models import Decision, ModerationDecision
from cocreate.panel.models import PanelConflict, PanelMember, PanelReview, PanelReviewRequest
from cocreate.proposals.lifecycle import _STAMPS as STAMPS
from cocreate.proposals.lifecycle import (
    ANSWERED_STATUSES,
    OPEN_WITH_DEPARTMENT,
    PUBLIC_STATUSES,
    TRANSITIONS,
    Action,
    ProposalStatus,
    is_allowed,
)
from cocreate.proposals.models import Comment, CommentFlag, Follow, Outcome, Proposal, Support
from cocreate.strategy.models import Department

S = ProposalStatus
SMALL = ["--proposals", "300", "--comments-per-proposal", "3", "--supports-per-proposal", "3"]
DECISIONS = {
    Action.APPROVE: Decision.APPROVE,
    Action.REQUEST_CHANGES: Decision.REQUEST_CHANGES,
    Action.REJECT: Decision.REJECT,
}
FINAL = {
    S.ACCEPTED: {Outcome.ACCEPTED},
    S.PARTIALLY_ACCEPTED: {Outcome.PARTIALLY_ACCEPTED},
    S.DECLINED: {Outcome.DECLINED},
    S.IMPLEMENTED: {Outcome.ACCEPTED, Outcome.PARTIALLY_ACCEPTED},
}


@pytest.fixture
def bench(runner):
    """Run `cocreate bench-data` with the options given and insist that it succeeds."""

    def _bench(*options):
        result = runner.invoke(args=["bench-data", *options])
        assert result.exit_code == 0, result.output
        return result.output

    return _bench


def rows_in(db) -> dict[str, int]:
    counts = {
        table.name: db.session.scalar(select(func.count()).select_from(table))
        for table in db.metadata.sorted_tables
    }
    return {name: count for name, count in counts.items() if count}


def proposals(db) -> list[Proposal]:
    return db.session.scalars(select(Proposal).order_by(Proposal.id)).all()


def leaving(proposal, statuses):
    """When the proposal left the statuses, or None if it is in them (or never was)."""
    for change in proposal.status_changes:
        if change.from_status in statuses and change.to_status not in statuses:
            return change.created_at
    return None


def department_at(proposal, at) -> Department:
    return [r.to_department for r in proposal.routings if r.created_at <= at][-1]


def replay(proposal, now) -> None:
    """Walk the history from the draft through TRANSITIONS; it must end where the proposal
    is, at the times stamped on it, each step by someone allowed to take it."""
    status, at, stamped = S.DRAFT, proposal.created_at, {}
    for change in proposal.status_changes:
        assert change.from_status == status and is_allowed(change.action, status), change
        status = TRANSITIONS[change.action][1]
        assert change.to_status == status
        assert at <= change.created_at <= now
        at = change.created_at
        if stamp := STAMPS.get(status):
            stamped[stamp] = at
        if change.action in (Action.SUBMIT, Action.RESUBMIT, Action.WITHDRAW):
            assert change.actor_id == proposal.author_id
        elif change.action in DECISIONS:
            assert change.actor.has_role(Role.MODERATOR)
        else:
            assert department_at(proposal, at).id in change.actor.department_ids
    assert status == proposal.status
    assert proposal.status_changed_at == at
    for stamp in set(STAMPS.values()):
        assert getattr(proposal, stamp) == stamped.get(stamp), (proposal, stamp)
    decisions = db.session.scalars(
        select(ModerationDecision)
        .where(ModerationDecision.proposal_id == proposal.id)
        .order_by(ModerationDecision.id)
    ).all()
    changes = proposal.status_changes
    assert [(d.decision, d.created_at) for d in decisions] == [
        (DECISIONS[c.action], c.created_at) for c in changes if c.action in DECISIONS
    ]
    assert all((d.reason is not None) == (d.decision == Decision.REJECT) for d in decisions)


def check_routing(proposal) -> None:
    """First routed on approval, moved with a reason, its deadlines by the departments'."""
    routings = proposal.routings
    if proposal.published_at is None:
        assert not routings and proposal.department_id is None and proposal.answer_due_at is None
        return
    first, last = routings[0], routings[-1]
    assert first.from_department_id is None and first.created_at == proposal.published_at
    for before, after in pairwise(routings):
        assert after.from_department_id == before.to_department_id != after.to_department_id
        assert after.reason
    assert (proposal.department_id, proposal.routed_at) == (last.to_department_id, last.created_at)
    ack_days = timedelta(days=last.to_department.sla_acknowledge_days)
    assert proposal.acknowledge_due_at == last.created_at + ack_days
    preliminary = [r for r in proposal.responses if r.preliminary]
    if preliminary:
        window = preliminary[-1]
        after_window = timedelta(days=window.department.sla_after_window_days)
        assert proposal.answer_due_at == window.comment_window_ends_at + after_window
    else:
        answer_days = timedelta(days=first.to_department.sla_answer_days)
        assert proposal.answer_due_at == first.created_at + answer_days


def check_answers(proposal) -> None:
    """One final answer for an answered proposal, after every comment window closed."""
    responses = proposal.responses
    finals = [r for r in responses if not r.preliminary and r.outcome != Outcome.IMPLEMENTED]
    if proposal.status in ANSWERED_STATUSES:
        (final,) = finals
        assert final.outcome in FINAL[proposal.status]
        assert final.created_at == proposal.answered_at
    else:
        assert not finals
    if proposal.status == S.WITHDRAWN:
        assert not responses
    for response in responses:
        assert response.department_id == department_at(proposal, response.created_at).id
        assert response.text_html == render_markdown(response.text)
        if response.preliminary:
            ends = response.created_at + timedelta(days=14)
            assert response.comment_window_ends_at == ends
            assert all(final.created_at >= ends for final in finals)
        elif response.outcome == Outcome.IMPLEMENTED:
            assert response.created_at == proposal.implemented_at


def test_every_history_is_one_the_lifecycle_and_the_services_write(bench, db):
    bench(*SMALL)

    now = utcnow()
    for proposal in proposals(db):
        replay(proposal, now)
        check_routing(proposal)
        check_answers(proposal)
        assert proposal.themes
        assert proposal.body_html == render_markdown(proposal.body)


def test_counters_match_the_rows_and_engagement_keeps_to_the_states(bench, db):
    bench(*SMALL)

    supports = Counter(db.session.scalars(select(Support.proposal_id)))
    comments = Counter(db.session.scalars(select(Comment.proposal_id)))
    flags = Counter(db.session.scalars(select(CommentFlag.comment_id)))
    for proposal in proposals(db):
        assert proposal.support_count == supports[proposal.id]
        assert proposal.comment_count == comments[proposal.id]
        if comments[proposal.id]:
            assert proposal.status in PUBLIC_STATUSES
        ends = leaving(proposal, OPEN_WITH_DEPARTMENT)
        for support in db.session.scalars(select(Support).filter_by(proposal_id=proposal.id)):
            assert support.user_id != proposal.author_id
            assert proposal.published_at <= support.created_at < (ends or utcnow())
        followers = db.session.scalars(select(Follow.user_id).filter_by(proposal_id=proposal.id))
        assert proposal.author_id in set(followers)
    for comment in db.session.scalars(select(Comment)):
        proposal = db.session.get(Proposal, comment.proposal_id)
        assert comment.is_visible and comment.flag_count == flags[comment.id] == 0
        assert proposal.published_at <= comment.created_at <= utcnow()
        assert comment.body_html == render_markdown(comment.body)
        if comment.parent_id is not None:
            parent = db.session.get(Comment, comment.parent_id)
            assert parent.parent_id is None and parent.proposal_id == proposal.id
            assert parent.created_at <= comment.created_at
        if comment.official_department_id is not None:
            owner = department_at(proposal, comment.created_at)
            assert comment.official_department_id == owner.id in comment.author.department_ids
        open_windows = [
            r.id
            for r in proposal.responses
            if r.preliminary and r.created_at <= comment.created_at < r.comment_window_ends_at
        ]
        assert comment.response_id == (open_windows[0] if open_windows else None)
    kinds = Counter(
        "official" if c.official_department_id else "reply" if c.parent_id else "comment"
        for c in db.session.scalars(select(Comment))
    )
    assert set(kinds) == {"official", "reply", "comment"} and min(kinds.values()) >= 10, kinds


def test_every_state_appears_and_some_are_late_or_open_for_comments(bench, db):
    bench(*SMALL)

    now, everything = utcnow(), proposals(db)
    states = Counter(proposal.status for proposal in everything)
    assert set(states) == set(ProposalStatus), states
    assert sum(states[s] for s in PUBLIC_STATUSES) > 0.7 * len(everything)
    assert (now - min(p.created_at for p in everything)).days > 2 * 365
    open_ones = [p for p in everything if p.status in OPEN_WITH_DEPARTMENT]
    assert 0 < sum(p.is_overdue(now) for p in open_ones) < len(open_ones)
    windows = [r for p in everything for r in p.responses if r.preliminary]
    assert 0 < sum(r.comment_window_open(now) for r in windows) < len(windows)
    assert any(len(p.routings) > 1 for p in everything)
    assert any(c.action == Action.RESUBMIT for p in everything for c in p.status_changes)
    assert any(p.organisation_id is not None for p in everything)


def test_texts_are_danish_with_common_words_found_often_and_rare_ones_seldom(bench, db):
    bench(*SMALL)

    texts = [f"{p.title} {p.summary} {p.body}".lower() for p in proposals(db)]
    nouns = TOPICS["teknik-og-miljo"]
    common, rare = nouns[0], nouns[-1]
    found = {word: sum(word in text for text in texts) for word in (common.indefinite, rare.plural)}
    assert found[common.indefinite] > 5 * max(1, found[rare.plural]), found
    for form in (common.definite, common.plural, common.definite_plural):
        assert any(form in text for text in texts), form
    assert any("ældre" in text for text in texts)


def test_the_accounts_cannot_log_in_and_each_department_has_staff_and_a_head(bench, db):
    bench(*SMALL)

    users = db.session.scalars(select(User)).all()
    assert all(u.email.endswith("@bench.invalid") and not u.check_password("!") for u in users)
    for department in db.session.scalars(select(Department)):
        staff = [m for m in department.memberships if m.user.has_role(Role.DEPARTMENT_STAFF)]
        assert len(staff) >= 2 and sum(m.is_head for m in staff) == 1
    roles = Counter(role for user in users for role in user.roles)
    assert roles[Role.MODERATOR] and roles[Role.ADMIN] and roles[Role.PANEL_MEMBER]
    for organisation in db.session.scalars(select(Organisation)):
        business = organisation.kind == OrganisationKind.BUSINESS
        assert is_valid_cvr(organisation.cvr) if business else organisation.cvr is None
        assert len(organisation.members) >= 2
    for seat in db.session.scalars(select(PanelMember)):
        assert seat.user.has_role(Role.PANEL_MEMBER)
        if seat.organisation is not None:
            assert seat.user_id in {m.user_id for m in seat.organisation.members}


def test_the_panel_reviews_open_proposals_without_its_conflicted_members(bench, db):
    bench(*SMALL)

    requests = db.session.scalars(select(PanelReviewRequest)).all()
    assert requests
    for request in requests:
        proposal = db.session.get(Proposal, request.proposal_id)
        ends = leaving(proposal, OPEN_WITH_DEPARTMENT) or utcnow()
        assert proposal.published_at <= request.created_at < ends
        conflicted = set(
            db.session.scalars(select(PanelConflict.member_id).filter_by(proposal_id=proposal.id))
        )
        for seat in db.session.scalars(select(PanelMember)):
            organisation = proposal.organisation
            members = {m.user_id for m in organisation.members} if organisation else set()
            conflict = seat.user_id == proposal.author_id or seat.user_id in members
            assert (seat.id in conflicted) == conflict
        for review in db.session.scalars(select(PanelReview).filter_by(request_id=request.id)):
            assert review.member_id not in conflicted
            assert request.created_at <= review.created_at < ends


def test_a_fresh_database_gets_the_demo_departments_and_themes_but_no_stories(bench, db):
    bench("--proposals", "20")

    slugs = set(db.session.scalars(select(Department.slug)))
    assert slugs == {spec.slug for spec in demo_content().departments}
    assert db.session.scalar(select(func.count()).select_from(Proposal)) == 20
    assert not db.session.scalar(select(User.id).where(User.email.like("%@demo.cocreate.dk")))


def test_the_same_seed_writes_the_same_set_and_a_second_run_adds_to_the_first(bench, db):
    options = ["--proposals", "60", "--seed", "11"]
    bench(*options)
    accounts = db.session.scalar(select(func.count()).select_from(User))

    bench(*options)

    assert db.session.scalar(select(func.count()).select_from(User)) == accounts
    first, second = proposals(db)[:60], proposals(db)[60:]
    once = [fingerprint(db, p, first[0]) for p in first]
    assert once == [fingerprint(db, p, second[0]) for p in second]
    # PostgreSQL's sequences were moved past the explicit ids: a new row gets a fresh one.
    db.session.add(User(email="ny@example.dk", name="Ny", password_hash="!"))
    db.session.commit()


def fingerprint(db, proposal, anchor) -> tuple:
    """The proposal without its ids, its times counted from the set's first proposal."""

    def since(at):
        return at - anchor.created_at if at else None

    comments = db.session.scalars(
        select(Comment).filter_by(proposal_id=proposal.id).order_by(Comment.id)
    ).all()
    return (
        proposal.title,
        proposal.body,
        proposal.status,
        proposal.author.email,
        proposal.department.slug if proposal.department else None,
        since(proposal.created_at),
        since(proposal.answer_due_at),
        [(c.action, since(c.created_at), c.actor.email) for c in proposal.status_changes],
        [(r.outcome, r.text, since(r.created_at)) for r in proposal.responses],
        [(c.body, c.author.email, since(c.created_at)) for c in comments],
        proposal.support_count,
    )


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--proposals", "0"], "0 is not in the range"),
        (["--proposals", "-5"], "-5 is not in the range"),
        (["--proposals", "1000001"], "1000001 is not in the range"),
        (["--proposals", "many"], "is not a valid integer"),
        (["--comments-per-proposal", "-1"], "is not in the range"),
        (["--comments-per-proposal", "101"], "is not in the range"),
        (["--supports-per-proposal", "501"], "is not in the range"),
        (["--seed", "-1"], "is not in the range"),
        (["--frobnicate", "3"], "No such option '--frobnicate'"),
    ],
)
def test_nonsense_arguments_are_refused_and_write_nothing(runner, db, options, message):
    result = runner.invoke(args=["bench-data", *options])

    assert result.exit_code == 2
    assert message in result.output
    assert rows_in(db) == {}


def test_a_failure_halfway_leaves_nothing_behind(runner, db, monkeypatch):
    monkeypatch.setattr("cocreate.demo.bench.command.BATCH", 20)
    calls = []

    def failing(real):
        def write(connection, model, rows):
            calls.append(model)
            if len(calls) == 40:
                raise OperationalError("INSERT", {}, Exception("disk full"))
            real(connection, model, rows)

        return write

    monkeypatch.setattr(writer, "_insert", failing(writer._insert))
    monkeypatch.setattr(writer, "_copy", failing(writer._copy))

    result = runner.invoke(args=["bench-data", "--proposals", "200"])

    assert result.exit_code == 1
    assert "Intet er skrevet" in result.output and "disk full" in result.output
    assert len(calls) == 40  # 39 writes went through before the failure
    assert rows_in(db) == {}
