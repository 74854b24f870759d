"""`cocreate seed-demo`: the demo municipality, built through the real services."""

from collections import Counter
from datetime import timedelta
from itertools import pairwise

from sqlalchemy import func, select

from cocreate.accounts.models import User
from cocreate.accounts.roles import Role
from cocreate.core.types import utcnow
from cocreate.demo.data import demo_content
from cocreate.demo.story import Draft, Submit
from cocreate.proposals.lifecycle import ANSWERED_STATUSES, Action, ProposalStatus, StatusChange
from cocreate.proposals.models import Proposal, Response, Routing
from cocreate.strategy.models import Department, Strategy

ACCOUNTS = demo_content().accounts

DEPARTMENTS = {
    "teknik-og-miljo": "Teknik og Miljø",
    "born-og-kultur": "Børn og Kultur",
    "social-og-sundhed": "Social og Sundhed",
    "beskaeftigelse": "Beskæftigelse",
    "staben": "Staben",
}
THEMES = {
    "Byens ressourcer – fremtidens løsninger": [
        "Læring og uddannelse",
        "Aktiv beskæftigelsesindsats og et rummeligt arbejdsmarked",
        "Et aktivt og sundt ældreliv",
        "Det nære sundhedsvæsen",
        "Helhed i social-psykiatrien",
        "Effektiv og borgervenlig betjening",
        "Den netværksorienterede by",
    ],
    "Ledetråd 2015": [
        "I mødet med borgeren – den gode serviceoplevelse",
        "I samspil med borgeren – sammen om velfærden",
        "I udvikling og læring – fremtidens kompetencer",
    ],
}


def row_counts(db) -> dict[str, int]:
    return {
        table.name: db.session.scalar(select(func.count()).select_from(table))
        for table in db.metadata.sorted_tables
    }


def test_seed_demo_builds_the_organisation(seed, db):
    seed()

    departments = {d.slug: d for d in db.session.scalars(select(Department))}
    assert {slug: d.name for slug, d in departments.items()} == DEPARTMENTS
    for department in departments.values():
        assert department.description
        assert 1 <= department.sla_acknowledge_days <= department.sla_answer_days
    strategies = db.session.scalars(select(Strategy)).all()
    assert {s.title: [t.title for t in s.themes] for s in strategies} == THEMES
    for theme in (theme for strategy in strategies for theme in strategy.themes):
        assert theme.department.slug in DEPARTMENTS

    users = db.session.scalars(select(User)).all()
    assert set().union(*(user.roles for user in users)) == set(Role)
    staffed = {
        membership.department.slug
        for user in users
        if user.has_role(Role.DEPARTMENT_STAFF)
        for membership in user.memberships
    }
    assert staffed == set(DEPARTMENTS)
    assert all(user.email.endswith("@demo.cocreate.dk") and user.is_active for user in users)


def test_seed_demo_reaches_every_status_at_least_twice_with_a_real_history(seed, db):
    seed()

    proposals = db.session.scalars(select(Proposal)).all()
    assert len(proposals) >= 30
    counts = Counter(proposal.status for proposal in proposals)
    assert all(counts[status] >= 2 for status in ProposalStatus), counts
    assert len({proposal.author_id for proposal in proposals}) >= 4
    for proposal in proposals:
        assert proposal.themes
        changes = proposal.status_changes
        if proposal.status == ProposalStatus.DRAFT:
            assert changes == []
            continue
        assert changes, proposal
        assert changes[-1].to_status == proposal.status
        assert all(a.to_status == b.from_status for a, b in pairwise(changes))
        if proposal.department_id is not None:
            assert proposal.routings[-1].to_department_id == proposal.department_id
            assert any(c.action == Action.APPROVE for c in changes)
        if proposal.status in ANSWERED_STATUSES:
            assert proposal.responses
    transfers = db.session.scalars(
        select(Routing).where(Routing.from_department_id.is_not(None))
    ).all()
    assert transfers and all(routing.reason for routing in transfers)
    assert db.session.scalar(select(func.count()).select_from(Response).where(Response.preliminary))


def test_seed_demo_spreads_the_history_over_past_months(seed, db):
    seed()
    now = utcnow()

    proposals = db.session.scalars(select(Proposal)).all()
    changes = db.session.scalars(select(StatusChange)).all()
    assert max(change.created_at for change in changes) < now
    assert (now - min(change.created_at for change in changes)).days > 90
    for proposal in proposals:
        times = [change.created_at for change in proposal.status_changes]
        assert times == sorted(times)
        preliminary = [r for r in proposal.responses if r.preliminary]
        if preliminary:
            # The final answer is due a number of days after the last comment window closes.
            window, department = preliminary[-1].comment_window_ends_at, preliminary[-1].department
            due_after = proposal.answer_due_at - window
            assert due_after == timedelta(days=department.sla_after_window_days)
        elif proposal.routed_at is not None:
            first = proposal.routings[0].to_department
            assert (proposal.answer_due_at - proposal.published_at).days == first.sla_answer_days
        if proposal.routed_at is not None:
            department = proposal.department
            ack_days = (proposal.acknowledge_due_at - proposal.routed_at).days
            assert ack_days == department.sla_acknowledge_days
    assert sum(proposal.is_overdue(now) for proposal in proposals) >= 2
    assert any(proposal.status.is_public and not proposal.is_overdue(now) for proposal in proposals)
    responses = db.session.scalars(select(Response).where(Response.preliminary)).all()
    assert any(response.comment_window_open(now) for response in responses)
    assert not all(response.comment_window_open(now) for response in responses)


def test_seed_demo_prints_every_account_with_a_password_that_works(seed, db):
    output = seed()

    for spec in ACCOUNTS:
        line = next(line for line in output.splitlines() if spec.email in line)
        assert spec.password in line
        user = db.session.scalar(select(User).where(User.email == spec.email))
        assert user.check_password(spec.password)
        assert all(role.value in line for role in user.roles)


def test_running_seed_demo_twice_duplicates_nothing(seed, db):
    seed()
    before = row_counts(db)

    output = seed()

    assert row_counts(db) == before
    assert "findes allerede" in output
    assert all(spec.email in output and spec.password in output for spec in ACCOUNTS)


def test_if_empty_seeds_an_empty_database_and_then_does_nothing(seed, db):
    assert "demo-borger-2026" in seed("--if-empty")
    before = row_counts(db)

    assert seed("--if-empty") == ""

    assert row_counts(db) == before


def test_if_empty_leaves_a_municipality_of_its_own_alone(seed, db, make_department):
    make_department(slug="vej-og-park", name="Vej og Park")

    assert seed("--if-empty") == ""

    assert db.session.scalar(select(func.count()).select_from(Proposal)) == 0


def test_seed_demo_refuses_when_its_names_are_taken(runner, db, make_department):
    make_department(slug="teknik-og-miljo", name="Teknik og Miljø")

    result = runner.invoke(args=["seed-demo"])

    assert result.exit_code == 1
    assert "teknik-og-miljo" in result.output
    assert db.session.scalar(select(func.count()).select_from(Department)) == 1


def test_every_demo_story_starts_with_writing_and_runs_forward_in_time():
    joined = {spec.key: spec.joined_days_ago for spec in ACCOUNTS}
    for demo in demo_content().proposals:
        days = [step.days_ago for step in demo.story]
        assert isinstance(demo.story[0], Draft | Submit), demo.title
        assert days == sorted(days, reverse=True) and len(set(days)) == len(days), demo.title
        assert days[-1] >= 1 and days[0] < joined[demo.author], demo.title
