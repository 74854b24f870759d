"""The demo's co-creation: organisations, comments, support, co-authors and the panel."""

from collections import Counter

from sqlalchemy import select

from cocreate.accounts.cvr import is_valid_cvr
from cocreate.accounts.models import Organisation, OrganisationKind, User
from cocreate.accounts.permissions import can_act_for
from cocreate.accounts.roles import Role
from cocreate.core.types import utcnow
from cocreate.demo.cocreation import Accept, Invite
from cocreate.demo.data import demo_content
from cocreate.demo.story import Approve
from cocreate.moderation.flags import flagged_comments
from cocreate.panel.conflicts import ConflictKind
from cocreate.panel.models import (
    PanelConflict,
    PanelMember,
    PanelReview,
    PanelReviewRequest,
    SeatType,
)
from cocreate.panel.permissions import REVIEWABLE_STATUSES, can_see_panel_summary
from cocreate.panel.queries import local_today, member_standing, panel_summary
from cocreate.proposals.models import (
    CoauthorStatus,
    Comment,
    CommentFlag,
    Follow,
    Proposal,
    ProposalCoauthor,
    Response,
    Support,
)
from cocreate.proposals.permissions import is_staff_of_owner


def all_of(db, model):
    return db.session.scalars(select(model)).all()


def test_seed_demo_registers_organisations_verified_and_not(seed, db):
    seed()

    organisations = all_of(db, Organisation)
    assert 3 <= len(organisations) <= 4
    assert {o.kind for o in organisations} == set(OrganisationKind)
    verified = [o for o in organisations if o.is_verified]
    assert verified and len(verified) < len(organisations)
    for organisation in verified:
        verifier = db.session.get(User, organisation.verified_by_id)
        assert verifier.roles & {Role.MODERATOR, Role.ADMIN}
        assert not can_act_for(verifier, organisation)
    for organisation in organisations:
        assert any(can_act_for(m.user, organisation) for m in organisation.memberships)
        if organisation.kind == OrganisationKind.BUSINESS:
            assert is_valid_cvr(organisation.cvr)
        else:
            assert organisation.cvr is None
    proposed_for = [p for p in all_of(db, Proposal) if p.organisation is not None]
    assert len({p.organisation_id for p in proposed_for}) >= 3
    assert all(can_act_for(p.author, p.organisation) for p in proposed_for)


def test_seed_demo_discusses_public_proposals(seed, db):
    seed()
    now = utcnow()

    comments = all_of(db, Comment)
    by_proposal = Counter(comment.proposal_id for comment in comments)
    assert len(by_proposal) >= 15
    assert all(2 <= count <= 6 for count in by_proposal.values()), by_proposal
    for comment in comments:
        proposal = db.session.get(Proposal, comment.proposal_id)
        assert proposal.status.is_public
        assert proposal.published_at < comment.created_at < now
        assert comment.author.created_at < comment.created_at
        if comment.parent_id is not None:
            parent = db.session.get(Comment, comment.parent_id)
            assert parent.proposal_id == proposal.id and parent.parent_id is None
            assert parent.created_at < comment.created_at
        if comment.organisation is not None:
            assert can_act_for(comment.author, comment.organisation)
    assert sum(comment.parent_id is not None for comment in comments) >= 10
    assert any(comment.organisation is not None for comment in comments)

    official = [comment for comment in comments if comment.official_department_id is not None]
    assert official
    for comment in official:
        proposal = db.session.get(Proposal, comment.proposal_id)
        assert comment.parent_id is not None
        assert is_staff_of_owner(comment.author, proposal)

    answered = [comment for comment in comments if comment.response_id is not None]
    assert len(answered) >= 2
    assert all(db.session.get(Response, c.response_id).comment_window_open(now) for c in answered)

    hidden = list(db.session.scalars(flagged_comments()))
    assert len(hidden) == 1 and not hidden[0].is_visible
    flags = all_of(db, CommentFlag)
    assert len(flags) == hidden[0].flag_count == 3
    assert all(flag.comment_id == hidden[0].id and flag.resolved_at is None for flag in flags)

    for proposal in all_of(db, Proposal):
        shown = [c for c in comments if c.proposal_id == proposal.id and c.is_visible]
        assert proposal.comment_count == len(shown), proposal.title


def test_seed_demo_spreads_support_and_follows(seed, db):
    seed()

    supports = all_of(db, Support)
    proposals = all_of(db, Proposal)
    counts = Counter(support.proposal_id for support in supports)
    for proposal in proposals:
        assert proposal.support_count == counts[proposal.id], proposal.title
        supporters = {s.user_id for s in supports if s.proposal_id == proposal.id}
        assert proposal.author_id not in supporters
    assert max(counts.values()) >= 10
    assert len(set(counts.values())) >= 8, "most supported must sort into a real order"
    assert any(p.support_count == 0 and p.status in REVIEWABLE_STATUSES for p in proposals)
    assert len({support.user_id for support in supports}) >= 12

    follows = all_of(db, Follow)
    assert sum(follow.theme_id is not None for follow in follows) >= 5
    authors = {(p.author_id, p.id) for p in proposals}
    others = [f for f in follows if f.proposal_id and (f.user_id, f.proposal_id) not in authors]
    assert len(others) >= 5


def test_seed_demo_has_coauthors_accepted_and_invited(seed, db):
    seed()

    coauthors = all_of(db, ProposalCoauthor)
    statuses = Counter(coauthor.status for coauthor in coauthors)
    assert statuses[CoauthorStatus.ACCEPTED] >= 1 and statuses[CoauthorStatus.INVITED] >= 1
    follows = {(f.user_id, f.proposal_id) for f in all_of(db, Follow)}
    for coauthor in coauthors:
        if coauthor.status == CoauthorStatus.ACCEPTED:
            assert (coauthor.user_id, coauthor.proposal_id) in follows
            assert coauthor.created_at < coauthor.responded_at


def test_seed_demo_asks_the_panel_and_records_reviews_and_conflicts(seed, db):
    seed()
    today = local_today()

    requests = all_of(db, PanelReviewRequest)
    assert 3 <= len(requests) <= 5
    proposals = {r.proposal_id: db.session.get(Proposal, r.proposal_id) for r in requests}
    open_requests = [r for r in requests if proposals[r.proposal_id].status in REVIEWABLE_STATUSES]
    assert len(open_requests) >= 3
    assert any(r.due_date < today for r in open_requests), "one request is overdue"
    assert any(r.due_date >= today for r in open_requests)
    assert len({r.due_date for r in requests}) == len(requests)

    reviews = all_of(db, PanelReview)
    assert len({review.recommendation for review in reviews}) == 3
    assert len({tuple(review.scores.values()) for review in reviews}) >= 5
    summaries = [panel_summary(r.proposal_id) for r in requests]
    assert max(summary.review_count for summary in summaries) >= 3
    assert any(
        can_see_panel_summary(None, proposals[r.proposal_id]) and s.review_count
        for r, s in zip(requests, summaries, strict=True)
    ), "an answered proposal shows its panel's summary to everyone"

    members = {m.id: m for m in all_of(db, PanelMember)}
    assert {member.seat_type for member in members.values()} == set(SeatType)
    kinds = set()
    for conflict in all_of(db, PanelConflict):
        proposal, member = proposals[conflict.proposal_id], members[conflict.member_id]
        assert not any(r.proposal_id == proposal.id and r.member_id == member.id for r in reviews)
        kinds.add(member_standing(member.user, proposal).conflict.kind)
    assert {ConflictKind.ORGANISATION, ConflictKind.DECLARED} <= kinds


def test_seed_demo_stays_a_bounded_number_of_statements(seed, db, count_queries):
    """What keeps `make run` quick on a fresh machine: seed-demo runs a few thousand SQL
    statements (about 8,900 today, some 190 for each of its 45 proposals), not one per row
    it could have batched. Its time is for bench/, not for a test on a noisy machine."""
    with count_queries() as counter:
        seed()

    assert counter.count < 10_000


def test_every_engagement_step_keeps_its_time_in_order():
    for demo in demo_content().proposals:
        steps = demo.timeline()
        days = [step.days_ago for step in steps]
        assert len(set(days)) == len(days) and days[-1] >= 1, demo.title
        published = next((s.days_ago for s in demo.story if isinstance(s, Approve)), None)
        for step in demo.engagement:
            if not isinstance(step, Invite | Accept):  # co-authors may join a draft
                assert published is not None and step.days_ago < published, demo.title
