"""The demo follows up accepted proposals part way: milestones reached, one late, others
ahead, and dated progress updates by the owning department, in the order they happened."""

from sqlalchemy import select

from cocreate.core.types import local_today, utcnow
from cocreate.departments.followup_queries import follow_up_of
from cocreate.departments.models import Milestone, ProgressUpdate
from cocreate.departments.notices import MILESTONE_DONE, PROGRESS_UPDATE
from cocreate.notifications.models import Notification
from cocreate.proposals.models import Proposal
from cocreate.proposals.permissions import is_staff_of_owner


def test_seed_demo_follows_up_accepted_proposals_part_way(seed, db):
    seed()
    now, today = utcnow(), local_today()
    followed = [
        db.session.get(Proposal, proposal_id)
        for proposal_id in db.session.scalars(select(Milestone.proposal_id).distinct())
    ]
    assert len(followed) >= 2
    overdue = 0
    for proposal in followed:
        follow_up = follow_up_of(proposal)
        assert 0 < follow_up.progress < 100, proposal.title
        assert follow_up.updates, proposal.title
        overdue += sum(follow_up.is_overdue(m) for m in follow_up.milestones)
        for milestone in follow_up.milestones:
            assert proposal.answered_at < milestone.created_at < now
            if milestone.done_on is not None:
                assert milestone.done_on <= today
                assert milestone.created_at < milestone.marked_done_at < now
        for update in follow_up.updates:
            assert proposal.answered_at < update.created_at < now
            assert update.department_id == proposal.department_id
            assert is_staff_of_owner(update.author, proposal)
            assert "<script" not in update.text_html
    assert overdue >= 1
    # The authors heard of it, at the time each thing happened.
    told = db.session.scalars(
        select(Notification).where(Notification.kind.in_([MILESTONE_DONE, PROGRESS_UPDATE]))
    ).all()
    assert {n.kind for n in told} == {MILESTONE_DONE, PROGRESS_UPDATE}
    updates = db.session.scalars(select(ProgressUpdate)).all()
    assert {n.created_at for n in told if n.kind == PROGRESS_UPDATE} <= {
        u.created_at for u in updates
    }
